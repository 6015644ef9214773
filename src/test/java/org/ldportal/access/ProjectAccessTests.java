package org.ldportal.access;

import org.ldportal.audit.ReadScope;
import org.ldportal.security.AccessProperties;
import org.ldportal.security.AccessRule;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.GroupRoleMapper;
import org.ldportal.security.KeyPattern;
import org.ldportal.security.PortalRole;
import org.ldportal.security.PortalSecurityProperties;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scope matrix: which role a person holds in which project and environment, and why.
 */
class ProjectAccessTests {

    private static final PortalSecurityProperties GLOBAL = new PortalSecurityProperties("groups", List.of("auditors"),
            List.of("editors"), List.of("admins"), "the admins");

    private static final AccessRule CHECKOUT_EDITORS = new AccessRule("checkout team", List.of("team-checkout"),
            PortalRole.EDITOR, List.of("checkout", "payments-*"), List.of("*"), List.of("production", "prod-*"), false);

    private static final AccessRule DEV_ONLY = new AccessRule("dev only", List.of("interns"), PortalRole.EDITOR,
            List.of("*"), List.of("dev-*"), List.of(), false);

    private static final AccessRule CHECKOUT_ADMINS = new AccessRule("checkout leads", List.of("checkout-leads"),
            PortalRole.ADMIN, List.of("checkout"), List.of("*"), List.of(), false);

    private static final AccessRule PLATFORM = new AccessRule("platform", List.of("platform"), PortalRole.EDITOR,
            List.of(), List.of("*"), List.of(), true);

    private final ProjectAccess access = access(CHECKOUT_EDITORS, DEV_ONLY, CHECKOUT_ADMINS, PLATFORM);

    @Test
    void mayWhenNoRulesThenGlobalRolesEverywhereAndInTheAccount() {
        ProjectAccess none = access();
        CurrentUser editor = user(Set.of(PortalRole.EDITOR), "editors");

        assertThat(none.may(editor, PortalRole.EDITOR, "anything", "production")).isTrue();
        assertThat(none.mayInAccount(editor, PortalRole.EDITOR)).isTrue();
        assertThat(none.may(editor, PortalRole.ADMIN, "anything", null)).isFalse();
    }

    @Test
    void mayWhenRuleByKeyAndGlobThenThoseProjectsOnly() {
        CurrentUser member = scoped("team-checkout");

        assertThat(member.roles()).isEmpty();
        assertThat(access.may(member, PortalRole.EDITOR, "checkout", "staging")).isTrue();
        assertThat(access.may(member, PortalRole.EDITOR, "payments-eu", "staging")).isTrue();
        assertThat(access.may(member, PortalRole.EDITOR, "payments", "staging")).as("the glob needs the dash")
            .isFalse();
        assertThat(access.may(member, PortalRole.EDITOR, "web-store", "staging")).isFalse();
        assertThat(access.may(member, PortalRole.EDITOR, "checkout-v2", null)).as("a key is not a prefix").isFalse();
    }

    @Test
    void mayWhenEnvironmentExcludedThenNotThereButStillInTheProject() {
        CurrentUser member = scoped("team-checkout");

        assertThat(access.may(member, PortalRole.EDITOR, "checkout", "production")).isFalse();
        assertThat(access.may(member, PortalRole.EDITOR, "checkout", "prod-eu")).isFalse();
        assertThat(access.may(member, PortalRole.EDITOR, "checkout", "production-copy")).isTrue();
        assertThat(access.may(member, PortalRole.EDITOR, "checkout", null)).as("offered in the project list").isTrue();
    }

    @Test
    void mayWhenNarrowedToEnvironmentsThenOnlyThose() {
        CurrentUser intern = scoped("interns");

        assertThat(access.may(intern, PortalRole.EDITOR, "web-store", "dev-anna")).isTrue();
        assertThat(access.may(intern, PortalRole.EDITOR, "web-store", "staging")).isFalse();
        assertThat(access.may(intern, PortalRole.VIEWER, "web-store", "dev-anna")).as("editor is not viewer").isFalse();
    }

    @Test
    void mayWhenProjectAdminRuleThenAdminEditorAndViewerThereOnly() {
        CurrentUser lead = scoped("checkout-leads");

        assertThat(access.may(lead, PortalRole.ADMIN, "checkout", "production")).isTrue();
        assertThat(access.may(lead, PortalRole.EDITOR, "checkout", "production")).isTrue();
        assertThat(access.may(lead, PortalRole.VIEWER, "checkout", "production")).isTrue();
        assertThat(access.may(lead, PortalRole.ADMIN, "payments-eu", null)).isFalse();
        assertThat(lead.isAdmin()).as("no global admin pages").isFalse();
    }

