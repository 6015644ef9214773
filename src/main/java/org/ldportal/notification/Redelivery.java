package org.ldportal.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * One round of handing undelivered notifications back to their listeners, run by one
 * instance at a time. A delivery that failed waits
 * {@code portal.notifications.retry-after} after its last try. One that is still marked
 * as being delivered (published, processing, resubmitted) is another instance's to
 * finish, unless it has been so for {@code portal.notifications.abandoned-after}, longer
 * than any delivery takes with the SMTP and Slack timeouts: then that instance stopped
 * mid-delivery, and this one takes it over. Each hand-back is claimed in the registry
 * first, so two instances never deliver the same notification at once.
 */
@Component
class Redelivery {

    private final IncompleteEventPublications incomplete;

    private final NotificationProperties properties;

    private final JdbcClient jdbc;

    private final Clock clock;

    Redelivery(IncompleteEventPublications incomplete, NotificationProperties properties, JdbcClient jdbc,
            Clock clock) {
        this.incomplete = incomplete;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void round() {
        Instant now = clock.instant();
        // The registry claims only what is not marked resubmitted: a hand-back whose
        // instance stopped is made claimable again, as a failed one.
        jdbc.sql("UPDATE event_publication SET status = 'FAILED' WHERE status = 'RESUBMITTED' "
                + "AND completion_date IS NULL AND last_resubmission_date < :abandoned")
            .param("abandoned", Timestamp.from(now.minus(properties.abandonedAfter())))
            .update();
        incomplete.resubmitIncompletePublications(publication -> due(publication, now));
    }

    private boolean due(EventPublication publication, Instant now) {
        Instant lastTry = publication.getLastResubmissionDate() != null ? publication.getLastResubmissionDate()
                : publication.getPublicationDate();
        Duration wait = publication.getStatus() == EventPublication.Status.FAILED ? properties.retryAfter()
                : properties.abandonedAfter();
        return lastTry.isBefore(now.minus(wait));
    }

}
