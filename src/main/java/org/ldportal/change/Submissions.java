package org.ldportal.change;

import org.ldportal.change.internal.SubmissionContext;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.ldportal.security.CurrentUser;

/**
 * One-time submission tokens: each rendered form carries a fresh token, and only the
 * first submit of a token is sent to LaunchDarkly. A repeat (double click, two tabs, back
 * and resubmit, reload) gets the first submit's result, or is told it is still in
 * progress; two at the same moment cause one call.
 */
public interface Submissions {

    /**
     * Claims the token for this submit; anything but {@link Claim.Claimed} means: do not
     * send.
     */
    <T> Claim<T> claim(@Nullable String token, CurrentUser actor, Class<T> resultType);

    /**
     * What an earlier submit of this token by this person came to, without claiming it:
     * empty when the token is unused, freed, malformed or someone else's. For a page
     * whose subject a first submit removed (a delete), which cannot be read again to take
     * the flow's steps.
     */
    <T> Optional<Claim<T>> earlier(@Nullable String token, CurrentUser actor, Class<T> resultType);

    /**
     * Settles a claimed token: a success is kept to answer repeats; a refusal or failure
     * frees the token.
     */
    void settle(String token, ChangeResult<?> result, @Nullable Object resultPage);

    /**
     * The attempt a token sent, whose answer was unclear, was settled later by a check: a
     * repeat of the token then says what was found ({@link Claim.Settled}) instead of
     * sending it again.
     */
    void settledLater(String token, boolean created, @Nullable String link, long attemptId);

    /**
     * Sends the change of a claimed token and settles the token with what came of it;
     * should sending throw, the token is settled as "may exist", so that a repeat is
     * never sent blindly.
     * @param resultPage what a repeat shows, from the resource a success answered
     */
    default <T> ChangeResult<T> send(String token, Supplier<ChangeResult<T>> change, Function<T, ?> resultPage) {
        ChangeResult<T> result;
        try {
            // The attempt records the token, which follows its outcome should the answer
            // be settled later.
            result = SubmissionContext.sending(token, change);
        }
        catch (RuntimeException e) {
            settle(token, new ChangeResult.MayExist<>("", null), null);
            throw e;
        }
        settle(token, result,
                result instanceof ChangeResult.Succeeded<T> succeeded ? resultPage.apply(succeeded.resource()) : null);
        return result;
    }

    /** What a claim found. */
    sealed interface Claim<T> {

        /** The first submit of this token: send it. */
        record Claimed<T>() implements Claim<T> {
        }

        /** The token is missing or malformed: the form is out of date. */
        record Missing<T>() implements Claim<T> {
        }

        /** The first submit is still being sent. */
        record InProgress<T>() implements Claim<T> {
        }

        /** The first submit succeeded: its result page. */
        record Succeeded<T>(T resultPage) implements Claim<T> {
        }

        /**
         * The first submit may have created the resource, and the portal is checking: not
         * sent again.
         */
        record MayExist<T>(@Nullable Long attemptId) implements Claim<T> {

            public MayExist() {
                this(null);
            }
        }

        /**
         * The first submit's unclear answer was settled later: created ({@code link}) or
         * not.
         */
        record Settled<T>(boolean created, @Nullable String link, @Nullable Long attemptId) implements Claim<T> {
        }

    }

}
