package org.ldportal.change.internal;

import org.ldportal.change.ChangeResult;
import org.ldportal.change.Submissions;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.ldportal.audit.ClusterLocks;
import org.ldportal.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

/**
 * {@link Submissions} in the database: the token is the primary key, so of two submits at
 * the same moment, on any instance, exactly one insert succeeds.
 */
@Component
public class JdbcSubmissions implements Submissions {

    private static final Logger log = LoggerFactory.getLogger(JdbcSubmissions.class);

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    public static boolean wellFormed(@Nullable String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** How long a settled submit answers repeats. */
    static final Duration KEPT = Duration.ofDays(1);

    private final JdbcClient jdbc;

    private final ObjectMapper json;

    private final Clock clock;

    private final ClusterLocks locks;

    public JdbcSubmissions(JdbcClient jdbc, ObjectMapper json, Clock clock, ClusterLocks locks) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.locks = locks;
    }

    /** A fresh token for a form about to be shown. */
    public static String newToken() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public <T> Claim<T> claim(@Nullable String token, CurrentUser actor, Class<T> resultType) {
        if (token == null || !wellFormed(token)) {
            return new Claim.Missing<>();
        }
        try {
            jdbc.sql("INSERT INTO form_submission (token, actor_subject, state, created_at) VALUES (:token, :actor, "
                    + "'IN_PROGRESS', :at)")
                .param("token", token)
                .param("actor", actor.subject())
                .param("at", Timestamp.from(clock.instant()))
                .update();
            return new Claim.Claimed<>();
        }
        catch (DuplicateKeyException repeat) {
            return earlierClaim(token, actor, resultType);
        }
    }

    @Override
    public <T> Optional<Claim<T>> earlier(@Nullable String token, CurrentUser actor, Class<T> resultType) {
        if (token == null || !wellFormed(token)) {
            return Optional.empty();
        }
        return row(token).filter(row -> row.actor().equals(actor.subject())).map(row -> claimOf(row, resultType));
    }

    private <T> Claim<T> earlierClaim(String token, CurrentUser actor, Class<T> resultType) {
        Optional<Row> row = row(token);
        if (row.isEmpty() || !row.get().actor().equals(actor.subject())) {
            // Freed meanwhile, or someone else's token (never shown their result): the
            // form is out of date.
            return row.isEmpty() ? claim(token, actor, resultType) : new Claim.Missing<>();
        }
        return claimOf(row.get(), resultType);
    }

    private Optional<Row> row(String token) {
        return jdbc
            .sql("SELECT actor_subject, state, result_json, attempt_id FROM form_submission WHERE token = :token")
            .param("token", token)
            .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                    (Long) rs.getObject(4, Long.class)))
            .optional();
    }

    private <T> Claim<T> claimOf(Row row, Class<T> resultType) {
        return switch (row.state()) {
            case "SUCCEEDED" -> new Claim.Succeeded<>(json.readValue(row.resultJson(), resultType));
            case "MAY_EXIST" -> new Claim.MayExist<>(row.attemptId());
            case "CREATED" -> new Claim.Settled<>(true, row.resultJson(), row.attemptId());
            case "NOT_CREATED" -> new Claim.Settled<>(false, null, row.attemptId());
            default -> new Claim.InProgress<>();
        };
    }

    @Override
    public void settle(String token, ChangeResult<?> result, @Nullable Object resultPage) {
        if (result instanceof ChangeResult.Succeeded<?>) {
            jdbc.sql("UPDATE form_submission SET state = 'SUCCEEDED', result_json = :result WHERE token = :token")
                .param("result", json.writeValueAsString(resultPage))
                .param("token", token)
                .update();
        }
        else if (result instanceof ChangeResult.MayExist<?> mayExist && mayExist.found() != null) {
            // Found by a check, though not read back: a repeat says it was created.
            jdbc.sql(
                    "UPDATE form_submission SET state = 'CREATED', result_json = :link, attempt_id = :attempt WHERE token = "
                            + ":token")
                .param("link", mayExist.found().link(), Types.VARCHAR)
                .param("attempt", mayExist.attemptId(), Types.BIGINT)
                .param("token", token)
                .update();
        }
        else if (result instanceof ChangeResult.MayExist<?> mayExist) {
            // Only while in progress: a settlement a moment ago (the check at once) has
            // said more already.
            jdbc.sql("UPDATE form_submission SET state = 'MAY_EXIST', attempt_id = :attempt WHERE token = :token AND "
                    + "state = 'IN_PROGRESS'")
                .param("attempt", mayExist.attemptId(), Types.BIGINT)
                .param("token", token)
                .update();
        }
        else {
            // Nothing was created: sending the same form again is safe, and the person
            // may need to after fixing it.
            jdbc.sql("DELETE FROM form_submission WHERE token = :token").param("token", token).update();
        }
    }

    @Override
    public void settledLater(String token, boolean created, @Nullable String link, long attemptId) {
        // An instance that stopped mid-call left the token in progress; a repeat now says
        // what was found.
        jdbc.sql(
                "UPDATE form_submission SET state = :state, result_json = :link, attempt_id = :attempt WHERE token = :token")
            .param("state", created ? "CREATED" : "NOT_CREATED")
            .param("link", link, Types.VARCHAR)
            .param("attempt", attemptId)
            .param("token", token)
            .update();
    }

    @Scheduled(fixedDelay = 1, timeUnit = TimeUnit.HOURS, initialDelay = 1)
    void forgetOldSubmissions() {
        // Once across instances, like all scheduled work.
        locks.runIfFree("forget-submissions", Duration.ofMinutes(50), Duration.ofMinutes(30), this::forgetNow);
    }

    private void forgetNow() {
        int forgotten = jdbc.sql("DELETE FROM form_submission WHERE created_at < :cutoff")
            .param("cutoff", Timestamp.from(clock.instant().minus(KEPT)))
            .update();
        if (forgotten > 0) {
            log.debug("Forgot {} form submissions older than {}", forgotten, KEPT);
        }
    }

    private record Row(String actor, String state, String resultJson, Long attemptId) {
    }

}
