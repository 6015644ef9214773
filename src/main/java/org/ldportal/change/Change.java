package org.ldportal.change;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.ldportal.audit.AuditAttempt;

/**
 * One change a feature asks {@link AuditedCall} to send: the audit attempt that describes
 * it (secrets already redacted), how to speak of it, and how to place LaunchDarkly's
 * refusals on the form.
 *
 * @param attempt who, what and where, and the redacted request body
 * @param what the resource in words, for messages ("the destination")
 * @param done what succeeding means, in words ("created")
 * @param successStatus the status LaunchDarkly answers on success, as recorded (the
 * client returns the body only)
 * @param secretValues values typed into secret fields: scrubbed from LaunchDarkly's
 * messages before they are shown or stored
 * @param locator where LaunchDarkly's message belongs on the form
 * @param notFound what a 404 means for this change, in words that name what was not found
 * (a create's project, environment or integration)
 */
public record Change(AuditAttempt attempt, String what, String done, int successStatus, List<String> secretValues,
        Locator locator, String notFound) {

    /** A 404 on a create whose feature did not say more. */
    static final String NOT_FOUND = "LaunchDarkly could not find what the form points at; it may have been renamed or "
            + "deleted. Reload the page and choose again.";

    public Change(AuditAttempt attempt, String what, String done, int successStatus, List<String> secretValues,
            Locator locator) {
        this(attempt, what, done, successStatus, secretValues, locator, NOT_FOUND);
    }

    /** Places LaunchDarkly's own message (secrets scrubbed; may be null) on the form. */
    @FunctionalInterface
    public interface Locator {

        RefusalTarget locate(@Nullable String detail);

    }

    public Change {
        secretValues = List.copyOf(secretValues);
    }

    /**
     * A change of something that exists (its attempt's action one of the above but
     * CREATE): answered {@code status} (200 for a patch, 204 for a delete); a 409 or 404
     * means it changed meanwhile, and the message says so.
     */
    public static Change of(AuditAttempt attempt, String what, String done, int status) {
        return new Change(attempt, what, done, status, List.of(), detail -> RefusalTarget.WHOLE_FORM);
    }

    /**
     * A create: answered 201, refusals above the form unless {@link #locatedBy located}
     * otherwise.
     */
    public static Change create(AuditAttempt attempt, String what) {
        return new Change(attempt, what, "created", 201, List.of(), detail -> RefusalTarget.WHOLE_FORM);
    }

    public Change scrubbing(Collection<String> secretValues) {
        return new Change(attempt, what, done, successStatus, List.copyOf(secretValues), locator, notFound);
    }

    public Change locatedBy(Locator locator) {
        return new Change(attempt, what, done, successStatus, secretValues, locator, notFound);
    }

    /**
     * What a 404 means here: which of what the change points at LaunchDarkly does not
     * have.
     */
    public Change whenNotFound(String message) {
        return new Change(attempt, what, done, successStatus, secretValues, locator, message);
    }
}
