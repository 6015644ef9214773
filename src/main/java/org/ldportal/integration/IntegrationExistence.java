package org.ldportal.integration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.ldportal.change.ExistenceCheck;
import org.ldportal.change.Sent;
import org.ldportal.change.SentBody;
import org.ldportal.launchdarkly.IntegrationConfiguration;
import org.ldportal.launchdarkly.LaunchDarklyClient;
import org.ldportal.launchdarkly.LaunchDarklyLinks;
import org.ldportal.launchdarkly.Subscription;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.ResourceType;
import org.springframework.stereotype.Component;

/**
 * Whether a configuration or subscription a lost answer left in doubt exists. Names are
 * not unique (and default to the integration's name), so one is this attempt's only if it
 * has what was sent (name, tags and every value that is not a secret) and is new: not
 * among those that existed just before sending (read once the attempt was held, so no
 * other attempt of the portal's can make one in between), and for a configuration also
 * not created before the attempt began ({@code _createdAt}).
 */
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
        return target.action() == ChangeAction.CREATE && target.integrationKey() != null
                && target.resourceName() != null && (target.type() == ResourceType.INTEGRATION_CONFIGURATION
                        || target.type() == ResourceType.AUDIT_LOG_SUBSCRIPTION);
    }

    @Override
    public String identity(Target target) {
        return target.type().key() + ":" + target.integrationKey() + "/" + target.resourceName();
    }

    @Override
    public List<String> existing(Target target) {
        String integrationKey = target.integrationKey();
        // Never null: handles() takes only targets with an integration and a name.
        if (integrationKey == null) {
            return List.of();
        }
        if (target.type() == ResourceType.INTEGRATION_CONFIGURATION) {
            return client.listIntegrationConfigurations(integrationKey)
                .stream()
                .map(IntegrationConfiguration::id)
                .toList();
        }
        return client.listSubscriptions(integrationKey).stream().map(Subscription::id).toList();
    }

    @Override
    public Optional<Sent> find(Target target) {
        String integrationKey = target.integrationKey();
        String name = target.resourceName();
        if (integrationKey == null || name == null) {
            return Optional.empty();
        }
        String link = links.integration(integrationKey);
        SentBody sent = SentBody.of(target.requestBody());
        List<String> before = target.existedBefore() == null ? List.of() : target.existedBefore();
        if (target.type() == ResourceType.INTEGRATION_CONFIGURATION) {
            return client.listIntegrationConfigurations(integrationKey)
                .stream()
                .filter(c -> !before.contains(c.id()) && name.equals(c.name()) && sent.sameTags(c.tags())
                        && sent.sameValues("configValues", c.configValues())
                        && createdSince(c, target.createdNotBefore()))
                .findFirst()
                .map(c -> new Sent(null, c.id(), link));
        }
        return client.listSubscriptions(integrationKey)
            .stream()
            .filter(s -> !before.contains(s.id()) && name.equals(s.name()) && sent.sameTags(s.tags())
                    && sent.sameValues("config", s.config()))
            .findFirst()
            .map(s -> new Sent(null, s.id(), link));
    }

    private static boolean createdSince(IntegrationConfiguration configuration, @Nullable Instant notBefore) {
        return notBefore == null || configuration.createdAt() == null
                || !Instant.ofEpochMilli(configuration.createdAt()).isBefore(notBefore);
    }

}
