package org.ldportal.destination;

import java.util.Optional;

import org.ldportal.change.ExistenceCheck;
import org.ldportal.change.Sent;
import org.ldportal.launchdarkly.LaunchDarklyClient;
import org.ldportal.launchdarkly.LaunchDarklyLinks;
import org.springframework.stereotype.Component;

/**
 * Whether a destination a lost answer left in doubt exists: LaunchDarkly allows one per environment, so one with
 * the name asked for in that environment is it.
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
        return ("create".equals(target.action()) || "complete-setup".equals(target.action()))
                && "destination".equals(target.resourceType()) && target.projectKey() != null && target.environmentKey() != null;
    }

    @Override
    public Optional<Sent> find(Target target) {
        return client.listDestinations().stream().filter(d -> d.belongsTo(target.projectKey(), target.environmentKey()))
                .filter(d -> target.resourceName() == null || target.resourceName().equals(d.name())).findFirst()
                .map(d -> new Sent(d.kind(), d.id(), links.destinations(target.projectKey(), target.environmentKey())));
    }
}
