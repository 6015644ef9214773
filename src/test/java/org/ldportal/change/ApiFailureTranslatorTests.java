package org.ldportal.change;

import org.ldportal.change.internal.ApiFailure;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ldportal.audit.AuditOutcome;
import org.ldportal.audit.SecretRedactor;
import org.ldportal.launchdarkly.LaunchDarklyApiException;
import org.ldportal.launchdarkly.LaunchDarklyException;
import org.ldportal.launchdarkly.LaunchDarklyUnreachableException;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.PortalSecurityProperties;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ApiFailureTranslatorTests {

    private final ApiFailureTranslator translator = new ApiFailureTranslator(
            new SecretRedactor(JsonMapper.builder().build()),
            new PortalSecurityProperties("groups", List.of(), List.of(), List.of(), "the platform team"));

    @Test
    void translateWhen400ThenRejectedWithLaunchDarklysWordsAsDetail() {
        ApiFailure failure = translate(new LaunchDarklyApiException(400, "invalid_request",
                "config.roleArn: must be a valid IAM role ARN", null));

        assertThat(failure.outcome()).isEqualTo(AuditOutcome.REJECTED);
        assertThat(failure.httpStatus()).isEqualTo(400);
        assertThat(failure.detail()).isEqualTo("config.roleArn: must be a valid IAM role ARN");
        assertThat(failure.userMessage()).startsWith("LaunchDarkly did not accept the destination: config.roleArn");
        assertThat(failure.auditMessage()).isEqualTo(failure.detail());
    }

    @Test
    void toResultWhenRejectedThenRefusedWhereTheLocatorSays() {
        ApiFailure failure = translate(
                new LaunchDarklyApiException(400, "invalid_request", "streamName is too long", null));

        ChangeResult<Object> result = failure.toResult(detail -> RefusalTarget.configKey("streamName"));

        assertThat(result).isInstanceOfSatisfying(ChangeResult.Refused.class, refused -> {
            assertThat(refused.target()).isEqualTo(RefusalTarget.configKey("streamName"));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.detail()).isEqualTo("streamName is too long");
        });
    }

    @Test
    void translateWhenMessageEchoesSecretThenScrubbedFromDetailAndMessage() {
        ApiFailure failure = translator.translate(
                new LaunchDarklyApiException(400, "invalid_request", "writeKey wk_secret_987 is not valid", null),
                "the destination", "created", List.of("wk_secret_987"));

        assertThat(failure.detail()).doesNotContain("wk_secret_987").contains("[REDACTED]");
        assertThat(failure.userMessage()).doesNotContain("wk_secret_987");
    }

    @Test
    void translateWhenForbiddenThenNotTheUsersFaultAndWhoToTell() {
        ApiFailure failure = translate(
                new LaunchDarklyApiException(403, "forbidden", "Access to the requested resource was denied", null));

        assertThat(failure.outcome()).isEqualTo(AuditOutcome.REJECTED);
        assertThat(failure.userMessage()).contains("access token")
            .contains("not something you did wrong")
            .contains("the platform team")
            .contains("lacks a permission");
    }

    @Test
    void translateWhenRateLimitedThenSaysWhenToTryAgain() {
        ApiFailure failure = translate(
                new LaunchDarklyApiException(429, "rate_limited", "slow down", Duration.ofSeconds(30)));

        assertThat(failure.outcome()).isEqualTo(AuditOutcome.REJECTED);
        assertThat(failure.userMessage()).contains("busy").contains("in 30 seconds").contains("Nothing was created");
    }

    @Test
    void translateWhenServerErrorThenUnknownBecauseItMayHaveBeenCreated() {
        for (int status : new int[] { 500, 502, 503, 504 }) {
            ApiFailure failure = translate(new LaunchDarklyApiException(status, null, null, null));

            assertThat(failure.outcome()).isEqualTo(AuditOutcome.UNKNOWN);
            assertThat(failure.httpStatus()).isEqualTo(status);
            assertThat(failure.userMessage()).contains("error " + status)
                .contains(
                        "The destination may or may not have been created: check in LaunchDarkly before you try again")
                .doesNotContain("nothing was created");
            assertThat(failure.<Object>toResult(detail -> RefusalTarget.WHOLE_FORM))
                .isInstanceOf(ChangeResult.MayExist.class);
        }
    }

    @Test
    void translateWhenConnectionRefusedThenFailedAndNothingCreated() {
        ApiFailure failure = translate(new LaunchDarklyUnreachableException("refused", false, null));

        assertThat(failure.outcome()).isEqualTo(AuditOutcome.FAILED);
        assertThat(failure.httpStatus()).isNull();
        assertThat(failure.userMessage()).contains("could not reach LaunchDarkly").contains("nothing was created");
    }

    @Test
    void translateWhenTimedOutAfterSendingThenUnknownAndSaysItMayExist() {
        ApiFailure failure = translate(new LaunchDarklyUnreachableException("timeout", true, null));

        assertThat(failure.outcome()).isEqualTo(AuditOutcome.UNKNOWN);
        assertThat(failure.userMessage()).contains("The destination may or may not have been created");
    }

    @Test
    void readProblemWhenUnreachableThenSaysListsAreEmptyNotThatNothingWasCreated() {
        String problem = translator.readProblem(new LaunchDarklyUnreachableException("refused", false, null));

        assertThat(problem).contains("could not reach LaunchDarkly").doesNotContain("created");
    }

    @Test
    void fieldNamedInWhenKeyIsPartOfLongerWordThenNotMatched() {
        assertThat(FieldNames.namedIn("invalid regionName", List.of("region"))).isNull();
        assertThat(FieldNames.namedIn("base-url is invalid", List.of("url", "base-url"))).isEqualTo("base-url");
    }

    @Test
    void inWordsWhenLongWaitThenMinutes() {
        assertThat(ApiFailureTranslator.inWords(Duration.ofSeconds(1))).isEqualTo("in 1 second");
        assertThat(ApiFailureTranslator.inWords(Duration.ofSeconds(300))).isEqualTo("in about 5 minutes");
    }

    @Test
    void changeOfSomethingThatExistsWhen409Or404ThenChangedMeanwhileNotAConflictOfACreate() {
        ApiFailure stale = translator.translate(
                new LaunchDarklyApiException(409, "conflict", "The test of /version failed", null),
                ChangeAction.TURN_OFF, "the destination", "turned off", List.of());
        assertThat(stale.outcome()).isEqualTo(AuditOutcome.REJECTED);
        assertThat(stale.userMessage())
            .isEqualTo("The destination changed in LaunchDarkly since you opened this page, so nothing "
                    + "was turned off. Reload the page to see it as it is now, then decide again.");
        ApiFailure gone = translator.translate(
                new LaunchDarklyApiException(404, "not_found", "Destination d1 not found", null), ChangeAction.DELETE,
                "the destination", "deleted", List.of());
        assertThat(gone.userMessage()).startsWith("The destination is no longer in LaunchDarkly");
        ApiFailure create = translator.translate(new LaunchDarklyApiException(409, "conflict", "exists", null),
                ChangeAction.CREATE, "the destination", "created", List.of());
        assertThat(create.userMessage())
            .isEqualTo("LaunchDarkly refused the destination as a conflict: exists. Nothing was created.");
    }

    @Test
    void translateWhen401ThenTheTokenIsNotAcceptedAndAnAdministratorMustReplaceItUnlikeA403() {
        ApiFailure revoked = translate(new LaunchDarklyApiException(401, "unauthorized", "Invalid access token", null));
        ApiFailure lacking = translate(new LaunchDarklyApiException(403, "forbidden", "Access denied", null));

        assertThat(revoked.userMessage())
            .contains("did not accept the portal's access token", "expired or been revoked",
                    "an administrator must replace the token", "the platform team", "nothing was created")
            .doesNotContain("permission");
        assertThat(lacking.userMessage()).contains("lacks a permission this needs", "403", "needs more permissions")
            .doesNotContain("replace");
        assertThat(translator.readProblem(new LaunchDarklyApiException(401, null, null, null)))
            .contains("did not accept the portal's access token", "must replace");
    }

    @Test
    void translateWhen404OnACreateThenWhatTheChangeSaysWasNotFound() {
        Change change = Change
            .create(org.ldportal.audit.AuditAttempt.by(
                    new org.ldportal.security.CurrentUser("eddie", "Eddie", null,
                            java.util.EnumSet.of(org.ldportal.security.PortalRole.EDITOR)),
                    ChangeAction.CREATE, ResourceType.INTEGRATION_CONFIGURATION), "the integration configuration")
            .whenNotFound("LaunchDarkly has no integration with the key pager-alerts.");

        ApiFailure failure = translator
            .translate(new LaunchDarklyApiException(404, "not_found", "integration key not found", null), change);

        assertThat(failure.userMessage()).isEqualTo("LaunchDarkly has no integration with the key pager-alerts.")
            .doesNotContain("project or environment");
        assertThat(failure.detail()).isEqualTo("integration key not found");
    }

    private ApiFailure translate(LaunchDarklyException failure) {
        return translator.translate(failure, "the destination", "created", List.of());
    }

}
