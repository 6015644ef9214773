package org.ldportal.web;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ldportal.audit.AuditOutcome;
import org.ldportal.audit.SecretRedactor;
import org.ldportal.launchdarkly.LaunchDarklyApiException;
import org.ldportal.launchdarkly.LaunchDarklyUnreachableException;
import org.ldportal.security.PortalSecurityProperties;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiFailureTranslatorTests {

    private final ApiFailureTranslator translator = new ApiFailureTranslator(new SecretRedactor(JsonMapper.builder().build()),
            new PortalSecurityProperties("groups", List.of(), List.of(), List.of(), "the platform team"));

    private final List<String> fields = List.of("name", "roleArn", "streamName", "region");

    @Test
    void translateWhen400NamesFieldThenRejectedAtThatField() {
        ApiFailure failure = translate(new LaunchDarklyApiException(400, "invalid_request",
                "config.roleArn: must be a valid IAM role ARN", null));

        assertThat(failure.outcome()).isEqualTo(AuditOutcome.REJECTED);
        assertThat(failure.httpStatus()).isEqualTo(400);
        assertThat(failure.fieldKey()).isEqualTo("roleArn");
        assertThat(failure.detail()).isEqualTo("config.roleArn: must be a valid IAM role ARN");
        assertThat(failure.userMessage()).startsWith("LaunchDarkly did not accept the destination: config.roleArn");
        assertThat(failure.isValidation()).isTrue();
    }

    @Test
    void translateWhen400NamesNoFieldThenFormLevel() {
        assertThat(translate(new LaunchDarklyApiException(400, "invalid_request", "body is malformed", null)).fieldKey())
                .isNull();
    }

    @Test
    void translateWhenMessageEchoesSecretThenScrubbedFromDetailAndMessage() {
        ApiFailure failure = translator.translate(new LaunchDarklyApiException(400, "invalid_request",
                "writeKey wk_secret_987 is not valid", null), "the destination", List.of("wk_secret_987"), fields);

        assertThat(failure.detail()).doesNotContain("wk_secret_987").contains("[REDACTED]");
        assertThat(failure.userMessage()).doesNotContain("wk_secret_987");
    }

    @Test
    void translateWhenForbiddenThenNotTheUsersFaultAndWhoToTell() {
        ApiFailure failure = translate(new LaunchDarklyApiException(403, "forbidden", "Access to the requested resource was denied", null));

        assertThat(failure.outcome()).isEqualTo(AuditOutcome.REJECTED);
        assertThat(failure.userMessage()).contains("access token").contains("not something you did wrong")
                .contains("the platform team");
    }

    @Test
    void translateWhenRateLimitedThenSaysWhenToTryAgain() {
        ApiFailure failure = translate(new LaunchDarklyApiException(429, "rate_limited", "slow down", Duration.ofSeconds(30)));

        assertThat(failure.outcome()).isEqualTo(AuditOutcome.REJECTED);
        assertThat(failure.userMessage()).contains("busy").contains("in 30 seconds");
    }

    @Test
    void translateWhenServerErrorThenFailed() {
        ApiFailure failure = translate(new LaunchDarklyApiException(503, null, null, null));

        assertThat(failure.outcome()).isEqualTo(AuditOutcome.FAILED);
        assertThat(failure.userMessage()).contains("error 503").contains("nothing was created");
    }

    @Test
    void translateWhenConnectionRefusedThenFailedAndNothingCreated() {
        ApiFailure failure = translate(new LaunchDarklyUnreachableException("refused", false, null));

        assertThat(failure.outcome()).isEqualTo(AuditOutcome.FAILED);
        assertThat(failure.httpStatus()).isNull();
        assertThat(failure.userMessage()).contains("could not reach LaunchDarkly");
    }

    @Test
    void translateWhenTimedOutAfterSendingThenUnknownAndSaysItMayExist() {
        ApiFailure failure = translate(new LaunchDarklyUnreachableException("timeout", true, null));

        assertThat(failure.outcome()).isEqualTo(AuditOutcome.UNKNOWN);
        assertThat(failure.userMessage()).contains("The destination may or may not have been created");
    }

    @Test
    void translateWhenSomethingElseThenRethrown() {
        assertThatThrownBy(() -> translate(new IllegalStateException("bug"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fieldNamedInWhenKeyIsPartOfLongerWordThenNotMatched() {
        assertThat(ApiFailureTranslator.fieldNamedIn("invalid regionName", List.of("region"))).isNull();
        assertThat(ApiFailureTranslator.fieldNamedIn("base-url is invalid", List.of("url", "base-url"))).isEqualTo("base-url");
    }

    @Test
    void inWordsWhenLongWaitThenMinutes() {
        assertThat(ApiFailureTranslator.inWords(Duration.ofSeconds(1))).isEqualTo("in 1 second");
        assertThat(ApiFailureTranslator.inWords(Duration.ofSeconds(300))).isEqualTo("in about 5 minutes");
    }

    private ApiFailure translate(RuntimeException failure) {
        return translator.translate(failure, "the destination", List.of(), fields);
    }
}
