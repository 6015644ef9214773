package org.ldportal.status;

import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The status page's database part: which database, its schema version, the session store,
 * the scheduled jobs.
 */
@Component
class DatabaseStatus implements StatusSection {

    private final JdbcClient jdbc;

    DatabaseStatus(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String title() {
        return "Database and sessions";
    }

    @Override
    public List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        try {
            String product = jdbc.sql("SELECT 1").query((row, number) -> {
                var meta = row.getStatement().getConnection().getMetaData();
                return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            }).single();
            lines.add(Line.of("Database", product));
            lines.add(Line.of("Schema version",
                    jdbc.sql("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE "
                            + "AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC LIMIT 1")
                        .query(String.class)
                        .optional()
                        .orElse("none")));
            long now = System.currentTimeMillis();
            lines.add(Line.of("Sessions",
                    jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE EXPIRY_TIME > :now")
                        .param("now", now)
                        .query(Long.class)
                        .single() + " active, in the database (shared by every instance)"));
            jdbc.sql("SELECT name, locked_at, locked_by FROM shedlock ORDER BY name")
                .query((row, number) -> Line.of("Job " + row.getString("name"),
                        "last run " + row.getTimestamp("locked_at").toInstant() + " on " + row.getString("locked_by")))
                .list()
                .forEach(lines::add);
        }
        catch (DataAccessException e) {
            lines.add(Line.problem("Database", "not reachable: " + e.getClass().getSimpleName()));
        }
        return lines;
    }

}
