package org.ldportal.change;

import org.ldportal.change.internal.InFlightAttempts;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.audit.AuditAttempt;
import org.ldportal.audit.AuditTrail;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the table of attempts in flight must do on every database (run on H2 and on
 * PostgreSQL): the STARTED entry and the row together, one open attempt per target (a
 * second is held, with nothing recorded and the first untouched, though PostgreSQL aborts
 * a transaction at the duplicate), one look at a time.
 */
@Import({ AuditTrail.class, InFlightAttemptsContract.Beans.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
abstract class InFlightAttemptsContract {

    static final CurrentUser EDDIE = new CurrentUser("eddie", "Eddie", null, EnumSet.of(PortalRole.EDITOR));

    @Autowired
    InFlightAttempts inFlight;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void empty() {
        jdbc.sql("DELETE FROM change_in_flight").update();
    }

    @Test
    void openWhenTheSameTargetIsOpenThenHeldAndNothingRecordedElseOpenAgainOnceClosed() {
        Instant now = Instant.now();
        long entriesBefore = entries();

        InFlightAttempts.Opened first = open("environment:mobile-app/qa", now);
        InFlightAttempts.Opened second = open("environment:mobile-app/qa", now);
        InFlightAttempts.Opened other = open("environment:mobile-app/qa-2", now);

        assertThat(first).isInstanceOf(InFlightAttempts.Opened.Open.class);
        long firstId = ((InFlightAttempts.Opened.Open) first).startedId();
        assertThat(second).isEqualTo(new InFlightAttempts.Opened.Held(firstId, true));
        assertThat(other).isInstanceOf(InFlightAttempts.Opened.Open.class);
        assertThat(entries() - entriesBefore).as("STARTED entries: none for the held one").isEqualTo(2);

        inFlight.unclear(firstId, 504, "Gateway timeout", now.plusSeconds(60), now.plusSeconds(360));
        assertThat(open("environment:mobile-app/qa", now)).isEqualTo(new InFlightAttempts.Opened.Held(firstId, false));
        inFlight.close(firstId);
        assertThat(open("environment:mobile-app/qa", now)).isInstanceOf(InFlightAttempts.Opened.Open.class);
    }

    @Test
    void takeWhenTwoLookAtOnceThenOnlyOneGetsItAndDueListsItOnlyWhenItsTimeCame() {
        Instant now = Instant.now();
        long id = ((InFlightAttempts.Opened.Open) open("destination:web-store/test", now)).startedId();
        inFlight.unclear(id, null, "LaunchDarkly did not answer in time.", now.plusSeconds(60), now.plusSeconds(360));

        assertThat(inFlight.due(now, 10)).isEmpty();
        List<InFlightAttempts.Row> due = inFlight.due(now.plusSeconds(61), 10);
        assertThat(due).singleElement().satisfies(row -> {
            assertThat(row.answered()).isTrue();
            assertThat(row.answerMessage()).isEqualTo("LaunchDarkly did not answer in time.");
            assertThat(row.existedBefore()).containsExactly("s1", "s2");
            assertThat(row.submissionToken()).isEqualTo("token-of-the-form");
        });

        assertThat(inFlight.take(due.get(0), now.plusSeconds(400))).isTrue();
        assertThat(inFlight.take(due.get(0), now.plusSeconds(400))).as("taken already").isFalse();
        assertThat(inFlight.find(id))
            .hasValueSatisfying(row -> assertThat(row.nextCheckAt()).isAfter(now.plusSeconds(399)));
    }

    private InFlightAttempts.Opened open(String identity, Instant now) {
        AuditAttempt attempt = AuditAttempt.by(EDDIE, ChangeAction.CREATE, ResourceType.ENVIRONMENT)
            .at(Place.environment("mobile-app", "qa"))
            .withResource("QA", "qa", null);
        return inFlight.open(attempt, identity, List.of("s1", "s2"), "token-of-the-form", now,
                now.plus(Duration.ofSeconds(90)), now.plus(Duration.ofMinutes(7)));
    }

    private long entries() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry").query(Long.class).single();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        java.time.Clock clock() {
            return java.time.Clock.systemUTC();
        }

        @Bean
        JsonMapper json() {
            return JsonMapper.builder().build();
        }

        @Bean
        InFlightAttempts inFlightAttempts(JdbcClient jdbc, AuditTrail audit, JsonMapper json,
                org.springframework.transaction.PlatformTransactionManager transactions) {
            return new InFlightAttempts(jdbc, audit, json, transactions);
        }

    }

}
