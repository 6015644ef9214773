package org.ldportal.notification;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

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
 * @param abandonedAfter how long a notification may stay marked as being delivered by an
 * instance before another takes it over (that instance stopped mid-delivery): longer than
 * any delivery takes with the SMTP and Slack timeouts, so that none is delivered twice
 * @param slackWebhook the Slack incoming webhook told of requests whose approval rules
 * name none of their own ({@code portal.approval.rules[N].slack-webhook}); none: only
 * those rules' webhooks are told. A secret: never shown or logged
 */
@ConfigurationProperties("portal.notifications")
public record NotificationProperties(@DefaultValue("LD Portal <ld-portal@localhost>") String from,
        @DefaultValue("1m") Duration retryAfter, @DefaultValue("10m") Duration abandonedAfter,
        @Nullable URI slackWebhook) {

    /** Without the webhook's address. */
    @Override
    public String toString() {
        return "NotificationProperties[from=" + from + ", retryAfter=" + retryAfter + ", abandonedAfter="
                + abandonedAfter + ", slackWebhook=" + (slackWebhook == null ? "none" : "set, hidden") + "]";
    }

}
