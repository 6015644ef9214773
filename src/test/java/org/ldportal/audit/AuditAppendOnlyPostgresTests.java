package org.ldportal.audit;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.ldportal.testsupport.EmbeddedPostgresDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On a real PostgreSQL server the database itself keeps the trail append-only; the
 * retention purge still works.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
@Import({ AuditTrail.class, AuditRetention.class, AuditTrailContract.FixedClock.class })
@org.springframework.boot.context.properties.EnableConfigurationProperties(AuditProperties.class)
@TestPropertySource(properties = "portal.audit.retention-days=30")
class AuditAppendOnlyPostgresTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabase.register(registry);
    }

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditRetention retention;

    @Autowired
    JdbcClient jdbc;

    private long entry() {
        return trail
            .record(AuditAttempt
                .by(new CurrentUser("eddie", "Eddie", null, Set.of()), ChangeAction.CREATE, ResourceType.ENVIRONMENT)
                .at(Place.project("mobile-app"))
                .withResource("QA", "qa", null)
                .withOutcome(AuditOutcome.SUCCEEDED, 201, null, null, Duration.ofMillis(5)))
            .id();
    }

    @Test
    void updateWhenAnEntryIsRewrittenThenTheDatabaseRefuses() {
        long id = entry();

        assertThatThrownBy(
                () -> jdbc.sql("UPDATE audit_entry SET outcome = 'FAILED' WHERE id = :id").param("id", id).update())
            .isInstanceOf(DataAccessException.class)
            .rootCause()
            .hasMessageContaining("audit_entry is append-only: UPDATE refused");
    }

    @Test
    void deleteOrTruncateWhenNotThePurgeThenTheDatabaseRefuses() {
        long id = entry();

        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE id = :id").param("id", id).update())
            .isInstanceOf(DataAccessException.class)
            .rootCause()
            .hasMessageContaining("DELETE refused");
    }

    @Test
    void truncateThenRefused() {
        entry();

        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_entry").update()).isInstanceOf(DataAccessException.class)
            .rootCause()
            .hasMessageContaining("TRUNCATE refused");
    }

    @Test
    void purgeWhenEntriesAreOlderThanTheRetentionThenDeletedAndThePurgeRecorded() {
        long old = entry();
        AppendOnly.maintenance(jdbc);
        jdbc.sql("UPDATE audit_entry SET occurred_at = occurred_at - INTERVAL '40 days' WHERE id = :id")
            .param("id", old)
            .update();

        assertThat(retention.purge()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE id = :id")
            .param("id", old)
            .query(Integer.class)
            .single()).isZero();
    }

    @Test
    void schemaThenTheSearchHasTrigramIndexesOnNameAndKey() {
        assertThat(
                jdbc.sql("SELECT indexdef FROM pg_indexes WHERE tablename = 'audit_entry'").query(String.class).list())
            .anyMatch(index -> index.contains("gin") && index.contains("lower((resource_name)")
                    && index.contains("gin_trgm_ops"))
            .anyMatch(index -> index.contains("gin") && index.contains("lower((resource_key)")
                    && index.contains("gin_trgm_ops"));
    }

}
