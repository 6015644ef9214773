package org.ldportal.launchdarkly;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ldportal.audit.SecretRedactor;
import org.ldportal.launchdarkly.CodeSamples.Sample;
import org.ldportal.testsupport.Hcl;
import org.ldportal.testsupport.RecordingApi;
import org.ldportal.testsupport.Shell;
import org.ldportal.testsupport.TerraformAsProvider;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Copy as code" carries exactly the body the portal sends: the curl script is run in
 * bash against a server that keeps what it receives, the ldcli command is run with ldcli
 * stood in by a shell function that keeps its arguments, and the Terraform is read back
 * as the provider would send it. Secrets are set as a person sets them, as variables, and
 * never appear in the code.
 */
class ResourceCodeTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A secret with everything a shell, jq or HCL could take for its own. */
    private static final String AWKWARD = "pk'\"$(touch pwned)${HOME}`id`\\n %{x}";

    private final RecordingApi api = new RecordingApi();

    private final ResourceCode code = new ResourceCode(JSON,
            new LaunchDarklyProperties(URI.create(api.baseUrl()), "unused", "20240415", Duration.ofSeconds(1),
                    Duration.ofSeconds(1), 1, Duration.ofSeconds(1), Duration.ofSeconds(1)));

    private final SecretRedactor redactor = new SecretRedactor(JSON);

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void environmentCreateThenCurlAndLdcliSendTheBodyAndTerraformCarriesAllButTheSource() {
        Map<String, Object> body = ordered("name", "QA ${team}", "key", "qa", "color", "417505", "defaultTtl", 5,
                "secureMode", true, "defaultTrackEvents", false, "confirmChanges", false, "requireComments", true,
                "tags", List.of("team-a", "qa"), "source", Map.of("key", "staging"), "critical", false);
        CodeSamples samples = of("POST", "/api/v2/projects/web-store/environments", body, Set.of());

        assertThat(samples.secrets()).isEmpty();
        RecordingApi.Received sent = curl(samples, Map.of());
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/api/v2/projects/web-store/environments");
        assertThat(sent.headers()).containsEntry("authorization", "api-token-1")
            .containsEntry("ld-api-version", "20240415")
            .containsEntry("content-type", "application/json");
        assertThat(JSON.readTree(sent.body())).isEqualTo(TerraformAsProvider.tree(body));

        List<String> ldcli = ldcli(samples, Map.of());
        assertThat(ldcli.subList(0, 2)).containsExactly("environments", "create");
        assertThat(Shell.flag(ldcli, "project-key")).isEqualTo("web-store");
        assertThat(JSON.readTree(Shell.flag(ldcli, "data"))).isEqualTo(TerraformAsProvider.tree(body));

        Sample terraform = sample(samples, "Terraform");
        Hcl.Block block = TerraformAsProvider.resource(terraform.code(), "launchdarkly_environment");
        assertThat(block.body().attributes()).containsEntry("project_key", "web-store");
        Map<String, Object> withoutSource = new LinkedHashMap<>(body);
        withoutSource.remove("source");
        assertThat(TerraformAsProvider.environment(block, Map.of())).isEqualTo(TerraformAsProvider.tree(withoutSource));
        assertThat(terraform.note()).contains("cannot set source");
        assertThat(terraform.code()).contains("# Not carried by the Terraform provider: source.");
    }

    @Test
    void destinationWithASecretThenEachToolTakesItFromAVariableAndItNeverAppears() {
        Map<String, Object> body = ordered("name", "Events hub", "kind", "azure-event-hubs", "config",
                ordered("namespace", "ns", "name", "hub", "policyName", "send", "policyKey", AWKWARD), "on", true);
        CodeSamples samples = of("POST", "/api/v2/destinations/mobile-app/production", body, Set.of("policyKey"));

        assertThat(samples.secrets()).singleElement().satisfies(secret -> {
            assertThat(secret.name()).isEqualTo("policy_key");
            assertThat(secret.shell()).isEqualTo("POLICY_KEY");
            assertThat(secret.label()).isEqualTo("config.policyKey");
        });
        samples.samples().forEach(sample -> assertThat(sample.code()).doesNotContain("pwned", "[REDACTED]"));
        Map<String, String> secrets = Map.of("POLICY_KEY", AWKWARD);
        assertThat(JSON.readTree(curl(samples, secrets).body())).isEqualTo(TerraformAsProvider.tree(body));
        List<String> ldcli = ldcli(samples, secrets);
        assertThat(ldcli.subList(0, 2)).containsExactly("data-export-destinations", "create");
        assertThat(Shell.flag(ldcli, "project-key")).isEqualTo("mobile-app");
        assertThat(Shell.flag(ldcli, "environment-key")).isEqualTo("production");
        assertThat(JSON.readTree(Shell.flag(ldcli, "data"))).isEqualTo(TerraformAsProvider.tree(body));

        String terraform = sample(samples, "Terraform").code();
        Hcl.Block block = TerraformAsProvider.resource(terraform, "launchdarkly_destination");
        assertThat(block.body().attributes()).containsEntry("project_key", "mobile-app")
            .containsEntry("env_key", "production");
        assertThat(TerraformAsProvider.destination(block, Map.of("policy_key", AWKWARD)))
            .isEqualTo(TerraformAsProvider.tree(body));
        Hcl.Block variable = Hcl.parse(terraform).blocks("variable").get(0);
        assertThat(variable.labels()).containsExactly("policy_key");
        assertThat(variable.body().attributes()).containsEntry("sensitive", true)
            .containsEntry("type", new Hcl.Reference("string"));
        assertThat(sample(samples, "Terraform").note()).isNull();
    }

    @Test
    void scriptWithASecretUnsetThenItStopsSayingWhichBeforeSendingAnything() {
        Map<String, Object> body = ordered("name", "Segment", "kind", "segment", "config", Map.of("writeKey", "wk-1"),
                "on", true);
        CodeSamples samples = of("POST", "/api/v2/destinations/mobile-app/test", body, Set.of("writeKey"));

        Shell.Run run = Shell.run(sample(samples, "curl").code(), Map.of("LD_ACCESS_TOKEN", "api-token-1"));

        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("Set WRITE_KEY to config.writeKey");
        assertThat(api.received()).isEmpty();
    }

    @Test
    void mparticleThenTheIdentitiesGoToTerraformAsJsonInAString() {
        Map<String, Object> body = ordered("name", "mParticle", "kind", "mparticle", "config",
                ordered("apiKey", "ak-1", "secret", "s-1", "environment", "production", "userIdentity", "customer_id",
                        "userIdentities",
                        List.of(Map.of("ldContextKind", "user", "mparticleUserIdentity", "customer_id"))),
                "on", false);
        CodeSamples samples = of("POST", "/api/v2/destinations/p/e", body, Set.of("apiKey", "secret"));

        assertThat(samples.secrets()).extracting(CodeSamples.SecretVariable::name).containsExactly("api_key", "secret");
        Hcl.Block block = TerraformAsProvider.resource(sample(samples, "Terraform").code(), "launchdarkly_destination");
        assertThat(TerraformAsProvider.destination(block, Map.of("api_key", "ak-1", "secret", "s-1")))
            .isEqualTo(TerraformAsProvider.tree(body));
        assertThat(JSON.readTree(curl(samples, Map.of("API_KEY", "ak-1", "SECRET", "s-1")).body()))
            .isEqualTo(TerraformAsProvider.tree(body));
    }

    @Test
    void warehouseKindThenNoTerraformSaysWhyAndCurlStillSendsIt() {
        Map<String, Object> body = ordered("name", "Warehouse", "kind", "snowflake-v2", "config",
                Map.of("publicKey", "pub", "snowflakeHostAddress", "acme.snowflakecomputing.com"), "on", true);
        CodeSamples samples = of("POST", "/api/v2/destinations/p/e", body, Set.of());

        Sample terraform = sample(samples, "Terraform");
        assertThat(terraform.code()).isNull();
        assertThat(terraform.note()).contains("supports the kinds", "not snowflake-v2");
        assertThat(JSON.readTree(curl(samples, Map.of()).body())).isEqualTo(TerraformAsProvider.tree(body));
    }

    @Test
    void datadogSubscriptionThenTerraformCarriesConfigAndStatementsAsTheProviderSendsThem() {
        Map<String, Object> body = ordered("name", "Audit to Datadog", "config",
                ordered("apiKey", "dd-key", "hostURL", "https://api.datadoghq.eu"), "statements",
                List.of(ordered("effect", "allow", "resources", List.of("proj/*:env/*:flag/*"), "actions",
                        List.of("*")),
                        ordered("effect", "deny", "resources", List.of("proj/secret"), "notActions",
                                List.of("viewProject"))),
                "on", true, "tags", List.of("audit"));
        CodeSamples samples = of("POST", "/api/v2/integrations/datadog", body, Set.of("apiKey"));

        Hcl.Block block = TerraformAsProvider.resource(sample(samples, "Terraform").code(),
                "launchdarkly_audit_log_subscription");
        assertThat(block.body().attributes()).containsEntry("integration_key", "datadog");
        assertThat(TerraformAsProvider.subscription(block, Map.of("api_key", "dd-key")))
            .isEqualTo(TerraformAsProvider.tree(body));
        List<String> ldcli = ldcli(samples, Map.of("API_KEY", "dd-key"));
        assertThat(ldcli.subList(0, 2)).containsExactly("integration-subscriptions", "create");
        assertThat(Shell.flag(ldcli, "integration-key")).isEqualTo("datadog");
        assertThat(JSON.readTree(Shell.flag(ldcli, "data"))).isEqualTo(TerraformAsProvider.tree(body));
    }

    @Test
    void splunkSubscriptionThenKebabKeysAndABooleanRoundTripAsTheProviderReadsThem() {
        Map<String, Object> body = ordered("name", "Splunk", "config",
                ordered("base-url", "https://splunk.example.com", "token", "tok", "skip-ca-verification", true), "on",
                true, "tags", List.of());
        CodeSamples samples = of("POST", "/api/v2/integrations/splunk", body, Set.of("token"));

        Hcl.Block block = TerraformAsProvider.resource(sample(samples, "Terraform").code(),
                "launchdarkly_audit_log_subscription");
        assertThat(TerraformAsProvider.subscription(block, Map.of("token", "tok")).get("config"))
            .isEqualTo(TerraformAsProvider.tree(
                    Map.of("base-url", "https://splunk.example.com", "token", "tok", "skip-ca-verification", "true")));
        assertThat(sample(samples, "Terraform").note()).contains("statements");
    }

    @Test
    void subscriptionOfAnIntegrationTheProviderLacksThenNoTerraform() {
        CodeSamples samples = of("POST", "/api/v2/integrations/log-stream",
                ordered("name", "Logs", "config", Map.of("url", "https://x"), "on", true, "tags", List.of()), Set.of());

        assertThat(sample(samples, "Terraform").code()).isNull();
        assertThat(sample(samples, "Terraform").note()).contains("does not support log-stream");
    }

    @Test
    void integrationConfigurationThenBetaHeaderAndTheBetaCommandAndNoTerraform() {
        Map<String, Object> body = ordered("name", "Pager", "enabled", true, "tags", List.of(), "configValues",
                ordered("routingKey", "rk-1", "severity", "error"));
        CodeSamples samples = of("POST", "/api/v2/integration-configurations/keys/pager-alerts", body,
                Set.of("routingKey"));

        RecordingApi.Received sent = curl(samples, Map.of("ROUTING_KEY", "rk-1"));
        assertThat(sent.headers()).containsEntry("ld-api-version", "beta");
        assertThat(JSON.readTree(sent.body())).isEqualTo(TerraformAsProvider.tree(body));
        List<String> ldcli = ldcli(samples, Map.of("ROUTING_KEY", "rk-1"));
        assertThat(ldcli.subList(0, 2)).containsExactly("integrations-beta", "create-configuration");
        assertThat(Shell.flag(ldcli, "integration-key")).isEqualTo("pager-alerts");
        assertThat(sample(samples, "Terraform").code()).isNull();
        assertThat(sample(samples, "Terraform").note()).contains("no resource for integration configurations");
    }

    @Test
    void patchWithASecretValueThenTheVariableIsNamedAfterThePathAndUpdateTakesTheIds() {
        List<Object> patch = List.of(ordered("op", "replace", "path", "/name", "value", "Renamed"),
                ordered("op", "replace", "path", "/config/policyKey", "value", "new-key"));
        String masked = redactor.redactToJson(patch, Set.of(), List.of("new-key"));
        CodeSamples samples = code
            .of("PATCH", "/api/v2/destinations/mobile-app/production/d-1", masked, SecretRedactor.MARK)
            .orElseThrow();

        assertThat(samples.secrets()).extracting(CodeSamples.SecretVariable::name).containsExactly("policy_key");
        RecordingApi.Received sent = curl(samples, Map.of("POLICY_KEY", "new-key"));
        assertThat(sent.method()).isEqualTo("PATCH");
        assertThat(JSON.readTree(sent.body())).isEqualTo(TerraformAsProvider.tree(patch));
        List<String> ldcli = ldcli(samples, Map.of("POLICY_KEY", "new-key"));
        assertThat(ldcli).containsSubsequence("data-export-destinations", "update", "--project-key", "mobile-app",
                "--environment-key", "production", "--id", "d-1");
        assertThat(sample(samples, "Terraform").note()).contains("edit the resource's block");
    }

    @Test
    void deleteThenNoBodyIsSent() {
        CodeSamples samples = code.of("DELETE", "/api/v2/projects/web-store/environments/qa", "", SecretRedactor.MARK)
            .orElseThrow();

        RecordingApi.Received sent = curl(samples, Map.of());
        assertThat(sent.method()).isEqualTo("DELETE");
        assertThat(sent.path()).isEqualTo("/api/v2/projects/web-store/environments/qa");
        assertThat(sent.body()).isEmpty();
        assertThat(ldcli(samples, Map.of())).containsExactly("environments", "delete", "--project-key", "web-store",
                "--environment-key", "qa");
    }

    @Test
    void existingResourceThenTerraformImportsTheOneThereIs() {
        Map<String, Object> body = ordered("name", "Stream", "kind", "kinesis", "config",
                ordered("region", "us-east-1", "roleArn", "arn:aws:iam::1:role/x", "streamName", "s"), "on", true);
        CodeSamples samples = code
            .ofExisting(new CreateCall("/api/v2/destinations/p/e", body, "d-7"), SecretRedactor.MARK)
            .orElseThrow();

        Hcl.Block imported = Hcl.parse(sample(samples, "Terraform").code()).blocks("import").get(0);
        assertThat(imported.body().attributes()).containsEntry("id", "p/e/d-7")
            .containsEntry("to", new Hcl.Reference("launchdarkly_destination.stream"));
    }

    @Test
    void callThePortalDoesNotKnowOrABodyCutToFitThenNoCode() {
        assertThat(code.of("GET", "/api/v2/projects", null, SecretRedactor.MARK)).isEmpty();
        assertThat(code.of("POST", "/api/v2/projects/p/environments", "{\"name\": \"x\u2026 (cut to fit",
                SecretRedactor.MARK))
            .isEmpty();
    }

    private CodeSamples of(String method, String path, Map<String, Object> body, Set<String> secretKeys) {
        String masked = redactor.redactToJson(body, secretKeys, List.of());
        return code.of(method, path, masked, SecretRedactor.MARK).orElseThrow();
    }

    private RecordingApi.Received curl(CodeSamples samples, Map<String, String> secrets) {
        Map<String, String> env = new HashMap<>(secrets);
        env.put("LD_ACCESS_TOKEN", "api-token-1");
        Shell.Run run = Shell.run(sample(samples, "curl").code(), env);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(api.received()).hasSize(1);
        RecordingApi.Received sent = api.received().get(0);
        return sent;
    }

    private static List<String> ldcli(CodeSamples samples, Map<String, String> secrets) {
        Map<String, String> env = new HashMap<>(secrets);
        env.put("LD_ACCESS_TOKEN", "api-token-1");
        Shell.Run run = Shell.run(sample(samples, "ldcli").code(), env);
        assertThat(run.exit()).as(run.err()).isZero();
        return run.ldcliArguments();
    }

    private static Sample sample(CodeSamples samples, String tool) {
        return samples.samples().stream().filter(s -> s.tool().equals(tool)).findFirst().orElseThrow();
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

}
