package org.ldportal.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.ldportal.change.SecretBox;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The plans (tables {@code plan} and {@code plan_step}). A step's values are kept sealed,
 * bound to the step's row, until the plan no longer needs them.
 */
@Repository
class Plans {

    private static final TypeReference<Map<String, List<String>>> VALUES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    private final TransactionTemplate transactions;

    private final SecretBox box;

    private final ObjectMapper json;

    private final Clock clock;

    Plans(JdbcClient jdbc, PlatformTransactionManager transactionManager, SecretBox box, ObjectMapper json,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.box = box;
        this.json = json;
        this.clock = clock;
    }

    /** Keeps a new plan, RUNNING, every step WAITING; answers its id. */
    long create(PlanRequest request, CurrentUser owner) {
        return transactions.execute(status -> {
            Timestamp now = Timestamp.from(clock.instant());
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO plan (template_key, template_version, name, owner_subject, owner_name, status, "
                    + "created_at, updated_at) VALUES (:template, :version, :name, :subject, :ownerName, 'RUNNING', "
                    + ":now, :now)")
                .param("template", request.templateKey())
                .param("version", request.templateVersion())
                .param("name", request.name())
                .param("subject", owner.subject())
                .param("ownerName", owner.displayName())
                .param("now", now)
                .update(key, "id");
            long id = Objects.requireNonNull(key.getKeyAs(Number.class)).longValue();
            for (int i = 0; i < request.steps().size(); i++) {
                PlanRequest.Step step = request.steps().get(i);
                jdbc.sql("INSERT INTO plan_step (plan_id, position, resource_type, variant, project_key, "
                        + "environment_key, resource_name, sealed_values, status, target, action) VALUES (:plan, "
                        + ":position, :type, :variant, :project, :environment, :name, :sealed, 'WAITING', :target, "
                        + ":action)")
                    .param("plan", id)
                    .param("position", i)
                    .param("type", step.type().key())
                    .param("variant", step.variant())
                    .param("project", step.project())
                    .param("environment", step.environment())
                    .param("name", step.name())
                    .param("sealed", box.encrypt(json.writeValueAsString(step.values()), context(id, i)))
                    .param("target", step.target())
                    .param("action", step.action() == null ? null : step.action().key())
                    .update();
            }
            return id;
        });
    }

    Optional<Plan> find(long id) {
        return jdbc.sql("SELECT * FROM plan WHERE id = :id").param("id", id).query((row, n) -> plan(row)).optional();
    }

    /** The person's plans, newest first. */
    List<Plan> of(String ownerSubject) {
        return jdbc.sql("SELECT * FROM plan WHERE owner_subject = :subject ORDER BY id DESC")
            .param("subject", ownerSubject)
            .query((row, n) -> plan(row))
            .list();
    }

    /** A step's values, secrets included; empty once they were let go. */
    Optional<Map<String, List<String>>> values(long planId, int position) {
        return jdbc.sql("SELECT sealed_values FROM plan_step WHERE plan_id = :plan AND position = :position")
            .param("plan", planId)
            .param("position", position)
            .query(String.class)
            .optional()
            .map(sealed -> json.readValue(box.decrypt(sealed, context(planId, position)), VALUES));
    }

    void auditEntry(long planId, long auditId) {
        jdbc.sql("UPDATE plan SET audit_id = :audit WHERE id = :id")
            .param("audit", auditId)
            .param("id", planId)
            .update();
    }

    void step(long planId, int position, Plan.StepStatus status, @Nullable String message, @Nullable String link,
            @Nullable String made) {
        jdbc.sql("UPDATE plan_step SET status = :status, message = :message, link = :link, "
                + "made = COALESCE(:made, made) WHERE plan_id = :plan AND position = :position")
            .param("status", status.name())
            .param("message", message == null ? null : cut(message, 4000))
            .param("link", link)
            .param("made", made)
            .param("plan", planId)
            .param("position", position)
            .update();
        // A step ended: the plan is alive (see Plan.interrupted).
        jdbc.sql("UPDATE plan SET updated_at = :now WHERE id = :plan")
            .param("now", Timestamp.from(clock.instant()))
            .param("plan", planId)
            .update();
    }

    /** Keeps the STARTED entry of a step whose answer was unclear. */
    void unclear(long planId, int position, long attemptId) {
        jdbc.sql("UPDATE plan_step SET attempt_id = :attempt WHERE plan_id = :plan AND position = :position")
            .param("attempt", attemptId)
            .param("plan", planId)
            .param("position", position)
            .update();
    }

