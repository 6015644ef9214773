package org.ldportal.environment;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A time-limited environment: the day the portal deletes it, and for whom.
 *
 * @param environmentId LaunchDarkly's id of the environment made, so that one deleted and
 * made again under the same key is not deleted in its place
 * @param deleteOn the day the portal deletes it (in UTC, as the portal's clock counts
 * days)
 * @param ownerSubject who set the day: the deletion is made on their behalf, and they are
 * reminded
 * @param remindedFor the day the owner was last reminded of; a new day (extended) reminds
 * again
 */
record EnvironmentLifetime(String projectKey, String environmentKey, @Nullable String environmentId,
        String environmentName, LocalDate deleteOn, String ownerSubject, String ownerName, @Nullable String ownerEmail,
        @Nullable LocalDate remindedFor) {

    /** The environment's page in the portal. */
    String page() {
        return "/environments/" + projectKey + "/" + environmentKey;
    }

}
