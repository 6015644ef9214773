package org.ldportal.change.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.ldportal.audit.AuditAttempt;
import org.ldportal.audit.AuditTrail;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The creates whose outcome is not known yet (table {@code change_in_flight}). A row is
 * written with its attempt's STARTED entry in one transaction, so that no attempt is sent
 * without one; the unique target lets one attempt at a time aim at the same thing, on any
 * instance.
 */
@Repository
public class InFlightAttempts {

    private static final int MESSAGE_COLUMN = 4000;

    private final JdbcClient jdbc;

    private final AuditTrail audit;

    private final ObjectMapper json;

    private final TransactionTemplate transactions;

    public InFlightAttempts(JdbcClient jdbc, AuditTrail audit, ObjectMapper json,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** One attempt in flight, as stored. */
    public record Row(long startedId, long outcomeLinkId, String state, Instant startedAt, Instant nextCheckAt,
            Instant absentProofAt, @Nullable Integer answerStatus, @Nullable String answerMessage,
            @Nullable List<String> existedBefore, @Nullable String submissionToken) {

        public boolean answered() {
            return "UNKNOWN".equals(state);
        }
    }

    /** What opening an attempt came to. */
    public sealed interface Opened {

        /** Recorded as started, its row written: send it. */
        record Open(long startedId, long outcomeLinkId) implements Opened {
        }

        /**
         * Another attempt aims at the same thing and is not settled: nothing recorded,
         * nothing to send.
         */
        record Held(long earlierStartedId, boolean stillSending) implements Opened {
        }

    }

    /**
     * Records the attempt as started and its row, in one transaction.
     * @param sendingUntil when the call is over whatever happens (its timeouts): a row
     * still SENDING then was left by an instance that stopped, and is checked like an
     * unclear answer
     * @throws RuntimeException when neither could be written (then nothing must be sent)
     */
    public Opened open(AuditAttempt attempt, String identity, @Nullable List<String> existedBefore,
            @Nullable String submissionToken, Instant now, Instant sendingUntil, Instant absentProofAt) {
        String target = hash(identity);
        try {
            return transactions.execute(status -> {
                long startedId = audit.started(attempt);
                long link = attempt.attemptId() != null ? attempt.attemptId() : startedId;
                jdbc.sql(
                        "INSERT INTO change_in_flight (started_id, outcome_link_id, target, state, started_at, next_check_at, "
                                + "absent_proof_at, existed_before, submission_token) VALUES (:id, :link, :target, 'SENDING', :now, "
                                + ":next, :proof, :before, :token)")
                    .param("id", startedId)
                    .param("link", link)
                    .param("target", target)
                    .param("now", Timestamp.from(now))
                    .param("next", Timestamp.from(sendingUntil))
                    .param("proof", Timestamp.from(absentProofAt))
                    .param("before", existedBefore == null ? null : json.writeValueAsString(existedBefore),
                            Types.VARCHAR)
                    .param("token", submissionToken, Types.VARCHAR)
                    .update();
                return new Opened.Open(startedId, link);
            });
        }
        catch (DuplicateKeyException sameTarget) {
            // Looked up after the failed transaction ended, as PostgreSQL allows no
            // statement in an aborted one.
            Optional<Row> earlier = jdbc.sql("SELECT * FROM change_in_flight WHERE target = :target")
                .param("target", target)
                .query(this::row)
                .optional();
            if (earlier.isEmpty()) {
                // Settled a moment ago: the target is free again.
                return open(attempt, identity, existedBefore, submissionToken, now, sendingUntil, absentProofAt);
            }
            return new Opened.Held(earlier.get().startedId(), !earlier.get().answered());
        }
    }

    /**
     * What existed just before sending (read once the target was held), and when the call
     * is over whatever happens.
     */
    public void existedBefore(long startedId, @Nullable List<String> ids, Instant sendingUntil, Instant absentProofAt) {
        jdbc.sql(
                "UPDATE change_in_flight SET existed_before = :before, next_check_at = :next, absent_proof_at = :proof "
                        + "WHERE started_id = :id")
            .param("before", ids == null ? null : json.writeValueAsString(ids), Types.VARCHAR)
            .param("next", Timestamp.from(sendingUntil))
            .param("proof", Timestamp.from(absentProofAt))
            .param("id", startedId)
            .update();
    }

    /** LaunchDarkly gave no clear answer: what it said, and when to look. */
    public void unclear(long startedId, @Nullable Integer status, @Nullable String message, Instant nextCheckAt,
            Instant absentProofAt) {
        jdbc.sql("UPDATE change_in_flight SET state = 'UNKNOWN', answer_status = :status, answer_message = :message, "
                + "next_check_at = :next, absent_proof_at = :proof WHERE started_id = :id")
            .param("status", status, Types.INTEGER)
            .param("message", cut(message), Types.VARCHAR)
            .param("next", Timestamp.from(nextCheckAt))
            .param("proof", Timestamp.from(absentProofAt))
            .param("id", startedId)
            .update();
    }

    /** The next look, not before {@code at}. */
    public void later(long startedId, Instant at) {
        jdbc.sql("UPDATE change_in_flight SET next_check_at = :at WHERE started_id = :id")
            .param("at", Timestamp.from(at))
            .param("id", startedId)
            .update();
    }

    /**
     * Takes the attempt for one look, until {@code until}: true for the one caller (on
     * any instance) whose update found it as read; a look that dies midway frees it by
     * then.
     */
    public boolean take(Row row, Instant until) {
        return jdbc
            .sql("UPDATE change_in_flight SET next_check_at = :until WHERE started_id = :id AND next_check_at = :seen")
            .param("until", Timestamp.from(until))
            .param("id", row.startedId())
            .param("seen", Timestamp.from(row.nextCheckAt()))
            .update() == 1;
    }

    /** The outcome is known: the target is free. */
    public void close(long startedId) {
        jdbc.sql("DELETE FROM change_in_flight WHERE started_id = :id").param("id", startedId).update();
    }

    /** The attempts due a look, oldest first. */
    public List<Row> due(Instant now, int limit) {
        return jdbc
            .sql("SELECT * FROM change_in_flight WHERE next_check_at <= :now ORDER BY next_check_at LIMIT :limit")
            .param("now", Timestamp.from(now))
            .param("limit", limit)
            .query(this::row)
            .list();
    }

    /**
     * The attempt begun with this STARTED entry, or linked to this entry, if it is in
     * flight.
     */
    public Optional<Row> find(long entryId) {
        return jdbc.sql("SELECT * FROM change_in_flight WHERE started_id = :id OR outcome_link_id = :id")
            .param("id", entryId)
            .query(this::row)
            .list()
            .stream()
            .findFirst();
    }

    private Row row(ResultSet row, int number) throws SQLException {
        String before = row.getString("existed_before");
        return new Row(row.getLong("started_id"), row.getLong("outcome_link_id"), row.getString("state"),
                row.getTimestamp("started_at").toInstant(), row.getTimestamp("next_check_at").toInstant(),
                row.getTimestamp("absent_proof_at").toInstant(),
                (Integer) row.getObject("answer_status", Integer.class), row.getString("answer_message"),
                before == null ? null : json.readValue(before, new TypeReference<List<String>>() {
                }), row.getString("submission_token"));
    }

    /** A fixed-size key for a target of any length. */
    static String hash(String identity) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static @Nullable String cut(@Nullable String text) {
        return text == null || text.length() <= MESSAGE_COLUMN ? text
                : text.substring(0, MESSAGE_COLUMN - 1) + "\u2026";
    }

}
