package org.ldportal.notification;

import java.util.List;

import org.ldportal.status.StatusSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The status page's word on email: on (and from whom) or off, and why. */
@Component
class EmailStatus implements StatusSection {

    private final Mailer mailer;

    private final NotificationProperties properties;

    private final JdbcClient jdbc;

    EmailStatus(Mailer mailer, NotificationProperties properties, JdbcClient jdbc) {
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
        if (!mailer.on()) {
            return List.of(Line.problem("Email", "off: no SMTP server is set (spring.mail.host)"));
        }
        long waiting = jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
            .query(Long.class)
            .single();
        Line undelivered = waiting == 0 ? Line.of("Not yet delivered", 0)
                : Line.problem("Not yet delivered", waiting + ", tried again every " + properties.retryAfter());
        return List.of(Line.of("Email", "on, from " + properties.from()), undelivered);
    }

}
