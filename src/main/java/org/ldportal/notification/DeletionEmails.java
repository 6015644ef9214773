package org.ldportal.notification;

import java.util.List;

import org.ldportal.resource.DeletionReminder;
import org.ldportal.security.SignIns;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Emails the owner of something time-limited a few days before the portal deletes it,
 * unless they turned that email off; delivered from the event publication registry like
 * every email.
 */
@Component
class DeletionEmails {

    private final SignIns people;

    private final EmailMessages messages;

    private final Mailer mailer;

    private final NotificationPreferences preferences;

    DeletionEmails(SignIns people, EmailMessages messages, Mailer mailer, NotificationPreferences preferences) {
        this.people = people;
        this.messages = messages;
        this.mailer = mailer;
        this.preferences = preferences;
    }

    @ApplicationModuleListener
    void on(DeletionReminder reminder) {
        if (!mailer.on() || !preferences.wants(reminder.ownerSubject(), EmailKind.DELETION)) {
            return;
        }
        people.emailOf(reminder.ownerSubject())
            .ifPresent(address -> mailer.send(messages.deletionSoon(reminder, List.of(address))));
    }

}
