package org.ldportal.testsupport;

import java.util.List;

import org.ldportal.security.AccessProperties;
import org.ldportal.security.GroupRoleMapper;
import org.ldportal.security.PortalSecurityProperties;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

/**
 * Signed-in people for MockMvc tests. oidcLogin() bypasses the portal's group mapping, so
 * the authorities are computed here from the groups claim by the real
 * {@link GroupRoleMapper}, with the default group names.
 */
public final class TestUsers {

    public static final String VIEWER_GROUP = "ld-portal-viewers";

    public static final String EDITOR_GROUP = "ld-portal-editors";

    public static final String ADMIN_GROUP = "ld-portal-admins";

    private static final GroupRoleMapper MAPPER = new GroupRoleMapper(new PortalSecurityProperties("groups",
            List.of(VIEWER_GROUP), List.of(EDITOR_GROUP), List.of(ADMIN_GROUP), "the admins"));

    private TestUsers() {
    }

    public static RequestPostProcessor viewer() {
        return user("vera", "Vera Viewer", VIEWER_GROUP);
    }

    public static RequestPostProcessor editor() {
        return user("eddie", "Eddie Editor", EDITOR_GROUP);
    }

    public static RequestPostProcessor admin() {
        return user("ada", "Ada Admin", ADMIN_GROUP);
    }

    public static RequestPostProcessor withoutRole() {
        return user("nora", "Nora Nobody", "some-other-team");
    }

    public static RequestPostProcessor user(String subject, String name, String... groups) {
        return user(MAPPER, subject, name, groups);
    }

    /**
     * A person as signed in under these access rules (with the default global group
     * names).
     */
    public static RequestPostProcessor user(AccessProperties rules, String subject, String name, String... groups) {
        return user(new GroupRoleMapper(new PortalSecurityProperties("groups", List.of(VIEWER_GROUP),
                List.of(EDITOR_GROUP), List.of(ADMIN_GROUP), "the admins"), rules), subject, name, groups);
    }

    private static RequestPostProcessor user(GroupRoleMapper mapper, String subject, String name, String... groups) {
        List<SimpleGrantedAuthority> authorities = mapper.authoritiesFor(List.of(groups))
            .stream()
            .map(SimpleGrantedAuthority::new)
            .toList();
        return oidcLogin()
            .idToken(token -> token.subject(subject)
                .claim("name", name)
                .claim("email", subject + "@example.com")
                .claim("groups", List.of(groups)))
            .authorities(authorities.toArray(SimpleGrantedAuthority[]::new));
    }

}
