package org.ldportal.notification;

import java.util.Locale;
import java.util.Optional;

/** The kinds of email a person can turn on or off, each on until they turn it off. */
public enum EmailKind {

    WAITING("A request waits for my approval", "When someone asks for a change that you may approve."),
    REMINDER("Reminders",
            "When a request has waited long for your approval, and when a request you asked for or "
                    + "may approve soon expires."),
    DECIDED("My request was declined or expired",
            "When an approver declines your request, or nobody decided it " + "in time."),
    OUTCOME("How my approved request went",
            "When your approved request was sent to LaunchDarkly, and when a "
                    + "later check settled an unclear answer."),
    DELETION("A time-limited environment of mine is deleted soon",
            "A few days before the portal deletes an environment you created with a \"delete after\" day, so "
                    + "that you can extend it.");

    private final String label;

    private final String help;

    EmailKind(String label, String help) {
        this.label = label;
        this.help = help;
    }

    public String label() {
        return label;
    }

    public String help() {
        return help;
    }

    /** As the form and the table write it. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EmailKind> of(String key) {
        for (EmailKind kind : values()) {
            if (kind.key().equals(key)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

}
