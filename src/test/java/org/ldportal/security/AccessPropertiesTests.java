package org.ldportal.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ldportal.access.ProjectAccess;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The access rules as an operator writes them: the README's example, environment
 * variables, mistakes.
 */
class AccessPropertiesTests {

    private static final PortalSecurityProperties GLOBAL = new PortalSecurityProperties("groups",
            List.of("ld-portal-viewers"), List.of("ld-portal-editors"), List.of("ld-portal-admins"), "the admins");

    @Test
    void bindWhenReadmeExampleThenEachTeamHoldsWhatTheReadmeSays() throws IOException {
        AccessProperties rules = bindYaml(readmeExample());
        ProjectAccess access = new ProjectAccess(rules, new GroupRoleMapper(GLOBAL, rules));
        CurrentUser team = signedIn(rules, "team-checkout");
        CurrentUser lead = signedIn(rules, "checkout-leads");
        CurrentUser platform = signedIn(rules, "platform");

        assertThat(rules.rules()).extracting(AccessRule::name)
            .containsExactly("Checkout team", "Checkout team reads its trail", "Checkout leads",
                    "Platform integrations");
        assertThat(access.may(team, PortalRole.EDITOR, "checkout", "staging")).isTrue();
        assertThat(access.may(team, PortalRole.EDITOR, "payments-eu", "dev")).isTrue();
        assertThat(access.may(team, PortalRole.EDITOR, "checkout", "production")).isFalse();
        assertThat(access.may(team, PortalRole.EDITOR, "web-store", "dev")).isFalse();
        assertThat(access.mayRead(team, "someone-else", "checkout", "production")).isTrue();
        assertThat(access.mayInAccount(team, PortalRole.EDITOR)).isFalse();
        assertThat(access.may(lead, PortalRole.ADMIN, "checkout", "production")).isTrue();
        assertThat(access.mayInAccount(platform, PortalRole.EDITOR)).isTrue();
        assertThat(access.may(platform, PortalRole.EDITOR, "checkout", "dev")).isFalse();
    }

    @Test
    void bindWhenEnvironmentVariablesThenTheSameRule() {
        AccessProperties rules = bindEnvironment(
                Map.of("PORTAL_ACCESS_RULES_0_NAME", "Checkout team", "PORTAL_ACCESS_RULES_0_GROUPS", "team-checkout",
                        "PORTAL_ACCESS_RULES_0_ROLE", "editor", "PORTAL_ACCESS_RULES_0_PROJECTS", "checkout,payments-*",
                        "PORTAL_ACCESS_RULES_0_EXCEPTENVIRONMENTS", "production"));

        assertThat(rules.rules()).containsExactly(new AccessRule("Checkout team", List.of("team-checkout"),
                PortalRole.EDITOR, List.of("checkout", "payments-*"), List.of("*"), List.of("production"), false));
    }

    @Test
    void bindWhenRuleHasNoNameThenNumbered() {
        AccessProperties rules = bindEnvironment(Map.of("PORTAL_ACCESS_RULES_0_GROUPS", "a",
                "PORTAL_ACCESS_RULES_0_ROLE", "viewer", "PORTAL_ACCESS_RULES_0_PROJECTS", "*"));

        assertThat(rules.rules()).extracting(AccessRule::name).containsExactly("rule 0");
    }

    @Test
    void bindWhenRuleLacksProjectsThenStartUpFailsNamingTheSetting() {
        assertThatThrownBy(() -> bindEnvironment(
                Map.of("PORTAL_ACCESS_RULES_0_GROUPS", "team-checkout", "PORTAL_ACCESS_RULES_0_ROLE", "editor")))
            .isInstanceOf(BindException.class)
            .rootCause()
            .hasMessageContaining("portal.access.rules[0].projects");
    }

    @Test
    void bindWhenRuleLacksGroupsOrRoleThenStartUpFailsNamingTheSetting() {
        assertThatThrownBy(() -> bindEnvironment(
                Map.of("PORTAL_ACCESS_RULES_0_ROLE", "editor", "PORTAL_ACCESS_RULES_0_PROJECTS", "*")))
            .rootCause()
            .hasMessageContaining("portal.access.rules[0].groups");
        assertThatThrownBy(() -> bindEnvironment(
                Map.of("PORTAL_ACCESS_RULES_0_GROUPS", "a", "PORTAL_ACCESS_RULES_0_PROJECTS", "*")))
            .rootCause()
            .hasMessageContaining("portal.access.rules[0].role");
    }

    /**
     * Signs in as the portal does: groups to authorities, authorities to the current
     * user.
     */
    private static CurrentUser signedIn(AccessProperties rules, String... groups) {
        List<String> authorities = new GroupRoleMapper(GLOBAL, rules).authoritiesFor(List.of(groups));
        var authentication = new org.springframework.security.authentication.TestingAuthenticationToken("someone", null,
                authorities.toArray(String[]::new));
        CurrentUser user = CurrentUser.from(authentication);
        assertThat(user.groups()).isEqualTo(Set.of(groups));
        return user;
    }

    private static AccessProperties bindYaml(String yaml) throws IOException {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("readme",
                new ByteArrayResource(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("portal.access",
                AccessProperties.class);
    }

    private static AccessProperties bindEnvironment(Map<String, Object> environment) {
        Binder binder = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)));
        return binder.bindOrCreate("portal.access", AccessProperties.class);
    }

    /** The README's ```yaml block under "Access rules". */
    private static String readmeExample() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("### Access rules");
        int start = readme.indexOf("```yaml\n", section);
        assertThat(section).as("an access rules section in the README").isNotNegative();
        assertThat(start).as("a yaml example in it").isNotNegative();
        return readme.substring(start + "```yaml\n".length(), readme.indexOf("```", start + 3));
    }

}
