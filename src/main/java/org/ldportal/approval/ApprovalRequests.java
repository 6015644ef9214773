package org.ldportal.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.Matcher;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import org.ldportal.change.PendingChange;
import org.ldportal.change.Review;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.ResourceType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The requests for approval (tables {@code approval_request} and
 * {@code approval_request_approver}). A decision is one conditional UPDATE from PENDING,
 * so that of two approvers pressing at once exactly one wins; the sealed change is
 * emptied in the same statements that end a request.
 */
@Repository
class ApprovalRequests {

    private static final String COLUMNS = "id, requested_at, expires_at, requester_subject, requester_name, resource_type, "
            + "project_key, environment_key, integration_key, resource_name, rule_names, review, status, decided_by_name, "
            + "decided_at, decision_comment, outcome, outcome_message, outcome_link, audit_id, seen_by_requester, action";

    /**
     * What the requests list reads: the review's beginning only, which holds its title
     * (written first), never the whole review a hundred times over.
     */
    private static final String LIST_COLUMNS = COLUMNS.replace(" review,", " SUBSTRING(review, 1, 2000) AS review,");

    /** The sizes of the columns values are cut to (V6__approval_request.sql). */
    private static final int MESSAGE_COLUMN = 4000;

    /**
     * Most a stored review keeps (the column takes a million characters): the requests
     * list reads a hundred at a time, so each is kept to tens of kilobytes, its body cut
     * with a mark (the whole change is in the sealed payload).
     */
    private static final int REVIEW_COLUMN = 64_000;

    private final JdbcClient jdbc;

    private final ObjectMapper json;

    private final TransactionTemplate transactions;

    private final ApplicationEventPublisher events;

    ApprovalRequests(JdbcClient jdbc, ObjectMapper json, PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
    }

    /**
     * Runs a change of a request and publishes what it says happened in the same
     * transaction: the event publication registry keeps the event with the change, so
     * that no notification is lost when the instance stops and none is sent for a change
     * that was rolled back.
     */
    private boolean changed(BooleanSupplier change, Object event) {
        Boolean done = transactions.execute(status -> {
            boolean did = change.getAsBoolean();
            if (did) {
                events.publishEvent(event);
            }
            return did;
        });
        return Boolean.TRUE.equals(done);
    }

    /** What a new request holds. */
    record NewRequest(String submissionToken, Instant requestedAt, Instant expiresAt, Requester requester,
            PendingChange change, ApprovalRules.Requirement requirement, Review review, String sealedChange,
            long auditId) {
    }

    /**
     * Records the request's REQUESTED entry ({@code requested}, answering its id) and
     * stores the request with its approver groups, in one transaction: neither without
     * the other. Two submits of one form at the same moment: the token's unique key lets
     * one in, and the other answers its id (looked up after the failed transaction ended,
     * as PostgreSQL allows no statement in an aborted one).
     */
    long create(LongSupplier requested, LongFunction<NewRequest> request, String submissionToken) {
        try {
            Long id = transactions.execute(status -> {
                long kept = insert(request.apply(requested.getAsLong()));
                events.publishEvent(new RequestWaiting(kept));
                return kept;
            });
            return Objects.requireNonNull(id);
        }
        catch (DuplicateKeyException sameFormAtOnce) {
            return byToken(submissionToken).orElseThrow(() -> sameFormAtOnce);
        }
    }

    /**
     * Stores a request whose REQUESTED entry is recorded already
     * ({@link NewRequest#auditId()}).
     */
    long create(NewRequest request) {
        return create(request::auditId, auditId -> request, request.submissionToken());
    }

    /** The request a form's token made, if any. */
    Optional<Long> byToken(String token) {
        return jdbc.sql("SELECT id FROM approval_request WHERE submission_token = :token")
            .param("token", token)
            .query(Long.class)
            .optional();
    }

    /** Who made the request a token made. */
    Optional<String> requesterOfToken(String token) {
        return jdbc.sql("SELECT requester_subject FROM approval_request WHERE submission_token = :token")
            .param("token", token)
            .query(String.class)
            .optional();
    }

