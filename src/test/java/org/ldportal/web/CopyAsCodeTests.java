package org.ldportal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.change.pages.ReviewPages;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.sandbox.SandboxRequest;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.Hcl;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.ReviewForms;
import org.ldportal.testsupport.Shell;
import org.ldportal.testsupport.StoredSession;
import org.ldportal.testsupport.TerraformAsProvider;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The review page's "same as code" against the bodies the portal sends: the person
 * creates the resource with "Create", then the curl script copied from the same page is
 * run against the same LaunchDarkly (the sandbox), the ldcli command is run with ldcli
 * stood in, and the Terraform is read as the provider would send it. Each must carry the
 * body the portal sent, the secret given as a variable. A resource's own page offers the
 * create that would make it again, with Terraform's import of the one there is.
 */
class CopyAsCodeTests extends PortalIntegrationTest {

    private static final String POLICY_KEY = "pk-CODE-'$secret\"4711";

    private static final Pattern SAMPLE = Pattern
        .compile("data-tool=\"([a-z]+)\".*?(?:<code>(.*?)</code>|(?=</details>))", Pattern.DOTALL);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();

    @Autowired
    MockMvc mvc;

    @Autowired
    SessionRepository<? extends Session> sessions;

    private StoredSession session;

    @BeforeEach
    void openSession() {
        session = StoredSession.open(sessions);
    }

    @Test
    void destinationThenCurlLdcliAndTerraformCarryTheBodySentAndTheSecretOnlyAsAVariable() throws Exception {
        MockHttpServletRequestBuilder form = post("/destinations/new").param("projectKey", "mobile-app")
            .param("environmentKey", "test")
            .param("name", "Hub as code")
            .param("kind", "azure-event-hubs")
            .param("on", "true")
            .param("config[namespace]", "ns-code")
            .param("config[name]", "hub")
            .param("config[policyName]", "send")
            .param("config[policyKey]", POLICY_KEY);
        String review = review(form);
        assertThat(review).contains("data-testid=\"code-secrets\"", "POLICY_KEY", "var.policy_key")
            .doesNotContain("pk-CODE");
        Map<String, String> code = samples(review);

        SandboxRequest sent = create("/destinations/new", review, "/api/v2/destinations/mobile-app/test");
        sandbox.reset();

        Map<String, String> secrets = Map.of("POLICY_KEY", POLICY_KEY);
        SandboxRequest copied = curl(code.get("curl"), secrets, "/api/v2/destinations/mobile-app/test");
        assertThat(JSON.readTree(copied.body())).isEqualTo(JSON.readTree(sent.body()));
        assertThat(copied.headers().get("ld-api-version")).isEqualTo(sent.headers().get("ld-api-version"));
        assertThat(sandbox.destinations()).as("LaunchDarkly took the copied call")
            .anySatisfy(made -> assertThat(made.path("name").asString()).isEqualTo("Hub as code"));

        List<String> ldcli = ldcli(code.get("ldcli"), secrets);
        assertThat(ldcli).containsSubsequence("data-export-destinations", "create", "--project-key", "mobile-app",
                "--environment-key", "test");
        assertThat(JSON.readTree(Shell.flag(ldcli, "data"))).isEqualTo(JSON.readTree(sent.body()));

        Hcl.Block block = TerraformAsProvider.resource(code.get("terraform"), "launchdarkly_destination");
        assertThat(TerraformAsProvider.destination(block, Map.of("policy_key", POLICY_KEY)))
            .isEqualTo(JSON.readTree(sent.body()));
    }

    @Test
    void environmentWithASourceThenTheCommandsCarryItAndTerraformSaysItCannot() throws Exception {
        String key = "qa-code-" + System.nanoTime() % 100_000;
        String review = review(post("/environments/new").param("projectKey", "web-store")
            .param("name", "QA as code")
            .param("key", key)
            .param("color", "417505")
            .param("defaultTtl", "5")
            .param("tags", "qa, code")
            .param("sourceKey", "staging"));
        Map<String, String> code = samples(review);

        SandboxRequest sent = create("/environments/new", review, "/api/v2/projects/web-store/environments");
        assertThat(sent.body()).contains("staging");
        sandbox.reset();

        SandboxRequest copied = curl(code.get("curl"), Map.of(), "/api/v2/projects/web-store/environments");
        assertThat(JSON.readTree(copied.body())).isEqualTo(JSON.readTree(sent.body()));
        assertThat(JSON.readTree(Shell.flag(ldcli(code.get("ldcli"), Map.of()), "data")))
            .isEqualTo(JSON.readTree(sent.body()));

        JsonNode withoutSource = JSON.readTree(sent.body());
        ((ObjectNode) withoutSource).remove("source");
        Hcl.Block block = TerraformAsProvider.resource(code.get("terraform"), "launchdarkly_environment");
        assertThat(TerraformAsProvider.environment(block, Map.of())).isEqualTo(withoutSource);
        assertThat(review).contains("The provider cannot set source");
    }

