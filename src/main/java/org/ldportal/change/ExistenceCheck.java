package org.ldportal.change;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.ldportal.audit.AuditAttempt;
import org.ldportal.audit.AuditEntry;

/**
 * How a feature tells whether a resource it asked LaunchDarkly to create exists, to settle an attempt whose answer
 * was lost (a timeout, a 5xx). Each feature provides one for the resource types it creates.
 */
public interface ExistenceCheck {

    /** Whether this check can look for what the attempt asked for. */
    boolean handles(Target target);

    /**
     * The resource, when LaunchDarkly has it now; empty when it has not.
     *
     * @throws org.ldportal.launchdarkly.LaunchDarklyException when LaunchDarkly cannot tell just now
     */
    Optional<Sent> find(Target target);

    /** What was asked for, as the trail recorded it. */
    record Target(String action, String resourceType, @Nullable String projectKey, @Nullable String environmentKey,
            @Nullable String integrationKey, @Nullable String resourceName, @Nullable String resourceKey) {

        static Target of(AuditAttempt attempt) {
            return new Target(attempt.action(), attempt.resourceType(), attempt.projectKey(), attempt.environmentKey(),
                    attempt.integrationKey(), attempt.resourceName(), attempt.resourceKey());
        }

        static Target of(AuditEntry entry) {
            return new Target(entry.action(), entry.resourceType(), entry.projectKey(), entry.environmentKey(),
                    entry.integrationKey(), entry.resourceName(), entry.resourceKey());
        }
    }
}
