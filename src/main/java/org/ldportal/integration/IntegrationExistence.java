package org.ldportal.integration;

import java.util.Optional;

import org.ldportal.change.ExistenceCheck;
import org.ldportal.change.Sent;
import org.ldportal.launchdarkly.LaunchDarklyClient;
import org.ldportal.launchdarkly.LaunchDarklyLinks;
import org.springframework.stereotype.Component;

/** Whether a configuration or subscription a lost answer left in doubt exists: by its name, within the integration. */
@Component
class IntegrationExistence implements ExistenceCheck {

    private final LaunchDarklyClient client;
    private final LaunchDarklyLinks links;

    IntegrationExistence(LaunchDarklyClient client, LaunchDarklyLinks links) {
        this.client = client;
        this.links = links;
    }

    @Override
    public boolean handles(Target target) {
        return "create".equals(target.action()) && target.integrationKey() != null && target.resourceName() != null
                && (IntegrationType.CONFIGURATION.resourceType().equals(target.resourceType())
                        || IntegrationType.SUBSCRIPTION.resourceType().equals(target.resourceType()));
    }

    @Override
    public Optional<Sent> find(Target target) {
        String link = links.integration(target.integrationKey());
        if (IntegrationType.CONFIGURATION.resourceType().equals(target.resourceType())) {
            return client.listIntegrationConfigurations(target.integrationKey()).stream()
                    .filter(c -> target.resourceName().equals(c.name())).findFirst().map(c -> new Sent(null, c.id(), link));
        }
        return client.listSubscriptions(target.integrationKey()).stream()
                .filter(s -> target.resourceName().equals(s.name())).findFirst().map(s -> new Sent(null, s.id(), link));
    }
}
