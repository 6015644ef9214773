package org.ldportal.change;

import org.ldportal.audit.AuditAttempt;
import org.ldportal.audit.AuditEntry;
import org.ldportal.audit.AuditFilter;
import org.ldportal.audit.AuditOutcome;
import org.ldportal.audit.AuditQueries;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.ldportal.security.ProjectAccess;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Check now" on an audit entry whose outcome is unknown: asks LaunchDarkly and records what it found. */
@Controller
class SettlementController {

    private final AuditQueries queries;
    private final Settlement settlement;
    private final ProjectAccess access;

    SettlementController(AuditQueries queries, Settlement settlement, ProjectAccess access) {
        this.queries = queries;
        this.settlement = settlement;
        this.access = access;
    }

    @PostMapping("/audit/{id:\\d+}/check")
    String check(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.from(authentication);
        // As on the detail page: an entry the person may not read answers 404, as a missing one does; one they may
        // read but not settle (someone else's, for a person whose roles come from rules) too.
        AuditEntry entry = queries.find(id, AuditQueries.visibleTo(access.readScope(user), AuditFilter.none()))
                .filter(found -> user.hasRole(PortalRole.EDITOR) || user.subject().equals(found.actorSubject()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if ((entry.outcome() != AuditOutcome.UNKNOWN && entry.outcome() != AuditOutcome.STARTED) || queries.isFollowed(entry)) {
            redirect.addFlashAttribute("checked", "This attempt's outcome is already known.");
            return "redirect:/audit/" + id;
        }
        AuditAttempt attempt = AuditAttempt.by(user, entry.action(), entry.resourceType())
                .withTarget(entry.projectKey(), entry.environmentKey(), entry.integrationKey())
                .withResource(entry.resourceName(), entry.resourceKey(), entry.resourceId());
        Settlement.Finding finding = settlement.settle(attempt, entry.attemptId() != null ? entry.attemptId() : entry.id());
        redirect.addFlashAttribute("checked", finding instanceof Settlement.Finding.Exists
                ? "LaunchDarkly has it: it was created. The outcome is now recorded as succeeded."
                : finding instanceof Settlement.Finding.Absent
                        ? "LaunchDarkly does not have it: nothing was created. The outcome is now recorded as failed."
                        : "LaunchDarkly could not tell just now. Try again in a few minutes.");
        return "redirect:/audit/" + id;
    }
}
