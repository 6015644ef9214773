package org.ldportal.environment;

import java.time.Instant;
import java.util.EnumSet;

import org.ldportal.change.ChangeFlow;
import org.ldportal.change.ChangeOrigin;
import org.ldportal.change.ChangeResult;
import org.ldportal.launchdarkly.Environment;
import org.ldportal.launchdarkly.LaunchDarklyApiException;
import org.ldportal.launchdarkly.LaunchDarklyClient;
import org.ldportal.launchdarkly.LaunchDarklyException;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the portal does on its own for time-limited environments: reminds each owner
 * before the day, and on the day deletes the environment through the change flow, as the
 * portal on the owner's behalf. Each round is given the time it runs at, so that a test
 * chooses the day.
 */
@Component
class ScheduledEnvironmentDeletions {

    private static final Logger log = LoggerFactory.getLogger(ScheduledEnvironmentDeletions.class);

    private final EnvironmentLifetimes lifetimes;

    private final EnvironmentApprovals changes;

    private final LaunchDarklyClient client;

    private final ChangeFlow flow;

    private final EnvironmentProperties properties;

    ScheduledEnvironmentDeletions(EnvironmentLifetimes lifetimes, EnvironmentApprovals changes,
            LaunchDarklyClient client, ChangeFlow flow, EnvironmentProperties properties) {
        this.lifetimes = lifetimes;
        this.changes = changes;
        this.client = client;
        this.flow = flow;
        this.properties = properties;
    }

    /**
     * Reminds the owners of environments deleted within the reminder's time; once a day
     * chosen.
     */
    int remind(Instant now) {
        return lifetimes.remind(TimeLimitedEnvironments.day(now).plusDays(properties.remindBefore().toDays()));
    }

    /**
     * Deletes the environments whose day has come. One deleted meanwhile (or made again
     * under its key) is forgotten; one LaunchDarkly cannot be asked about now waits for
     * the next round.
     */
    int deleteDue(Instant now) {
        int deleted = 0;
        for (EnvironmentLifetime lifetime : lifetimes.due(TimeLimitedEnvironments.day(now))) {
            Environment current;
            try {
                current = client.getEnvironment(lifetime.projectKey(), lifetime.environmentKey());
            }
            catch (LaunchDarklyApiException e) {
                if (e.status() == 404) {
                    lifetimes.forget(lifetime.projectKey(), lifetime.environmentKey());
                }
                continue;
            }
            catch (LaunchDarklyException e) {
                log.warn("Time-limited environment {}/{} not deleted this round: {}", lifetime.projectKey(),
                        lifetime.environmentKey(), e.getMessage());
                continue;
            }
            if (lifetime.environmentId() != null && !lifetime.environmentId().equals(current.id())) {
                lifetimes.forget(lifetime.projectKey(), lifetime.environmentKey());
                continue;
            }
            ChangeResult<Boolean> result = flow.sendApproved(changes.deleting(lifetime.projectKey(), current),
                    onBehalfOf(lifetime), ChangeOrigin.DIRECT);
            if (result instanceof ChangeResult.Succeeded<Boolean>) {
                deleted++;
            }
        }
        return deleted;
    }

    /**
     * The portal, for the person who set the day: their subject, so the entry is among
     * their own, and the right to delete, which they were given (approved, where a rule
     * asked) when the environment was created with its day.
     */
    private static CurrentUser onBehalfOf(EnvironmentLifetime lifetime) {
        return new CurrentUser(lifetime.ownerSubject(), "LD Portal, for " + lifetime.ownerName(), lifetime.ownerEmail(),
                EnumSet.allOf(PortalRole.class));
    }

}
