package org.ldportal.security;

import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Every page needs sign-in through the company's SSO (registration id
 * {@code sso}); creating needs the editor role; the audit trail needs any portal role;
 * health is public.
 */
@Configuration
@EnableWebSecurity
public class SecurityConfig {

    /**
     * Sent by the portal's own scripts when they fetch a fragment, so an expired session
     * gets a 401.
     */
    static final String FRAGMENT_HEADER = "X-Requested-With";

    static final String SIGN_IN_PATH = "/oauth2/authorization/sso";

    /**
     * The lists and detail pages of what exists; their actions (POST, the delete
     * confirmation) need an editor.
     */
    private static final String[] MANAGE_PAGES = { "/destinations", "/destinations/*/*/*", "/environments",
            "/environments/*/*", "/integrations/*", "/integrations/*/configurations/*",
            "/integrations/*/subscriptions/*" };

    private static final String[] CREATE_AREAS = { "/destinations/**", "/environments/**", "/integrations/**",
            "/templates/**", "/plans/**" };

    @Bean
    SecurityFilterChain portalSecurity(HttpSecurity http, ClientRegistrationRepository registrations,
            ObjectProvider<SignedOutSubmissions> signedOut, PublicAddressProperties address, SessionProperties sessions,
            ObjectProvider<Clock> clock, Environment environment, GroupRoleMapper roles) throws Exception {
        http.addFilterBefore(new SessionLifetimeFilter(sessions, clock.getIfAvailable(Clock::systemUTC)),
                AuthorizationFilter.class)
            .authorizeHttpRequests(authorize -> authorize
                .requestMatchers("/actuator/health", "/actuator/health/**", "/livez", "/readyz")
                .permitAll()
                // Metrics on the management port of their own, which only the operators'
                // network reaches.
                .requestMatchers(onManagementPort(environment))
                .permitAll()
                .requestMatchers("/actuator/**")
                .denyAll()
                .requestMatchers("/error", "/signed-out", "/css/**", "/js/**", "/img/**", "/favicon.ico")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/integrations/manifests/refresh")
                .hasRole(PortalRole.ADMIN.name())
                // Viewers may look at what integrations exist; only editors may set one
                // up.
                .requestMatchers("/access", "/access/**", "/status", "/admin/**")
                .hasRole(PortalRole.ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/integrations")
                .hasAnyAuthority(anyRole())
                // What exists may be seen by every role (as far as the access rules let
                // each person see it).
                .requestMatchers(HttpMethod.GET, MANAGE_PAGES)
                .hasAnyAuthority(anyRole())
                // A plan's page is for its owner, the admins and the auditors (the page
                // decides which).
                .requestMatchers(HttpMethod.GET, "/plans/*")
                .hasAnyAuthority(anyRole())
                // Held in some projects is enough to reach the pages; which projects is
                // checked by the pages and
                // again before anything is sent (the access module).
                .requestMatchers(CREATE_AREAS)
                .hasAnyAuthority(editorAnywhere())
                // Settling an unclear outcome asks LaunchDarkly on the person's behalf:
                // editors, for their own attempts.
                .requestMatchers(HttpMethod.POST, "/audit/*/check")
                .hasAnyAuthority(editorAnywhere())
                .requestMatchers("/audit", "/audit/**")
                .hasAnyAuthority(anyRole())
                .anyRequest()
                .authenticated())
            // Roles and groups from the groups claim, and a small principal for the
            // session.
            .oauth2Login(
                    login -> login.userInfoEndpoint(userInfo -> userInfo.oidcUserService(new SignedInUsers(roles))))
            // A fragment fetched by the page's script gets a 401 it can explain, not the
            // SSO login page
            // swapped into the form; everything else is sent to sign in.
            .exceptionHandling(exceptions -> exceptions
                .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        new RequestHeaderRequestMatcher(FRAGMENT_HEADER, "fetch"))
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(SIGN_IN_PATH),
                        AnyRequestMatcher.INSTANCE)
                .accessDeniedHandler(keepFormsSentAfterSignOut(signedOut, address)))
            .logout(logout -> logout.logoutSuccessHandler(endProviderSession(registrations, address)))
            .csrf(csrf -> csrf.csrfTokenRepository(new SessionlessRefusalCsrfTokens()))
            .headers(headers -> headers.contentSecurityPolicy(csp -> csp
                .policyDirectives("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                        + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
                        // Browsers apply form-action to the redirects after a form too:
                        // signing out
                        // (a form) ends at the identity provider's end-session page.
                        + "form-action 'self'" + identityProviderOrigin(registrations)))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * No Micrometer observation of each security filter, authentication and
     * authorization: with the actuator on the classpath Spring Security otherwise wraps
     * every one of its filters in an observation with its own timers, about a tenth of a
     * page's CPU, for metrics the portal does not export (only health is exposed). HTTP
     * requests are still observed as a whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * A form sent after the session ended fails its CSRF check, before anyone is signed
     * in: instead of a 403, what it sent is kept and the person is sent back to the
     * form's page, which signs them in and then shows it filled.
     */
    private static AccessDeniedHandler keepFormsSentAfterSignOut(ObjectProvider<SignedOutSubmissions> signedOut,
            PublicAddressProperties address) {
        AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
        return (request, response, denied) -> {
            SignedOutSubmissions keeper = signedOut.getIfAvailable();
            boolean signedOutForm = denied instanceof CsrfException && "POST".equals(request.getMethod())
                    && signedOutNow() && request.getHeader(FRAGMENT_HEADER) == null && keeper != null
                    && ownSignedOutForm(request, address);
            if (!signedOutForm || keeper == null) {
                forbidden.handle(request, response, denied);
                return;
            }
            keeper.keep(request);
            String query = request.getQueryString();
            response.sendRedirect(request.getRequestURI() + (query != null ? "?" + query : ""));
        };
    }

    /**
     * Only the person's own form is kept: the request names a session (theirs, expired,
     * or the one signing them in again), comes from the portal's own pages, and is one of
     * the create forms. Anything else, above all a form another site posts at the portal,
     * is refused like any failed CSRF check, and nothing is kept: otherwise its values
     * would come back after signing in, under the banner that they are the person's own.
     */
    static boolean ownSignedOutForm(HttpServletRequest request, PublicAddressProperties address) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getRequestedSessionId() != null && fromOwnPages(request, address)
                && CREATE_FORM.matcher(path).matches();
    }

