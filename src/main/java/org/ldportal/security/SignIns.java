package org.ldportal.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Each person's groups as of their latest sign-in, kept so that what is done later in
 * their name (an approved request) is judged by the rights they have today, not by those
 * they had when they asked.
 */
@Component
public class SignIns {

    private static final Logger log = LoggerFactory.getLogger(SignIns.class);

    /** Groups and when the identity provider last gave them. */
    public record SignIn(Set<String> groups, Instant at) {
    }

    private final JdbcClient jdbc;

    private final ObjectMapper json;

    private final Clock clock;

    SignIns(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A sign-in through the identity provider: its groups are the person's rights now.
     */
    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        try {
            CurrentUser user = CurrentUser.from(event.getAuthentication());
            record(user.subject(), user.groups(), clock.instant());
        }
        catch (RuntimeException e) {
            // Signing in goes on; requests of this person are judged by their rights when
            // they asked.
            log.error("A sign-in could not be recorded: {}", e.getClass().getName());
        }
    }

    @Transactional
    public void record(String subject, Set<String> groups, Instant at) {
        String groupsJson = json.writeValueAsString(new TreeSet<>(groups));
        int updated = jdbc.sql("UPDATE sign_in SET groups_json = :groups, signed_in_at = :at WHERE subject = :subject")
            .param("groups", groupsJson)
            .param("at", Timestamp.from(at))
            .param("subject", subject)
            .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO sign_in (subject, groups_json, signed_in_at) VALUES (:subject, :groups, :at)")
                .param("subject", subject)
                .param("groups", groupsJson)
                .param("at", Timestamp.from(at))
                .update();
        }
    }

    public Optional<SignIn> latest(String subject) {
        return jdbc.sql("SELECT groups_json, signed_in_at FROM sign_in WHERE subject = :subject")
            .param("subject", subject)
            .query((row, number) -> new SignIn(Set.copyOf(json.readValue(row.getString("groups_json"), GROUPS)),
                    row.getTimestamp("signed_in_at").toInstant()))
            .optional();
    }

    private static final TypeReference<List<String>> GROUPS = new TypeReference<>() {
    };

}
