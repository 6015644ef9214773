package org.ldportal.change;

import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.ldportal.security.CurrentUser;

/**
 * A change a feature has prepared from a valid form, for the {@link ChangeFlow} to take
 * through its steps: what the approval rules look at (and a request keeps), the review
 * (worked out once, when first asked for), how to send it, and what a repeat of the
 * form's submit shows. Built with {@link #of} and the {@code with...} steps.
 *
 * @param <T> what a success answers, from which the result page is made
 */
public final class PreparedChange<T> {

    /** Sends the change as {@code user}, directly or once approved ({@code origin}). */
    @FunctionalInterface
    public interface Sender<T> {

        ChangeResult<T> send(CurrentUser user, ChangeOrigin origin);

    }

    /** Sends an approved change as its requester, whatever it answers. */
    @FunctionalInterface
    public interface ApprovedSender {

        ChangeResult<?> send(CurrentUser requester, ChangeOrigin origin);

    }

    private final @Nullable PendingChange pending;

    private final Supplier<Review> review;

    private final Sender<T> sender;

    private final Class<?> resultType;

    private final Function<T, ?> resultPage;

    private final boolean reviewed;

    private final Function<CurrentUser, ChangeResult.@Nullable Refused<T>> guardrails;

    private final boolean approvable;

    private @Nullable Review worked;

    private PreparedChange(@Nullable PendingChange pending, Supplier<Review> review, Sender<T> sender,
            Class<?> resultType, Function<T, ?> resultPage, boolean reviewed,
            Function<CurrentUser, ChangeResult.@Nullable Refused<T>> guardrails, boolean approvable) {
        this.approvable = approvable;
        this.pending = pending;
        this.review = review;
        this.sender = sender;
        this.resultType = resultType;
        this.resultPage = resultPage;
        this.reviewed = reviewed;
        this.guardrails = guardrails;
    }

    /**
     * A change shown for review before it is sent; a repeat of its submit shows what a
     * success answered (the answer itself, unless {@link #repeatedAs} says otherwise).
     */
    public static <T> PreparedChange<T> of(PendingChange pending, Supplier<Review> review, Class<T> answer,
            Sender<T> sender) {
        return new PreparedChange<>(pending, review, sender, answer, made -> made, true, user -> null, true);
    }

    /**
     * A change a second person approved, made again from what its request kept: only how
     * to send it. Its rules were judged, its review shown and its token claimed when it
     * was requested, so it is only ever sent ({@link ChangeFlow#sendApproved}).
     */
    @SuppressWarnings("unchecked")
    public static PreparedChange<?> approved(ApprovedSender sender) {
        return new PreparedChange<Object>(null, () -> {
            throw new IllegalStateException("An approved change was reviewed when it was requested");
        }, (user, origin) -> (ChangeResult<Object>) sender.send(user, origin), Object.class, made -> made, false,
                user -> null, false);
    }

    /**
     * What a repeat of the submit shows: a result page of {@code type}, made from what a
     * success answered.
     */
    public <P> PreparedChange<T> repeatedAs(Class<P> type, Function<T, P> page) {
        return new PreparedChange<>(pending, review, sender, type, page, reviewed, guardrails, approvable);
    }

    /**
     * Sent without a review page: the page it comes from (an edit, a delete's
     * confirmation) is the review.
     */
    public PreparedChange<T> withoutReview() {
        return new PreparedChange<>(pending, review, sender, resultType, resultPage, false, guardrails, approvable);
    }

    /**
     * The portal's own rules, checked before a request for approval is kept (a direct
     * send checks them as it sends): a refusal, or null when the change passes them.
     */
    public PreparedChange<T> guardedBy(Function<CurrentUser, ChangeResult.@Nullable Refused<T>> rules) {
        return new PreparedChange<>(pending, review, sender, resultType, resultPage, reviewed, rules, approvable);
    }

    /**
     * Never held for approval: the step that needed it was approved already (a warehouse
     * set-up's last step).
     */
    public PreparedChange<T> approvedAlready() {
        return new PreparedChange<>(pending, review, sender, resultType, resultPage, reviewed, guardrails, false);
    }

    boolean approvable() {
        return approvable;
    }

    public PendingChange pending() {
        if (pending == null) {
            throw new IllegalStateException("An approved change was judged when it was requested");
        }
        return pending;
    }

    /**
     * The review, worked out the first time it is asked for (it may read LaunchDarkly's
     * lists).
     */
    public Review review() {
        if (worked == null) {
            worked = review.get();
        }
        return worked;
    }

    ChangeResult<T> send(CurrentUser user, ChangeOrigin origin) {
        return sender.send(user, origin);
    }

    boolean reviewed() {
        return reviewed;
    }

    ChangeResult.@Nullable Refused<T> refusal(CurrentUser user) {
        return guardrails.apply(user);
    }

    Class<?> resultType() {
        return resultType;
    }

    Object resultPage(T made) {
        return resultPage.apply(made);
    }

}
