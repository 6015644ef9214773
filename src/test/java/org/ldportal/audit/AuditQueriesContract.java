package org.ldportal.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.ldportal.audit.ReadScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filters, visibility and keyset pagination of the audit queries, on every database the
 * portal supports.
 */
@Import({ AuditQueries.class, AuditTrail.class, AuditTrailContract.FixedClock.class })
abstract class AuditQueriesContract {

    static final CurrentUser ADA = new CurrentUser("ada", "Ada Admin", "ada@example.com",
            EnumSet.allOf(PortalRole.class));
    static final CurrentUser EDDIE = new CurrentUser("eddie", "Eddie Editor", null, EnumSet.of(PortalRole.EDITOR));
    static final CurrentUser VERA = new CurrentUser("vera", "Vera Viewer", null, EnumSet.of(PortalRole.VIEWER));

    @Autowired
    AuditQueries queries;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    private final List<Long> ids = new ArrayList<>();

    @BeforeEach
    void entries() {
        // Fixtures rewrite the trail, which PostgreSQL refuses outside a transaction
        // declared maintenance.
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status -> {
            AppendOnly.maintenance(jdbc);
            jdbc.sql("DELETE FROM audit_entry").update();
            ids.clear();
            for (int i = 0; i < 12; i++) {
                CurrentUser actor = i % 3 == 0 ? EDDIE : ADA;
                AuditOutcome outcome = i % 4 == 0 ? AuditOutcome.REJECTED : AuditOutcome.SUCCEEDED;
                // The last two are later changes of one destination (the id LaunchDarkly
                // gave it).
                ChangeAction action = i == 10 ? ChangeAction.TURN_OFF
                        : i == 11 ? ChangeAction.DELETE : ChangeAction.CREATE;
                ids.add(trail
                    .record(AuditAttempt
                        .by(actor, action, i % 2 == 0 ? ResourceType.ENVIRONMENT : ResourceType.DESTINATION)
                        .at(Place.environment(i < 6 ? "mobile-app" : "web-store", i % 2 == 0 ? null : "production"))
                        .withResource("Resource " + i + (i == 5 ? " 100%_done" : ""), "key-" + i,
                                i >= 10 ? "dest-1" : null)
                        .withOutcome(outcome, outcome == AuditOutcome.REJECTED ? 409 : 201, null, null,
                                Duration.ofMillis(i)))
                    .id());
            }
            // Spread the entries over days, so the date filter has something to tell
            // apart.
            for (int i = 0; i < ids.size(); i++) {
                jdbc.sql("UPDATE audit_entry SET occurred_at = :at WHERE id = :id")
                    .param("at",
                            java.sql.Timestamp.from(Instant.parse("2026-03-01T12:00:00Z").plus(Duration.ofDays(i))))
                    .param("id", ids.get(i))
                    .update();
            }
        });
    }

    private static final String LONG_BODY = "{\"config\":\"" + "x".repeat(100_000) + "\"}";

    @Test
    void pageWhenAnEntryHasALongBodyThenTheListReadsNoBodyAndTheEntryItsBodyCutWithAMark() {
        long id = trail
            .record(AuditAttempt.by(EDDIE, ChangeAction.CREATE, ResourceType.DESTINATION)
                .at(Place.environment("mobile-app", "production"))
                .withResource("Warehouse", "databricks", null)
                .withRequestBody(LONG_BODY))
            .id();

        assertThat(queries.page(AuditFilter.none(), null, null, 50).entries()).as("a list reads no body")
            .allSatisfy(entry -> assertThat(entry.requestBody()).isNull());
        String kept = queries.find(id, AuditFilter.none()).orElseThrow().requestBody();
        assertThat(kept).startsWith("{\"config\":\"xxx")
            .hasSizeLessThan(AuditAttempt.MAX_STORED_BODY + 100)
            .endsWith("[cut: " + (LONG_BODY.length() - AuditAttempt.MAX_STORED_BODY) + " more characters not kept]");
        List<String> exported = new ArrayList<>();
        queries.stream(AuditFilter.none(), entry -> exported.add(entry.requestBody()));
        assertThat(exported).as("an export reads the bodies").contains(kept);
    }

    @Test
    void pageWhenNoFilterThenNewestFirstWithCursorToOlder() {
        AuditPage first = queries.page(AuditFilter.none(), null, null, 5);

        assertThat(first.entries()).extracting(AuditEntry::id)
            .containsExactly(ids.get(11), ids.get(10), ids.get(9), ids.get(8), ids.get(7));
        assertThat(first.newerThan()).isNull();
        assertThat(first.olderThan()).isEqualTo(ids.get(7));
    }

    @Test
    void pageWhenFollowingCursorsThenEveryEntryOnceAndBackAgain() {
        AuditPage second = queries.page(AuditFilter.none(), ids.get(7), null, 5);
        AuditPage third = queries.page(AuditFilter.none(), second.olderThan(), null, 5);
        AuditPage backToSecond = queries.page(AuditFilter.none(), null, third.newerThan(), 5);

        assertThat(second.entries()).extracting(AuditEntry::id)
            .containsExactly(ids.get(6), ids.get(5), ids.get(4), ids.get(3), ids.get(2));
        assertThat(third.entries()).extracting(AuditEntry::id).containsExactly(ids.get(1), ids.get(0));
        assertThat(third.olderThan()).isNull();
        assertThat(backToSecond.entries()).isEqualTo(second.entries());
        assertThat(backToSecond.newerThan()).isEqualTo(ids.get(6));
    }

    @Test
    void pageWhenFilteredThenOnlyMatchingEntries() {
        assertThat(
                queries.page(new AuditFilter("destination", null, null, null, null, null, null, null), null, null, 50)
                    .entries())
            .hasSize(6)
            .allMatch(e -> e.resourceType().equals("destination"));
        assertThat(queries
            .page(new AuditFilter(null, AuditOutcome.REJECTED, null, null, null, null, null, null), null, null, 50)
            .entries()).extracting(AuditEntry::id).containsExactly(ids.get(8), ids.get(4), ids.get(0));
        assertThat(queries
            .page(new AuditFilter(null, null, null, "web-store", "production", null, null, null), null, null, 50)
            .entries()).extracting(AuditEntry::resourceKey).containsExactly("key-11", "key-9", "key-7");
        assertThat(queries
            .page(new AuditFilter(null, null, null, null, null, Instant.parse("2026-03-03T00:00:00Z"),
                    Instant.parse("2026-03-05T00:00:00Z"), null), null, null, 50)
            .entries()).extracting(AuditEntry::resourceKey).containsExactly("key-3", "key-2");
    }

    @Test
    void pageWhenFilteredByActionOrResourceThenOnlyThoseAttempts() {
        assertThat(queries.page(AuditFilter.none().withAction("turn-off"), null, null, 50).entries())
            .extracting(AuditEntry::resourceKey)
            .containsExactly("key-10");
        assertThat(queries.page(AuditFilter.none().withAction("create"), null, null, 50).entries()).hasSize(10);
        assertThat(queries.page(AuditFilter.none().aboutResource("dest-1"), null, null, 50).entries())
            .extracting(AuditEntry::action)
            .containsExactly("delete", "turn-off");
        assertThat(queries.distinct("action", AuditFilter.none())).containsExactly("create", "delete", "turn-off");
    }

    @Test
    void pageWhenTextSearchedThenNameOrKeyCaseInsensitivelyWithWildcardsTakenLiterally() {
        assertThat(queries.page(new AuditFilter(null, null, null, null, null, null, null, "KEY-1"), null, null, 50)
            .entries()).extracting(AuditEntry::resourceKey).containsExactly("key-11", "key-10", "key-1");
        assertThat(queries.page(new AuditFilter(null, null, null, null, null, null, null, "100%_"), null, null, 50)
            .entries()).extracting(AuditEntry::resourceKey).containsExactly("key-5");
        assertThat(
                queries.page(new AuditFilter(null, null, null, null, null, null, null, "%"), null, null, 50).entries())
            .extracting(AuditEntry::resourceKey)
            .containsExactly("key-5");
    }

    @Test
    void pageWhenTheMatchesAreOlderThanTheSearchWindowThenTheyAreFoundInOrderWithCursorsBothWays() {
        // One match far newer than the others (more than the window apart), so the first
        // page is found partly in the window and partly beyond it, and the way back
        // leaves the window again.
        long far = ids.get(11) + 2L * AuditQueries.SEARCH_WINDOW;
        jdbc.sql("INSERT INTO audit_entry (id, occurred_at, actor_subject, action, resource_type, resource_name,"
                + " resource_key, outcome) VALUES (:id, :at, 'ada', 'create', 'environment', 'Later', 'key-1000',"
                + " 'SUCCEEDED')")
            .param("id", far)
            .param("at", java.sql.Timestamp.from(Instant.parse("2026-04-01T12:00:00Z")))
            .update();
        AuditFilter search = new AuditFilter(null, null, null, null, null, null, null, "key-1");

        AuditPage first = queries.page(search, null, null, 2);
        AuditPage second = queries.page(search, first.olderThan(), null, 2);
        AuditPage back = queries.page(search, null, second.newerThan(), 2);

        assertThat(first.entries()).extracting(AuditEntry::resourceKey).containsExactly("key-1000", "key-11");
        assertThat(first.olderThan()).isEqualTo(ids.get(11));
        assertThat(second.entries()).extracting(AuditEntry::resourceKey).containsExactly("key-10", "key-1");
        assertThat(second.olderThan()).isNull();
        assertThat(back.entries()).isEqualTo(first.entries());
        assertThat(back.newerThan()).isNull();
        List<String> exported = new ArrayList<>();
        queries.stream(search, entry -> exported.add(entry.resourceKey()));
        assertThat(exported).containsExactly("key-1000", "key-11", "key-10", "key-1");
    }

    @Test
    void visibleToWhenEditorThenOnlyOwnEntriesWhateverTheFilterSays() {
        AuditFilter asked = new AuditFilter(null, null, "ada", null, null, null, null, null);

        List<AuditEntry> seen = queries
            .page(AuditQueries.visibleTo(ReadScope.own(EDDIE.subject()), asked), null, null, 50)
            .entries();

        assertThat(seen).hasSize(4).allMatch(e -> e.actorSubject().equals("eddie"));
        assertThat(queries
            .page(AuditQueries.visibleTo(ReadScope.whole(VERA.subject()), AuditFilter.none()), null, null, 50)
            .entries()).hasSize(12);
        assertThat(
                queries.page(AuditQueries.visibleTo(ReadScope.whole(ADA.subject()), asked), null, null, 50).entries())
            .hasSize(8);
    }

    @Test
    void findWhenEntryIsSomeoneElsesThenEmptyForEditor() {
        Long adasEntry = ids.get(1);
        Long eddiesEntry = ids.get(0);

        assertThat(queries.find(adasEntry, AuditQueries.visibleTo(ReadScope.own(EDDIE.subject()), AuditFilter.none())))
            .isEmpty();
        assertThat(
                queries.find(eddiesEntry, AuditQueries.visibleTo(ReadScope.own(EDDIE.subject()), AuditFilter.none())))
            .isPresent();
        assertThat(queries.find(adasEntry, AuditQueries.visibleTo(ReadScope.whole(VERA.subject()), AuditFilter.none())))
            .isPresent();
    }

    @Test
    void streamThenEveryMatchingEntryNewestFirst() {
        List<Long> streamed = new ArrayList<>();
        queries.stream(AuditQueries.visibleTo(ReadScope.own(EDDIE.subject()), AuditFilter.none()),
                entry -> streamed.add(entry.id()));

        assertThat(streamed).containsExactly(ids.get(9), ids.get(6), ids.get(3), ids.get(0));
    }

    @Test
    void distinctThenValuesForTheFilterMenus() {
        assertThat(queries.distinct("project_key", AuditFilter.none())).containsExactly("mobile-app", "web-store");
        assertThat(queries.actors(AuditQueries.visibleTo(ReadScope.own(EDDIE.subject()), AuditFilter.none())))
            .containsExactly(new AuditQueries.Actor("eddie", EDDIE.displayName()));
        assertThat(Set.copyOf(queries.distinct("resource_type", AuditFilter.none())))
            .containsExactlyInAnyOrder("environment", "destination");
    }

    /** Sam reads the trail through a viewer rule only: no global role. */
    private static ReadScope scopeOfSam(org.ldportal.security.AccessRule... rules) {
        org.ldportal.access.ProjectAccess access = new org.ldportal.access.ProjectAccess(
                new org.ldportal.security.AccessProperties(List.of(rules)),
                new org.ldportal.security.GroupRoleMapper(new org.ldportal.security.PortalSecurityProperties("groups",
                        List.of(), List.of(), List.of(), "the admins")));
        return access.readScope(new CurrentUser("sam", "Sam Scoped", null, Set.of(), Set.of(PortalRole.VIEWER),
                Set.of("mobile-auditors")));
    }

    private static org.ldportal.security.AccessRule viewerRule(List<String> projects, List<String> except,
            boolean account) {
        return new org.ldportal.security.AccessRule("mobile auditors", List.of("mobile-auditors"), PortalRole.VIEWER,
                projects, List.of("*"), except, account);
    }

    @Test
    void visibleToWhenViewerRuleThenEntriesOfItsProjectsOutsideItsExceptedEnvironments() {
        ReadScope sam = scopeOfSam(viewerRule(List.of("mobile-*"), List.of("production"), false));

        List<AuditEntry> seen = queries.page(AuditQueries.visibleTo(sam, AuditFilter.none()), null, null, 50).entries();

        // mobile-app entries are 0..5; the odd ones are in production
        assertThat(seen).extracting(AuditEntry::resourceKey).containsExactly("key-4", "key-2", "key-0");
        assertThat(queries.actors(AuditQueries.visibleTo(sam, AuditFilter.none())))
            .extracting(AuditQueries.Actor::subject)
            .containsExactlyInAnyOrder("ada", "eddie");
        assertThat(queries.find(ids.get(1), AuditQueries.visibleTo(sam, AuditFilter.none()))).isEmpty();
        assertThat(queries.find(ids.get(8), AuditQueries.visibleTo(sam, AuditFilter.none()))).isEmpty();
    }

    @Test
    void visibleToWhenViewerRuleThenTheWhoFilterStillNarrowsWithinTheScope() {
        ReadScope sam = scopeOfSam(viewerRule(List.of("*"), List.of(), false));

        assertThat(queries
            .page(AuditQueries.visibleTo(sam, new AuditFilter(null, null, "eddie", null, null, null, null, null)), null,
                    null, 50)
            .entries()).extracting(AuditEntry::resourceKey).containsExactly("key-9", "key-6", "key-3", "key-0");
    }

    @Test
    void visibleToWhenPatternHasAnUnderscoreThenItIsLiteralNotAWildcard() {
        ReadScope sam = scopeOfSam(viewerRule(List.of("mobile_app"), List.of(), false));

        assertThat(queries.page(AuditQueries.visibleTo(sam, AuditFilter.none()), null, null, 50).entries()).isEmpty();
    }

    @Test
    void visibleToWhenAccountRuleThenEntriesWithoutAProjectToo() {
        trail.record(AuditAttempt.by(ADA, ChangeAction.CREATE, ResourceType.INTEGRATION_CONFIGURATION)
            .at(Place.integration("slack"))
            .withResource("Alerts", null, null)
            .withOutcome(AuditOutcome.SUCCEEDED, 201, null, null, Duration.ofMillis(3)));

        ReadScope projectOnly = scopeOfSam(viewerRule(List.of("web-store"), List.of(), false));
        ReadScope withAccount = scopeOfSam(viewerRule(List.of("web-store"), List.of(), true));

        assertThat(queries.page(AuditQueries.visibleTo(projectOnly, AuditFilter.none()), null, null, 50).entries())
            .hasSize(6)
            .allMatch(entry -> "web-store".equals(entry.projectKey()));
        assertThat(queries.page(AuditQueries.visibleTo(withAccount, AuditFilter.none()), null, null, 50).entries())
            .hasSize(7)
            .anyMatch(entry -> entry.projectKey() == null);
    }

}
