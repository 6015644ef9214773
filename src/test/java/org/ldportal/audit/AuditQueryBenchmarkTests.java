package org.ldportal.audit;

import java.io.Writer;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
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
 * How the audit queries hold up with 1,000,000 entries in real PostgreSQL
 * ({@code -Dldportal.bench.audit-attempts}, two entries each, 500,000 by default): prints
 * the time of a filtered first page, a deep page, a name-or-key search and a full CSV
 * export. Figures only; no timing is asserted (they depend on the machine).
 */
@Tag("benchmark")
class AuditQueryBenchmarkTests {

    /**
     * Each attempt is two entries: the one written before the call and its outcome,
     * linked to it.
     */
    private static final int ATTEMPTS = Integer.getInteger("ldportal.bench.audit-attempts", 500_000);

    private static final int BATCH = 5_000;

    @Test
    void benchmarkWhenAMillionEntriesThenPrintsPageSearchAndExportTimes() {
        String url = EmbeddedPostgresDatabase.newDatabaseUrl();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "postgres", "postgres");
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
            .load()
            .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        long loadStarted = System.nanoTime();
        load(jdbc);
        jdbc.execute("ANALYZE audit_entry");
        Duration load = since(loadStarted);

        AuditQueries queries = new AuditQueries(new NamedParameterJdbcTemplate(dataSource));
        AuditFilter filtered = new AuditFilter("destination", AuditOutcome.REJECTED, null, "project-5", null, null,
                null, null);
        queries.page(filtered, null, null, 25); // warm-up: plans and caches, as a running
                                                // portal has them

        long started = System.nanoTime();
        AuditPage first = queries.page(filtered, null, null, 25);
        Duration firstPage = since(started);

        long deepCursor = jdbc.queryForObject("SELECT MIN(id) + 5000 FROM audit_entry", Long.class);
        started = System.nanoTime();
        AuditPage deep = queries.page(AuditFilter.none(), deepCursor, null, 100);
        Duration deepPage = since(started);

        // A name or key containing a few characters, as a person types it: through the
        // trigram indexes.
        AuditFilter search = new AuditFilter(null, null, null, null, null, null, null, "resource 4242");
        queries.page(search, null, null, 25); // warm-up
        started = System.nanoTime();
        AuditPage found = queries.page(search, null, null, 25);
        Duration searchPage = since(started);
        AuditFilter rare = new AuditFilter(null, null, null, null, null, null, null, "key-49999");
        started = System.nanoTime();
        AuditPage foundRare = queries.page(rare, null, null, 25);
        Duration rarePage = since(started);

        started = System.nanoTime();
        AtomicLong exported = new AtomicLong();
        AuditExport export = new AuditExport(JsonMapper.builder().build());
        Writer discard = Writer.nullWriter();
        new TransactionTemplate(new DataSourceTransactionManager(dataSource))
            .executeWithoutResult(status -> queries.stream(AuditFilter.none(), entry -> {
                export.csvRow(discard, entry);
                exported.incrementAndGet();
            }));
        Duration fullExport = since(started);

        System.out.printf("%nAudit benchmark, embedded PostgreSQL, %,d attempts in %,d entries (loaded in %d ms)%n",
                ATTEMPTS, 2 * ATTEMPTS, load.toMillis());
        System.out.printf("  filtered first page (destination, REJECTED, project-5; 25 rows): %d ms%n",
                firstPage.toMillis());
        System.out.printf("  deep page (100 rows, 5,000 entries from the oldest):           %d ms%n",
                deepPage.toMillis());
        System.out.printf("  search \"resource 4242\" in names and keys (first 25 of many):   %d ms%n",
                searchPage.toMillis());
        System.out.printf("  search \"key-49999\" (a few matches):                            %d ms%n",
                rarePage.toMillis());
        System.out.printf("  full CSV export (%,d rows, streamed):                       %d ms%n%n", exported.get(),
                fullExport.toMillis());

        assertThat(first.entries()).hasSize(25)
            .allMatch(e -> e.projectKey().equals("project-5") && e.outcome() == AuditOutcome.REJECTED
                    && e.resourceType().equals("destination"));
        assertThat(deep.entries()).hasSize(100).allMatch(e -> e.id() < deepCursor);
        assertThat(found.entries()).isNotEmpty()
            .allMatch(e -> e.resourceName().toLowerCase().contains("resource 4242"));
        assertThat(foundRare.entries()).isNotEmpty().allMatch(e -> e.resourceKey().contains("key-49999"));
        assertThat(exported.get()).as("one row per attempt").isEqualTo(ATTEMPTS);
    }

    private static void load(JdbcTemplate jdbc) {
        String[] types = { "environment", "destination", "integration-configuration", "audit-log-subscription" };
        AuditOutcome[] outcomes = { AuditOutcome.SUCCEEDED, AuditOutcome.REJECTED, AuditOutcome.FAILED,
                AuditOutcome.UNKNOWN };
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        String sql = "INSERT INTO audit_entry (id, occurred_at, actor_subject, actor_name, action, resource_type, project_key, "
                + "environment_key, resource_name, resource_key, outcome, http_status, request_body, duration_ms, attempt_id) "
                + "VALUES (?, ?, ?, ?, 'create', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        for (int from = 0; from < ATTEMPTS; from += BATCH) {
            List<Object[]> rows = new ArrayList<>(2 * BATCH);
            for (int i = from; i < from + BATCH; i++) {
                AuditOutcome outcome = outcomes[i % outcomes.length];
                long startedId = 2L * i + 1;
                String body = "{\"name\":\"Resource " + i + "\",\"config\":{\"secret\":\"[REDACTED]\"}}";
                Timestamp at = Timestamp.from(start.plusSeconds(i * 150L));
                Object[] common = { "user-" + (i % 50), "User " + (i % 50), types[(i / 7) % types.length],
                        "project-" + (i % 20), "env-" + (i % 5), "Resource " + i, "key-" + i };
                rows.add(row(startedId, at, common, AuditOutcome.STARTED, null, body, null, null));
                rows.add(row(startedId + 1, at, common, outcome, httpStatus(outcome), body, (long) (i % 900),
                        startedId));
            }
            jdbc.batchUpdate(sql, rows);
        }
    }

    private static Object[] row(long id, Timestamp at, Object[] common, AuditOutcome outcome, Integer status,
            String body, Long durationMs, Long attemptId) {
        List<Object> values = new ArrayList<>();
        values.add(id);
        values.add(at);
        values.addAll(List.of(common));
        values.addAll(java.util.Arrays.asList(outcome.name(), status, body, durationMs, attemptId));
        return values.toArray();
    }

    private static Integer httpStatus(AuditOutcome outcome) {
        return switch (outcome) {
            case SUCCEEDED -> 201;
            case REJECTED -> 400;
            case FAILED -> 500;
            case UNKNOWN, STARTED, REQUESTED, APPROVED, DECLINED, EXPIRED -> null;
        };
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

}
