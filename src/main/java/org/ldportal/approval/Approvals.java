package org.ldportal.approval;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.ldportal.audit.AuditAttempt;
import org.ldportal.audit.AuditEntry;
import org.ldportal.audit.AuditOutcome;
import org.ldportal.audit.AuditQueries;
import org.ldportal.audit.AuditTrail;
import org.ldportal.change.ApprovalGate;
import org.ldportal.change.ChangeChecks;
import org.ldportal.change.ChangeFlow;
import org.ldportal.change.Checks;
import org.ldportal.change.ChangeOrigin;
import org.ldportal.change.ChangeResult;
import org.ldportal.change.NotAllowedException;
import org.ldportal.change.PendingChange;
import org.ldportal.change.Review;
import org.ldportal.change.SecretBox;
import org.ldportal.change.pages.SubmissionPages;
import org.ldportal.change.UnknownOutcomes;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Requests for a second person's approval: kept (what would be sent sealed with AES-GCM),
 * decided by an approver who is not the requester, then sent through the one audited call
 * as the requester; declined or expired ones are never sent. Every step is an audit entry
 * linked to the REQUESTED one. Once a request is decided or expires, its secrets are gone
 * from the database.
 */
@Service
public class Approvals implements ApprovalGate {

    private static final Logger log = LoggerFactory.getLogger(Approvals.class);
    static final CurrentUser EXPIRY = new CurrentUser("system:approval-expiry", "Approval expiry", null, Set.of());

    private static final int LIST_SIZE = 100;

    private final ApprovalRules rules;

    private final ApprovalRequests requests;

    private final ApprovalProperties properties;

    private final SecretBox box;

    private final AuditTrail audit;

    private final UnknownOutcomes outcomes;

    private final AuditQueries queries;

    private final Map<ResourceType, ApprovedChangeSender> senders;

    private final ChangeFlow flow;

    private final Clock clock;

    private final RequesterRights rights;

    private final ChangeChecks checks;

    Approvals(ApprovalRules rules, ApprovalRequests requests, ApprovalProperties properties, SecretBox box,
            AuditTrail audit, AuditQueries queries, UnknownOutcomes outcomes, List<ApprovedChangeSender> senders,
            ChangeFlow flow, Clock clock, RequesterRights rights, ChangeChecks checks) {
        this.checks = checks;
        this.rights = rights;
        this.flow = flow;
        this.queries = queries;
        this.outcomes = outcomes;
        this.rules = rules;
        this.requests = requests;
        this.properties = properties;
        this.box = box;
        this.audit = audit;
        this.senders = byType(senders);
        this.clock = clock;
    }

    @Override
    public Optional<String> approvalNeeded(PendingChange change) {
        return required(change).map(ApprovalRules.Requirement::inWords);
    }

    @Override
    public OptionalLong requestApproval(@Nullable String token, CurrentUser requester, PendingChange change,
            Review review) {
        Optional<ApprovalRules.Requirement> requirement = required(change);
        return requirement.isEmpty() ? OptionalLong.empty()
                : request(token, requester, change, requirement.get(), review);
    }

    /** Whether the change needs approval, by which rules and whom. */
    public Optional<ApprovalRules.Requirement> required(PendingChange change) {
        return rules.required(change);
    }

    /**
     * Keeps the change as a request for approval, recorded as REQUESTED, and answers its
     * id. A repeat of the same form's submit (its one-time token) answers the request the
     * first made, recording nothing more; empty when the token is not a form's (the form
     * is out of date) or another person's.
     */
    public OptionalLong request(@Nullable String submissionToken, CurrentUser requester, PendingChange change,
            ApprovalRules.Requirement requirement, Review review) {
        if (submissionToken == null || !SubmissionPages.wellFormed(submissionToken)) {
            return OptionalLong.empty();
        }
        Optional<String> madeBy = requests.requesterOfToken(submissionToken);
        if (madeBy.isPresent()) {
            return madeBy.get().equals(requester.subject())
                    ? OptionalLong.of(requests.byToken(submissionToken).orElseThrow()) : OptionalLong.empty();
        }
        Instant now = clock.instant();
        String sealed = box.encrypt(change.payload(), sealedFor(submissionToken, change.type().key(), change.action()));
        try {
            // The REQUESTED entry and the request in one transaction: no entry says
            // "waiting" for a request not kept.
            return OptionalLong
                .of(requests.create(
                        () -> audit
                            .record(attempt(requester, change.action(), change.type(), change.place(),
                                    change.resourceName(), change.resourceKey(), review.body())
                                .withOutcome(AuditOutcome.REQUESTED, null, null,
                                        "Waiting for approval by a member of "
                                                + String.join(" or ", requirement.approverGroups()),
                                        null))
                            .id(),
                        auditId -> new ApprovalRequests.NewRequest(submissionToken, now,
                                now.plus(properties.expireAfter()), Requester.of(requester), change, requirement,
                                review, sealed, auditId),
                        submissionToken));
        }
        catch (DataAccessException e) {
            log.error("A request for approval could not be kept: {}", e.getClass().getName());
            throw new RequestNotKeptException();
        }
    }

