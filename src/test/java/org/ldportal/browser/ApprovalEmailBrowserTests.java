package org.ldportal.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.ldportal.approval.WithApprovalRules;
import org.ldportal.browser.pages.DestinationForm;
import org.ldportal.browser.pages.RequestPage;
import org.ldportal.testsupport.Browser;
import org.ldportal.testsupport.BrowserTest;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The approval email in real browsers: the approver, known from signing in, is emailed
 * when someone asks; the email's link opens the request, ready to approve, and the
 * requester is then emailed how it went.
 */
@WithApprovalRules
class ApprovalEmailBrowserTests extends BrowserTest {

    private static final GreenMail SMTP = started();

    /**
     * The portal's own port, fixed before it starts: its emails' links are built from its
     * public address.
     */
    private static final int PORT = freePort();

    private static final Pattern LINK = Pattern.compile("href=\"(http://localhost:\\d+/requests/\\d+)\"");

    private static GreenMail started() {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("server.port", () -> PORT);
        registry.add("portal.web.public-url", () -> "http://localhost:" + PORT);
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void approvalEmailWhenItsLinkIsFollowedThenTheRequestOpensTheApproverApprovesAndTheRequesterIsTold()
            throws Exception {
        assertThat(portal()).isEqualTo("http://localhost:" + PORT);
        ChromeDriver approver = Browser.start();
        try {
            Browser.signIn(approver, portal(), "ada", Browser.claims("Ada Admin", "ld-portal-admins"));
            signInOnce("grace", "Grace Hopper", "ld-portal-editors");
            DestinationForm.open(browser, portal())
                .chooseProject("Mobile App")
                .chooseEnvironment("production")
                .typeName("Hub told by email")
                .chooseKind("azure-event-hubs")
                .fill("namespace", "hub-namespace")
                .fill("name", "flag-events")
                .fill("policyName", "send")
                .fill("policyKey", "azure-email-key-9")
                .review()
                .create();
            long id = new RequestPage(browser).id();

            MimeMessage email = received("ada.admin@example.com");
            assertThat(email.getSubject()).startsWith("Waiting for your approval");
            String body = GreenMailUtil.getBody(email).replace("=\r\n", "").replace("=3D", "=");
            assertThat(body).doesNotContain("azure-email-key-9");
            Matcher link = LINK.matcher(body);
            assertThat(link.find()).as("a link in the email").isTrue();
            assertThat(link.group(1)).isEqualTo(portal() + "/requests/" + id);

            approver.get(link.group(1));
            RequestPage request = new RequestPage(approver);
            assertThat(request.canDecide()).isTrue();
            assertThat(request.approve("Read it in my email").message()).isEqualTo("Approved and created.");

            MimeMessage told = received("grace.hopper@example.com");
            assertThat(told.getSubject()).startsWith("Done: ");
        }
        finally {
            approver.quit();
        }
    }

    private static MimeMessage received(String to) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage message : SMTP.getReceivedMessages()) {
                if (Arrays.stream(message.getAllRecipients()).anyMatch(address -> address.toString().equals(to))) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no email to " + to + " within 15 s");
    }

}
