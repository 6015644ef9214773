package org.ldportal.approval;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.change.PendingChange;
import org.ldportal.change.Review;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.PortalRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the request store must do on every database: the conditional decisions, visibility
 * by group, wiping.
 */
@Import({ ApprovalRequests.class, ApprovalRequestsContract.JsonBeans.class })
abstract class ApprovalRequestsContract {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    /**
     * The JSON mapper the store writes with; a data slice has none. Imported, not
     * annotated: a nested configuration class would be taken for the test's default
     * configuration.
     */
    static class JsonBeans {

        @Bean
        ObjectMapper json() {
            return JsonMapper.builder().build();
        }

    }

    @Autowired
    ApprovalRequests requests;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void empty() {
        jdbc.sql("DELETE FROM approval_request").update();
    }

    @Test
    void createWhenSameTokenTwiceThenOneRequest() {
        String token = UUID.randomUUID().toString();

        long first = requests.create(request(token, "eddie", List.of("release-managers")));
        long second = requests.create(request(token, "eddie", List.of("release-managers")));

        assertThat(second).isEqualTo(first);
        assertThat(requests.find(first)).hasValueSatisfying(found -> {
            assertThat(found.approverGroups()).containsExactly("release-managers");
            assertThat(found.review().title()).isEqualTo("Create an environment");
            assertThat(found.isPending()).isTrue();
        });
        assertThat(requests.requester(first).groups()).containsExactly("team-a");
    }

    @Test
    void visibleToWhenRequesterOrInAnApproverGroupThenListed() {
        long mine = requests.create(request(UUID.randomUUID().toString(), "eddie", List.of("admins")));
        long theirs = requests
            .create(request(UUID.randomUUID().toString(), "nora", List.of("release-managers", "admins")));

        assertThat(requests.visibleTo("eddie", Set.of(), null, 10)).extracting(ApprovalRequest::id)
            .containsExactly(mine);
        assertThat(requests.visibleTo("rita", Set.of("release-managers"), null, 10)).extracting(ApprovalRequest::id)
            .containsExactly(theirs);
        assertThat(requests.visibleTo("ada", Set.of("admins"), RequestStatus.PENDING, 10))
            .extracting(ApprovalRequest::id)
            .containsExactly(theirs, mine);
        assertThat(requests.visibleTo("ada", Set.of("admins"), RequestStatus.DECLINED, 10)).isEmpty();
    }

    @Test
    void visibleToThenEachReviewsTitleOnlyWhileOneRequestReadsItsWholeReview() {
        long id = requests.create(request(UUID.randomUUID().toString(), "eddie", List.of("admins")));

        assertThat(requests.visibleTo("eddie", Set.of(), null, 10)).singleElement().satisfies(listed -> {
            assertThat(listed.review().title()).isEqualTo("Create an environment");
            assertThat(listed.review().fields()).as("not read for a list").isEmpty();
        });
        assertThat(requests.find(id).orElseThrow().review().fields()).extracting(Review.Line::value)
            .containsExactly("prod-eu");
    }

    @Test
    void decideWhenAlreadyDecidedOrByTheRequesterOrExpiredThenNot() {
        long id = requests.create(request(UUID.randomUUID().toString(), "eddie", List.of("admins")));

        assertThat(requests.decide(id, RequestStatus.APPROVED, "eddie", "Eddie", null, NOW)).as("own").isFalse();
        assertThat(requests.decide(id, RequestStatus.APPROVED, "ada", "Ada", "ok", NOW.plusSeconds(8 * 86400)))
            .as("after expiry")
            .isFalse();
        assertThat(requests.decide(id, RequestStatus.APPROVED, "ada", "Ada", "ok", NOW)).isTrue();
        assertThat(requests.decide(id, RequestStatus.DECLINED, "rita", "Rita", null, NOW)).as("decided").isFalse();
        assertThat(requests.sealedChange(id)).as("kept until sent").hasValue("sealed-bytes");

        requests.sent(id, "SUCCEEDED", "Approved and created.", "https://app.example/env");

        assertThat(requests.sealedChange(id)).isEmpty();
        assertThat(requests.find(id)).hasValueSatisfying(found -> assertThat(found.outcome()).isEqualTo("SUCCEEDED"));
    }

    @Test
    void declineAndExpireThenTheSealedChangeIsGone() {
        long declined = requests.create(request(UUID.randomUUID().toString(), "eddie", List.of("admins")));
        long overdue = requests.create(request(UUID.randomUUID().toString(), "eddie", List.of("admins")));

        assertThat(requests.decide(declined, RequestStatus.DECLINED, "ada", "Ada", "no", NOW)).isTrue();
        Instant later = NOW.plusSeconds(8 * 86400);
        assertThat(requests.overdue(later)).extracting(ApprovalRequest::id).containsExactly(overdue);
        assertThat(requests.expire(overdue, later)).isTrue();
        assertThat(requests.expire(overdue, later)).isFalse();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM approval_request WHERE sealed_change IS NOT NULL")
            .query(Integer.class)
            .single()).isZero();
    }

    @Test
    void badgeWhenPendingOrSettledAndUnseenThenCounted() {
        long id = requests.create(request(UUID.randomUUID().toString(), "eddie", List.of("admins")));
        assertThat(requests.badge("eddie")).isEqualTo(1);

        requests.decide(id, RequestStatus.DECLINED, "ada", "Ada", null, NOW);
        assertThat(requests.badge("eddie")).isEqualTo(1);
        requests.seenByRequester(id);
        assertThat(requests.badge("eddie")).isZero();
    }

    private static ApprovalRequests.NewRequest request(String token, String requester, List<String> approvers) {
        Review review = new Review("Create an environment",
                List.of(new Review.Line("Project", "Mobile App (mobile-app)")),
                List.of(new Review.Line("Key", "prod-eu")), "POST", "/api/v2/projects/mobile-app/environments", "{}",
                List.of());
        return new ApprovalRequests.NewRequest(token, NOW, NOW.plusSeconds(7 * 86400),
                new Requester(requester, requester, null, Set.of(PortalRole.EDITOR), Set.of(), Set.of("team-a")),
                PendingChange.create(ResourceType.ENVIRONMENT, Place.environment("mobile-app", "prod-eu"), "Prod EU",
                        "prod-eu", false, "{}"),
                new ApprovalRules.Requirement(List.of("production"), approvers), review, "sealed-bytes", 1L);
    }

}