    /**
     * Approved requests whose change never got an outcome because the instance sending it
     * stopped: their secrets are wiped, and each is settled from the trail. A change that
     * never started was not sent (FAILED, recorded); one that ended has its outcome
     * copied; one still unclear waits for the settlement of its attempt, which follows.
     */
    public int recoverInterrupted(Instant now) {
        int recovered = 0;
        for (ApprovalRequest request : requests.interrupted(now.minus(properties.interruptedAfter()))) {
            requests.takeSealedChange(request.id());
            Optional<AuditEntry> step = queries.latestCallStep(request.auditId());
            if (step.isEmpty()) {
                String message = "The portal stopped after the approval and before sending it: nothing reached "
                        + "LaunchDarkly. Ask for it again.";
                if (requests.interrupted(request.id(), AuditOutcome.FAILED.name(), message, null)) {
                    record(step(request, EXPIRY, AuditOutcome.FAILED, message));
                }
            }
            else if (step.get().outcome() == AuditOutcome.STARTED || step.get().outcome() == AuditOutcome.UNKNOWN) {
                // Only a tracked create is settled by the portal itself; anything else
                // needs a look in LaunchDarkly.
                requests.interrupted(request.id(), AuditOutcome.UNKNOWN.name(), outcomes.isTracked(request.auditId())
                        ? "The portal stopped while sending it, so LaunchDarkly's answer is not known yet: the portal is "
                                + "checking, and the outcome follows here."
                        : "The portal stopped while sending it, so LaunchDarkly's answer is not known: check in "
                                + "LaunchDarkly whether it was done.",
                        null);
            }
            else {
                requests.interrupted(request.id(), step.get().outcome().name(),
                        step.get().outcome() == AuditOutcome.SUCCEEDED ? "Approved and done."
                                : step.get().errorMessage(),
                        null);
            }
            recovered++;
        }
        return recovered;
    }

    /**
     * What a request's sealed change is bound to: it opens only for the request it was
     * made for.
     */
    private static String sealedFor(String submissionToken, String resourceType, ChangeAction action) {
        return "approval-request:v2:" + submissionToken + ":" + resourceType + ":" + action.key();
    }

    /**
     * Opens a sealed change: bound to its request (the token is unique), its type and its
     * action, so that a request whose action was changed in the database (an edit made a
     * delete) cannot be opened. Sealed before the action was covered, a request opens
     * with the context of then, until it expires.
     */
    private String opened(ApprovalRequests.Sealed sealed, ChangeAction action) {
        try {
            return box.decrypt(sealed.value(), sealedFor(sealed.submissionToken(), sealed.resourceType(), action));
        }
        catch (RuntimeException notOfThisContext) {
            return box.decrypt(sealed.value(),
                    "approval-request:" + sealed.submissionToken() + ":" + sealed.resourceType());
        }
    }

    /**
     * The request, if this person may see it: its requester, its approvers, global
     * admins.
     */
    public Optional<ApprovalRequest> find(long id, CurrentUser viewer) {
        return requests.find(id)
            .filter(request -> request.requesterSubject().equals(viewer.subject()) || viewer.isAdmin()
                    || request.approverGroups().stream().anyMatch(viewer.groups()::contains));
    }

    /**
     * The request, whoever asks: for the notifications, which tell its requester and its
     * approvers about it (never anyone else).
     */
    public Optional<ApprovalRequest> forNotice(long id) {
        return requests.find(id);
    }

