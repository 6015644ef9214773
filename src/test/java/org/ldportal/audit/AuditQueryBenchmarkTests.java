package org.ldportal.audit;

import java.io.Writer;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.ldportal.testsupport.EmbeddedPostgresDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the audit queries hold up with 200,000 entries in real PostgreSQL: prints the time of a filtered first page,
 * a deep page and a full CSV export. Figures only; no timing is asserted (they depend on the machine).
 */
class AuditQueryBenchmarkTests {

    private static final int ENTRIES = 200_000;
    private static final int BATCH = 5_000;

    @Test
    void benchmarkWhen200000EntriesThenPrintsPageAndExportTimes() {
        String url = EmbeddedPostgresDatabase.newDatabaseUrl();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "postgres", "postgres");
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        long loadStarted = System.nanoTime();
        load(jdbc);
        jdbc.execute("ANALYZE audit_entry");
        Duration load = since(loadStarted);

        AuditQueries queries = new AuditQueries(new NamedParameterJdbcTemplate(dataSource));
        AuditFilter filtered = new AuditFilter("destination", AuditOutcome.REJECTED, null, "project-5", null, null, null, null);
        queries.page(filtered, null, null, 25); // warm-up: plans and caches, as a running portal has them

        long started = System.nanoTime();
        AuditPage first = queries.page(filtered, null, null, 25);
        Duration firstPage = since(started);

        long deepCursor = jdbc.queryForObject("SELECT MIN(id) + 5000 FROM audit_entry", Long.class);
        started = System.nanoTime();
        AuditPage deep = queries.page(AuditFilter.none(), deepCursor, null, 100);
        Duration deepPage = since(started);

        started = System.nanoTime();
        AtomicLong exported = new AtomicLong();
        AuditExport export = new AuditExport(JsonMapper.builder().build());
        Writer discard = Writer.nullWriter();
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status ->
                queries.stream(AuditFilter.none(), entry -> {
                    export.csvRow(discard, entry);
                    exported.incrementAndGet();
                }));
        Duration fullExport = since(started);

        System.out.printf("%nAudit benchmark, embedded PostgreSQL, %,d entries (loaded in %d ms)%n", ENTRIES, load.toMillis());
        System.out.printf("  filtered first page (destination, REJECTED, project-5; 25 rows): %d ms%n", firstPage.toMillis());
        System.out.printf("  deep page (100 rows, 5,000 entries from the oldest):           %d ms%n", deepPage.toMillis());
        System.out.printf("  full CSV export (%,d rows, streamed):                       %d ms%n%n", exported.get(), fullExport.toMillis());

        assertThat(first.entries()).hasSize(25).allMatch(e -> e.projectKey().equals("project-5")
                && e.outcome() == AuditOutcome.REJECTED && e.resourceType().equals("destination"));
        assertThat(deep.entries()).hasSize(100).allMatch(e -> e.id() < deepCursor);
        assertThat(exported.get()).isEqualTo(ENTRIES);
    }

    private static void load(JdbcTemplate jdbc) {
        String[] types = { "environment", "destination", "integration-configuration", "audit-log-subscription" };
        AuditOutcome[] outcomes = AuditOutcome.values();
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        String sql = "INSERT INTO audit_entry (occurred_at, actor_subject, actor_name, action, resource_type, project_key, "
                + "environment_key, resource_name, resource_key, outcome, http_status, request_body, duration_ms) "
                + "VALUES (?, ?, ?, 'create', ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        for (int from = 0; from < ENTRIES; from += BATCH) {
            List<Object[]> rows = new ArrayList<>(BATCH);
            for (int i = from; i < from + BATCH; i++) {
                AuditOutcome outcome = outcomes[i % outcomes.length];
                rows.add(new Object[] { Timestamp.from(start.plusSeconds(i * 150L)), "user-" + (i % 50), "User " + (i % 50),
                    types[(i / 7) % types.length], "project-" + (i % 20), "env-" + (i % 5), "Resource " + i, "key-" + i,
                    outcome.name(), httpStatus(outcome),
                    "{\"name\":\"Resource " + i + "\",\"config\":{\"secret\":\"[REDACTED]\"}}", (long) (i % 900) });
            }
            jdbc.batchUpdate(sql, rows);
        }
    }

    private static Integer httpStatus(AuditOutcome outcome) {
        return switch (outcome) {
            case SUCCEEDED -> 201;
            case REJECTED -> 400;
            case FAILED -> 500;
            case UNKNOWN -> null;
        };
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}
