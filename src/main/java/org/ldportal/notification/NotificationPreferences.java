package org.ldportal.notification;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Each person's choice of emails: every kind on, unless they turned it off. */
@Repository
class NotificationPreferences {

    private final JdbcClient jdbc;

    NotificationPreferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The kinds this person gets by email. */
    Set<EmailKind> emailsOf(String subject) {
        Map<EmailKind, Boolean> chosen = new EnumMap<>(EmailKind.class);
        jdbc.sql("SELECT kind, email_on FROM notification_preference WHERE subject = :subject")
            .param("subject", subject)
            .query((row, number) -> Map.entry(row.getString("kind"), row.getBoolean("email_on")))
            .list()
            .forEach(choice -> EmailKind.of(choice.getKey()).ifPresent(kind -> chosen.put(kind, choice.getValue())));
        Set<EmailKind> on = EnumSet.noneOf(EmailKind.class);
        for (EmailKind kind : EmailKind.values()) {
            if (chosen.getOrDefault(kind, true)) {
                on.add(kind);
            }
        }
        return on;
    }

    boolean wants(String subject, EmailKind kind) {
        return emailsOf(subject).contains(kind);
    }

    /** Keeps the person's choice: the kinds in {@code on} on, every other off. */
    @Transactional
    void choose(String subject, Set<EmailKind> on) {
        jdbc.sql("DELETE FROM notification_preference WHERE subject = :subject").param("subject", subject).update();
        for (EmailKind kind : EmailKind.values()) {
            jdbc.sql("INSERT INTO notification_preference (subject, kind, email_on) VALUES (:subject, :kind, :on)")
                .param("subject", subject)
                .param("kind", kind.key())
                .param("on", on.contains(kind))
                .update();
        }
    }

}
