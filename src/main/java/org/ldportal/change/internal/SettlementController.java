package org.ldportal.change.internal;

import org.ldportal.change.UnknownOutcomes;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.ldportal.audit.AuditEntry;
import org.ldportal.audit.AuditFilter;
import org.ldportal.audit.AuditQueries;
import org.ldportal.audit.ReadScopes;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Check now" on an audit entry whose outcome is unknown: asks LaunchDarkly and records
 * what it proves.
 */
@Controller
class SettlementController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'")
        .withZone(ZoneOffset.UTC);

    private final AuditQueries queries;

    private final UnknownOutcomes outcomes;

    private final ReadScopes access;

    public SettlementController(AuditQueries queries, UnknownOutcomes outcomes, ReadScopes access) {
        this.queries = queries;
        this.outcomes = outcomes;
        this.access = access;
    }

    @PostMapping("/audit/{id:\\d+}/check")
    String check(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
        // As on the detail page: an entry the person may not read answers 404, as a
        // missing one does; one they may
        // read but not settle (someone else's, for a person whose roles come from rules)
        // too.
        AuditEntry entry = queries.find(id, AuditQueries.visibleTo(access.readScope(user), AuditFilter.none()))
            .filter(found -> user.hasRole(PortalRole.EDITOR) || user.subject().equals(found.actorSubject()))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!queries.isUnsettled(entry)) {
            redirect.addFlashAttribute("checked", "This attempt's outcome is already known.");
            return "redirect:/audit/" + id;
        }
        UnknownOutcomes.Settled settled = outcomes.checkNow(entry, user.displayName() + " (" + user.subject() + ")");
        redirect.addFlashAttribute("checked", inWords(settled));
        return "redirect:/audit/" + id;
    }

    private static String inWords(UnknownOutcomes.Settled settled) {
        if (settled instanceof UnknownOutcomes.Settled.Found) {
            return "LaunchDarkly has it: it was created. The outcome is now recorded as succeeded.";
        }
        if (settled instanceof UnknownOutcomes.Settled.NotCreated) {
            return "LaunchDarkly does not have it, and the request can no longer be in flight: nothing was created. The "
                    + "outcome is now recorded as failed.";
        }
        if (settled instanceof UnknownOutcomes.Settled.NotYet notYet) {
            return "LaunchDarkly does not have it yet, but the request may still be in flight, so that proves nothing. "
                    + (notYet.automatic()
                            ? "The portal looks again at " + TIME.format(notYet.nextLook()) + " by itself."
                            : "Ask again after " + TIME.format(notYet.nextLook()) + ".");
        }
        if (settled instanceof UnknownOutcomes.Settled.StillSending) {
            return "It is still being sent to LaunchDarkly: its own answer comes first. Look again in a minute.";
        }
        if (settled instanceof UnknownOutcomes.Settled.AlreadyKnown) {
            return "This attempt's outcome is already known.";
        }
        return "LaunchDarkly could not tell just now. Try again in a few minutes.";
    }

}
