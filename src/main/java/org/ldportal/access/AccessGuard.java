package org.ldportal.access;

import org.jspecify.annotations.Nullable;
import org.ldportal.audit.AuditAttempt;
import org.ldportal.audit.AuditOutcome;
import org.ldportal.audit.AuditTrail;
import org.ldportal.change.ChangeGuard;
import org.ldportal.change.NotAllowedException;
import org.ldportal.launchdarkly.NotAKeyException;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Enforces the access rules on a request that names where it acts: a form sent, a
 * fragment asked for, a change about to be sent. A refusal is recorded as REJECTED ("not
 * allowed in project X") and thrown as {@link NotAllowedException}, which the web module
 * answers with a plain 403 page. Pages only offer what a person may act on, so a refusal
 * here means a key was changed in the page or the rules changed meanwhile.
 */
@Component
public class AccessGuard implements ChangeGuard {

    static final String ERROR_CODE = "not-allowed";

    private static final Logger log = LoggerFactory.getLogger(AccessGuard.class);

    private final ProjectAccess access;

    private final AuditTrail audit;

    public AccessGuard(ProjectAccess access, AuditTrail audit) {
        this.access = access;
        this.audit = audit;
    }

    /**
     * Requires {@code role} where the attempt acts: its project and environment, or the
     * account when it names no project. An empty key is left to the form's own
     * validation.
     */
    @Override
    public void require(AuditAttempt attempt, PortalRole role) {
        refuseUnless(attempt, refusal(attempt.actor(), role, attempt.projectKey(), attempt.environmentKey()));
    }

    /**
     * Requires {@code role} in the attempt's project and environment, for a form that
     * acts in a project: while no project is chosen yet there is nothing to check.
     */
    public void requireInProject(AuditAttempt attempt, PortalRole role) {
        if (attempt.projectKey() != null && !attempt.projectKey().isBlank()) {
            require(attempt, role);
        }
    }

    /**
     * Requires the viewer role where something that exists is shown (its project and
     * environment, or the account). Nothing is attempted, so nothing is recorded; the
     * answer is the same 403 page.
     */
    public void requireToSee(CurrentUser user, @Nullable String projectKey, @Nullable String environmentKey) {
        String place = unseen(user, projectKey, environmentKey);
        if (place != null) {
            throw new NotAllowedException(place);
        }
    }

    /**
     * As {@link #requireToSee}, before what a change is about is looked up: a person who
     * may not even see it is refused, and the refusal is recorded, as every refused
     * change is, with the change's action and where it was aimed.
     */
    public void requireToSeeBeforeChange(AuditAttempt attempt) {
        refuseUnless(attempt, unseen(attempt.actor(), attempt.projectKey(), attempt.environmentKey()));
    }

    /** Where the person may not see, in words, or null when they may. */
    private @Nullable String unseen(CurrentUser user, @Nullable String projectKey, @Nullable String environmentKey) {
        if (projectKey != null && projectKey.isBlank()) {
            // A blank key from an address is no project, and never the account.
            throw new NotAKeyException(projectKey);
        }
        if (projectKey == null) {
            boolean mayInAccount = access.mayInAccount(user, PortalRole.VIEWER)
                    || access.mayInAccount(user, PortalRole.EDITOR) || access.mayInAccount(user, PortalRole.ADMIN);
            return mayInAccount ? null : "to see the account's integrations";
        }
        if (!maySee(user, projectKey, environmentKey)) {
            return environmentKey != null && maySee(user, projectKey, null)
                    ? "in environment " + environmentKey + " of project " + projectKey : "in project " + projectKey;
        }
        return null;
    }

    /**
     * Whether the person holds any role in this project and environment (lists show only
     * what they may see).
     */
    public boolean maySee(CurrentUser user, String projectKey, @Nullable String environmentKey) {
        for (PortalRole role : PortalRole.values()) {
            if (access.may(user, role, projectKey, environmentKey)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the person may change what is in this project and environment (pages offer
     * the buttons only then).
     */
    public boolean mayChange(CurrentUser user, String projectKey, @Nullable String environmentKey, PortalRole role) {
        return access.may(user, role, projectKey, environmentKey);
    }

    /** Whether the person may change what belongs to the account (integrations). */
    public boolean mayChangeAccount(CurrentUser user) {
        return access.mayInAccount(user, PortalRole.EDITOR);
    }

    private void refuseUnless(AuditAttempt attempt, @Nullable String place) {
        if (place == null) {
            return;
        }
        if (pageOpened()) {
            // Opening a page is no attempt: a link another site planted would otherwise
            // write refusals in the name of whoever follows it. Only what is sent is
            // recorded.
            throw new NotAllowedException(place);
        }
        try {
            audit.record(attempt.withOutcome(AuditOutcome.REJECTED, null, ERROR_CODE, "Not allowed " + place, null));
        }
        catch (RuntimeException e) {
            // Nothing is sent either way; the person still gets the 403.
            log.error("A refused {} of {} could not be recorded: {}", attempt.action(), attempt.resourceType(),
                    e.getClass().getName());
        }
        throw new NotAllowedException(place);
    }

    /** The request being answered only shows a page (GET or HEAD): it changes nothing. */
    private static boolean pageOpened() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && ("GET".equals(request.getRequest().getMethod()) || "HEAD".equals(request.getRequest().getMethod()));
    }

    /** Where the person lacks the role, in words, or null when they hold it. */
    private @Nullable String refusal(CurrentUser user, PortalRole role, @Nullable String projectKey,
            @Nullable String environmentKey) {
        if (projectKey == null || projectKey.isBlank()) {
            return access.mayInAccount(user, role) ? null : "to change the account's integrations";
        }
        String environment = environmentKey == null || environmentKey.isBlank() ? null : environmentKey;
        if (access.may(user, role, projectKey, environment)) {
            return null;
        }
        if (environment != null && access.may(user, role, projectKey, null)) {
            return "in environment " + environment + " of project " + projectKey;
        }
        return "in project " + projectKey;
    }

}