    /** The email addresses the request's rules name today. */
    public List<String> addressesToNotify(ApprovalRequest request) {
        return rules.addressesToNotify(request.ruleNames());
    }

    /** The Slack webhooks the request's rules name today. */
    public List<URI> slackWebhooks(ApprovalRequest request) {
        return rules.slackWebhooks(request.ruleNames());
    }

    /** The groups that may approve the request today (the rules as they are now). */
    public List<String> approversToday(ApprovalRequest request) {
        return rules.approversToday(request.ruleNames());
    }

    /**
     * What the checks with LaunchDarkly find about a waiting request, for its page: as
     * this person was told within a few seconds, else asked now. Empty once it is
     * decided.
     */
    public Optional<Checks> checks(ApprovalRequest request, CurrentUser viewer) {
        if (!request.isPending()) {
            return Optional.empty();
        }
        return waiting(request).map(change -> checks.recently(viewer, change));
    }

    /**
     * The change a waiting request holds, opened (in memory only) to be checked; empty
     * when it cannot be opened, which an approval then reports.
     */
    private Optional<PendingChange> waiting(ApprovalRequest request) {
        try {
            return requests.peekSealedChange(request.id()).map(sealed -> {
                String payload = opened(sealed, request.action());
                return new PendingChange(request.action(), request.resourceType(),
                        new Place(request.projectKey(), request.environmentKey(), request.integrationKey()),
                        request.resourceName(), null, false, payload, parts(request, payload));
            });
        }
        catch (RuntimeException notOpened) {
            return Optional.empty();
        }
    }

    /**
     * The parts of a change of several (a plan's steps), as the requester's rights make
     * them today; none when those rights are too old to send it.
     */
    private List<PendingChange> parts(ApprovalRequest request, String payload) {
        ApprovedChangeSender sender = senders.get(request.resourceType());
        if (sender == null) {
            return List.of();
        }
        RequesterRights.Now now = rights.of(request, requests.requester(request.id()));
        return now instanceof RequesterRights.Now.Known known ? sender.parts(payload, request.action(), known.user())
                : List.of();
    }

    /** When the requester's rights, with which an approval sends it, were last given. */
    public Instant requesterRightsAsOf(ApprovalRequest request) {
        return rights.asOf(request);
    }

    /**
     * Whether this person approved the request whose REQUESTED entry is
     * {@code requestEntryId} (what an approved change's entries link to).
     */
    public boolean approvedBy(long requestEntryId, CurrentUser person) {
        return requests.approverSubject(requestEntryId).filter(person.subject()::equals).isPresent();
    }

    /**
     * Whether this person may decide the request now (an approver, not its requester,
     * while it waits).
     */
    public boolean mayDecide(ApprovalRequest request, CurrentUser person) {
        return request.isPending() && !request.requesterSubject().equals(person.subject())
                && rules.approversToday(request.ruleNames()).stream().anyMatch(person.groups()::contains)
                && request.expiresAt().isAfter(clock.instant());
    }

    public List<ApprovalRequest> visibleTo(CurrentUser viewer, @Nullable RequestStatus status) {
        return requests.visibleTo(viewer.subject(), viewer.groups(), status, LIST_SIZE);
    }

    /**
     * The person opened their request: a settled one no longer counts in the header's
     * badge. True when it changed.
     */
    public boolean seen(ApprovalRequest request, CurrentUser viewer) {
        if (request.requesterSubject().equals(viewer.subject()) && !request.isPending() && !request.seenByRequester()) {
            requests.seenByRequester(request.id());
            return true;
        }
        return false;
    }

    public int badge(CurrentUser person) {
        return requests.badge(person.subject());
    }

