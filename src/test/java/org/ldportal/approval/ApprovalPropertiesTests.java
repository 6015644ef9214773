package org.ldportal.approval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ldportal.change.PendingChange;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The approval rules as an operator writes them: the README's example, environment
 * variables, a mistake.
 */
class ApprovalPropertiesTests {

    @Test
    void bindWhenReadmeExampleThenEachChangeNeedsWhomTheReadmeSays() throws IOException {
        ApprovalProperties properties = bindYaml(readmeExample());
        ApprovalRules rules = new ApprovalRules(properties);

        assertThat(properties.expireAfter()).isEqualTo(Duration.ofDays(7));
        assertThat(rules.required(change("destination", "mobile-app", "production", false))).hasValueSatisfying(
                needed -> assertThat(needed.approverGroups()).containsExactly("release-managers", "data-governance"));
        assertThat(rules.required(change("environment", "mobile-app", "eu-critical", true)))
            .hasValueSatisfying(needed -> assertThat(needed.ruleNames()).containsExactly("Critical environments"));
        assertThat(rules.required(change("audit-log-subscription", null, null, false)))
            .hasValueSatisfying(needed -> assertThat(needed.approverGroups()).containsExactly("security-team"));
        assertThat(rules.required(change("environment", "mobile-app", "qa", false))).isEmpty();
        assertThat(rules.required(change("integration-configuration", null, null, false))).isEmpty();
        assertThat(rules.required(change("environment", "mobile-app", "qa", false, "delete")))
            .hasValueSatisfying(needed -> assertThat(needed.approverGroups()).containsExactly("platform-team"));
        assertThat(rules.required(change("environment", "mobile-app", "qa", false, "update"))).isEmpty();
        assertThat(rules.required(change("destination", "mobile-app", "production", false, "turn-off")))
            .as("a rule without actions holds back every change")
            .isPresent();
    }

    @Test
    void bindWhenRuleNamesAnUnknownActionThenStartUpFailsNamingTheSetting() {
        assertThatThrownBy(() -> bindEnvironment(
                Map.of("PORTAL_APPROVAL_RULES_0_APPROVERS", "admins", "PORTAL_APPROVAL_RULES_0_ACTIONS", "remove")))
            .rootCause()
            .hasMessageContaining("portal.approval.rules[0].actions")
            .hasMessageContaining("remove");
    }

    @Test
    void bindWhenEnvironmentVariablesThenTheSameRule() {
        ApprovalProperties properties = bindEnvironment(
                Map.of("PORTAL_APPROVAL_RULES_0_NAME", "Prod", "PORTAL_APPROVAL_RULES_0_ENVIRONMENTS", "prod*,live",
                        "PORTAL_APPROVAL_RULES_0_APPROVERS", "release-managers", "PORTAL_APPROVAL_RULES_0_PROJECTS",
                        "checkout", "PORTAL_APPROVAL_EXPIREAFTER", "2d"));

        assertThat(properties.rules()).containsExactly(new ApprovalRule("Prod", List.of(), List.of("checkout"),
                List.of("prod*", "live"), false, List.of("release-managers"), List.of(), List.of(), null));
        assertThat(properties.expireAfter()).isEqualTo(Duration.ofDays(2));
        ApprovalRules rules = new ApprovalRules(properties);
        assertThat(rules.required(change("destination", "web-store", "production", false))).as("other project")
            .isEmpty();
        assertThat(rules.required(change("destination", "checkout", "live", false))).isPresent();
    }

    @Test
    void bindWhenRuleNamesNoApproversThenStartUpFailsNamingTheSetting() {
        assertThatThrownBy(() -> bindEnvironment(Map.of("PORTAL_APPROVAL_RULES_0_ENVIRONMENTS", "prod*"))).rootCause()
            .hasMessageContaining("portal.approval.rules[0].approvers");
    }

    private static ApprovalProperties bindYaml(String yaml) throws IOException {
        var sources = new YamlPropertySourceLoader().load("readme",
                new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)));
        return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("portal.approval",
                ApprovalProperties.class);
    }

    private static ApprovalProperties bindEnvironment(Map<String, Object> environment) {
        return new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)))
            .bindOrCreate("portal.approval", ApprovalProperties.class);
    }

    /** The README's ```yaml block under "Approval by a second person". */
    private static String readmeExample() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("### Approval by a second person");
        int start = readme.indexOf("```yaml\n", section);
        assertThat(section).as("an approval section in the README").isNotNegative();
        return readme.substring(start + "```yaml\n".length(), readme.indexOf("```", start + 3));
    }

    /**
     * A change of {@code type} where the rules look (a create unless an action is named).
     */
    private static PendingChange change(String type, String project, String environment, boolean critical,
            String... action) {
        return new PendingChange(action.length == 0 ? ChangeAction.CREATE : ChangeAction.of(action[0]).orElseThrow(),
                ResourceType.of(type).orElseThrow(), new Place(project, environment, null), null, null, critical, "{}");
    }

}
