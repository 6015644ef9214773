package org.ldportal.environment;

import java.util.Optional;

import org.ldportal.change.ExistenceCheck;
import org.ldportal.change.Sent;
import org.ldportal.launchdarkly.LaunchDarklyClient;
import org.ldportal.launchdarkly.LaunchDarklyLinks;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.ResourceType;
import org.springframework.stereotype.Component;

/**
 * Whether an environment a lost answer left in doubt exists: by its key, which LaunchDarkly keeps unique in a
 * project (one that was there before would have been a 409, and the form checks the key is free).
 */
@Component
class EnvironmentExistence implements ExistenceCheck {

    private final LaunchDarklyClient client;
    private final LaunchDarklyLinks links;

    EnvironmentExistence(LaunchDarklyClient client, LaunchDarklyLinks links) {
        this.client = client;
        this.links = links;
    }

    @Override
    public boolean handles(Target target) {
        return target.action() == ChangeAction.CREATE && target.type() == ResourceType.ENVIRONMENT
                && target.projectKey() != null && target.resourceKey() != null;
    }

    @Override
    public String identity(Target target) {
        return "environment:" + target.projectKey() + "/" + target.resourceKey();
    }

    @Override
    public Optional<Sent> find(Target target) {
        return client.listAllEnvironments(target.projectKey()).stream()
                .filter(environment -> target.resourceKey().equals(environment.key())).findFirst()
                .map(environment -> new Sent(environment.key(), environment.id(),
                        links.environment(target.projectKey(), environment.key())));
    }
}
