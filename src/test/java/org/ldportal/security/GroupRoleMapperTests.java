package org.ldportal.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GroupRoleMapperTests {

    private final GroupRoleMapper mapper = new GroupRoleMapper(new PortalSecurityProperties("groups",
            List.of("auditors"), List.of("product", "support-leads"), List.of("platform"), "the admins"));

    @Test
    void rolesForWhenInViewerGroupThenViewerOnly() {
        assertThat(mapper.rolesFor(Map.of("groups", List.of("auditors")))).containsExactly(PortalRole.VIEWER);
    }

    @Test
    void rolesForWhenInAnyEditorGroupThenEditor() {
        assertThat(mapper.rolesFor(Map.of("groups", List.of("marketing", "support-leads"))))
            .containsExactly(PortalRole.EDITOR);
    }

    @Test
    void rolesForWhenAdminThenAlsoEditorAndViewer() {
        assertThat(mapper.rolesFor(Map.of("groups", List.of("platform")))).containsExactlyInAnyOrder(PortalRole.ADMIN,
                PortalRole.EDITOR, PortalRole.VIEWER);
    }

    @Test
    void rolesForWhenViewerAndEditorThenBoth() {
        assertThat(mapper.rolesFor(Map.of("groups", List.of("auditors", "product"))))
            .containsExactlyInAnyOrder(PortalRole.VIEWER, PortalRole.EDITOR);
    }

    @Test
    void rolesForWhenInNoConfiguredGroupThenNone() {
        assertThat(mapper.rolesFor(Map.of("groups", List.of("finance")))).isEmpty();
    }

    @Test
    void rolesForWhenClaimMissingThenNone() {
        assertThat(mapper.rolesFor(Map.of("sub", "someone"))).isEmpty();
    }

    @Test
    void rolesForWhenClaimIsCommaSeparatedStringThenEachGroupCounts() {
        assertThat(mapper.rolesFor(Map.of("groups", "finance, product"))).containsExactly(PortalRole.EDITOR);
    }

    @Test
    void rolesForWhenGroupDiffersInCaseThenNoRole() {
        assertThat(mapper.rolesFor(Map.of("groups", List.of("Platform")))).isEmpty();
    }

    @Test
    void rolesForWhenClaimNameConfiguredThenThatClaimIsRead() {
        GroupRoleMapper custom = new GroupRoleMapper(
                new PortalSecurityProperties("roles", List.of(), List.of("pm"), List.of(), "the admins"));
        assertThat(custom.rolesFor(Map.of("roles", List.of("pm"), "groups", List.of("platform"))))
            .containsExactly(PortalRole.EDITOR);
    }

}
