package org.ldportal.change;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.ldportal.audit.AuditAttempt;
import org.ldportal.audit.AuditEntry;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;

/**
 * How a feature tells whether a resource it asked LaunchDarkly to create exists, to
 * settle an attempt whose answer was lost (a timeout, a 5xx), and what the attempt aims
 * at, so that a second one is held while the first is unsettled. Each feature provides
 * one for the resource types it creates. A check identifies this attempt's resource, not
 * merely one with the same name: by its key where LaunchDarkly makes keys unique, else by
 * what was sent and when it was created, or by not being among what existed just before
 * sending.
 */
public interface ExistenceCheck {

    /** Whether this check can look for what the attempt asked for. */
    boolean handles(Target target);

    /**
     * What the attempt aims at, in one text: the same for two attempts that would make
     * the same thing (the same environment key in a project, the one destination of an
     * environment, a configuration's name in an integration).
     */
    String identity(Target target);

    /**
     * What must be read just before sending, for {@link #find} to tell this attempt's
     * resource from an older one: the ids of those that exist already; null when the
     * check needs nothing.
     * @throws org.ldportal.launchdarkly.LaunchDarklyException when LaunchDarkly cannot
     * tell just now (then nothing is sent)
     */
    default @Nullable List<String> existing(Target target) {
        return null;
    }

    /**
     * The resource this attempt made, when LaunchDarkly has it now; empty when it has
     * not.
     * @throws org.ldportal.launchdarkly.LaunchDarklyException when LaunchDarkly cannot
     * tell just now
     */
    Optional<Sent> find(Target target);

    /**
     * What was asked for, as the trail recorded it.
     *
     * @param requestBody the body sent, as the trail keeps it (secrets replaced by the
     * redaction mark)
     * @param createdNotBefore the earliest creation time this attempt's resource can have
     * (its start, less the clocks' tolerance); null when not known
     * @param existedBefore the ids {@link #existing} read before sending; null when none
     * were read
     */
    record Target(ChangeAction action, ResourceType type, Place place, @Nullable String resourceName,
            @Nullable String resourceKey, @Nullable String requestBody, @Nullable Instant createdNotBefore,
            @Nullable List<String> existedBefore) {

        static Target of(AuditAttempt attempt) {
            return new Target(attempt.action(), attempt.resourceType(), attempt.place(), attempt.resourceName(),
                    attempt.resourceKey(), attempt.redactedRequestBody(), null, null);
        }

        static Target of(AuditEntry entry) {
            AuditAttempt attempt = AuditAttempt.following(entry);
            return new Target(attempt.action(), attempt.resourceType(), attempt.place(), entry.resourceName(),
                    entry.resourceKey(), entry.requestBody(), null, null);
        }

        Target since(@Nullable Instant notBefore, @Nullable List<String> before) {
            return new Target(action, type, place, resourceName, resourceKey, requestBody, notBefore, before);
        }

        public @Nullable String projectKey() {
            return place.projectKey();
        }

        public @Nullable String environmentKey() {
            return place.environmentKey();
        }

        public @Nullable String integrationKey() {
            return place.integrationKey();
        }
    }

}
