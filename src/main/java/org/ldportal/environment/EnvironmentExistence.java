package org.ldportal.environment;

import java.util.List;
import java.util.Optional;

import org.ldportal.change.ExistenceCheck;
import org.ldportal.change.Sent;
import org.ldportal.launchdarkly.Environment;
import org.ldportal.launchdarkly.LaunchDarklyClient;
import org.ldportal.launchdarkly.LaunchDarklyLinks;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.ResourceType;
import org.springframework.stereotype.Component;

/**
 * Whether an environment a lost answer left in doubt exists: by its key, which
 * LaunchDarkly keeps unique in a project, and not among those the project had before
 * sending (a gateway may turn the 409 for a key taken into a 5xx).
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

    /**
     * The environments the project has before sending: one with the key already there is
     * not this attempt's.
     */
    @Override
    public List<String> existing(Target target) {
        String projectKey = target.projectKey();
        // Never null: handles() takes only targets with a project and a key.
        if (projectKey == null) {
            return List.of();
        }
        return client.listAllEnvironments(projectKey).stream().map(Environment::id).toList();
    }

    @Override
    public Optional<Sent> find(Target target) {
        String projectKey = target.projectKey();
        String key = target.resourceKey();
        if (projectKey == null || key == null) {
            return Optional.empty();
        }
        List<String> before = target.existedBefore() == null ? List.of() : target.existedBefore();
        return client.listAllEnvironments(projectKey)
            .stream()
            .filter(environment -> key.equals(environment.key()) && !before.contains(environment.id()))
            .findFirst()
            .map(environment -> new Sent(environment.key(), environment.id(),
                    links.environment(projectKey, environment.key())));
    }

}