    /**
     * The browser says the request came from the portal's own pages:
     * {@code Sec-Fetch-Site} where it sends one, else an {@code Origin} equal to the
     * portal's own.
     */
    private static boolean fromOwnPages(HttpServletRequest request, PublicAddressProperties address) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin");
        }
        String origin = request.getHeader("Origin");
        return origin != null && origin.equalsIgnoreCase(ownOrigin(request, address));
    }

    private static String ownOrigin(HttpServletRequest request, PublicAddressProperties address) {
        URI own = address.publicUrl();
        String scheme = own != null ? own.getScheme() : request.getScheme();
        String host = own != null ? own.getHost() : request.getServerName();
        int port = own != null ? own.getPort() : request.getServerPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443)
                || (scheme.equals("http") && port == 80);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    /** The create forms, whose pages restore what was kept. */
    private static final Pattern CREATE_FORM = Pattern
        .compile("/(environments|destinations)/new|/integrations/[^/]+/new");

    /**
     * Nobody is signed in on this request (the CSRF check runs before anyone would count
     * as anonymous).
     */
    private static boolean signedOutNow() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated();
    }

    /**
     * Ends the provider's session too, where it offers an end-session endpoint; otherwise
     * just the portal's.
     */
    private static OidcClientInitiatedLogoutSuccessHandler endProviderSession(
            ClientRegistrationRepository registrations, PublicAddressProperties address) {
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri(address.baseUrl() + "/signed-out");
        handler.setDefaultTargetUrl("/signed-out");
        return handler;
    }

    /**
     * Requests that came in on a management port of its own (MANAGEMENT_SERVER_PORT),
     * never on the public one: the port is known only once the management server has
     * started.
     */
    private static RequestMatcher onManagementPort(Environment environment) {
        return request -> {
            Integer management = environment.getProperty("local.management.port", Integer.class);
            Integer server = environment.getProperty("local.server.port", Integer.class);
            return management != null && !management.equals(server) && request.getLocalPort() == management;
        };
    }

    /**
     * " https://idp.example" for the sign-out form's redirect to the provider; empty when
     * it cannot be told.
     */
    private static String identityProviderOrigin(ClientRegistrationRepository registrations) {
        ClientRegistration sso = registrations.findByRegistrationId("sso");
        if (sso == null) {
            return "";
        }
        Object endSession = sso.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
        String address = endSession != null ? endSession.toString() : sso.getProviderDetails().getIssuerUri();
        try {
            URI uri = URI.create(address);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            return " " + uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        }
        catch (IllegalArgumentException | NullPointerException notAnAddress) {
            return "";
        }
    }

    private static String[] anyRole() {
        return Arrays.stream(PortalRole.values())
            .flatMap(role -> Stream.of(role.authority(), role.scopedAuthority()))
            .toArray(String[]::new);
    }

    private static String[] editorAnywhere() {
        return new String[] { PortalRole.EDITOR.authority(), PortalRole.EDITOR.scopedAuthority() };
    }

}
