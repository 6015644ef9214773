package org.ldportal.approval;

import org.ldportal.security.CurrentUser;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The header's "Requests" link and its badge: how many of the person's requests wait for
 * a decision or were settled since they last looked. Only with approval rules; then one
 * indexed count per page.
 */
@ControllerAdvice
class ApprovalBadgeAdvice {

    private final ApprovalRules rules;

    private final Approvals approvals;

    ApprovalBadgeAdvice(ApprovalRules rules, Approvals approvals) {
        this.rules = rules;
        this.approvals = approvals;
    }

    @ModelAttribute
    void badge(Authentication authentication, Model model) {
        if (!rules.configured() || authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return;
        }
        model.addAttribute("approvalsOn", true);
        model.addAttribute("approvalBadge", approvals.badge(CurrentUser.from(authentication)));
    }

}
