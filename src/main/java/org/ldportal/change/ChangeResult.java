package org.ldportal.change;

import org.jspecify.annotations.Nullable;

/**
 * How one change sent through {@link AuditedCall} ended, in the four shapes a page must
 * tell apart. Each is recorded in the audit trail with the matching outcome (SUCCEEDED,
 * REJECTED, FAILED, UNKNOWN).
 *
 * @param <T> what LaunchDarkly answered on success
 */
public sealed interface ChangeResult<T> {

    /** What went wrong, in words for the page: null for a success. */
    default @Nullable String problem() {
        if (this instanceof Refused<T> refused) {
            return refused.message();
        }
        if (this instanceof Failed<T> failed) {
            return failed.message();
        }
        if (this instanceof MayExist<T> unclear) {
            return unclear.message();
        }
        return null;
    }

    /** LaunchDarkly answered 2xx. */
    record Succeeded<T>(T resource, @Nullable String link) implements ChangeResult<T> {
    }

    /**
     * LaunchDarkly answered 4xx, or a portal guardrail refused before any call
     * ({@code status} null). Nothing was changed; the person can correct the form and try
     * again.
     *
     * @param target where the message belongs on the form
     * @param message plain language: what is wrong and what to do
     * @param detail LaunchDarkly's own message with secrets scrubbed, or null
     * @param status LaunchDarkly's HTTP status, or null for a guardrail
     * @param link where to see what the change conflicts with, or null
     */
    record Refused<T>(RefusalTarget target, String message, @Nullable String detail, @Nullable Integer status,
            @Nullable String link) implements ChangeResult<T> {

        public boolean isConflict() {
            return status != null && status == 409;
        }

        public boolean isNotFound() {
            return status != null && status == 404;
        }

        /**
         * The same refusal, placed and worded by a feature that knows more (a 409 on an
         * environment key, say).
         */
        public Refused<T> at(RefusalTarget target, String message) {
            return new Refused<>(target, message, detail, status, link);
        }

        public Refused<T> withLink(@Nullable String link) {
            return new Refused<>(target, message, detail, status, link);
        }

        /**
         * Where a refusal held back by an earlier, unsettled attempt links: that
         * attempt's audit entry.
         */
        static String heldBy(long earlierStartedId) {
            return HELD_BY + earlierStartedId;
        }

        /**
         * Whether it was held back by an earlier attempt ({@link #link()} is that
         * attempt's audit entry).
         */
        public boolean isHeld() {
            return status == null && link != null && link.startsWith(HELD_BY);
        }

        private static final String HELD_BY = "/audit/";

    }

    /**
     * The request never reached LaunchDarkly (or was never sent): nothing was changed,
     * trying again is safe.
     */
    record Failed<T>(String message) implements ChangeResult<T> {
    }

    /**
     * The request was sent and no clear answer came (a timeout, a 5xx, an error after the
     * answer): the change may have been made. For a create the portal can look for, it
     * asks LaunchDarkly at once and again until the request can no longer be in flight
     * ({@code attemptId}: the outcome will be on that audit entry); otherwise the person
     * must check before trying again. {@code found} says where it is when a look found
     * it.
     */
    record MayExist<T>(String message, @Nullable String detail, @Nullable Sent found,
            @Nullable Long attemptId) implements ChangeResult<T> {

        public MayExist(String message, @Nullable String detail) {
            this(message, detail, null, null);
        }

        public MayExist(String message, @Nullable String detail, @Nullable Sent found) {
            this(message, detail, found, null);
        }

        /**
         * The portal is checking by itself: the outcome will be on the attempt's audit
         * entry.
         */
        public boolean beingChecked() {
            return attemptId != null && found == null;
        }
    }

}
