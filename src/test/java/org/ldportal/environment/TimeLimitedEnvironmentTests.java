package org.ldportal.environment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.change.pages.ReviewPages;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.security.SignIns;
import org.ldportal.testsupport.Emails;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.ReviewForms;
import org.ldportal.testsupport.StoredSession;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Time-limited environments, end to end: created with a "delete after" day, shown on
 * their page, their owner reminded by email (through a real SMTP server) a few days
 * before, extended, and deleted on the day through the change flow, in the trail as the
 * portal for the owner. The rounds are given the time they run at, so the test moves the
 * days.
 */
class TimeLimitedEnvironmentTests extends PortalIntegrationTest {

    private static final GreenMail SMTP = started();

    private static GreenMail started() {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("portal.notifications.from", () -> "LD Portal <ld-portal@example.com>");
        registry.add("portal.web.public-url", () -> "http://localhost");
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    private final LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SignIns signIns;

    @Autowired
    ScheduledEnvironmentDeletions rounds;

    @Autowired
    SessionRepository<? extends Session> sessions;

    private StoredSession session;

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void clean() throws Exception {
        jdbc.sql("DELETE FROM environment_lifetime").update();
        jdbc.sql("DELETE FROM notification_preference").update();
        SMTP.purgeEmailFromAllMailboxes();
        signIns.record("eddie", Set.of(TestUsers.EDITOR_GROUP), "eddie@example.com", Instant.now());
        session = StoredSession.open(sessions);
    }

    @Test
    void createdWithADayThenShownRemindedOnceExtendedAndDeletedOnTheDayAsThePortalForTheOwner() throws Exception {
        String key = "demo-" + System.nanoTime() % 100_000;
        LocalDate day = today.plusDays(5);
        String review = page(post("/environments/new").param("projectKey", "web-store")
            .param("name", "Demo for a week")
            .param("key", key)
            .param("color", "417505")
            .param("defaultTtl", "0")
            .param("deleteAfter", day.toString())
            .with(FormTokens.unreviewed()));
        assertThat(review).contains("Delete after", day + ": the portal deletes it that day");
        confirm(review);
        assertThat(sandbox.environmentsOf("web-store"))
            .anySatisfy(e -> assertThat(e.path("key").asString()).isEqualTo(key));

        String detail = page(get("/environments/web-store/" + key));
        assertThat(detail).contains("data-testid=\"lifetime\"", "data-testid=\"delete-on\">" + day + "<");

        assertThat(rounds.remind(at(today.plusDays(1)))).as("not yet within 3 days of the day").isZero();
        assertThat(rounds.remind(at(today.plusDays(2)))).isEqualTo(1);
        assertThat(rounds.remind(at(today.plusDays(3)))).as("told once for that day").isZero();
        MimeMessage[] received = await(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("eddie@example.com");
        assertThat(received[0].getSubject()).isEqualTo("Deleted on " + day + ": Demo for a week");
        assertThat(Emails.part(received[0], "text/plain")).contains("deletes the environment \"Demo for a week\"",
                "Extend it: http://localhost/environments/web-store/" + key);

        LocalDate later = today.plusDays(12);
        mvc.perform(post("/environments/web-store/" + key + "/lifetime").param("deleteOn", later.toString())
            .with(csrf())
            .with(TestUsers.editor())).andExpect(status().is3xxRedirection());
        assertThat(page(get("/environments/web-store/" + key))).contains("data-testid=\"delete-on\">" + later + "<");
        assertThat(trail(key)).contains("extend SUCCEEDED Eddie Editor");

        assertThat(rounds.deleteDue(at(day))).as("its old day no longer counts").isZero();
        assertThat(rounds.remind(at(later.minusDays(1)))).as("the new day is reminded of again").isEqualTo(1);
        assertThat(rounds.deleteDue(at(later))).isEqualTo(1);
        assertThat(sandbox.environmentsOf("web-store"))
            .noneSatisfy(e -> assertThat(e.path("key").asString()).isEqualTo(key));
        assertThat(trail(key)).contains("delete SUCCEEDED LD Portal, for Eddie Editor");
        assertThat(rounds.deleteDue(at(later.plusDays(1)))).as("deleted once").isZero();
    }

    @Test
    void dayTodayOrTooFarThenMessagesAtTheFieldAndNothingSent() throws Exception {
        String form = page(post("/environments/new").param("projectKey", "web-store")
            .param("name", "Demo")
            .param("key", "demo-past")
            .param("color", "417505")
            .param("deleteAfter", today.toString())
            .with(FormTokens.unreviewed()));
        assertThat(form).contains("id=\"deleteAfter-error\"", "Choose a day after today")
            .contains("value=\"" + today + "\"");
        String far = page(post("/environments/new").param("projectKey", "web-store")
            .param("name", "Demo")
            .param("key", "demo-far")
            .param("color", "417505")
            .param("deleteAfter", today.plusDays(91).toString())
            .with(FormTokens.unreviewed()));
        assertThat(far).contains("Choose a day no later than " + today.plusDays(90));
        String garbled = page(post("/environments/new").param("projectKey", "web-store")
            .param("name", "Demo")
            .param("key", "demo-garbled")
            .param("color", "417505")
            .param("deleteAfter", "next friday")
            .with(FormTokens.unreviewed()));
        assertThat(garbled).contains("Enter the day as year-month-day");
        assertThat(sandbox.requests()).noneMatch(request -> request.method().equals("POST"));
    }

    @Test
    void extendWhenTheDayIsNotADateOrTooLateOrTheyOnlyViewThenSaidPlainlyAndTheDayStays() throws Exception {
        String key = "keep-" + System.nanoTime() % 100_000;
        LocalDate day = today.plusDays(4);
        confirm(page(post("/environments/new").param("projectKey", "web-store")
            .param("name", "Kept a while")
            .param("key", key)
            .param("color", "417505")
            .param("deleteAfter", day.toString())
            .with(FormTokens.unreviewed())));

        String garbled = page(post("/environments/web-store/" + key + "/lifetime").param("deleteOn", "soon"));
        assertThat(garbled).contains("id=\"deleteOn-error\"", "Enter the day as year-month-day");
        String far = page(
                post("/environments/web-store/" + key + "/lifetime").param("deleteOn", today.plusDays(200).toString()));
        assertThat(far).contains("Choose a day no later than " + today.plusDays(90));
        mvc.perform(post("/environments/web-store/" + key + "/lifetime").param("deleteOn", today.plusDays(9).toString())
            .with(csrf())
            .with(TestUsers.viewer())).andExpect(status().isForbidden());
        assertThat(page(get("/environments/web-store/" + key))).contains("data-testid=\"delete-on\">" + day + "<");
    }

    @Test
    void deletedMeanwhileInLaunchDarklyThenForgottenNotDeletedAgain() throws Exception {
        String key = "gone-" + System.nanoTime() % 100_000;
        String review = page(post("/environments/new").param("projectKey", "web-store")
            .param("name", "Gone soon")
            .param("key", key)
            .param("color", "417505")
            .param("deleteAfter", today.plusDays(2).toString())
            .with(FormTokens.unreviewed()));
        confirm(review);
        sandbox.deleteEnvironmentMeanwhile("web-store", key);

        assertThat(rounds.deleteDue(at(today.plusDays(2)))).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM environment_lifetime").query(Integer.class).single()).isZero();
        assertThat(sandbox.requests()).noneMatch(request -> request.method().equals("DELETE"));
    }

    private static Instant at(LocalDate day) {
        return day.atTime(9, 0).toInstant(ZoneOffset.UTC);
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(csrf()).with(TestUsers.editor()).with(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

    private void confirm(String review) throws Exception {
        mvc.perform(post("/environments/new").params(ReviewForms.hiddenFields(review))
            .param(ReviewPages.CONFIRM, "create")
            .with(csrf())
            .with(TestUsers.editor())
            .with(session)).andExpect(status().is3xxRedirection());
    }

    /** The environment's entries, newest first, as "action OUTCOME actor". */
    private List<String> trail(String key) {
        return jdbc
            .sql("SELECT action, outcome, actor_name FROM audit_entry WHERE resource_key = :key AND outcome <> "
                    + "'STARTED' ORDER BY id DESC")
            .param("key", key)
            .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
            .list();
    }

    private static MimeMessage[] await(int count) {
        assertThat(SMTP.waitForIncomingEmail(Duration.ofSeconds(10).toMillis(), count)).isTrue();
        return SMTP.getReceivedMessages();
    }

}
