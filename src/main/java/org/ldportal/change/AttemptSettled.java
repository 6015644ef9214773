package org.ldportal.change;

import org.jspecify.annotations.Nullable;
import org.ldportal.audit.AuditOutcome;

/**
 * An attempt whose answer was unclear is settled: a check found what it created
 * (SUCCEEDED) or, once it could no longer be in flight, found nothing (FAILED). Published
 * for whoever waits on it (an approved request's page).
 *
 * @param startedId the attempt's STARTED entry
 * @param outcomeLinkId what its entries link to: the started entry, or the request for
 * approval it followed
 * @param link where it is in LaunchDarkly, when it was created
 * @param key its key, when it was created and has one (an environment's)
 * @param id its id, when it was created and LaunchDarkly gives one
 */
public record AttemptSettled(long startedId, long outcomeLinkId, AuditOutcome outcome, String message,
        @Nullable String link, @Nullable String key, @Nullable String id) {
}
