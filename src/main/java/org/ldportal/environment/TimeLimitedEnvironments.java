package org.ldportal.environment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.ldportal.audit.AuditAttempt;
import org.ldportal.audit.AuditOutcome;
import org.ldportal.audit.AuditTrail;
import org.ldportal.launchdarkly.Environment;
import org.ldportal.security.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * Environments made with a "delete after" day: which days may be chosen, the day kept
 * once the environment exists, shown and extended. The portal's days are UTC days, so
 * every instance agrees on when one has come.
 */
@Component
class TimeLimitedEnvironments {

    /** The days a form may offer: from tomorrow to the longest lifetime from today. */
    record Days(LocalDate first, LocalDate last) {
    }

    private final EnvironmentLifetimes lifetimes;

    private final EnvironmentProperties properties;

    private final Clock clock;

    private final AuditTrail audit;

    TimeLimitedEnvironments(EnvironmentLifetimes lifetimes, EnvironmentProperties properties, Clock clock,
            AuditTrail audit) {
        this.audit = audit;
        this.lifetimes = lifetimes;
        this.properties = properties;
        this.clock = clock;
    }

    LocalDate today() {
        return day(clock.instant());
    }

    /** The portal's day at an instant: a UTC day, so every instance agrees. */
    static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    Days days() {
        LocalDate today = today();
        return new Days(today.plusDays(1), today.plusDays(properties.longestLifetime().toDays()));
    }

    /** A day that can be chosen now, or a message at the field. */
    void check(@Nullable LocalDate deleteAfter, String field, Errors errors) {
        if (deleteAfter == null || errors.hasFieldErrors(field)) {
            return;
        }
        Days days = days();
        if (deleteAfter.isBefore(days.first())) {
            errors.rejectValue(field, "deleteAfter.past",
                    "Choose a day after today: the portal deletes the " + "environment on the day you choose.");
        }
        else if (deleteAfter.isAfter(days.last())) {
            errors.rejectValue(field, "deleteAfter.far", "Choose a day no later than " + days.last() + " ("
                    + properties.longestLifetime().toDays() + " days from today); it can be extended later.");
        }
    }

    /**
     * Why a day chosen earlier can no longer be kept (a request approved after its day),
     * or null.
     */
    @Nullable String passed(@Nullable LocalDate deleteAfter) {
        if (deleteAfter != null && !deleteAfter.isAfter(today())) {
            return "The day to delete it (" + deleteAfter + ") has passed, so it was not created: ask again with a "
                    + "later day.";
        }
        return null;
    }

    /** The new environment's day, for whom it is deleted and reminded. */
    void keep(String projectKey, Environment created, LocalDate deleteAfter, CurrentUser owner) {
        lifetimes.keep(new EnvironmentLifetime(projectKey, created.key(), created.id(), created.name(), deleteAfter,
                owner.subject(), owner.displayName(), owner.email(), null), clock.instant());
    }

    /**
     * The day the environment is deleted, if it is time-limited: only the environment the
     * day was set for, not one made again under its key.
     */
    Optional<EnvironmentLifetime> of(String projectKey, Environment environment) {
        return lifetimes.find(projectKey, environment.key())
            .filter(lifetime -> lifetime.environmentId() == null || lifetime.environmentId().equals(environment.id()));
    }

    /** Moves the day, recorded in the trail as the attempt's person's. */
    boolean extend(AuditAttempt attempt, String projectKey, String environmentKey, LocalDate deleteOn) {
        if (!lifetimes.extend(projectKey, environmentKey, deleteOn)) {
            return false;
        }
        audit.record(attempt.withOutcome(AuditOutcome.SUCCEEDED, null, null,
                "The portal deletes it on " + deleteOn + " instead.", null));
        return true;
    }

    /** Deleted, by the portal or anyone: nothing left to delete or remind of. */
    void forget(String projectKey, String environmentKey) {
        lifetimes.forget(projectKey, environmentKey);
    }

}
