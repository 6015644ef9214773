package org.ldportal.audit;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SecretRedactorTests {

    private final SecretRedactor redactor = new SecretRedactor(JsonMapper.builder().build());

    @Test
    void redactToJsonWhenFieldIsSecretThenMarkedAtAnyDepth() {
        Map<String, Object> body = Map.of("name", "Hub", "kind", "azure-event-hubs", "config",
                Map.of("policyName", "send", "policyKey", "s3cr3t-key-value"));

        String json = redactor.redactToJson(body, Set.of("policyKey"), List.of());

        assertThat(json).doesNotContain("s3cr3t-key-value")
            .contains("\"policyKey\":\"[REDACTED]\"")
            .contains("\"policyName\":\"send\"");
    }

    @Test
    void redactToJsonWhenValueIsSecretThenMarkedWhereverItAppears() {
        Map<String, Object> body = Map.of("configValues", Map.of("token", "tok-123456", "copy", List.of("tok-123456")));

        String json = redactor.redactToJson(body, Set.of(), List.of("tok-123456"));

        assertThat(json).doesNotContain("tok-123456");
    }

    @Test
    void redactToJsonWhenSecretFieldIsEmptyThenLeftEmpty() {
        // An empty optional secret is worth seeing as empty: it tells the reader nothing
        // was sent.
        String json = redactor.redactToJson(Map.of("secret", ""), Set.of("secret"), List.of());
        assertThat(json).isEqualTo("{\"secret\":\"\"}");
    }

    @Test
    void scrubWhenMessageEchoesSecretThenReplaced() {
        String scrubbed = redactor.scrub("invalid writeKey 'wk_live_abcdef' for source", List.of("wk_live_abcdef"));
        assertThat(scrubbed).isEqualTo("invalid writeKey '[REDACTED]' for source");
    }

    @Test
    void scrubWhenOneSecretContainsAnotherThenLongestReplacedWhole() {
        String scrubbed = redactor.scrub("got abcd-efgh-ijkl", List.of("abcd", "abcd-efgh-ijkl"));
        assertThat(scrubbed).isEqualTo("got [REDACTED]");
    }

    @Test
    void scrubWhenSecretIsVeryShortThenMessageKept() {
        assertThat(redactor.scrub("value is on", List.of("on"))).isEqualTo("value is on");
    }

    @Test
    void freeFormThenEveryValueSecretButTheNamedOnesAndSecretSoundingNamesWithinThem() {
        SecretRedactor redactor = new SecretRedactor(tools.jackson.databind.json.JsonMapper.builder().build());
        java.util.Map<String, Object> config = new java.util.LinkedHashMap<>();
        config.put("projectId", "analytics-prod");
        config.put("dataset", java.util.Map.of("name", "events", "apiKey", "AIzaSy-nested-key"));
        config.put("serviceAccountJson", "{\"private_key\": \"-----BEGIN\"}");
        config.put("retries", 3);

        SecretRedactor.FreeForm freeForm = redactor.freeForm(config, Set.of("projectId", "dataset", "retries"));

        assertThat(freeForm.redacted()).containsEntry("projectId", "analytics-prod")
            .containsEntry("retries", 3)
            .containsEntry("serviceAccountJson", SecretRedactor.MARK);
        assertThat(freeForm.redacted().get("dataset").toString()).contains("events").doesNotContain("AIzaSy");
        assertThat(freeForm.withoutThem()).containsEntry("serviceAccountJson", "");
        assertThat(freeForm.secretValues()).contains("AIzaSy-nested-key", "{\"private_key\": \"-----BEGIN\"}")
            .doesNotContain("analytics-prod");
    }

    @Test
    void soundsSecretThenTokensPasswordsKeysButNotKeyLikeWords() {
        assertThat(List.of("token", "apiToken", "client_secret", "password", "credentials", "privateKey", "accessKey",
                "key", "writeKeys"))
            .allMatch(SecretRedactor::soundsSecret);
        assertThat(List.of("host", "keyspace", "keyFormat", "dataset", "monkeys"))
            .noneMatch(SecretRedactor::soundsSecret);
    }

    @Test
    void scrubWhenASecretIsEchoedEscapedEncodedInAnotherCaseOrCutShortThenReplacedToo() {
        String secret = "Pa ss\"w0rd/Alpha-9";
        String message = "config.token \"Pa ss\\\"w0rd/Alpha-9\" is not valid; sent as token=Pa+ss%22w0rd%2FAlpha-9 "
                + "or Pa%20ss%22w0rd%2FAlpha-9, seen as PA SS\"W0RD/ALPHA-9, shown as Pa ss\"w0rd/Al...";

        String scrubbed = redactor.scrub(message, List.of(secret));

        assertThat(scrubbed).doesNotContainIgnoringCase("w0rd").contains("config.token", "is not valid");
    }

}
