package org.ldportal.notification;

import java.util.ArrayList;
import java.util.List;

import org.ldportal.status.StatusSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The status page's word on notifications: email on (and from whom) or off, and why;
 * Slack's default webhook and the latest failure; what waits to be delivered.
 */
@Component
class NotificationStatus implements StatusSection {

    private final Mailer mailer;

    private final NotificationProperties properties;

    private final JdbcClient jdbc;

    private final SlackWebhook slack;

    NotificationStatus(Mailer mailer, NotificationProperties properties, JdbcClient jdbc, SlackWebhook slack) {
        this.slack = slack;
        this.mailer = mailer;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String title() {
        return "Notifications";
    }

    @Override
    public List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        lines.add(mailer.on() ? Line.of("Email", "on, from " + properties.from())
                : Line.problem("Email", "off: no SMTP server is set (spring.mail.host)"));
        lines.add(Line.of("Slack", properties.slackWebhook() == null ? "only the webhooks approval rules name"
                : "default webhook on " + properties.slackWebhook().getHost() + ", and those approval rules name"));
        SlackWebhook.Failure failure = slack.lastFailure();
        if (failure != null) {
            lines.add(Line.problem("Slack's latest failure",
                    failure.at() + ": " + failure.host() + " " + failure.reason() + "; tried again later"));
        }
        long waiting = jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
            .query(Long.class)
            .single();
        lines.add(waiting == 0 ? Line.of("Not yet delivered", 0)
                : Line.problem("Not yet delivered", waiting + ", tried again every " + properties.retryAfter()));
        return lines;
    }

}