    /**
     * Approves and sends the request; exactly one of several approvers pressing at once
     * does.
     */
    public Decision approve(long id, CurrentUser approver, @Nullable String comment) {
        ApprovalRequest request = requests.find(id).orElse(null);
        if (request == null) {
            return noSuchRequest();
        }
        Decision.NotTaken refusal = refusal(request, approver);
        if (refusal != null) {
            return refusal;
        }
        // Asked afresh: what was free when it was requested may be taken now.
        Optional<Checks> blocked = waiting(request).map(change -> checks.now(approver, change))
            .filter(Checks::blocking);
        if (blocked.isPresent()) {
            return new Decision.NotTaken(
                    "Not approved: LaunchDarkly would refuse it now. " + blocked.get().blockingInWords()
                            + " Decline it with a comment, so that " + request.requesterName() + " can ask again.");
        }
        if (!requests.decide(id, RequestStatus.APPROVED, approver.subject(), approver.displayName(), comment,
                clock.instant())) {
            return new Decision.NotTaken(
                    "Someone decided this request a moment ago, or it expired: nothing more was sent.");
        }
        record(step(request, approver, AuditOutcome.APPROVED, comment));
        String outcome;
        String message;
        String link = null;
        try {
            // Taken out of the database before sending: nothing of it stays there,
            // whatever happens next.
            ApprovalRequests.Sealed sealed = requests.takeSealedChange(id).orElseThrow();
            String payload = opened(sealed, request.action());
            RequesterRights.Now now = rights.of(request, requests.requester(id));
            if (now instanceof RequesterRights.Now.TooOld tooOld) {
                record(step(request, approver, AuditOutcome.REJECTED, tooOld.message()));
                requests.sent(id, AuditOutcome.REJECTED.name(), tooOld.message(), null);
                return new Decision.Approved(AuditOutcome.REJECTED.name(), tooOld.message());
            }
            // Sent with the rights the requester has today (their latest sign-in's
            // groups).
            CurrentUser requester = ((RequesterRights.Now.Known) now).user();
            // A type nobody sends fails here, as it did, and is caught below.
            ApprovedChangeSender sender = Objects.requireNonNull(senders.get(request.resourceType()));
            ChangeResult<?> result = flow.sendApproved(sender.approved(payload, request.action(), requester), requester,
                    ChangeOrigin.approved(request.auditId(), approver.displayName() + " (" + approver.subject() + ")"));
            if (result instanceof ChangeResult.Succeeded<?> succeeded) {
                outcome = AuditOutcome.SUCCEEDED.name();
                message = request.action() == ChangeAction.CREATE ? "Approved and created." : "Approved and done.";
                link = succeeded.link();
            }
            else if (result instanceof ChangeResult.Refused<?> refused) {
                outcome = AuditOutcome.REJECTED.name();
                message = refused.message();
                // What it conflicts with, or a plan that stopped part way: where to look.
                link = refused.link();
            }
            else if (result instanceof ChangeResult.MayExist<?> mayExist && mayExist.found() != null) {
                outcome = AuditOutcome.SUCCEEDED.name();
                message = mayExist.message();
                link = mayExist.found().link();
            }
            else if (result instanceof ChangeResult.MayExist<?> mayExist) {
                // A settlement later replaces it (ApprovalOutcomes).
                outcome = AuditOutcome.UNKNOWN.name();
                message = mayExist.message();
            }
            else {
                outcome = AuditOutcome.FAILED.name();
                message = ((ChangeResult.Failed<?>) result).message();
            }
        }
        catch (NotAllowedException e) {
            outcome = AuditOutcome.REJECTED.name();
            message = "The requester is no longer allowed " + e.place() + ", so nothing was sent.";
        }
        catch (RuntimeException e) {
            // Before the audited call (a sealed change that cannot be opened, a resource
            // type nobody sends): not sent.
            log.error("Approved request #{} could not be sent: {}", id, e.getClass().getName());
            outcome = AuditOutcome.FAILED.name();
            message = "The approved request could not be sent; nothing reached LaunchDarkly. Ask the requester to fill the form again.";
            record(step(request, approver, AuditOutcome.FAILED, message));
        }
        requests.sent(id, outcome, message, link);
        return new Decision.Approved(outcome, message);
    }

    public Decision decline(long id, CurrentUser approver, @Nullable String comment) {
        ApprovalRequest request = requests.find(id).orElse(null);
        if (request == null) {
            return noSuchRequest();
        }
        Decision.NotTaken refusal = refusal(request, approver);
        if (refusal != null) {
            return refusal;
        }
        if (!requests.decide(id, RequestStatus.DECLINED, approver.subject(), approver.displayName(), comment,
                clock.instant())) {
            return new Decision.NotTaken("Someone decided this request a moment ago, or it expired.");
        }
        record(step(request, approver, AuditOutcome.DECLINED, comment));
        return new Decision.Declined();
    }