    @Test
    void integrationConfigurationThenTheBetaCallIsCopiedAndTerraformExplainsItHasNone() throws Exception {
        String routingKey = "rk-CODE-secret";
        String review = review(post("/integrations/pager-alerts/new").param("type", "configuration")
            .param("name", "Pages as code")
            .param("config[routingKey]", routingKey)
            .param("config[severity]", "error")
            .param("config[eventFilter]", "rollout-regression")
            .param("config[projectAndEnv]", "mobile-app/production"));
        assertThat(review).doesNotContain(routingKey);
        Map<String, String> code = samples(review);

        SandboxRequest sent = create("/integrations/pager-alerts/new", review,
                "/api/v2/integration-configurations/keys/pager-alerts");
        sandbox.reset();

        SandboxRequest copied = curl(code.get("curl"), Map.of("ROUTING_KEY", routingKey),
                "/api/v2/integration-configurations/keys/pager-alerts");
        assertThat(JSON.readTree(copied.body())).isEqualTo(JSON.readTree(sent.body()));
        assertThat(copied.headers()).containsEntry("ld-api-version", "beta");
        assertThat(code.get("terraform")).isNull();
        assertThat(review).contains("no resource for integration configurations");
    }

    @Test
    void destinationPageThenItsCodeMakesItAgainAndTerraformImportsTheOneThere() throws Exception {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("namespace", "ns-page");
        config.put("name", "hub-page");
        config.put("policyName", "send");
        config.put("policyKey", POLICY_KEY);
        String id = sandbox.seedDestination("mobile-app", "test", "Hub on its page", "azure-event-hubs", config)
            .get("_id")
            .asString();
        String page = detail("/destinations/mobile-app/test/" + id);
        assertThat(page).contains("data-testid=\"code-secrets\"", "POLICY_KEY").doesNotContain("pk-CODE");
        Map<String, String> code = samples(page);
        ObjectNode expected = JSON.createObjectNode().put("name", "Hub on its page").put("kind", "azure-event-hubs");
        expected.set("config", JSON.valueToTree(config));
        expected.put("on", true);

        Hcl.Block imported = Hcl.parse(code.get("terraform")).blocks("import").get(0);
        assertThat(imported.body().attributes()).containsEntry("id", "mobile-app/test/" + id);
        Hcl.Block block = TerraformAsProvider.resource(code.get("terraform"), "launchdarkly_destination");
        assertThat(TerraformAsProvider.destination(block, Map.of("policy_key", POLICY_KEY))).isEqualTo(expected);

        sandbox.reset();
        Map<String, String> secrets = Map.of("POLICY_KEY", POLICY_KEY);
        SandboxRequest copied = curl(code.get("curl"), secrets, "/api/v2/destinations/mobile-app/test");
        assertThat(JSON.readTree(copied.body())).isEqualTo(expected);
        assertThat(JSON.readTree(Shell.flag(ldcli(code.get("ldcli"), secrets), "data"))).isEqualTo(expected);
    }

