package org.ldportal.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the trail for the audit pages and exports. Who may see what is decided here, in
 * the SQL, so that no view, export or detail URL can show an editor someone else's
 * attempts.
 */
@Repository
public class AuditQueries {

    private static final String COLUMNS = "id, occurred_at, actor_subject, actor_name, actor_email, action, resource_type, "
            + "project_key, environment_key, integration_key, resource_name, resource_key, resource_id, outcome, "
            + "http_status, error_code, error_message, request_body, duration_ms, attempt_id, approved_by, request_id";

    /**
     * What a list of entries reads: every column but the request body, which only one
     * entry's page (and an export, a small page at a time) reads.
     */
    private static final String SUMMARY_COLUMNS = COLUMNS.replace("request_body", "NULL AS request_body");

    /** A where clause that selects every entry; each condition appends to it. */
    private static final String NO_CONDITION = " WHERE 1 = 1";

    /** The outcomes that say how a call began or ended (not the approval steps). */
    private static final Set<AuditOutcome> CALL_STEPS = Set.of(AuditOutcome.STARTED, AuditOutcome.SUCCEEDED,
            AuditOutcome.REJECTED, AuditOutcome.FAILED, AuditOutcome.UNKNOWN);

    /**
     * An attempt is listed once, by its latest entry: its outcome, or what a later check
     * found (both link to the entry written before the call), or that started entry while
     * nothing follows it (the portal stopped before it could record an outcome).
     */
    private static final String ONE_ROW_PER_ATTEMPT = " AND NOT EXISTS (SELECT 1 FROM audit_entry o"
            + " WHERE o.attempt_id = COALESCE(audit_entry.attempt_id, audit_entry.id) AND o.id > audit_entry.id)";

    /**
     * Rows an export reads at a time. Every stored body is capped
     * ({@code AuditAttempt.MAX_STORED_BODY}, 32,000 characters), so a page is bounded by
     * size as well: at most about 3.2 million characters of bodies.
     */
    static final int EXPORT_PAGE_SIZE = 100;

    /**
     * Entries, newest first, in which a search looks for a page of matches before it asks
     * the trigram indexes for all of them: a text found in one entry in a hundred fills a
     * page of 25 here, in about a millisecond.
     */
    static final int SEARCH_WINDOW = 5_000;

    private final NamedParameterJdbcTemplate jdbc;

    public AuditQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The filter as the viewer may use it: their own attempts, plus what their scope lets
     * them read (everything for global viewers and admins), whatever the URL asks.
     */
    public static AuditFilter visibleTo(ReadScope scope, AuditFilter filter) {
        return filter.within(scope);
    }

    /**
     * A page of at most {@code size} entries: the newest ones, those older than
     * {@code before}, or those newer than {@code after}.
     */
    public AuditPage page(AuditFilter filter, @Nullable Long before, @Nullable Long after, int size) {
        boolean backwards = after != null && before == null;
        List<AuditEntry> rows = slice(filter, before, after, size, SUMMARY_COLUMNS);
        boolean more = rows.size() > size;
        if (more) {
            rows.remove(rows.size() - 1);
        }
        if (backwards) {
            Collections.reverse(rows);
        }
        if (rows.isEmpty()) {
            return new AuditPage(rows, null, null);
        }
        Long newest = rows.get(0).id();
        Long oldest = rows.get(rows.size() - 1).id();
        boolean newerExist = backwards ? more : before != null && exists(filter, "id > :cursor", newest);
        boolean olderExist = backwards ? exists(filter, "id < :cursor", oldest) : more;
        return new AuditPage(rows, newerExist ? newest : null, olderExist ? oldest : null);
    }

