package org.ldportal.change;

import org.ldportal.change.internal.JdbcSubmissions;
import java.time.Clock;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** What the submission store must do on every database; run on H2 and on PostgreSQL. */
@Import({ JdbcSubmissions.class, org.ldportal.audit.ClusterLocks.class, SubmissionsContract.Beans.class })
abstract class SubmissionsContract {

    static final CurrentUser EDDIE = new CurrentUser("eddie", "Eddie", null, EnumSet.of(PortalRole.EDITOR));
    static final CurrentUser ADA = new CurrentUser("ada", "Ada", null, EnumSet.allOf(PortalRole.class));

    record Page(String name, String id) {
    }

    @Autowired
    Submissions submissions;

    @Test
    void claimWhenFirstThenClaimedAndWhenAgainInProgress() {
        String token = token();

        assertThat(submissions.claim(token, EDDIE, Page.class)).isInstanceOf(Submissions.Claim.Claimed.class);
        assertThat(submissions.claim(token, EDDIE, Page.class)).isInstanceOf(Submissions.Claim.InProgress.class);
    }

    @Test
    void claimAfterSuccessThenTheFirstResultPage() {
        String token = token();
        submissions.claim(token, EDDIE, Page.class);

        submissions.settle(token, new ChangeResult.Succeeded<>("env-1", null), new Page("QA", "env-1"));

        assertThat(submissions.claim(token, EDDIE, Page.class))
            .isEqualTo(new Submissions.Claim.Succeeded<>(new Page("QA", "env-1")));
    }

    @Test
    void earlierWhenUnusedFreedOrSomeoneElsesThenEmptyElseTheFirstOutcomeAndNothingClaimed() {
        String unused = token();
        String refused = token();
        String deleted = token();
        submissions.claim(refused, EDDIE, Page.class);
        submissions.settle(refused, new ChangeResult.Refused<>(RefusalTarget.WHOLE_FORM, "no", null, 400, null), null);
        submissions.claim(deleted, EDDIE, Page.class);
        assertThat(submissions.earlier(deleted, EDDIE, Page.class)).contains(new Submissions.Claim.InProgress<>());
        submissions.settle(deleted, new ChangeResult.Succeeded<>("env-1", null), new Page("QA", "env-1"));

        assertThat(submissions.earlier(unused, EDDIE, Page.class)).isEmpty();
        assertThat(submissions.earlier(refused, EDDIE, Page.class)).isEmpty();
        assertThat(submissions.earlier(deleted, ADA, Page.class)).isEmpty();
        assertThat(submissions.earlier("not a token", EDDIE, Page.class)).isEmpty();
        assertThat(submissions.earlier(deleted, EDDIE, Page.class))
            .contains(new Submissions.Claim.Succeeded<>(new Page("QA", "env-1")));
        // Only looked: the unused token is still the form's to send.
        assertThat(submissions.claim(unused, EDDIE, Page.class)).isInstanceOf(Submissions.Claim.Claimed.class);
    }

    @Test
    void claimAfterAnUnclearAnswerSettledLaterThenWhatTheCheckFoundWithTheAttempt() {
        String created = token();
        String notCreated = token();
        submissions.claim(created, EDDIE, Page.class);
        submissions.claim(notCreated, EDDIE, Page.class);
        submissions.settle(created, new ChangeResult.MayExist<>("not confirmed", null, null, 41L), null);
        assertThat(submissions.claim(created, EDDIE, Page.class)).isEqualTo(new Submissions.Claim.MayExist<>(41L));

        submissions.settledLater(created, true, "https://ld.example/qa", 41L);
        submissions.settledLater(notCreated, false, null, 43L);

        assertThat(submissions.claim(created, EDDIE, Page.class))
            .isEqualTo(new Submissions.Claim.Settled<>(true, "https://ld.example/qa", 41L));
        assertThat(submissions.claim(notCreated, EDDIE, Page.class))
            .isEqualTo(new Submissions.Claim.Settled<>(false, null, 43L));
        assertThat(submissions.claim(created, ADA, Page.class)).as("someone else's token")
            .isInstanceOf(Submissions.Claim.Missing.class);
    }

    @Test
    void settleWhenFoundByTheCheckButNotReadBackOrSettledAMomentAgoThenARepeatSaysCreated() {
        String foundNotRead = token();
        String settledFirst = token();
        submissions.claim(foundNotRead, EDDIE, Page.class);
        submissions.claim(settledFirst, EDDIE, Page.class);

        submissions.settle(foundNotRead,
                new ChangeResult.MayExist<>("found", null, new Sent(null, "d1", "https://ld/d1"), 7L), null);
        submissions.settledLater(settledFirst, true, "https://ld/d2", 8L);
        submissions.settle(settledFirst, new ChangeResult.MayExist<>("not confirmed", null, null, 8L), null);

        assertThat(submissions.claim(foundNotRead, EDDIE, Page.class))
            .isEqualTo(new Submissions.Claim.Settled<>(true, "https://ld/d1", 7L));
        assertThat(submissions.claim(settledFirst, EDDIE, Page.class)).as("not overwritten by the unclear answer")
            .isEqualTo(new Submissions.Claim.Settled<>(true, "https://ld/d2", 8L));
    }

    @Test
    void claimAfterRefusalThenFreeAgainBecauseNothingWasCreated() {
        String token = token();
        submissions.claim(token, EDDIE, Page.class);

        submissions.settle(token, new ChangeResult.Refused<>(RefusalTarget.WHOLE_FORM, "no", null, 400, null), null);

        assertThat(submissions.claim(token, EDDIE, Page.class)).isInstanceOf(Submissions.Claim.Claimed.class);
    }

    @Test
    void claimAfterUnknownOutcomeThenMayExistAndNotSentAgain() {
        String token = token();
        submissions.claim(token, EDDIE, Page.class);

        submissions.settle(token, new ChangeResult.MayExist<>("timeout", null), null);

        assertThat(submissions.claim(token, EDDIE, Page.class)).isInstanceOf(Submissions.Claim.MayExist.class);
    }

    @Test
    void claimWhenSomeoneElsesTokenOrMalformedThenMissing() {
        String token = token();
        submissions.claim(token, EDDIE, Page.class);
        submissions.settle(token, new ChangeResult.Succeeded<>("env-1", null), new Page("QA", "env-1"));

        assertThat(submissions.claim(token, ADA, Page.class)).as("never shown another person's result")
            .isInstanceOf(Submissions.Claim.Missing.class);
        assertThat(submissions.claim(null, EDDIE, Page.class)).isInstanceOf(Submissions.Claim.Missing.class);
        assertThat(submissions.claim("'; DROP TABLE x --", EDDIE, Page.class))
            .isInstanceOf(Submissions.Claim.Missing.class);
    }

    private static String token() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        JsonMapper jsonMapper() {
            return JsonMapper.builder().build();
        }

    }

}
