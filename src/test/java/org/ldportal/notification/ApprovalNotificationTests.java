package org.ldportal.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.approval.Approvals;
import org.ldportal.approval.WithApprovalRules;
import org.ldportal.security.SignIns;
import org.ldportal.testsupport.Emails;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
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
 * Notifications about requests for approval. Email through a real SMTP server
 * (GreenMail): the approvers the portal has seen sign in are told a request waits, with
 * its summary and a link and never its secret; the requester is told a decline, and an
 * approval once with its outcome. Slack through a stand-in for its webhooks: "waiting"
 * and "decided", retried when Slack fails.
 */
@WithApprovalRules
class ApprovalNotificationTests extends PortalIntegrationTest {

    private static final String POLICY_KEY = "pk-EMAIL-secret-7741";

    private static final Pattern REQUEST = Pattern.compile("/requests/(\\d+)");

    private static GreenMail SMTP = started(0);

    private static GreenMail started(int port) {
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    private static final SlackStandIn SLACK = SlackStandIn.start();

    private static final String WEBHOOK_SECRET = "hook-secret-5150";

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("portal.notifications.slack-webhook", () -> SLACK.webhook(WEBHOOK_SECRET));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("portal.notifications.from", () -> "LD Portal <ld-portal@example.com>");
        registry.add("portal.web.public-url", () -> "http://localhost");
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
        SLACK.stop();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SignIns signIns;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    Approvals approvals;

    @BeforeEach
    void people() throws Exception {
        jdbc.sql("DELETE FROM approval_request").update();
        jdbc.sql("DELETE FROM sign_in").update();
        jdbc.sql("DELETE FROM event_publication").update();
        jdbc.sql("DELETE FROM notification_preference").update();
        SMTP.purgeEmailFromAllMailboxes();
        SLACK.reset();
        Instant now = Instant.now();
        signIns.record("ada", Set.of(TestUsers.ADMIN_GROUP), "ada@example.com", now);
        signIns.record("rita", Set.of("release-managers", TestUsers.EDITOR_GROUP), "rita@example.com", now);
        signIns.record("eddie", Set.of(TestUsers.EDITOR_GROUP), "eddie@example.com", now);
        signIns.record("vic", Set.of("marketing"), "vic@example.com", now);
        signIns.record("noemail", Set.of(TestUsers.ADMIN_GROUP), null, now);
    }

    @Test
    void requestWhenKeptThenEachApproverWithAnAddressAndTheRulesListAreToldWithTheSummaryAndALinkNeverTheSecret()
            throws Exception {
        long id = request();

        MimeMessage[] received = await(3);
        assertThat(received).extracting(message -> message.getAllRecipients()[0].toString())
            .containsExactlyInAnyOrder("ada@example.com", "rita@example.com", "platform-team@example.com");
        for (MimeMessage message : received) {
            assertThat(message.getSubject()).isEqualTo("Waiting for your approval: " + title(message));
            assertThat(message.getFrom()[0].toString()).isEqualTo("LD Portal <ld-portal@example.com>");
            String text = Emails.part(message, "text/plain");
            String html = Emails.part(message, "text/html");
            assertThat(text).contains("Eddie Editor asks to create the Data Export destination \"Hub for approval\"")
                .contains("ld-portal-admins or release-managers")
                .contains("Review the request: http://localhost/requests/" + id)
                .doesNotContain(POLICY_KEY);
            assertThat(html).contains("<a href=\"http://localhost/requests/" + id + "\">Review the request</a>")
                .contains("Hub for approval")
                .doesNotContain(POLICY_KEY);
        }
    }

    @Test
    void requestWhenAnApproverTurnedThatEmailOffThenOnlyTheOthersAreTold() throws Exception {
        mvc.perform(post("/notifications").param("email", "decided", "outcome")
            .with(csrf())
            .with(TestUsers.user("rita", "Rita Release", "release-managers"))).andExpect(status().is3xxRedirection());

        request();

        assertThat(await(2)).extracting(message -> message.getAllRecipients()[0].toString())
            .containsExactlyInAnyOrder("ada@example.com", "platform-team@example.com");
        assertThat(SMTP.waitForIncomingEmail(1_500, 3)).as("nothing for rita").isFalse();
    }

    @Test
    void remindWhenARequestWaitedLongAndThenSoonExpiresThenEachIsToldOnce() throws Exception {
        long id = request();
        await(3);
        SMTP.purgeEmailFromAllMailboxes();
        jdbc.sql("UPDATE approval_request SET requested_at = :then WHERE id = :id")
            .param("then", java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(3))))
            .param("id", id)
            .update();

