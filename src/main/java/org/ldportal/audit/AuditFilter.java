package org.ldportal.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which entries to show. Null means "any". {@code actorSubject} is forced to the viewer's
 * own subject for people who may only read their own attempts (see {@link AuditQueries}),
 * whatever the URL says.
 *
 * @param from inclusive
 * @param until exclusive
 * @param text matched, case-insensitively, against the resource's name and key
 * @param scope what the viewer may read (their own attempts, and the areas their access
 * rules cover); null for everything
 */
public record AuditFilter(@Nullable String resourceType, @Nullable AuditOutcome outcome, @Nullable String actorSubject,
        @Nullable String projectKey, @Nullable String environmentKey, @Nullable Instant from, @Nullable Instant until,
        @Nullable String text, @Nullable ReadScope scope, @Nullable String action, @Nullable String resourceId) {

    public AuditFilter(@Nullable String resourceType, @Nullable AuditOutcome outcome, @Nullable String actorSubject,
            @Nullable String projectKey, @Nullable String environmentKey, @Nullable Instant from,
            @Nullable Instant until, @Nullable String text) {
        this(resourceType, outcome, actorSubject, projectKey, environmentKey, from, until, text, null, null, null);
    }

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null, null, null);
    }

    public AuditFilter forActor(String subject) {
        return new AuditFilter(resourceType, outcome, subject, projectKey, environmentKey, from, until, text, scope,
                action, resourceId);
    }

    /**
     * Only the attempts of this action ({@code create}, {@code update},
     * {@code turn-off}...).
     */
    public AuditFilter withAction(@Nullable String chosen) {
        return new AuditFilter(resourceType, outcome, actorSubject, projectKey, environmentKey, from, until, text,
                scope, chosen, resourceId);
    }

    /**
     * Only the attempts about the resource with this LaunchDarkly id (a detail page's
     * history).
     */
    public AuditFilter aboutResource(String id) {
        return new AuditFilter(resourceType, outcome, actorSubject, projectKey, environmentKey, from, until, text,
                scope, action, id);
    }

    /**
     * The filter narrowed to what the scope lets its person read (unchanged for a scope
     * over the whole trail).
     */
    public AuditFilter within(ReadScope readScope) {
        if (readScope.whole()) {
            return this;
        }
        AuditFilter scoped = new AuditFilter(resourceType, outcome, actorSubject, projectKey, environmentKey, from,
                until, text, readScope, action, resourceId);
        // Someone who may read only their own attempts has no "who" to choose.
        return readScope.ownOnly() ? scoped.forActor(readScope.subject()) : scoped;
    }
}
