package org.ldportal.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.ldportal.launchdarkly.LaunchDarklyDirectory;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The lists the form pages show, cached: many pages asking at once for a list not yet
 * cached make one call. A context of its own (the setting below is only what sets it
 * apart), so that its caches start cold.
 */
@TestPropertySource(properties = "portal.launchdarkly.directory-cache-ttl=61s")
class DirectoryCacheTests extends PortalIntegrationTest {

    private static final String ENVIRONMENTS = "/api/v2/projects/web-store/environments";

    @Autowired
    MockMvc mvc;

    @Autowired
    LaunchDarklyDirectory directory;

    @Test
    void formPagesWhenSixteenLoadAtOnceOnAColdCacheThenLaunchDarklyIsAskedOnce() throws Exception {
        LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();
        // A slow answer, so that all sixteen requests arrive while the one call is under
        // way.
        sandbox.delayNext(ENVIRONMENTS, Duration.ofMillis(700));

        ExecutorService browsers = Executors.newFixedThreadPool(16);
        List<Future<MvcResult>> pages = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                pages.add(browsers.submit(() -> mvc
                    .perform(get("/environments/new").param("project", "web-store").with(TestUsers.editor()))
                    .andReturn()));
            }
            for (Future<MvcResult> page : pages) {
                MvcResult result = page.get(20, TimeUnit.SECONDS);
                assertThat(result.getResponse().getStatus()).isEqualTo(200);
                assertThat(result.getResponse().getContentAsString()).as("the environments listed for copying")
                    .contains("Production (production)");
            }
        }
        finally {
            browsers.shutdownNow();
        }

        long calls = sandbox.requests()
            .stream()
            .filter(request -> request.method().equals("GET") && request.path().startsWith(ENVIRONMENTS))
            .count();
        assertThat(calls).as("GET %s for sixteen concurrent page loads", ENVIRONMENTS).isEqualTo(1);
    }

}
