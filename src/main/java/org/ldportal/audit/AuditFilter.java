package org.ldportal.audit;

import java.time.Instant;

/**
 * Which entries to show. Null means "any". {@code actorSubject} is forced to the viewer's own subject for people
 * who may only read their own attempts (see {@link AuditQueries}), whatever the URL says.
 *
 * @param from  inclusive
 * @param until exclusive
 * @param text  matched, case-insensitively, against the resource's name and key
 */
public record AuditFilter(String resourceType, AuditOutcome outcome, String actorSubject, String projectKey,
        String environmentKey, Instant from, Instant until, String text) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null, null, null);
    }

    public AuditFilter forActor(String subject) {
        return new AuditFilter(resourceType, outcome, subject, projectKey, environmentKey, from, until, text);
    }
}
