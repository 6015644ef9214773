package org.ldportal.dev;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's mailbox: what reaches its SMTP server is listed on its page, newest
 * first, and each email shows as HTML (in a sandboxed frame, escaped) and as text.
 */
class LocalMailboxTests {

    private final LocalMailbox mailbox = LocalMailbox.startOn(0, 0);

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        mailbox.stop();
    }

    @Test
    void pageWhenEmailsWereSentThenListedNewestFirstAndEachShownAsHtmlAndText() throws Exception {
        assertThat(get("")).contains("Nothing yet");
        send("ada@example.com", "Waiting for your approval: first", "First text", "<p>First <b>html</b></p>");
        send("rita@example.com", "Waiting for your approval: second", "Second text", "<p>Second</p>");

        String list = get("");
        assertThat(list).contains("ada@example.com", "rita@example.com");
        assertThat(list.indexOf("second")).as("newest first").isLessThan(list.indexOf("first"));
        assertThat(list).contains("<a href=\"/messages/0\">Waiting for your approval: first</a>");

        String first = get("messages/0");
        assertThat(first).contains("First text", "srcdoc=\"&lt;p&gt;First &lt;b&gt;html&lt;/b&gt;&lt;/p&gt;\"",
                "sandbox=\"");
        assertThat(status("messages/7")).isEqualTo(404);
    }

    private void send(String to, String subject, String text, String html) throws Exception {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(mailbox.smtpPort());
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom("ld-portal@localhost");
        helper.setTo(to);
        helper.setSubject(subject);
        helper.setText(text, html);
        sender.send(message);
    }

    private String get(String path) throws Exception {
        return http
            .send(HttpRequest.newBuilder(URI.create(mailbox.pageUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString())
            .body();
    }

    private int status(String path) throws Exception {
        return http
            .send(HttpRequest.newBuilder(URI.create(mailbox.pageUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString())
            .statusCode();
    }

}
