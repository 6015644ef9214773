package org.ldportal.destination;

import org.junit.jupiter.api.Test;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Warehouse set-ups against the sandbox: an address of their own, a list, the script as a
 * file, the last step.
 */
class WarehouseSetupTests extends PortalIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void snowflakeWhenSetUpThenReloadingShowsTheScriptWithoutAskingAgainAndCompletingCreatesItWithKeyAndHost()
            throws Exception {
        String setup = startSetup(snowflake("production", "Snow"));
        long setupCalls = setupCalls();

        mvc.perform(get(setup).with(TestUsers.editor()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("CREATE USER"), containsString("Public key"),
                    containsString("action=\"" + setup + "/complete\""))));
        mvc.perform(get(setup).with(TestUsers.editor())).andExpect(status().isOk());
        assertThat(setupCalls()).as("reloads ask LaunchDarkly nothing").isEqualTo(setupCalls);

        mvc.perform(get(setup + "/script.sql").with(TestUsers.editor()))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Disposition", containsString(".sql")))
            .andExpect(content().string(containsString("CREATE USER")));
        mvc.perform(get("/destinations/setups").with(TestUsers.editor()))
            .andExpect(content().string(allOf(containsString("Snow"), containsString("href=\"" + setup + "\""))));

        mvc.perform(post(setup + "/complete").with(TestUsers.editor()).with(csrf()).with(FormTokens.fresh()))
            .andExpect(redirectedUrl("/destinations/created"));
        assertThat(LaunchDarklySandbox.shared().destinations()).singleElement().satisfies(destination -> {
            assertThat(destination.get("kind").asString()).isEqualTo("snowflake-v2");
            assertThat(destination.get("config").get("snowflakeHostAddress").asString())
                .isEqualTo("https://acct.snowflakecomputing.com");
            assertThat(destination.get("config").get("publicKey").asString()).startsWith("MIIB");
            // The names the set-up's script made, kept by finishing through
            // complete-setup.
            assertThat(destination.get("config").get("databaseName").asString()).isEqualTo("LD");
            assertThat(destination.get("config").get("userName").asString()).isEqualTo("LD_USER");
            assertThat(destination.get("config").get("roleName").asString()).isEqualTo("LD_ROLE");
        });
        assertThat(LaunchDarklySandbox.shared().requests()).filteredOn(request -> request.method().equals("POST"))
            .extracting(org.ldportal.sandbox.SandboxRequest::path)
            .contains(
                    "/api/v2/destinations/projects/mobile-app/environments/production/kinds/snowflake-v2/complete-setup")
            .doesNotContain("/api/v2/destinations/mobile-app/production");
        mvc.perform(get("/destinations/setups").with(TestUsers.editor()))
            .andExpect(content().string(not(containsString(setup))));
        mvc.perform(get(setup).with(TestUsers.editor()))
            .andExpect(content().string(allOf(containsString("created from this set-up already"),
                    not(containsString(setup + "/complete")))));
    }

    @Test
    void redshiftWhenSetUpThenPoliciesShownAndCompletedFromTheStoredSetup() throws Exception {
        String setup = startSetup(base("test", "Red", "redshift").param("config[clusterIdentifier]", "analytics")
            .param("config[clusterRegion]", "us-east-1")
            .param("config[clusterAwsAccountId]", "123456789012"));

        mvc.perform(get(setup).with(TestUsers.editor()))
            .andExpect(content()
                .string(allOf(containsString("IAM trust policy"), containsString("IAM permissions policy"))));
        mvc.perform(post(setup + "/complete").with(TestUsers.editor()).with(csrf()).with(FormTokens.fresh()))
            .andExpect(redirectedUrl("/destinations/created"));

        assertThat(LaunchDarklySandbox.shared().destinations())
            .anySatisfy(destination -> assertThat(destination.get("kind").asString()).isEqualTo("redshift"));
    }

    @Test
    void setupWhenSomeoneElseLooksThenNotFoundButAdminsSeeIt() throws Exception {
        String setup = startSetup(snowflake("test", "Theirs"));
        RequestPostProcessor otherEditor = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
            .oidcLogin()
            .idToken(token -> token.subject("someone-else"))
            .authorities(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_EDITOR"));

        mvc.perform(get(setup).with(otherEditor)).andExpect(status().isNotFound());
        mvc.perform(post(setup + "/complete").with(otherEditor).with(csrf()).with(FormTokens.fresh()))
            .andExpect(status().isNotFound());
        mvc.perform(get(setup).with(TestUsers.admin())).andExpect(status().isOk());
    }

    private String startSetup(MockHttpServletRequestBuilder request) throws Exception {
        String location = mvc.perform(request)
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        assertThat(location).matches("/destinations/setups/\\d+");
        return location;
    }

    private static long setupCalls() {
        return LaunchDarklySandbox.shared()
            .requests()
            .stream()
            .filter(request -> request.path().endsWith("/setup"))
            .count();
    }

    private static MockHttpServletRequestBuilder snowflake(String environment, String name) {
        return base(environment, name, "snowflake-v2")
            .param("config[snowflakeHostAddress]", "https://acct.snowflakecomputing.com")
            .param("config[databaseName]", "LD")
            .param("config[warehouseName]", "WH")
            .param("config[roleName]", "LD_ROLE")
            .param("config[schemaName]", "EVENTS")
            .param("config[userName]", "LD_USER");
    }

    private static MockHttpServletRequestBuilder base(String environment, String name, String kind) {
        return post("/destinations/new").with(TestUsers.editor())
            .with(csrf())
            .with(FormTokens.fresh())
            .param("projectKey", "mobile-app")
            .param("environmentKey", environment)
            .param("name", name)
            .param("kind", kind)
            .param("on", "true");
    }

}
