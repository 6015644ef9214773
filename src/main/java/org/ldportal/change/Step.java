package org.ldportal.change;

import org.jspecify.annotations.Nullable;

/** Where a submit stands after the {@link ChangeFlow}: what the page shows next. */
public sealed interface Step<T> {

    /**
     * Valid, not confirmed yet (or held back by what the checks with LaunchDarkly found):
     * the review page, saying whose approval it needs if any.
     */
    record ShowReview<T>(Review review, @Nullable String approvalNote, Checks checks) implements Step<T> {

        public ShowReview(Review review, @Nullable String approvalNote) {
            this(review, approvalNote, Checks.NONE);
        }
    }

    /** Kept as a request for a second person's approval: nothing sent. */
    record Requested<T>(long requestId) implements Step<T> {
    }

    /**
     * The form's one-time token was missing or someone else's: nothing sent, the form is
     * shown again.
     */
    record OutOfDate<T>() implements Step<T> {
    }

    /**
     * Not the first submit of its token: what the first came to (its result page, or that
     * it is in progress).
     */
    record Repeated<T>(Submissions.Claim<?> claim) implements Step<T> {
    }

    /**
     * Sent (or refused before sending): how it ended, and on success the result page made
     * of what it answered.
     */
    record Done<T>(ChangeResult<T> result, @Nullable Object resultPage) implements Step<T> {

        public Done(ChangeResult<T> result) {
            this(result, null);
        }
    }

}
