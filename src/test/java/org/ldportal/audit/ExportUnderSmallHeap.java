package org.ldportal.audit;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.micrometer.core.instrument.MeterRegistry;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Run in a JVM of its own with a small heap by {@link AuditExportHeapTests}: fills a
 * trail (an H2 database on disk, so that the data is not on the heap) with entries whose
 * bodies are as long as the portal keeps, then exports every one as JSON lines. Exits 0
 * and prints how many it exported; running out of memory exits otherwise.
 *
 * <p>
 * Arguments: the database directory, the number of entries.
 */
public final class ExportUnderSmallHeap {

    private ExportUnderSmallHeap() {
    }

    public static void main(String[] args) throws Exception {
        // Without Spring Boot's logging set-up, logback would log every statement.
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Path directory = Path.of(args[0]);
        int entries = Integer.parseInt(args[1]);
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:file:" + directory.resolve("trail") + ";CACHE_SIZE=4096");
        Flyway.configure()
            .dataSource(database)
            .locations("classpath:db/migration/common", "classpath:db/migration/h2")
            .load()
            .migrate();
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(database);
        AuditTrail trail = new AuditTrail(jdbc, Clock.systemUTC(),
                new DefaultListableBeanFactory().getBeanProvider(MeterRegistry.class));
        CurrentUser editor = new CurrentUser("eddie", "Eddie Editor", null, EnumSet.of(PortalRole.EDITOR));
        // Longer than the portal keeps: what is stored is the most it keeps.
        String body = "{\"config\":{\"json\":\"" + "x".repeat(AuditAttempt.MAX_STORED_BODY * 2) + "\"}}";
        trail.record(AuditAttempt.by(editor, ChangeAction.CREATE, ResourceType.DESTINATION)
            .at(Place.environment("mobile-app", "production"))
            .withResource("Warehouse", "databricks", null)
            .withRequestBody(body));
        // The rest copied from that one in the database (as the trail stored it), which
        // is
        // quicker than as many inserts.
        String columns = "occurred_at, actor_subject, actor_name, actor_email, action, resource_type, project_key, "
                + "environment_key, integration_key, resource_name, resource_key, resource_id, outcome, request_body";
        jdbc.getJdbcTemplate()
            .update("INSERT INTO audit_entry (" + columns + ") SELECT " + columns
                    + " FROM audit_entry, SYSTEM_RANGE(1, ?)", entries - 1);
        AuditExport export = new AuditExport(JsonMapper.builder().build());
        AtomicLong exported = new AtomicLong();
        AtomicLong characters = new AtomicLong();
        try (Writer out = Writer.nullWriter()) {
            new AuditQueries(jdbc).stream(AuditFilter.none(), entry -> {
                export.jsonLine(out, entry);
                exported.incrementAndGet();
                characters.addAndGet(entry.requestBody() == null ? 0 : entry.requestBody().length());
            });
        }
        System.out.printf("exported %d entries, %,d characters of bodies, heap max %d MB%n", exported.get(),
                characters.get(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        Files.deleteIfExists(directory.resolve("trail.mv.db"));
    }

}