    /**
     * Up to {@code size + 1} entries (one more tells whether more follow): the newest
     * ones, those older than {@code before}, or, oldest first, those newer than
     * {@code after}.
     */
    private List<AuditEntry> slice(AuditFilter filter, @Nullable Long before, @Nullable Long after, int size,
            String columns) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        StringBuilder where = where(filter, parameters);
        boolean backwards = after != null && before == null;
        if (backwards) {
            where.append(" AND id > :after");
            parameters.addValue("after", after);
        }
        else if (before != null) {
            where.append(" AND id < :before");
            parameters.addValue("before", before);
        }
        parameters.addValue("limit", size + 1);
        String direction = backwards ? " ASC" : " DESC";
        String select = "SELECT " + columns + " FROM audit_entry" + where;
        if (!searches(filter)) {
            return new ArrayList<>(
                    jdbc.query(select + " ORDER BY id" + direction + " LIMIT :limit", parameters, ENTRY));
        }
        // A search runs in two steps, because no single plan suits both kinds of text. A
        // common text ("prod") fills a page within the newest entries: walking the
        // primary key from the cursor finds it at once. A rare one ("key-49999") must be
        // found through the trigram indexes and sorted. PostgreSQL cannot tell which a
        // text is (it guesses LIKE '%...%' matches far more rows than it does), so it
        // walked five million entries for "resource 4242", 2.6 s, when the few matches
        // were old. So: the newest SEARCH_WINDOW entries first, and only if they do not
        // fill the page, every match, ordered by an expression the primary key cannot
        // serve (which leaves the trigram indexes as the way in).
        // The window's bounds are values, not a subquery: with "id > (SELECT MAX(id)) -
        // n"
        // PostgreSQL could not see how narrow the window is and read the trigram indexes
        // anyway.
        long low;
        long high;
        if (after != null && before == null) {
            low = after;
            high = after + SEARCH_WINDOW;
        }
        else {
            high = before != null ? before : newestId();
            low = high - SEARCH_WINDOW;
        }
        parameters.addValue("windowLow", low);
        parameters.addValue("windowHigh", high);
        List<AuditEntry> recent = jdbc.query(
                select + " AND id BETWEEN :windowLow AND :windowHigh ORDER BY id" + direction + " LIMIT :limit",
                parameters, ENTRY);
        if (recent.size() >= size + 1) {
            return new ArrayList<>(recent);
        }
        return new ArrayList<>(
                jdbc.query(select + " ORDER BY id + 0" + direction + " LIMIT :limit", parameters, ENTRY));
    }

    private long newestId() {
        Long newest = jdbc.queryForObject("SELECT MAX(id) FROM audit_entry", new MapSqlParameterSource(), Long.class);
        return newest == null ? 0 : newest;
    }

    private static boolean searches(AuditFilter filter) {
        return filter.text() != null && !filter.text().isBlank();
    }

    /** One entry, if it exists and the filter (the viewer's visibility) allows it. */
    public Optional<AuditEntry> find(long id, AuditFilter visibility) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        StringBuilder where = entries(visibility, parameters).append(" AND id = :id");
        parameters.addValue("id", id);
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_entry" + where, parameters, ENTRY).stream().findFirst();
    }

    /**
     * Hands every entry the filter selects, newest first, to {@code sink}, a page at a
     * time: each page is one short query (by id, as the pages of the list are), and the
     * sink is called after it, with no connection or transaction held. So a download as
     * slow as its reader never keeps a connection from the pool (ten slow downloads used
     * to starve creates of the connection they audit with).
     */
    public void stream(AuditFilter filter, Consumer<AuditEntry> sink) {
        Long before = null;
        while (true) {
            // One query a page: the list's paging would also ask whether newer entries
            // exist, which an export never needs.
            List<AuditEntry> rows = slice(filter, before, null, EXPORT_PAGE_SIZE, COLUMNS);
            boolean more = rows.size() > EXPORT_PAGE_SIZE;
            List<AuditEntry> page = more ? rows.subList(0, EXPORT_PAGE_SIZE) : rows;
            page.forEach(sink);
            if (!more) {
                return;
            }
            before = page.get(page.size() - 1).id();
        }
    }

    /**
     * The entries of one attempt, oldest first: the one written before the call (or the
     * request for approval it followed), its outcome, and what checks found since; those
     * the filter (the viewer's visibility) allows.
     */
    public List<AuditEntry> steps(long rootId, AuditFilter visibility) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        StringBuilder where = entries(visibility, parameters).append(" AND (id = :root OR attempt_id = :root)");
        parameters.addValue("root", rootId);
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_entry" + where + " ORDER BY id", parameters, ENTRY);
    }

    /**
     * The latest entry linked to {@code linkId} that says how a call ended (succeeded,
     * refused, failed, or unclear), or that it began; the approval steps (requested,
     * approved...) are not among them.
     */
    public Optional<AuditEntry> latestCallStep(long linkId) {
        return jdbc
            .query("SELECT " + COLUMNS + " FROM audit_entry WHERE (attempt_id = :link OR id = :link) AND outcome IN "
                    + "('STARTED', 'SUCCEEDED', 'REJECTED', 'FAILED', 'UNKNOWN') ORDER BY id DESC LIMIT 1",
                    new MapSqlParameterSource("link", linkId), ENTRY)
            .stream()
            .findFirst();
    }

    /**
     * Whether the attempt this entry belongs to has no clear outcome yet: its latest step
     * says it began, or that the answer was unclear.
     */
    public boolean isUnsettled(AuditEntry entry) {
        if (entry.outcome() != AuditOutcome.UNKNOWN && entry.outcome() != AuditOutcome.STARTED) {
            return false;
        }
        long root = entry.attemptId() != null ? entry.attemptId() : entry.id();
        return latestCallStepOf(root, entry)
            .map(step -> step.outcome() == AuditOutcome.UNKNOWN || step.outcome() == AuditOutcome.STARTED)
            .orElse(true);
    }

    /**
     * The latest call step linked to {@code linkId} of the attempt {@code entry} belongs
     * to: when several attempts link to one entry (the steps of a plan), only this
     * attempt's own entries (same target, from this one on) say how it ended.
     */
    public Optional<AuditEntry> latestCallStepOf(long linkId, AuditEntry entry) {
        Optional<AuditEntry> last = latestCallStep(linkId);
        if (last.isEmpty() || last.get().sameTargetAs(entry)) {
            return last;
        }
        return steps(linkId, AuditFilter.none()).stream()
            .filter(step -> step.id() >= entry.id() && step.sameTargetAs(entry) && CALL_STEPS.contains(step.outcome()))
            .reduce((first, second) -> second);
    }

    /**
     * Whether a later entry of the same attempt follows this one (its outcome, or what a
     * check found).
     */
    public boolean isFollowed(AuditEntry entry) {
        long attempt = entry.attemptId() != null ? entry.attemptId() : entry.id();
        // Of this attempt, not of another linked to the same entry (a plan's next step).
        return steps(attempt, AuditFilter.none()).stream()
            .anyMatch(step -> step.id() > entry.id() && step.sameTargetAs(entry));
    }

    /**
     * Distinct values for the filter menus, among what the viewer may see. Every entry of
     * an attempt carries the same values, so the menus read entries, not attempts. For a
     * viewer of the whole trail the values are found one index probe each (a "skip scan":
     * the least value, then the least one above it, and so on), so the menus cost the
     * same with five million entries as with a hundred; a plain DISTINCT read every
     * entry, over four seconds at five million on PostgreSQL, on every audit page.
     */
    public List<String> distinct(String column, AuditFilter visibility) {
        if (!List.of("resource_type", "action", "project_key", "environment_key").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        StringBuilder where = entries(visibility, parameters);
        if (unrestricted(where)) {
            return jdbc.queryForList("WITH RECURSIVE menu (val) AS (SELECT MIN(" + column + ") FROM audit_entry"
                    + " UNION ALL SELECT (SELECT MIN(" + column + ") FROM audit_entry WHERE " + column
                    + " > menu.val) FROM menu WHERE menu.val IS NOT NULL)"
                    + " SELECT val FROM menu WHERE val IS NOT NULL ORDER BY val", parameters, String.class);
        }
        where.append(" AND " + column + " IS NOT NULL");
        return jdbc.queryForList("SELECT DISTINCT " + column + " FROM audit_entry" + where + " ORDER BY " + column,
                parameters, String.class);
    }

    /**
     * Someone who appears in the trail: the login id the filter uses and the name the
     * rows show.
     */
    public record Actor(String subject, String name) {
    }

    /**
     * The people among what the viewer may see, by name, for the "Who" filter. The latest
     * name a person was recorded with stands for them (names change; the login id does
     * not). For a viewer of the whole trail, one index probe a person, as for
     * {@link #distinct}.
     */
    public List<Actor> actors(AuditFilter visibility) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        StringBuilder where = entries(visibility, parameters);
        RowMapper<Actor> actor = (row, number) -> new Actor(row.getString("actor_subject"), row.getString("name"));
        if (unrestricted(where)) {
            return jdbc.query("WITH RECURSIVE people (subject) AS (SELECT MIN(actor_subject) FROM audit_entry"
                    + " UNION ALL SELECT (SELECT MIN(actor_subject) FROM audit_entry WHERE actor_subject"
                    + " > people.subject) FROM people WHERE people.subject IS NOT NULL)"
                    + " SELECT subject AS actor_subject, (SELECT COALESCE(e.actor_name, e.actor_subject) FROM"
                    + " audit_entry e WHERE e.actor_subject = people.subject ORDER BY e.id DESC LIMIT 1) AS name"
                    + " FROM people WHERE subject IS NOT NULL ORDER BY 2, 1", parameters, actor);
        }
        return jdbc
            .query("SELECT actor_subject, COALESCE(MAX(CASE WHEN id = latest THEN actor_name END), actor_subject)"
                    + " AS name FROM (SELECT actor_subject, actor_name, id, MAX(id) OVER (PARTITION BY actor_subject)"
                    + " AS latest FROM audit_entry" + where + ") seen GROUP BY actor_subject ORDER BY 2, 1", parameters,
                    actor);
    }

    /** The conditions are none: the viewer reads the whole trail, unfiltered. */
    private static boolean unrestricted(StringBuilder where) {
        return where.toString().equals(NO_CONDITION);
    }

    private boolean exists(AuditFilter filter, String condition, long cursor) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        StringBuilder where = where(filter, parameters).append(" AND ").append(condition);
        parameters.addValue("cursor", cursor);
        return !jdbc.queryForList("SELECT id FROM audit_entry" + where + " LIMIT 1", parameters, Long.class).isEmpty();
    }

    /** The filter's conditions for lists and exports: one row per attempt. */
    private static StringBuilder where(AuditFilter filter, MapSqlParameterSource parameters) {
        return entries(filter, parameters).append(ONE_ROW_PER_ATTEMPT);
    }

    /**
     * The filter's conditions on single entries (the detail page may show a started entry
     * too).
     */
    private static StringBuilder entries(AuditFilter filter, MapSqlParameterSource parameters) {
        StringBuilder where = new StringBuilder(NO_CONDITION);
        equal(where, parameters, "resource_type", filter.resourceType());
        equal(where, parameters, "outcome", filter.outcome() == null ? null : filter.outcome().name());
        equal(where, parameters, "actor_subject", filter.actorSubject());
        equal(where, parameters, "project_key", filter.projectKey());
        equal(where, parameters, "environment_key", filter.environmentKey());
        equal(where, parameters, "action", filter.action());
        equal(where, parameters, "resource_id", filter.resourceId());
        if (filter.from() != null) {
            where.append(" AND occurred_at >= :from");
            parameters.addValue("from", Timestamp.from(filter.from()));
        }
        if (filter.until() != null) {
            where.append(" AND occurred_at < :until");
            parameters.addValue("until", Timestamp.from(filter.until()));
        }
        if (filter.scope() != null && !filter.scope().whole()) {
            within(where, parameters, filter.scope());
        }
        String text = filter.text();
        if (text != null && !text.isBlank()) {
            where.append(
                    " AND (LOWER(resource_name) LIKE :text ESCAPE '\\' OR LOWER(resource_key) LIKE :text ESCAPE '\\')");
            String literal = text.trim()
                .toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
            parameters.addValue("text", "%" + literal + "%");
        }
        return where;
    }

    /**
     * Own attempts, or in an area of the scope, or (with an account rule) the account's
     * entries without a project.
     */
    private static void within(StringBuilder where, MapSqlParameterSource parameters, ReadScope scope) {
        where.append(" AND (actor_subject = :scopeSubject");
        parameters.addValue("scopeSubject", scope.subject());
        int n = 0;
        for (ReadScope.Area area : scope.areas()) {
            where.append(" OR (")
                .append(anyLike("project_key", area.projects(), "sp" + n, parameters))
                .append(" AND (environment_key IS NULL OR ")
                .append(anyLike("environment_key", area.environments(), "se" + n, parameters))
                .append(")");
            if (!area.exceptEnvironments().isEmpty()) {
                where.append(" AND (environment_key IS NULL OR NOT ")
                    .append(anyLike("environment_key", area.exceptEnvironments(), "sx" + n, parameters))
                    .append(")");
            }
            where.append(")");
            n++;
        }
        if (scope.account()) {
            where.append(" OR project_key IS NULL");
        }
        where.append(")");
    }

    private static String anyLike(String column, List<String> patterns, String prefix,
            MapSqlParameterSource parameters) {
        StringBuilder any = new StringBuilder("(");
        for (int i = 0; i < patterns.size(); i++) {
            String name = prefix + "_" + i;
            any.append(i == 0 ? "" : " OR ").append(column).append(" LIKE :").append(name).append(" ESCAPE '\\'");
            parameters.addValue(name, patterns.get(i));
        }
        return any.append(patterns.isEmpty() ? "1 = 0)" : ")").toString();
    }

    private static void equal(StringBuilder where, MapSqlParameterSource parameters, String column,
            @Nullable String value) {
        if (value != null && !value.isBlank()) {
            where.append(" AND ").append(column).append(" = :").append(column);
            parameters.addValue(column, value);
        }
    }

    private static final RowMapper<AuditEntry> ENTRY = (ResultSet row, int number) -> new AuditEntry(row.getLong("id"),
            instant(row, "occurred_at"), row.getString("actor_subject"), row.getString("actor_name"),
            row.getString("actor_email"), row.getString("action"), row.getString("resource_type"),
            row.getString("project_key"), row.getString("environment_key"), row.getString("integration_key"),
            row.getString("resource_name"), row.getString("resource_key"), row.getString("resource_id"),
            AuditOutcome.valueOf(row.getString("outcome")), (Integer) row.getObject("http_status", Integer.class),
            row.getString("error_code"), row.getString("error_message"), row.getString("request_body"),
            (Long) row.getObject("duration_ms", Long.class), (Long) row.getObject("attempt_id", Long.class),
            row.getString("approved_by"), row.getString("request_id"));

    /** A column declared NOT NULL (occurred_at): never null. */
    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getTimestamp(column).toInstant();
    }

}
