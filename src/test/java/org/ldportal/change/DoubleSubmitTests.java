package org.ldportal.change;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A form sent twice (double click, two tabs, back and resubmit) creates once, against the
 * sandbox.
 */
class DoubleSubmitTests extends PortalIntegrationTest {

    private static final String ENVIRONMENTS = "/api/v2/projects/mobile-app/environments";

    @Autowired
    MockMvc mvc;

    @Test
    void submitWhenSentTwiceInARowThenCreatedOnceAndTheSecondShowsTheFirstResult() throws Exception {
        String token = UUID.randomUUID().toString().replace("-", "");

        MvcResult first = mvc.perform(environment("twice").with(FormTokens.same(token)))
            .andExpect(redirectedUrl("/environments/created"))
            .andReturn();
        mvc.perform(environment("twice").with(FormTokens.same(token)))
            .andExpect(redirectedUrl("/environments/created"))
            .andExpect(flash().attribute("created", first.getFlashMap().get("created")));

        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void submitWhenSentEightTimesAtOnceThenLaunchDarklyIsCalledOnce() throws Exception {
        String token = UUID.randomUUID().toString().replace("-", "");
        // A slow answer, so that the other seven arrive while the first is still being
        // sent.
        LaunchDarklySandbox.shared().delayNextPost(ENVIRONMENTS, java.time.Duration.ofMillis(800));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService tabs = Executors.newFixedThreadPool(8);
        List<Future<MvcResult>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                answers.add(tabs.submit(() -> {
                    start.await();
                    return mvc.perform(environment("parallel").with(FormTokens.same(token))).andReturn();
                }));
            }
            start.countDown();
            for (Future<MvcResult> answer : answers) {
                MvcResult result = answer.get(30, TimeUnit.SECONDS);
                // Each is the result page or "still being sent"; none an error, none a
                // second create.
                assertThat(result.getResponse().getStatus()).isIn(200, 302);
                if (result.getResponse().getStatus() == 200) {
                    assertThat(result.getResponse().getContentAsString()).contains("Still being sent");
                }
            }
        }
        finally {
            tabs.shutdownNow();
        }

        assertThat(posts()).isEqualTo(1);
        assertThat(LaunchDarklySandbox.shared().environmentsOf("mobile-app"))
            .filteredOn(environment -> environment.get("key").asString().equals("parallel"))
            .hasSize(1);
    }

    @Test
    void submitWhenTokenMissingThenFormShownAgainAndNothingSent() throws Exception {
        // "Create" on a review page of a form rendered before forms carried tokens.
        mvc.perform(environment("no-token").param("confirm", "create"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("This form was out of date, so nothing was sent.")));

        assertThat(posts()).isZero();
    }

    @Test
    void submitWhenFirstWasRefusedThenTheSameFormMaySendAgain() throws Exception {
        String token = UUID.randomUUID().toString().replace("-", "");
        LaunchDarklySandbox.shared()
            .failNextPost("/environments", 400, "invalid_request", "name: is not allowed just now");

        mvc.perform(environment("retry").with(FormTokens.same(token))).andExpect(status().isOk());
        mvc.perform(environment("retry").with(FormTokens.same(token)))
            .andExpect(redirectedUrl("/environments/created"));

        assertThat(posts()).isEqualTo(2);
    }

    private static long posts() {
        return LaunchDarklySandbox.shared()
            .requests()
            .stream()
            .filter(request -> request.method().equals("POST") && request.path().equals(ENVIRONMENTS))
            .count();
    }

    private static MockHttpServletRequestBuilder environment(String key) {
        return post("/environments/new").with(TestUsers.editor())
            .with(csrf())
            .param("projectKey", "mobile-app")
            .param("name", "Env " + key)
            .param("key", key)
            .param("color", "417505")
            .param("defaultTtl", "0");
    }

}
