package org.ldportal.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the portal tells people. Email is on when Spring Boot's mail settings name an SMTP
 * server ({@code spring.mail.host}); without them nothing is sent and the status page
 * says so.
 *
 * @param from the sender of every email, for example
 * {@code LD Portal <ld-portal@example.com>}
 * @param retryAfter how long an undelivered notification (the SMTP server was away, the
 * instance stopped) waits before it is tried again; tried on that interval until it is
 * delivered
 */
@ConfigurationProperties("portal.notifications")
public record NotificationProperties(@DefaultValue("LD Portal <ld-portal@localhost>") String from,
        @DefaultValue("1m") Duration retryAfter) {
}
