package org.ldportal.change;

import org.ldportal.change.pages.ChangePages;
import org.ldportal.change.internal.ReviewProperties;
import java.util.Optional;
import java.util.OptionalLong;

import org.ldportal.security.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The one sequence every change goes through, whatever it is (a create, a set-up, an
 * edit, a switch, a delete): does an approval rule apply; the review page unless it was
 * passed or is skipped; a request for approval, or the form's one-time token claimed (so
 * that a double submit sends once); the audited send; the form's kept secrets forgotten
 * on success. The review page shows what the checks with LaunchDarkly find
 * ({@link ChangeChecks}); a request for approval is not kept while one would refuse it. A
 * feature prepares the change ({@link PreparedChange}); its controller binds, validates,
 * calls {@link #submit} and shows the {@link Step} it answers ({@link ChangePages}).
 */
@Service
public class ChangeFlow {

    private final ObjectProvider<ApprovalGate> approvals;

    private final Submissions submissions;

    private final KeptSecrets keptSecrets;

    private final ReviewProperties review;

    private final ChangeChecks checks;

    public ChangeFlow(ObjectProvider<ApprovalGate> approvals, Submissions submissions, KeptSecrets keptSecrets,
            ReviewProperties review, ChangeChecks checks) {
        this.checks = checks;
        // A provider: a context without the approval module (a slice test) needs no
        // approvals.
        this.approvals = approvals;
        this.submissions = submissions;
        this.keptSecrets = keptSecrets;
        this.review = review;
    }

    public <T> Step<T> submit(Submission submission, PreparedChange<T> change) {
        ApprovalGate gate = approvals.getIfAvailable();
        Optional<String> approval = gate == null || !change.approvable() ? Optional.empty()
                : gate.approvalNeeded(change.pending());
        if (change.reviewed() && !submission.confirmed() && (approval.isPresent() || !review.skipWhenNoApproval())) {
            return new Step.ShowReview<>(change.review(), approval.orElse(null),
                    checks.recently(submission.user(), change.pending()));
        }
        // An approval is needed only where there is a gate to ask.
        if (gate != null && approval.isPresent()) {
            return request(gate, submission, change, approval.get());
        }
        String token = submission.token();
        Submissions.Claim<?> claim = submissions.claim(token, submission.user(), change.resultType());
        // A missing token is never claimed.
        if (token == null || claim instanceof Submissions.Claim.Missing<?>) {
            return new Step.OutOfDate<>();
        }
        if (!(claim instanceof Submissions.Claim.Claimed<?>)) {
            return new Step.Repeated<>(claim);
        }
        ChangeResult<T> result = submissions.send(token, () -> change.send(submission.user(), ChangeOrigin.DIRECT),
                change::resultPage);
        if (result instanceof ChangeResult.Succeeded<T> succeeded) {
            forgetSecrets(submission);
            return new Step.Done<>(result, change.resultPage(succeeded.resource()));
        }
        return new Step.Done<>(result);
    }

    /**
     * The step of a submit this person made already with the form's token, if any,
     * without claiming it: what a page whose subject that submit removed (a delete)
     * shows, since the subject cannot be read again to prepare the change.
     */
    public Optional<Step.Repeated<?>> alreadySubmitted(Submission submission, Class<?> resultType) {
        return submissions.earlier(submission.token(), submission.user(), resultType).map(Step.Repeated::new);
    }

    /**
     * Why and by whom a change would need approval, for the page that offers it; empty
     * when no rule applies.
     */
    public Optional<String> approvalNeeded(PendingChange change) {
        ApprovalGate gate = approvals.getIfAvailable();
        return gate == null ? Optional.empty() : gate.approvalNeeded(change);
    }

    /**
     * Sends a change approved by a second person, as its requester: no review, no token
     * (the request is claimed by its decision), its entries linked to the request
     * ({@code origin}).
     */
    public <T> ChangeResult<T> sendApproved(PreparedChange<T> change, CurrentUser requester, ChangeOrigin origin) {
        return change.send(requester, origin);
    }

    /**
     * Kept as a request, once it passes the portal's own rules and nothing LaunchDarkly
     * holds would refuse it (an approver should not be asked for what cannot be done);
     * nothing sent.
     */
    private <T> Step<T> request(ApprovalGate gate, Submission submission, PreparedChange<T> change,
            String approvalNote) {
        ChangeResult.Refused<T> refused = change.refusal(submission.user());
        if (refused != null) {
            return new Step.Done<>(refused);
        }
        if (change.reviewed()) {
            Checks found = checks.recently(submission.user(), change.pending());
            if (found.blocking()) {
                return new Step.ShowReview<>(change.review(), approvalNote, found);
            }
        }
        OptionalLong requested = gate.requestApproval(submission.token(), submission.user(), change.pending(),
                change.review());
        if (requested.isEmpty()) {
            return new Step.OutOfDate<>();
        }
        forgetSecrets(submission);
        return new Step.Requested<>(requested.getAsLong());
    }

    private void forgetSecrets(Submission submission) {
        if (submission.session() != null && submission.draft() != null) {
            keptSecrets.forget(submission.session(), submission.draft());
        }
    }

}
