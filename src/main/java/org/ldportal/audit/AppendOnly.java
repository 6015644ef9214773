package org.ldportal.audit;

import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On PostgreSQL a trigger refuses any UPDATE or DELETE of audit entries
 * (V6_1__audit_entry_append_only.sql) unless the transaction declares itself maintenance:
 * the retention purge, which is the one thing that deletes, does.
 */
public final class AppendOnly {

    private AppendOnly() {
    }

    /**
     * Declares the current transaction maintenance, on PostgreSQL; elsewhere there is no
     * trigger to tell.
     */
    public static void maintenance(JdbcClient jdbc) {
        if (isPostgres(jdbc)) {
            jdbc.sql("SELECT set_config('ldportal.audit_maintenance', 'on', true)").query().singleRow();
        }
    }

    private static boolean isPostgres(JdbcClient jdbc) {
        return jdbc.sql("SELECT 1")
            .query((row, number) -> row.getStatement().getConnection().getMetaData().getDatabaseProductName())
            .single()
            .toLowerCase(Locale.ROOT)
            .contains("postgres");
    }

}