    /**
     * Expires the requests nobody decided in time: each recorded as EXPIRED, its secrets
     * gone.
     */
    public int expireOverdue() {
        Instant now = clock.instant();
        int expired = 0;
        for (ApprovalRequest request : requests.overdue(now)) {
            if (requests.expire(request.id(), now)) {
                record(step(request, EXPIRY, AuditOutcome.EXPIRED,
                        "Nobody approved it within " + properties.expireAfter().toDays() + " days; nothing was sent."));
                expired++;
            }
        }
        return expired;
    }

    /**
     * Reminds of the requests that have waited long, and warns of those about to expire:
     * once each.
     */
    public int remindWaiting() {
        Instant now = clock.instant();
        return requests.remind(RequestReminder.Why.WAITED_LONG, now.minus(properties.remindAfter()), now)
                + requests.remind(RequestReminder.Why.EXPIRES_SOON, now.plus(properties.warnBeforeExpiry()), now);
    }

    private static Decision.NotTaken noSuchRequest() {
        return new Decision.NotTaken("There is no such request.");
    }

    private Decision.@Nullable NotTaken refusal(ApprovalRequest request, CurrentUser approver) {
        if (request.requesterSubject().equals(approver.subject())) {
            return new Decision.NotTaken("You cannot decide your own request: another approver must.");
        }
        // The rules as they are today: a group taken out of a rule since no longer
        // decides.
        List<String> approvers = rules.approversToday(request.ruleNames());
        if (approvers.isEmpty()) {
            return new Decision.NotTaken("The approval rules that asked for this request have changed: nobody may "
                    + "approve it now. The requester can send it again.");
        }
        if (approvers.stream().noneMatch(approver.groups()::contains)) {
            return new Decision.NotTaken(
                    "Only a member of " + String.join(" or ", approvers) + " may decide this request.");
        }
        if (!request.isPending()) {
            return new Decision.NotTaken("This request was already " + request.status().words().toLowerCase() + ".");
        }
        if (!request.expiresAt().isAfter(clock.instant())) {
            return new Decision.NotTaken("This request has expired: nothing will be sent.");
        }
        return null;
    }

    /**
     * A step's entry; should the trail fail, the decision stands and is on the request
     * itself.
     */
    private void record(AuditAttempt step) {
        try {
            audit.record(step);
        }
        catch (RuntimeException e) {
            log.error("The {} step of a request could not be recorded: {}", step.outcome(), e.getClass().getName());
        }
    }

    /**
     * Each type's one sender; a type without one (or with two) stops the start, not an
     * approval days later.
     */
    private static Map<ResourceType, ApprovedChangeSender> byType(List<ApprovedChangeSender> senders) {
        Map<ResourceType, ApprovedChangeSender> byType = new EnumMap<>(ResourceType.class);
        for (ApprovedChangeSender sender : senders) {
            for (ResourceType type : sender.types()) {
                if (byType.put(type, sender) != null) {
                    throw new IllegalStateException("Two senders of approved changes for " + type);
                }
            }
        }
        for (ResourceType type : ResourceType.values()) {
            if (type.inLaunchDarkly() && !byType.containsKey(type)) {
                throw new IllegalStateException("No sender of approved changes for " + type);
            }
        }
        return byType;
    }

    /**
     * A step of the request in the trail, by whoever took it, linked to the REQUESTED
     * entry.
     */
    private static AuditAttempt step(ApprovalRequest request, CurrentUser actor, AuditOutcome outcome,
            @Nullable String message) {
        return attempt(actor, request.action(), request.resourceType(),
                new Place(request.projectKey(), request.environmentKey(), request.integrationKey()),
                request.resourceName(), null, null)
            .withOutcome(outcome, null, null, message, null)
            .linkedTo(request.auditId());
    }

    private static AuditAttempt attempt(CurrentUser actor, ChangeAction action, ResourceType type, Place place,
            @Nullable String name, @Nullable String key, @Nullable String body) {
        return AuditAttempt.by(actor, action, type).at(place).withResource(name, key, null).withRequestBody(body);
    }

}
