package org.ldportal.approval;

import org.jspecify.annotations.Nullable;
import org.ldportal.change.pages.ReviewPages;
import org.ldportal.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The requests for approval: the list, one request's review page, and the approver's
 * decision.
 */
@Controller
@RequestMapping("/requests")
class ApprovalController {

    /**
     * A comment is a sentence or two; a longer one is cut at the column's size, never
     * refused.
     */
    private static final int MAX_COMMENT = 4000;

    private final Approvals approvals;

    private final ReviewPages reviews;

    ApprovalController(Approvals approvals, ReviewPages reviews) {
        this.approvals = approvals;
        this.reviews = reviews;
    }

    @GetMapping
    String list(@RequestParam(name = "status", required = false) @Nullable String status, Model model,
            CurrentUser viewer) {
        RequestStatus chosen = status(status);
        model.addAttribute("requests",
                approvals.visibleTo(viewer, chosen)
                    .stream()
                    .map(request -> new Row(request, approvals.mayDecide(request, viewer)))
                    .toList());
        model.addAttribute("statuses", RequestStatus.values());
        model.addAttribute("status", chosen);
        return "requests/list";
    }

    @GetMapping("/{id:\\d+}")
    String detail(@PathVariable long id, Model model, CurrentUser viewer) {
        // A request the person may not see answers 404, as a missing one does: ids cannot
        // be probed.
        ApprovalRequest request = approvals.find(id, viewer)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (approvals.seen(request, viewer)) {
            // The header's count was taken before this page marked the request seen.
            model.addAttribute("approvalBadge", approvals.badge(viewer));
        }
        model.addAttribute("request", request);
        reviews.present(model, request.review());
        model.addAttribute("mayDecide", approvals.mayDecide(request, viewer));
        model.addAttribute("checks", approvals.checks(request, viewer).orElse(null));
        model.addAttribute("rightsAsOf", approvals.requesterRightsAsOf(request));
        model.addAttribute("ownRequest", request.requesterSubject().equals(viewer.subject()));
        return "requests/detail";
    }

    @PostMapping("/{id:\\d+}/approve")
    String approve(@PathVariable long id, @RequestParam(name = "comment", required = false) @Nullable String comment,
            CurrentUser person, RedirectAttributes redirect) {
        CurrentUser approver = visible(id, person);
        Decision decision = approvals.approve(id, approver, bounded(comment));
        redirect.addFlashAttribute("decided", decision instanceof Decision.Approved approved ? approved.message()
                : ((Decision.NotTaken) decision).reason());
        redirect.addFlashAttribute("decisionTaken", decision instanceof Decision.Approved);
        return "redirect:/requests/" + id;
    }

    @PostMapping("/{id:\\d+}/decline")
    String decline(@PathVariable long id, @RequestParam(name = "comment", required = false) @Nullable String comment,
            CurrentUser person, RedirectAttributes redirect) {
        CurrentUser approver = visible(id, person);
        Decision decision = approvals.decline(id, approver, bounded(comment));
        redirect.addFlashAttribute("decided", decision instanceof Decision.Declined ? "Declined: nothing will be sent."
                : ((Decision.NotTaken) decision).reason());
        redirect.addFlashAttribute("decisionTaken", decision instanceof Decision.Declined);
        return "redirect:/requests/" + id;
    }

    private CurrentUser visible(long id, CurrentUser person) {
        approvals.find(id, person).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return person;
    }

    private static @Nullable String bounded(@Nullable String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        String stripped = comment.strip();
        return stripped.length() > MAX_COMMENT ? stripped.substring(0, MAX_COMMENT) : stripped;
    }

    private static @Nullable RequestStatus status(@Nullable String status) {
        for (RequestStatus candidate : RequestStatus.values()) {
            if (candidate.name().equalsIgnoreCase(status)) {
                return candidate;
            }
        }
        return null;
    }

    /** A request in the list, and whether the viewer may decide it. */
    record Row(ApprovalRequest request, boolean mayDecide) {
    }

}
