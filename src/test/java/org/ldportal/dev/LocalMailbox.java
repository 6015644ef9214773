package org.ldportal.dev;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.springframework.web.util.HtmlUtils;

/**
 * The launcher's stand-in for an SMTP server and a mail reader: GreenMail (a real SMTP
 * server) takes what the portal sends, and a small page lists it, newest first, with each
 * email's HTML as the portal wrote it and its text. For the developer's machine only:
 * everything is kept in memory until the launcher stops.
 */
public final class LocalMailbox {

    private final GreenMail smtp;

    private final HttpServer page;

    private LocalMailbox(GreenMail smtp, HttpServer page) {
        this.smtp = smtp;
        this.page = page;
    }

    /** Starts both on loopback; port 0 for a free one. */
    public static LocalMailbox startOn(int smtpPort, int pagePort) {
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            HttpServer page = HttpServer.create(new InetSocketAddress(InetAddress.getByName("localhost"), pagePort), 0);
            LocalMailbox mailbox = new LocalMailbox(smtp, page);
            page.createContext("/", mailbox::answer);
            page.start();
            return mailbox;
        }
        catch (IOException e) {
            smtp.stop();
            throw new UncheckedIOException(e);
        }
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    public String pageUrl() {
        return "http://localhost:" + page.getAddress().getPort() + "/";
    }

    public void stop() {
        page.stop(0);
        smtp.stop();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        List<MimeMessage> received = new ArrayList<>(Arrays.asList(smtp.getReceivedMessages()));
        String html;
        int status = 200;
        try {
            if (path.equals("/")) {
                html = list(received);
            }
            else if (path.matches("/messages/\\d{1,6}") && Integer.parseInt(path.substring(10)) < received.size()) {
                html = message(received.get(Integer.parseInt(path.substring(10))));
            }
            else {
                status = 404;
                html = frame("Not found", "<p>There is no such email. <a href=\"/\">All emails</a></p>");
            }
        }
        catch (MessagingException e) {
            status = 500;
            html = frame("Unreadable", "<p>That email could not be read: " + escape(e.getMessage()) + "</p>");
        }
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String list(List<MimeMessage> received) throws MessagingException {
        if (received.isEmpty()) {
            return frame("Sent by the portal", "<p>Nothing yet. Request an approval (anything for a production "
                    + "environment) and the approvers' email appears here.</p>");
        }
        StringBuilder rows = new StringBuilder(
                "<table><thead><tr><th>To</th><th>Subject</th><th>Sent</th></tr></thead><tbody>");
        for (int i = received.size() - 1; i >= 0; i--) {
            MimeMessage message = received.get(i);
            rows.append("<tr><td>")
                .append(escape(String.valueOf(Arrays.toString(message.getAllRecipients()))))
                .append("</td><td><a href=\"/messages/")
                .append(i)
                .append("\">")
                .append(escape(String.valueOf(message.getSubject())))
                .append("</a></td><td>")
                .append(escape(String.valueOf(message.getSentDate())))
                .append("</td></tr>");
        }
        return frame("Sent by the portal", rows.append("</tbody></table>").toString());
    }

    private static String message(MimeMessage message) throws MessagingException {
        List<String> text = new ArrayList<>();
        List<String> html = new ArrayList<>();
        try {
            parts(message.getContent(), text, html);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The portal's HTML is shown in a sandboxed frame, as a mail reader would: its
        // links work, its scripts (there are none) would not run.
        String shown = html.isEmpty() ? "" : "<h2>As HTML</h2><iframe title=\"The email as HTML\" sandbox=\""
                + "allow-popups allow-top-navigation-by-user-activation\" style=\"width:100%;height:24rem\" srcdoc=\""
                + escape(String.join("", html)) + "\"></iframe>";
        return frame(String.valueOf(message.getSubject()),
                "<p>To " + escape(Arrays.toString(message.getAllRecipients())) + ", from "
                        + escape(Arrays.toString(message.getFrom())) + "</p>" + shown + "<h2>As text</h2><pre>"
                        + escape(String.join("\n", text)) + "</pre><p><a href=\"/\">All emails</a></p>");
    }

    private static void parts(Object content, List<String> text, List<String> html)
            throws MessagingException, IOException {
        if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    text.add(String.valueOf(part.getContent()));
                }
                else if (part.isMimeType("text/html")) {
                    html.add(String.valueOf(part.getContent()));
                }
                else {
                    parts(part.getContent(), text, html);
                }
            }
        }
        else if (content instanceof String plain) {
            text.add(plain);
        }
    }

    private static String frame(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + " - local mailbox</title><style>body{font-family:sans-serif;margin:2rem;max-width:60rem}"
                + "td,th{text-align:left;padding:.3rem .8rem .3rem 0}</style></head><body><main><h1>" + escape(title)
                + "</h1>" + body + "</main></body></html>";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }

}