    /**
     * A step whose unclear attempt was settled: created after all, or not; false when no
     * step waits on that attempt.
     */
    boolean settled(long attemptId, Plan.StepStatus status, String message, @Nullable String link,
            @Nullable String made) {
        return jdbc
            .sql("UPDATE plan_step SET status = :status, message = :message, link = COALESCE(:link, link), "
                    + "made = COALESCE(:made, made) WHERE attempt_id = :attempt AND status = 'UNKNOWN'")
            .param("status", status.name())
            .param("message", cut(message, 4000))
            .param("link", link)
            .param("made", made)
            .param("attempt", attemptId)
            .update() > 0;
    }

    /** What the step waiting on an unclear attempt makes, if one does. */
    Optional<ResourceType> typeWaitingOn(long attemptId) {
        return jdbc.sql("SELECT resource_type FROM plan_step WHERE attempt_id = :attempt AND status = 'UNKNOWN'")
            .param("attempt", attemptId)
            .query(String.class)
            .optional()
            .flatMap(ResourceType::of);
    }

    /**
     * Takes over a plan whose instance stopped while running it (no step ended since
     * {@code before}); false when it is not, or another took it over first.
     */
    boolean takeOver(long planId, Instant before) {
        return jdbc
            .sql("UPDATE plan SET updated_at = :now WHERE id = :id AND status = 'RUNNING' AND updated_at < :before")
            .param("now", Timestamp.from(clock.instant()))
            .param("id", planId)
            .param("before", Timestamp.from(before))
            .update() == 1;
    }

    /**
     * Moves the plan to {@code to} if it is in {@code from}: false when someone else
     * moved it first (a second "Resume" at once).
     */
    boolean move(long planId, Plan.Status from, Plan.Status to) {
        return jdbc.sql("UPDATE plan SET status = :to, updated_at = :now WHERE id = :id AND status = :from")
            .param("to", to.name())
            .param("now", Timestamp.from(clock.instant()))
            .param("id", planId)
            .param("from", from.name())
            .update() == 1;
    }

    /**
     * Lets go the values of the plans left since before {@code before} (stopped, running
     * with no step ended, or ended and not let go); answers how many steps had some. One
     * statement, so a plan resumed meanwhile (its time moved on) keeps them.
     */
    int forgetValuesLeftSince(Instant before) {
        return jdbc
            .sql("UPDATE plan_step SET sealed_values = NULL WHERE sealed_values IS NOT NULL AND plan_id IN "
                    + "(SELECT id FROM plan WHERE updated_at < :before)")
            .param("before", Timestamp.from(before))
            .update();
    }

    /** Lets the values go: the plan needs them no more. */
    void forgetValues(long planId) {
        jdbc.sql("UPDATE plan_step SET sealed_values = NULL WHERE plan_id = :plan").param("plan", planId).update();
    }

    private Plan plan(ResultSet row) throws SQLException {
        long id = row.getLong("id");
        List<Plan.PlanStep> steps = jdbc.sql("SELECT * FROM plan_step WHERE plan_id = :plan ORDER BY position")
            .param("plan", id)
            .query((step, n) -> new Plan.PlanStep(step.getInt("position"),
                    ResourceType.of(step.getString("resource_type")).orElseThrow(), step.getString("variant"),
                    step.getString("project_key"), step.getString("environment_key"), step.getString("resource_name"),
                    Plan.StepStatus.valueOf(step.getString("status")), step.getString("message"),
                    step.getString("link"), step.getString("made"), step.getString("target"),
                    action(step.getString("action"))))
            .list();
        Number audit = (Number) row.getObject("audit_id");
        Number version = (Number) row.getObject("template_version");
        return new Plan(id, row.getString("template_key"), version == null ? null : version.intValue(),
                row.getString("name"), row.getString("owner_subject"), row.getString("owner_name"),
                Plan.Status.valueOf(row.getString("status")), audit == null ? null : audit.longValue(),
                row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant(), steps);
    }

    private static ChangeAction action(@Nullable String key) {
        return key == null ? ChangeAction.CREATE : ChangeAction.of(key).orElseThrow();
    }

    private static String context(long planId, int position) {
        return "plan:" + planId + ":" + position;
    }

    private static String cut(String text, int size) {
        return text.length() <= size ? text : text.substring(0, size - 1) + "\u2026";
    }

}
