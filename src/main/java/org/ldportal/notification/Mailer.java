package org.ldportal.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends emails through the SMTP server of Spring Boot's mail settings, one message to
 * each address. Without those settings there is no mail sender and email is off.
 */
@Component
class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final @Nullable JavaMailSender sender;

    private final NotificationProperties properties;

    Mailer(ObjectProvider<JavaMailSender> sender, NotificationProperties properties) {
        this.sender = sender.getIfAvailable();
        this.properties = properties;
    }

    boolean on() {
        return sender != null;
    }

    /**
     * Sends it to each address; a failure is thrown, so that the event stays incomplete
     * in the registry and is tried again.
     */
    void send(Email email) {
        JavaMailSender mail = sender;
        if (mail == null || email.to().isEmpty()) {
            return;
        }
        for (String to : email.to()) {
            try {
                MimeMessage message = mail.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
                helper.setFrom(properties.from());
                helper.setTo(to);
                helper.setSubject(email.subject());
                helper.setText(email.text(), email.html());
                mail.send(message);
            }
            catch (MessagingException e) {
                // An address the server cannot take: the others still get theirs.
                log.warn("An email could not be written for one address: {}", e.getClass().getName());
            }
        }
    }

}