    private long insert(NewRequest request) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO approval_request (submission_token, requested_at, expires_at, requester_subject, "
                + "requester_name, requester, resource_type, project_key, environment_key, integration_key, "
                + "resource_name, rule_names, review, sealed_change, status, audit_id, seen_by_requester, action) VALUES "
                + "(:token, :requestedAt, :expiresAt, :subject, :name, :requester, :type, :project, :environment, "
                + ":integration, :resourceName, :rules, :review, :sealed, 'PENDING', :auditId, TRUE, :action)")
            .param("action", request.change().action().key())
            .param("token", request.submissionToken())
            .param("requestedAt", Timestamp.from(request.requestedAt()))
            .param("expiresAt", Timestamp.from(request.expiresAt()))
            .param("subject", request.requester().subject())
            .param("name", cut(request.requester().displayName(), 255))
            .param("requester", json.writeValueAsString(request.requester()))
            .param("type", request.change().type().key())
            .param("project", cut(request.change().place().projectKey(), 255))
            .param("environment", cut(request.change().place().environmentKey(), 255))
            .param("integration", cut(request.change().place().integrationKey(), 255))
            .param("resourceName", cut(request.change().resourceName(), 1024))
            .param("rules", cut(json.writeValueAsString(request.requirement().ruleNames()), MESSAGE_COLUMN))
            // Every value cut to its column (V6__approval_request.sql): an oversized one
            // must not lose the request.
            .param("review",
                    json.writeValueAsString(request.review()
                        .fitting(REVIEW_COLUMN, review -> json.writeValueAsString(review).length())))
            .param("sealed", request.sealedChange())
            .param("auditId", request.auditId())
            .update(key, "id");
        // The insert generates the id: the key is there.
        long id = Objects.requireNonNull(key.getKeyAs(Number.class)).longValue();
        for (String group : request.requirement().approverGroups()) {
            jdbc.sql("INSERT INTO approval_request_approver (request_id, group_name) VALUES (:id, :group)")
                .param("id", id)
                .param("group", group)
                .update();
        }
        return id;
    }

    Optional<ApprovalRequest> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM approval_request WHERE id = :id")
            .param("id", id)
            .query(this::row)
            .optional();
    }

    /**
     * The requests a person made, or may decide (a member of one of their approver
     * groups), newest first.
     */
    List<ApprovalRequest> visibleTo(String subject, Collection<String> groups, @Nullable RequestStatus status,
            int limit) {
        String byStatus = status == null ? "" : " AND status = :status";
        String asApprover = groups.isEmpty() ? ""
                : " OR id IN (SELECT request_id FROM approval_request_approver WHERE group_name IN (:groups))";
        JdbcClient.StatementSpec query = jdbc
            .sql("SELECT " + LIST_COLUMNS + " FROM approval_request WHERE (requester_subject = " + ":subject"
                    + asApprover + ")" + byStatus + " ORDER BY id DESC LIMIT :limit")
            .param("subject", subject)
            .param("limit", limit);
        if (!groups.isEmpty()) {
            query = query.param("groups", List.copyOf(groups));
        }
        if (status != null) {
            query = query.param("status", status.name());
        }
        return query.query(this::listRow).list();
    }

    /** A row of the list: its review is the title alone ({@link #LIST_COLUMNS}). */
    private ApprovalRequest listRow(ResultSet row, int number) throws SQLException {
        return row(row, number, titleOnly(row.getString("review")));
    }

    private Review titleOnly(@Nullable String beginning) {
        Matcher title = TITLE.matcher(beginning == null ? "" : beginning);
        String text = title.find() ? json.readValue("\"" + title.group(1) + "\"", String.class) : "A change";
        return new Review(text, List.of(), List.of(), "", "", "", List.of());
    }

    /** The review's title as Jackson writes it first: {"title":"..."}. */
    private static final Pattern TITLE = Pattern.compile("^\\{\"title\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** The approver groups of a request. */
    List<String> approverGroups(long id) {
        return jdbc.sql("SELECT group_name FROM approval_request_approver WHERE request_id = :id ORDER BY group_name")
            .param("id", id)
            .query(String.class)
            .list();
    }

    /**
     * Decides a pending, unexpired request, if it still is one: true for the one caller
     * that did. A decline (or an approval, once sent) empties the sealed change.
     */
    boolean decide(long id, RequestStatus decision, String deciderSubject, String deciderName, @Nullable String comment,
            Instant now) {
        return changed(() -> jdbc
            .sql("UPDATE approval_request SET status = :decision, decided_by_subject = :subject, decided_by_name = "
                    + ":name, decided_at = :now, decision_comment = :comment, seen_by_requester = FALSE"
                    + (decision == RequestStatus.DECLINED ? ", sealed_change = NULL" : "")
                    + " WHERE id = :id AND status = 'PENDING' AND expires_at > :now AND requester_subject <> :subject")
            .param("decision", decision.name())
            .param("subject", deciderSubject)
            .param("name", deciderName)
            .param("now", Timestamp.from(now))
            .param("comment", cut(comment))
            .param("id", id)
            .update() == 1, new RequestDecided(id, decision));
    }

    /** Who asked, as they were then. */
    Requester requester(long id) {
        return json.readValue(jdbc.sql("SELECT requester FROM approval_request WHERE id = :id")
            .param("id", id)
            .query(String.class)
            .single(), Requester.class);
    }

    /** The sealed change of a request (tests read it to see it gone). */
    Optional<String> sealedChange(long id) {
        return jdbc.sql("SELECT sealed_change FROM approval_request WHERE id = :id")
            .param("id", id)
            .query(String.class)
            .optional();
    }

    /**
     * Takes the sealed change of a request just approved, with its token (what it was
     * sealed with): read and emptied in one transaction, before it is sent, so that
     * nothing of it stays in the database whatever happens next.
     */
    Optional<Sealed> takeSealedChange(long id) {
        return transactions.execute(status -> {
            Optional<Sealed> sealed = jdbc
                .sql("SELECT sealed_change, submission_token, resource_type FROM approval_request "
                        + "WHERE id = :id AND sealed_change IS NOT NULL")
                .param("id", id)
                .query((row, number) -> new Sealed(row.getString("sealed_change"), row.getString("submission_token"),
                        row.getString("resource_type")))
                .optional();
            jdbc.sql("UPDATE approval_request SET sealed_change = NULL WHERE id = :id").param("id", id).update();
            return sealed;
        });
    }

    /**
     * The sealed change of a waiting request, left where it is: to check it with
     * LaunchDarkly before an approver decides.
     */
    Optional<Sealed> peekSealedChange(long id) {
        return jdbc
            .sql("SELECT sealed_change, submission_token, resource_type FROM approval_request "
                    + "WHERE id = :id AND sealed_change IS NOT NULL")
            .param("id", id)
            .query((row, number) -> new Sealed(row.getString("sealed_change"), row.getString("submission_token"),
                    row.getString("resource_type")))
            .optional();
    }

    /** A sealed change and what it is bound to. */
    record Sealed(String value, String submissionToken, String resourceType) {

        @Override
        public String toString() {
            return "Sealed[" + resourceType + "]";
        }
    }

    /** What came of sending an approved request; its secrets go. */
    void sent(long id, String outcome, @Nullable String message, @Nullable String link) {
        changed(() -> jdbc
            .sql("UPDATE approval_request SET outcome = :outcome, outcome_message = :message, outcome_link = :link, "
                    + "sealed_change = NULL, seen_by_requester = FALSE WHERE id = :id")
            .param("outcome", outcome)
            .param("message", cut(message))
            .param("link", link)
            .param("id", id)
            .update() == 1, new RequestSent(id, outcome, false));
    }

    /** Who approved the request whose REQUESTED entry is {@code auditId}, if it was. */
    Optional<String> approverSubject(long auditId) {
        return jdbc
            .sql("SELECT decided_by_subject FROM approval_request WHERE audit_id = :auditId AND status = 'APPROVED'")
            .param("auditId", auditId)
            .query(String.class)
            .optional();
    }

    /**
     * The change of an approved request, sent with no clear answer, was settled by a
     * check: its outcome replaces the unknown one (a request whose REQUESTED entry is
     * {@code auditId}; any other is left alone).
     */
    void settledLater(long auditId, String outcome, @Nullable String message, @Nullable String link) {
        transactions.executeWithoutResult(status -> jdbc
            .sql("SELECT id FROM approval_request WHERE audit_id = :auditId AND status = 'APPROVED' AND (outcome IS "
                    + "NULL OR outcome = 'UNKNOWN') FOR UPDATE")
            .param("auditId", auditId)
            .query(Long.class)
            .list()
            .forEach(id -> settle(id, outcome, message, link)));
    }

    private void settle(long id, String outcome, @Nullable String message, @Nullable String link) {
        jdbc.sql("UPDATE approval_request SET outcome = :outcome, outcome_message = :message, outcome_link = :link, "
                + "seen_by_requester = FALSE WHERE id = :id")
            .param("outcome", outcome)
            .param("message", cut(message))
            .param("link", link, Types.VARCHAR)
            .param("id", id)
            .update();
        events.publishEvent(new RequestSent(id, outcome, true));
    }

    /**
     * The outcome of an approved request its sending instance left without one, unless
     * the sending finished meanwhile: true when this wrote it.
     */
    boolean interrupted(long id, String outcome, @Nullable String message, @Nullable String link) {
        return changed(() -> jdbc
            .sql("UPDATE approval_request SET outcome = :outcome, outcome_message = :message, outcome_link = :link, "
                    + "sealed_change = NULL, seen_by_requester = FALSE WHERE id = :id AND outcome IS NULL")
            .param("outcome", outcome)
            .param("message", cut(message))
            .param("link", link, Types.VARCHAR)
            .param("id", id)
            .update() == 1, new RequestSent(id, outcome, false));
    }

    /**
     * Publishes a reminder for every waiting request that is due one and was not told it
     * yet: each marked in the same transaction, so it is told once however many instances
     * look.
     */
    int remind(RequestReminder.Why why, Instant due, Instant now) {
        String column = why == RequestReminder.Why.WAITED_LONG ? "reminded_at" : "expiry_warned_at";
        String condition = why == RequestReminder.Why.WAITED_LONG ? "requested_at <= :due" : "expires_at <= :due";
        List<Long> ids = jdbc
            .sql("SELECT id FROM approval_request WHERE status = 'PENDING' AND expires_at > :now AND " + column
                    + " IS NULL AND " + condition)
            .param("now", Timestamp.from(now))
            .param("due", Timestamp.from(due))
            .query(Long.class)
            .list();
        int told = 0;
        for (long id : ids) {
            if (changed(() -> jdbc
                .sql("UPDATE approval_request SET " + column + " = :now WHERE id = :id AND status = 'PENDING' AND "
                        + column + " IS NULL")
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update() == 1, new RequestReminder(id, why))) {
                told++;
            }
        }
        return told;
    }

    /** Pending requests past their time. */
    List<ApprovalRequest> overdue(Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM approval_request WHERE status = 'PENDING' AND expires_at <= :now")
            .param("now", Timestamp.from(now))
            .query(this::row)
            .list();
    }

    /** Expires one overdue request, if nobody decided it meanwhile; its secrets go. */
    boolean expire(long id, Instant now) {
        return changed(() -> jdbc
            .sql("UPDATE approval_request SET status = 'EXPIRED', decided_at = :now, sealed_change = NULL, "
                    + "seen_by_requester = FALSE WHERE id = :id AND status = 'PENDING' AND expires_at <= :now")
            .param("now", Timestamp.from(now))
            .param("id", id)
            .update() == 1, new RequestDecided(id, RequestStatus.EXPIRED));
    }

    /**
     * For the header's badge: the person's requests still waiting, and those settled that
     * they have not seen.
     */
    int badge(String subject) {
        return jdbc
            .sql("SELECT COUNT(*) FROM approval_request WHERE requester_subject = :subject AND (status = 'PENDING' "
                    + "OR seen_by_requester = FALSE)")
            .param("subject", subject)
            .query(Integer.class)
            .single();
    }

    void seenByRequester(long id) {
        jdbc.sql("UPDATE approval_request SET seen_by_requester = TRUE WHERE id = :id AND seen_by_requester = FALSE")
            .param("id", id)
            .update();
    }

    private ApprovalRequest row(ResultSet row, int number) throws SQLException {
        return row(row, number, json.readValue(row.getString("review"), Review.class));
    }

    private ApprovalRequest row(ResultSet row, int number, Review review) throws SQLException {
        long id = row.getLong("id");
        return new ApprovalRequest(id, instant(row, "requested_at"), instant(row, "expires_at"),
                row.getString("requester_subject"), row.getString("requester_name"),
                ResourceType.of(row.getString("resource_type")).orElseThrow(), row.getString("project_key"),
                row.getString("environment_key"), row.getString("integration_key"), row.getString("resource_name"),
                json.readValue(row.getString("rule_names"), new TypeReference<List<String>>() {
                }), approverGroups(id), review, RequestStatus.valueOf(row.getString("status")),
                row.getString("decided_by_name"), instantOrNull(row, "decided_at"), row.getString("decision_comment"),
                row.getString("outcome"), row.getString("outcome_message"), row.getString("outcome_link"),
                row.getLong("audit_id"), row.getBoolean("seen_by_requester"),
                ChangeAction.of(row.getString("action")).orElseThrow());
    }

    private static @Nullable String cut(@Nullable String text) {
        return cut(text, MESSAGE_COLUMN);
    }

    private static @Nullable String cut(@Nullable String text, int column) {
        return text == null || text.length() <= column ? text : text.substring(0, column - 1) + "\u2026";
    }

    /**
     * Approved requests whose change has no outcome yet although they were decided before
     * {@code decidedBefore}: the instance that was sending it stopped (a send takes
     * seconds).
     */
    List<ApprovalRequest> interrupted(Instant decidedBefore) {
        return jdbc
            .sql("SELECT " + COLUMNS + " FROM approval_request WHERE status = 'APPROVED' AND outcome IS NULL AND "
                    + "decided_at < :before")
            .param("before", Timestamp.from(decidedBefore))
            .query(this::row)
            .list();
    }

    /** A column declared NOT NULL (requested_at, expires_at): never null. */
    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getTimestamp(column).toInstant();
    }

    private static @Nullable Instant instantOrNull(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

}