    @Test
    void mayWhenGlobalGroupAndRulesThenGlobalStillEverywhere() {
        CurrentUser editor = user(Set.of(PortalRole.EDITOR), "editors");

        assertThat(access.may(editor, PortalRole.EDITOR, "web-store", "production")).isTrue();
    }

    @Test
    void mayInAccountWhenRulesConfiguredThenAdminsAndAccountRulesOnly() {
        assertThat(access.mayInAccount(user(Set.of(PortalRole.EDITOR), "editors"), PortalRole.EDITOR)).isFalse();
        assertThat(access.mayInAccount(user(Set.of(PortalRole.values()), "admins"), PortalRole.EDITOR)).isTrue();
        assertThat(access.mayInAccount(scoped("platform"), PortalRole.EDITOR)).isTrue();
        assertThat(access.mayInAccount(scoped("team-checkout"), PortalRole.EDITOR)).isFalse();
        assertThat(access.mayInAccount(user(Set.of(PortalRole.VIEWER), "auditors"), PortalRole.VIEWER)).isTrue();
    }

    @Test
    void scopedRolesForWhenInRuleGroupsThenTheirRolesForTheSignIn() {
        GroupRoleMapper mapper = new GroupRoleMapper(GLOBAL,
                new AccessProperties(List.of(CHECKOUT_EDITORS, CHECKOUT_ADMINS)));

        assertThat(mapper.authoritiesFor(List.of("team-checkout"))).containsExactlyInAnyOrder("SCOPED_EDITOR",
                "GROUP:team-checkout");
        assertThat(mapper.authoritiesFor(List.of("editors", "checkout-leads"))).containsExactlyInAnyOrder("ROLE_EDITOR",
                "SCOPED_ADMIN", "SCOPED_VIEWER", "GROUP:editors", "GROUP:checkout-leads");
    }

    @Test
    void readScopeWhenViewerRuleThenItsAreasAsLikePatterns() {
        AccessRule auditors = new AccessRule("checkout auditors", List.of("team-checkout"), PortalRole.VIEWER,
                List.of("pay_ments-*"), List.of("*"), List.of("production"), false);
        ReadScope scope = access(auditors, CHECKOUT_EDITORS).readScope(scoped("team-checkout"));

        assertThat(scope.whole()).isFalse();
        assertThat(scope.areas())
            .containsExactly(new ReadScope.Area(List.of("pay\\_ments-%"), List.of("%"), List.of("production")));
        assertThat(scope.account()).isFalse();
        assertThat(access.readScope(user(Set.of(PortalRole.VIEWER), "auditors")).whole()).isTrue();
        assertThat(access.readScope(scoped("team-checkout")).ownOnly()).as("an editor rule gives no reading").isTrue();
    }

    @Test
    void explainWhenSeveralSourcesThenEachRoleWithItsRuleStrongestFirst() {
        List<ProjectAccess.Grant> grants = access.explain(List.of("editors", "checkout-leads", "team-checkout"),
                "checkout", "production");

        assertThat(grants).extracting(ProjectAccess.Grant::role, ProjectAccess.Grant::source)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(PortalRole.ADMIN, "rule \u201ccheckout leads\u201d"),
                    org.assertj.core.groups.Tuple.tuple(PortalRole.EDITOR, "editor groups, every project"));
        assertThat(access.explain(List.of("team-checkout"), "checkout", "staging"))
            .extracting(ProjectAccess.Grant::source)
            .containsExactly("rule \u201ccheckout team\u201d");
        assertThat(access.explainAccount(List.of("editors", "platform"))).extracting(ProjectAccess.Grant::source)
            .containsExactly("rule \u201cplatform\u201d");
    }

    @Test
    void keyPatternWhenGlobThenMatchesAsShellWould() {
        assertThat(KeyPattern.matches("*", "")).isTrue();
        assertThat(KeyPattern.matches("*-eu", "payments-eu")).isTrue();
        assertThat(KeyPattern.matches("*-eu", "payments-eu-2")).isFalse();
        assertThat(KeyPattern.matches("a*b*c", "axxbyyc")).isTrue();
        assertThat(KeyPattern.matches("a*b*c", "axxbyy")).isFalse();
        assertThat(KeyPattern.matches("Checkout", "checkout")).as("keys compare exactly").isFalse();
    }

    private static ProjectAccess access(AccessRule... rules) {
        return new ProjectAccess(new AccessProperties(List.of(rules)), new GroupRoleMapper(GLOBAL));
    }

    private static CurrentUser user(Set<PortalRole> roles, String... groups) {
        return new CurrentUser("someone", "Someone", null, roles, Set.of(), Set.of(groups));
    }

    private static CurrentUser scoped(String... groups) {
        return new CurrentUser("someone", "Someone", null, Set.of(), Set.of(PortalRole.EDITOR), Set.of(groups));
    }

}
