package org.ldportal.security;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
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
            record(user.subject(), user.groups(), user.email(), clock.instant());
        }
        catch (RuntimeException e) {
            // Signing in goes on; requests of this person are judged by their rights when
            // they asked.
            log.error("A sign-in could not be recorded: {}", e.getClass().getName());
        }
    }

    @Transactional
    public void record(String subject, Set<String> groups, @Nullable String email, Instant at) {
        String groupsJson = json.writeValueAsString(new TreeSet<>(groups));
        int updated = jdbc.sql(
                "UPDATE sign_in SET groups_json = :groups, email = :email, signed_in_at = :at WHERE subject = :subject")
            .param("groups", groupsJson)
            .param("email", email, Types.VARCHAR)
            .param("at", Timestamp.from(at))
            .param("subject", subject)
            .update();
        if (updated == 0) {
            jdbc.sql(
                    "INSERT INTO sign_in (subject, groups_json, email, signed_in_at) VALUES (:subject, :groups, :email, "
                            + ":at)")
                .param("subject", subject)
                .param("groups", groupsJson)
                .param("email", email, Types.VARCHAR)
                .param("at", Timestamp.from(at))
                .update();
        }
    }

    /** Someone the portal has seen sign in, as of their latest sign-in. */
    public record Person(String subject, @Nullable String email, Set<String> groups) {
    }

    /**
     * The people whose latest sign-in gave them one of {@code groups}: the approvers of a
     * rule, for instance. Read whole: one row a person who ever signed in, a few thousand
     * at most.
     */
    public List<Person> inAnyOf(Collection<String> groups) {
        return jdbc.sql("SELECT subject, email, groups_json FROM sign_in")
            .query((row, number) -> new Person(row.getString("subject"), row.getString("email"),
                    Set.copyOf(json.readValue(row.getString("groups_json"), GROUPS))))
            .list()
            .stream()
            .filter(person -> person.groups().stream().anyMatch(groups::contains))
            .toList();
    }

    /** The address of someone's latest sign-in, if it gave one. */
    public Optional<String> emailOf(String subject) {
        return jdbc.sql("SELECT email FROM sign_in WHERE subject = :subject AND email IS NOT NULL")
            .param("subject", subject)
            .query(String.class)
            .optional();
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
