package org.ldportal.launchdarkly;

import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * What exists in LaunchDarkly, for the lists of the manage pages: every Data Export destination of the account, and
 * each integration's configurations and audit-log subscriptions. Cached like the forms' lists but more briefly (refresh-ahead, for
 * {@code portal.launchdarkly.list-cache-ttl}), so a list page answers without waiting for LaunchDarkly once
 * warm; every change made through the portal forgets what it changed, so the next list shows it at once.
 */
@Component
public class ExistingResources {

    private static final String ALL = "all";

    private final RefreshingCache<String, List<Destination>> destinations;
    private final RefreshingCache<String, List<IntegrationConfiguration>> configurations;
    private final RefreshingCache<String, List<Subscription>> subscriptions;

    public ExistingResources(LaunchDarklyClient client, LaunchDarklyProperties properties) {
        Duration ttl = properties.listCacheTtl();
        Duration retry = LaunchDarklyDirectory.RETRY_FAILURES_AFTER;
        this.destinations = new RefreshingCache<>(ttl, retry, all -> List.copyOf(client.listDestinations()));
        this.configurations = new RefreshingCache<>(ttl, retry, key -> List.copyOf(client.listIntegrationConfigurations(key)));
        this.subscriptions = new RefreshingCache<>(ttl, retry, key -> List.copyOf(client.listSubscriptions(key)));
    }

    public List<Destination> destinations() {
        return destinations.get(ALL);
    }

    public void forgetDestinations() {
        destinations.invalidate(ALL);
    }

    public List<IntegrationConfiguration> configurations(String integrationKey) {
        return configurations.get(integrationKey);
    }

    public List<Subscription> subscriptions(String integrationKey) {
        return subscriptions.get(integrationKey);
    }

    public void forgetIntegration(String integrationKey) {
        configurations.invalidate(integrationKey);
        subscriptions.invalidate(integrationKey);
    }

    /** How the lists have been read, for the status page and the metrics. */
    public List<RefreshingCache.Figures> cacheFigures() {
        return List.of(destinations.figures(), configurations.figures(), subscriptions.figures());
    }
}
