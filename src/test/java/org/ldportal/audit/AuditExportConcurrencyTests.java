package org.ldportal.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Downloads as slow as their readers: more exports at once than the pool has connections,
 * each stuck writing to its reader, hold no connection, and a create meanwhile is sent
 * and audited.
 */
class AuditExportConcurrencyTests extends PortalIntegrationTest {

    private static final int ENTRIES = 3 * AuditQueries.EXPORT_PAGE_SIZE + 7;

    private static final CurrentUser EXPORTED = new CurrentUser("export-fixture", "Export fixture", null, Set.of());

    @Autowired
    AuditQueries queries;

    @Autowired
    AuditTrail trail;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void removeFixture() {
        jdbc.sql("DELETE FROM audit_entry WHERE actor_subject = 'export-fixture'").update();
    }

    @Test
    void exportWhenMoreSlowReadersThanConnectionsThenNoneHeldAndACreateIsAudited() throws Exception {
        for (int i = 0; i < ENTRIES; i++) {
            trail.record(AuditAttempt.by(EXPORTED, ChangeAction.CREATE, ResourceType.ENVIRONMENT)
                .at(Place.project("mobile-app"))
                .withResource("Exported " + i, "exported-" + i, null)
                .withOutcome(AuditOutcome.SUCCEEDED, 201, null, null, null));
        }
        HikariDataSource pool = (HikariDataSource) dataSource;
        int readers = pool.getMaximumPoolSize() + 2;
        AuditFilter fixture = AuditFilter.none().forActor("export-fixture");
        CountDownLatch allStuck = new CountDownLatch(readers);
        CountDownLatch readersGoOn = new CountDownLatch(1);
        ExecutorService downloads = Executors.newFixedThreadPool(readers);
        List<Future<Integer>> exported = new ArrayList<>();
        try {
            for (int r = 0; r < readers; r++) {
                exported.add(downloads.submit(() -> {
                    AtomicInteger rows = new AtomicInteger();
                    queries.stream(fixture, entry -> {
                        if (rows.incrementAndGet() == AuditQueries.EXPORT_PAGE_SIZE + 1) {
                            // Half way through, the reader stops reading: the response's
                            // write blocks here.
                            allStuck.countDown();
                            await(readersGoOn);
                        }
                    });
                    return rows.get();
                }));
            }
            assertThat(allStuck.await(30, TimeUnit.SECONDS)).as("every download stuck at its reader").isTrue();

            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("connections held by stuck downloads")
                .isZero();
            mvc.perform(post("/environments/new").with(FormTokens.fresh())
                .with(csrf())
                .with(TestUsers.editor())
                .param("projectKey", "web-store")
                .param("name", "While exporting")
                .param("key", "while-exporting")
                .param("color", "417505")
                .param("defaultTtl", "0")).andExpect(status().is3xxRedirection());
            assertThat(jdbc.sql(
                    "SELECT COUNT(*) FROM audit_entry WHERE resource_key = 'while-exporting' AND outcome = 'SUCCEEDED'")
                .query(Integer.class)
                .single()).isEqualTo(1);
        }
        finally {
            readersGoOn.countDown();
            downloads.shutdown();
        }
        for (Future<Integer> download : exported) {
            assertThat(download.get(30, TimeUnit.SECONDS)).as("entries each download got").isEqualTo(ENTRIES);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