        assertThat(approvals.remindWaiting()).as("waited longer than remind-after (2 days)").isEqualTo(1);
        assertThat(approvals.remindWaiting()).as("reminded once").isZero();
        MimeMessage[] reminded = await(2);
        assertThat(reminded).extracting(MimeMessage::getSubject)
            .allMatch(subject -> subject.startsWith("Reminder, waiting for your approval: "));
        assertThat(Emails.part(reminded[0], "text/plain")).contains("still waits for a member of");

        SMTP.purgeEmailFromAllMailboxes();
        jdbc.sql("UPDATE approval_request SET expires_at = :soon WHERE id = :id")
            .param("soon", java.sql.Timestamp.from(Instant.now().plus(Duration.ofHours(12))))
            .param("id", id)
            .update();
        assertThat(approvals.remindWaiting()).as("expires within a day").isEqualTo(1);
        assertThat(approvals.remindWaiting()).isZero();
        MimeMessage[] warned = await(3);
        assertThat(warned).extracting(message -> message.getAllRecipients()[0].toString())
            .containsExactlyInAnyOrder("ada@example.com", "rita@example.com", "eddie@example.com");
        assertThat(warned).extracting(MimeMessage::getSubject)
            .allMatch(subject -> subject.startsWith("Expires soon: "));
    }

    @Test
    void declineWhenDecidedThenTheRequesterIsToldWithTheComment() throws Exception {
        long id = request();
        await(3);
        SMTP.purgeEmailFromAllMailboxes();

        mvc.perform(post("/requests/" + id + "/decline").param("comment", "Use the staging hub")
            .with(csrf())
            .with(TestUsers.admin())).andExpect(status().is3xxRedirection());

        MimeMessage told = await(1)[0];
        assertThat(told.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("eddie@example.com");
        assertThat(told.getSubject()).startsWith("Declined: ");
        assertThat(Emails.part(told, "text/plain")).contains("Ada Admin declined your request")
            .contains("Their comment: Use the staging hub");
    }

    @Test
    void approveWhenSentThenTheRequesterIsToldOnceWithTheOutcome() throws Exception {
        long id = request();
        await(3);
        SMTP.purgeEmailFromAllMailboxes();

        mvc.perform(post("/requests/" + id + "/approve").with(csrf()).with(TestUsers.admin()))
            .andExpect(status().is3xxRedirection());

        MimeMessage told = await(1)[0];
        assertThat(told.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("eddie@example.com");
        assertThat(told.getSubject()).startsWith("Done: ");
        assertThat(Emails.part(told, "text/plain"))
            .contains("Your approved request to create the Data Export destination")
            .contains("Approved and created.");
        // Nothing more follows: the approval is told with its outcome, in one email.
        assertThat(SMTP.waitForIncomingEmail(1_500, 2)).isFalse();
    }

    @Test
    void requestWhenTheSmtpServerIsAwayThenTheNotificationIsKeptAndDeliveredOnceItIsBack() throws Exception {
        int port = SMTP.getSmtp().getPort();
        SMTP.stop();
        try {
            request();
            // The listener ran and failed: its publication stays, not completed.
            long deadline = System.currentTimeMillis() + 10_000;
            while (undelivered() == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(500);
            assertThat(undelivered()).as("kept in the registry while the server is away").isEqualTo(1);
        }
        finally {
            SMTP = started(port);
        }
        // What the scheduled round does (one instance at a time, every retry-after):
        // called here, as other tests' portals share the database and its lock.
        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);

        MimeMessage[] received = await(3);
        assertThat(received).extracting(message -> message.getAllRecipients()[0].toString())
            .containsExactlyInAnyOrder("ada@example.com", "rita@example.com", "platform-team@example.com");
        long deadline = System.currentTimeMillis() + 5_000;
        while (undelivered() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(undelivered()).as("gone from the registry once delivered").isZero();
        assertThat(SMTP.waitForIncomingEmail(3_000, 4)).as("delivered once, not again").isFalse();
    }

    private long undelivered() {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
            .query(Long.class)
            .single();
    }

    @Test
    void slackWhenARequestWaitsAndIsDecidedThenTheWebhookIsToldBothWithALink() throws Exception {
        long id = request();
        awaitSlack(1);

        mvc.perform(post("/requests/" + id + "/decline").with(csrf()).with(TestUsers.admin()))
            .andExpect(status().is3xxRedirection());

        List<SlackStandIn.Call> told = awaitSlack(2);
        assertThat(told.get(0).path()).endsWith("/" + WEBHOOK_SECRET);
        assertThat(told.get(0).body())
            .contains("*Waiting for approval*",
                    "Eddie Editor asks to create the Data Export "
                            + "destination \\\"Hub for approval\\\" in mobile-app / production",
                    "<http://localhost/requests/" + id + "|Review the request>")
            .doesNotContain(POLICY_KEY);
        assertThat(told.get(1).body()).contains("*Declined* by Ada Admin", "Eddie Editor's request");
    }

    @Test
    void slackWhenItFailsTwiceThenTheThirdAttemptDeliversItOnceAndTheStatusPageShowedTheFailureWithoutTheSecret()
            throws Exception {
        SLACK.failNext(2);

        request();

        List<SlackStandIn.Call> accepted = awaitSlack(1);
        assertThat(SLACK.calls()).extracting(SlackStandIn.Call::answered).containsExactly(500, 500, 200);
        assertThat(accepted).singleElement()
            .satisfies(call -> assertThat(call.body()).contains("Waiting for approval"));
        assertThat(SMTP.waitForIncomingEmail(5_000, 3)).as("email went its own way").isTrue();

        SLACK.failNext(3);
        request("Hub never told");
        long deadline = System.currentTimeMillis() + 10_000;
        while (SLACK.calls().size() < 6 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(300);
        String page = mvc.perform(get("/status").with(TestUsers.admin()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(page).contains("Slack&#39;s latest failure", "127.0.0.1 answered 500", "Not yet delivered")
            .doesNotContain(WEBHOOK_SECRET);
        assertThat(undelivered()).as("kept for a later round").isEqualTo(1);

        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
        assertThat(awaitSlack(2)).last().satisfies(call -> assertThat(call.body()).contains("Hub never told"));
    }

    private static List<SlackStandIn.Call> awaitSlack(int accepted) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (SLACK.accepted().size() < accepted && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(SLACK.accepted()).as("messages Slack accepted").hasSize(accepted);
        return SLACK.accepted();
    }

    @Test
    void statusWhenEmailIsOnThenItSaysFromWhomAndWhatWaits() throws Exception {
        String page = mvc.perform(get("/status").with(TestUsers.admin()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("on, from LD Portal &lt;ld-portal@example.com&gt;", "Not yet delivered");
    }

    private long request() throws Exception {
        return request("Hub for approval");
    }

    private long request(String name) throws Exception {
        MockHttpServletRequestBuilder form = post("/destinations/new").with(csrf())
            .param("projectKey", "mobile-app")
            .param("environmentKey", "production")
            .param("name", name)
            .param("kind", "azure-event-hubs")
            .param("on", "true")
            .param("config[namespace]", "ns-approval")
            .param("config[name]", "hub")
            .param("config[policyName]", "send")
            .param("config[policyKey]", POLICY_KEY);
        String location = mvc.perform(form.with(FormTokens.fresh()).with(TestUsers.editor()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        Matcher id = REQUEST.matcher(String.valueOf(location));
        assertThat(id.matches()).as("redirected to the request, not " + location).isTrue();
        return Long.parseLong(id.group(1));
    }

    private static MimeMessage[] await(int count) {
        assertThat(SMTP.waitForIncomingEmail(10_000, count)).as(count + " emails within 10 s").isTrue();
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(count);
        return received;
    }

    private static String title(MimeMessage message) throws Exception {
        return message.getSubject().substring("Waiting for your approval: ".length());
    }

}