    @Test
    void environmentPageThenTerraformImportsItAndCurlMakesTheSameAgain() throws Exception {
        String key = "page-code-" + System.nanoTime() % 100_000;
        sandbox.seedEnvironment("web-store", key, "Made elsewhere");
        String page = detail("/environments/web-store/" + key);
        assertThat(page).doesNotContain("data-testid=\"code-secrets\"");
        Map<String, String> code = samples(page);

        Hcl.Block imported = Hcl.parse(code.get("terraform")).blocks("import").get(0);
        assertThat(imported.body().attributes()).containsEntry("id", "web-store/" + key);
        JsonNode asTerraform = TerraformAsProvider
            .environment(TerraformAsProvider.resource(code.get("terraform"), "launchdarkly_environment"), Map.of());
        assertThat(asTerraform.path("key").asString()).isEqualTo(key);
        assertThat(asTerraform.path("name").asString()).isEqualTo("Made elsewhere");
        assertThat(asTerraform.path("color").asString()).isEqualTo("417505");

        sandbox.reset();
        SandboxRequest copied = curl(code.get("curl"), Map.of(), "/api/v2/projects/web-store/environments");
        assertThat(JSON.readTree(copied.body())).isEqualTo(asTerraform);
        assertThat(sandbox.environmentsOf("web-store")).as("LaunchDarkly took the copied call")
            .anySatisfy(made -> assertThat(made.path("key").asString()).isEqualTo(key));
    }

    @Test
    void subscriptionPageThenTheTokenIsAVariableAndTerraformSaysItHasNoSuchResource() throws Exception {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("base-url", "https://logs.example.com");
        config.put("token", "tok-PAGE-secret");
        String id = sandbox.seedSubscription("log-stream", "Audit on its page", config, 3, 0).get("_id").asString();
        String page = detail("/integrations/log-stream/subscriptions/" + id);
        assertThat(page).contains("data-testid=\"code-secrets\"", "TOKEN", "does not support log-stream")
            .doesNotContain("tok-PAGE-secret");
        Map<String, String> code = samples(page);
        assertThat(code.get("terraform")).isNull();

        sandbox.reset();
        SandboxRequest copied = curl(code.get("curl"), Map.of("TOKEN", "tok-PAGE-secret"),
                "/api/v2/integrations/log-stream");
        JsonNode sent = JSON.readTree(copied.body());
        assertThat(sent.path("name").asString()).isEqualTo("Audit on its page");
        assertThat(sent.path("config")).isEqualTo(JSON.valueToTree(config));
    }

    private String detail(String path) throws Exception {
        String page = mvc.perform(get(path).with(TestUsers.editor()).with(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(page).contains("data-testid=\"copy-as-code\"", "As code");
        return page;
    }

    private String review(MockHttpServletRequestBuilder form) throws Exception {
        String page = mvc
            .perform(form.with(FormTokens.unreviewed()).with(csrf()).with(TestUsers.editor()).with(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(page).contains("data-testid=\"copy-as-code\"");
        return page;
    }

    /** "Create" on the review page, and the call it made. */
    private SandboxRequest create(String action, String review, String path) throws Exception {
        mvc.perform(post(action).params(ReviewForms.hiddenFields(review))
            .param(ReviewPages.CONFIRM, "create")
            .with(csrf())
            .with(TestUsers.editor())
            .with(session)).andExpect(status().is3xxRedirection());
        return lastPost(path);
    }

    private SandboxRequest curl(String script, Map<String, String> secrets, String path) {
        Map<String, String> env = new LinkedHashMap<>(secrets);
        env.put("LD_ACCESS_TOKEN", sandbox.token());
        Shell.Run run = Shell.run(script, env);
        assertThat(run.exit()).as(run.err() + run.out()).isZero();
        return lastPost(path);
    }

    private static List<String> ldcli(String script, Map<String, String> secrets) {
        Map<String, String> env = new LinkedHashMap<>(secrets);
        env.put("LD_ACCESS_TOKEN", "api-token");
        Shell.Run run = Shell.run(script, env);
        assertThat(run.exit()).as(run.err()).isZero();
        return run.ldcliArguments();
    }

    private SandboxRequest lastPost(String path) {
        List<SandboxRequest> posts = sandbox.requests()
            .stream()
            .filter(request -> request.method().equals("POST") && request.path().equals(path))
            .toList();
        assertThat(posts).as("a POST to " + path).isNotEmpty();
        return posts.get(posts.size() - 1);
    }

    /** Each tool's code on the page, as a person copies it; null where there is none. */
    private static Map<String, String> samples(String page) {
        Map<String, String> samples = new LinkedHashMap<>();
        Matcher sample = SAMPLE.matcher(page);
        while (sample.find()) {
            samples.put(sample.group(1), sample.group(2) == null ? null : HtmlUtils.htmlUnescape(sample.group(2)));
        }
        assertThat(samples).containsOnlyKeys("terraform", "ldcli", "curl");
        return samples;
    }

}
