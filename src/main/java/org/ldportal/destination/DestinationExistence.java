package org.ldportal.destination;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.ldportal.change.ExistenceCheck;
import org.ldportal.change.Sent;
import org.ldportal.change.SentBody;
import org.ldportal.launchdarkly.Destination;
import org.ldportal.launchdarkly.LaunchDarklyClient;
import org.ldportal.launchdarkly.LaunchDarklyLinks;
import org.ldportal.resource.ResourceType;
import org.springframework.stereotype.Component;

/**
 * Whether a destination a lost answer left in doubt exists. LaunchDarkly allows one per
 * environment, so it is the environment's destination, if it has the kind, name and
 * values sent, was not there before sending and was not created before the attempt began
 * (an older one would have made the create a 409, which a gateway may have hidden behind
 * its own error).
 */
@Component
class DestinationExistence implements ExistenceCheck {

    private final LaunchDarklyClient client;

    private final LaunchDarklyLinks links;

    DestinationExistence(LaunchDarklyClient client, LaunchDarklyLinks links) {
        this.client = client;
        this.links = links;
    }

    @Override
    public boolean handles(Target target) {
        return target.action().creates() && target.type() == ResourceType.DESTINATION && target.projectKey() != null
                && target.environmentKey() != null;
    }

    @Override
    public String identity(Target target) {
        // One destination per environment, whichever way it is created.
        return "destination:" + target.projectKey() + "/" + target.environmentKey();
    }

    /**
     * The environment's destination before sending, if it has one: it is not this
     * attempt's.
     */
    @Override
    public List<String> existing(Target target) {
        String projectKey = target.projectKey();
        String environmentKey = target.environmentKey();
        // Never null: handles() takes only targets with both keys.
        if (projectKey == null || environmentKey == null) {
            return List.of();
        }
        return client.listDestinations()
            .stream()
            .filter(d -> d.belongsTo(projectKey, environmentKey))
            .map(Destination::id)
            .toList();
    }

    @Override
    public Optional<Sent> find(Target target) {
        String projectKey = target.projectKey();
        String environmentKey = target.environmentKey();
        if (projectKey == null || environmentKey == null) {
            return Optional.empty();
        }
        SentBody sent = SentBody.of(target.requestBody());
        List<String> before = target.existedBefore() == null ? List.of() : target.existedBefore();
        return client.listDestinations()
            .stream()
            .filter(d -> d.belongsTo(projectKey, environmentKey))
            .filter(d -> !before.contains(d.id()))
            .filter(d -> target.resourceKey() == null || target.resourceKey().equals(d.kind()))
            .filter(d -> target.resourceName() == null || target.resourceName().equals(d.name()))
            .filter(d -> sent.sameValues("config", d.config()))
            .filter(d -> createdSince(d, target.createdNotBefore()))
            .findFirst()
            .map(d -> new Sent(d.kind(), d.id(), links.destinations(projectKey, environmentKey)));
    }

    private static boolean createdSince(Destination destination, @Nullable Instant notBefore) {
        return notBefore == null || destination.createdAt() == null
                || !Instant.ofEpochMilli(destination.createdAt()).isBefore(notBefore);
    }

}
