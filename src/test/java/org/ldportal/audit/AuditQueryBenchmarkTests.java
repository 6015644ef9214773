package org.ldportal.audit;

import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ldportal.testsupport.EmbeddedPostgresDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the audit queries hold up with millions of entries in real PostgreSQL: at each size
 * of {@code -Dldportal.bench.audit-entries} (1,000,000 and 5,000,000 by default; two
 * entries an attempt, the one written before the call and its outcome), prints the median
 * of {@value #RUNS} runs of a filtered first page, a deep page, two name-or-key searches
 * and the filter menus, and a full CSV export with the heap before, at its highest
 * during, and after it. Figures only; no timing is asserted (they depend on the machine),
 * what is asserted is that each query answers what it was asked.
 * <p>
 * Run: {@code ./mvnw -Pbenchmark -Dtest=AuditQueryBenchmarkTests test}
 * ({@code -Dldportal.bench.audit-explain=true} prints each query's plan as it ran).
 */
@Tag("benchmark")
class AuditQueryBenchmarkTests {

    private static final List<Long> SIZES = Arrays
        .stream(System.getProperty("ldportal.bench.audit-entries", "1000000,5000000").split(","))
        .map(String::trim)
        .map(Long::parseLong)
        .sorted()
        .toList();

    /** Each figure is the median of this many runs, after one warm-up run. */
    private static final int RUNS = 5;

    /** Attempts written by one statement while loading. */
    private static final long LOAD_CHUNK = 250_000;

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    @Test
    void benchmarkWhenMillionsOfEntriesThenPrintsQueryTimesAndTheExportsHeap() {
        String url = EmbeddedPostgresDatabase.newDatabaseUrl();
        // Pooled, as the portal's: a connection opened per query cost 20-50 ms of every
        // figure, and a full export opens one per page of 100 rows.
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        pool.setUsername("postgres");
        pool.setPassword("postgres");
        pool.setMaximumPoolSize(2);
        try (HikariDataSource dataSource = new HikariDataSource(pool)) {
            run(dataSource);
        }
    }

    private static void run(DataSource dataSource) {
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
            .load()
            .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        RecordingJdbc recording = new RecordingJdbc(dataSource);
        AuditQueries queries = new AuditQueries(recording);

        long attempts = 0;
        for (long entries : SIZES) {
            long started = System.nanoTime();
            attempts = load(jdbc, attempts, entries / 2);
            jdbc.execute("VACUUM ANALYZE audit_entry");
            Duration loaded = since(started);
            System.out.printf("%nAudit benchmark, embedded PostgreSQL, %,d entries (%,d attempts; loaded up to here"
                    + " in %d s); median of %d runs, ms%n", 2 * attempts, attempts, loaded.toSeconds(), RUNS);
            measure(jdbc, queries, attempts, recording);
        }
    }

    /**
     * The template the queries run through, keeping the statements of the last query
     * measured so that {@code -Dldportal.bench.audit-explain=true} can print PostgreSQL's
     * plan of each, as it ran.
     */
    private static final class RecordingJdbc extends NamedParameterJdbcTemplate {

        private final List<String> statements = new ArrayList<>();

        private final List<SqlParameterSource> parameters = new ArrayList<>();

        RecordingJdbc(DataSource dataSource) {
            super(dataSource);
        }

        void forget() {
            statements.clear();
            parameters.clear();
        }

        @Override
        public <T> List<T> query(String sql, SqlParameterSource source, RowMapper<T> rowMapper) {
            statements.add(sql);
            parameters.add(source);
            return super.query(sql, source, rowMapper);
        }

        @Override
        public <T> List<T> queryForList(String sql, SqlParameterSource source, Class<T> elementType) {
            statements.add(sql);
            parameters.add(source);
            return super.queryForList(sql, source, elementType);
        }

        /** PostgreSQL's plan of each statement of the last query, run once more. */
        List<String> plans() {
            List<String> sql = List.copyOf(statements);
            List<SqlParameterSource> values = List.copyOf(parameters);
            List<String> plans = new ArrayList<>();
            for (int i = 0; i < sql.size(); i++) {
                plans.addAll(super.queryForList("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql.get(i), values.get(i),
                        String.class));
            }
            forget();
            return plans;
        }

    }

    private static void measure(JdbcTemplate jdbc, AuditQueries queries, long attempts, RecordingJdbc recording) {
        AuditFilter filtered = new AuditFilter("destination", AuditOutcome.REJECTED, null, "project-5", null, null,
                null, null);
        AuditPage first = timed(recording, "filtered first page (destination, REJECTED, project-5; 25 rows)",
                () -> queries.page(filtered, null, null, 25));
        assertThat(first.entries()).hasSize(25)
            .allMatch(e -> e.projectKey().equals("project-5") && e.outcome() == AuditOutcome.REJECTED
                    && e.resourceType().equals("destination"));

        long deepCursor = jdbc.queryForObject("SELECT MIN(id) + 5000 FROM audit_entry", Long.class);
        AuditPage deep = timed(recording, "deep page (100 rows, 5,000 entries from the oldest)",
                () -> queries.page(AuditFilter.none(), deepCursor, null, 100));
        assertThat(deep.entries()).hasSize(100).allMatch(e -> e.id() < deepCursor);

        AuditPage newest = timed(recording, "first page, no filter (25 rows)",
                () -> queries.page(AuditFilter.none(), null, null, 25));
        assertThat(newest.entries()).hasSize(25);

        // A name or key containing a few characters, as a person types it: through the
        // trigram indexes.
        AuditFilter search = new AuditFilter(null, null, null, null, null, null, null, "resource 4242");
        AuditPage found = timed(recording, "search \"resource 4242\" in names and keys (first 25 of many)",
                () -> queries.page(search, null, null, 25));
        assertThat(found.entries()).isNotEmpty()
            .allMatch(e -> e.resourceName().toLowerCase().contains("resource 4242"));
        AuditFilter rare = new AuditFilter(null, null, null, null, null, null, null, "key-49999");
        AuditPage foundRare = timed(recording, "search \"key-49999\" (a few matches)",
                () -> queries.page(rare, null, null, 25));
        assertThat(foundRare.entries()).isNotEmpty().allMatch(e -> e.resourceKey().contains("key-49999"));

        List<String> projects = timed(recording, "the project filter's menu (distinct projects)",
                () -> queries.distinct("project_key", AuditFilter.none()));
        assertThat(projects).hasSize(20);
        List<AuditQueries.Actor> actors = timed(recording, "the \"who\" filter's menu (the people in the trail)",
                () -> queries.actors(AuditFilter.none()));
        assertThat(actors).hasSize(50);

        export(queries, attempts);
    }

    /**
     * The full CSV export, as the download streams it: the heap in use before (after a
     * collection), the most seen while it ran (sampled every 10,000 rows), and after.
     */
    private static void export(AuditQueries queries, long attempts) {
        long before = heapAfterCollection();
        AtomicLong exported = new AtomicLong();
        AtomicLong highest = new AtomicLong();
        AuditExport export = new AuditExport(JsonMapper.builder().build());
        Writer discard = Writer.nullWriter();
        long started = System.nanoTime();
        queries.stream(AuditFilter.none(), entry -> {
            export.csvRow(discard, entry);
            if (exported.incrementAndGet() % 10_000 == 0) {
                highest.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
            }
        });
        Duration took = since(started);
        long after = heapAfterCollection();
        System.out.printf("  %-66s %8d%n", String.format("full CSV export (%,d rows, streamed)", exported.get()),
                took.toMillis());
        System.out.printf("  %-66s %,8d MB before, %,d MB at most during, %,d MB after (of %,d MB)%n", "  heap in use",
                before >> 20, highest.get() >> 20, after >> 20, MEMORY.getHeapMemoryUsage().getMax() >> 20);
        assertThat(exported.get()).as("one row per attempt").isEqualTo(attempts);
    }

    private static <T> T timed(RecordingJdbc recording, String what, Supplier<T> query) {
        T answer = query.get();
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            recording.forget();
            long started = System.nanoTime();
            answer = query.get();
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        System.out.printf("  %-66s %8.1f%n", what, nanos[RUNS / 2] / 1e6);
        if (Boolean.getBoolean("ldportal.bench.audit-explain")) {
            recording.plans().forEach(line -> System.out.println("      | " + line));
        }
        return answer;
    }

    /**
     * Attempts {@code from} (inclusive) to {@code to}, written by PostgreSQL itself: two
     * entries each, spread over 20 projects, 5 environments, 50 people, four kinds and
     * four outcomes, one attempt every 150 seconds from 2025 on.
     */
    private static long load(JdbcTemplate jdbc, long from, long to) {
        String sql = """
                INSERT INTO audit_entry (id, occurred_at, actor_subject, actor_name, action, resource_type,
                    project_key, environment_key, resource_name, resource_key, outcome, http_status, request_body,
                    duration_ms, attempt_id)
                SELECT 2 * i + 1 + s.k, TIMESTAMPTZ '2025-01-01 00:00:00+00' + i * INTERVAL '150 seconds',
                    'user-' || (i % 50), 'User ' || (i % 50), 'create',
                    (ARRAY['environment', 'destination', 'integration-configuration',
                        'audit-log-subscription'])[(i / 7) % 4 + 1],
                    'project-' || (i % 20), 'env-' || (i % 5), 'Resource ' || i, 'key-' || i,
                    CASE WHEN s.k = 0 THEN 'STARTED'
                        ELSE (ARRAY['SUCCEEDED', 'REJECTED', 'FAILED', 'UNKNOWN'])[i % 4 + 1] END,
                    CASE WHEN s.k = 0 THEN NULL ELSE (ARRAY[201, 400, 500, NULL])[i % 4 + 1] END,
                    '{"name":"Resource ' || i || '","config":{"secret":"[REDACTED]"}}',
                    CASE WHEN s.k = 0 THEN NULL ELSE i % 900 END,
                    CASE WHEN s.k = 0 THEN NULL ELSE 2 * i + 1 END
                FROM generate_series(?::bigint, ?::bigint) AS i CROSS JOIN (VALUES (0), (1)) AS s(k)
                """;
        for (long chunk = from; chunk < to; chunk += LOAD_CHUNK) {
            jdbc.update(sql, chunk, Math.min(to, chunk + LOAD_CHUNK) - 1);
        }
        return to;
    }

    private static long heapAfterCollection() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

}
