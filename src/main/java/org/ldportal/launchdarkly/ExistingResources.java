package org.ldportal.launchdarkly;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * What exists in LaunchDarkly, for the lists of the manage pages: every Data Export
 * destination of the account, and each integration's configurations and audit-log
 * subscriptions. Cached like the forms' lists but more briefly (refresh-ahead, for
 * {@code portal.launchdarkly.list-cache-ttl}), so a list page answers without waiting for
 * LaunchDarkly once warm; the client tells them of every write made through the portal
 * ({@link ListsChanged}), so the next list shows it at once.
 */
@Component
public class ExistingResources implements DisposableBean {

    private static final String ALL = "all";

    /**
     * Enough for the lists one page needs at once, for a few pages at a time; more wait
     * their turn.
     */
    private static final int READERS = 8;

    private final RefreshingCache<String, List<Destination>> destinations;

    private final RefreshingCache<String, List<IntegrationConfiguration>> configurations;

    private final RefreshingCache<String, List<Subscription>> subscriptions;

    private final ExecutorService readers = Executors.newFixedThreadPool(READERS, runnable -> {
        Thread thread = new Thread(runnable, "ld-lists");
        thread.setDaemon(true);
        return thread;
    });

    public ExistingResources(LaunchDarklyClient client, LaunchDarklyProperties properties) {
        Duration ttl = properties.listCacheTtl();
        Duration retry = LaunchDarklyDirectory.RETRY_FAILURES_AFTER;
        this.destinations = new RefreshingCache<>(ttl, retry, all -> List.copyOf(client.listDestinations()));
        this.configurations = new RefreshingCache<>(ttl, retry,
                key -> List.copyOf(client.listIntegrationConfigurations(key)));
        this.subscriptions = new RefreshingCache<>(ttl, retry, key -> List.copyOf(client.listSubscriptions(key)));
        client.afterWrites(this::forget);
    }

    /**
     * What a write through the portal may have changed is read again by the next page
     * that shows it.
     */
    private void forget(ListsChanged changed) {
        switch (changed.list()) {
            case DESTINATIONS -> destinations.invalidate(ALL);
            case CONFIGURATIONS -> {
                if (changed.key() == null) {
                    configurations.invalidateAll();
                }
                else {
                    configurations.invalidate(changed.key());
                }
            }
            case SUBSCRIPTIONS -> {
                // Always named: a subscription is written through its integration.
                String integrationKey = changed.key();
                if (integrationKey != null) {
                    subscriptions.invalidate(integrationKey);
                }
            }
            case ENVIRONMENTS -> {
                // The directory keeps those.
            }
        }
    }

    public List<Destination> destinations() {
        return destinations.get(ALL);
    }

    public List<IntegrationConfiguration> configurations(String integrationKey) {
        return configurations.get(integrationKey);
    }

    public List<Subscription> subscriptions(String integrationKey) {
        return subscriptions.get(integrationKey);
    }

    /**
     * Every destination straight from LaunchDarkly (for a check before a change is sent
     * or approved); the cache keeps them.
     */
    public List<Destination> freshDestinations() {
        return destinations.reloadNow(ALL);
    }

    /**
     * The integration's configurations straight from LaunchDarkly; the cache keeps them.
     */
    public List<IntegrationConfiguration> freshConfigurations(String integrationKey) {
        return configurations.reloadNow(integrationKey);
    }

    /**
     * The integration's subscriptions straight from LaunchDarkly; the cache keeps them.
     */
    public List<Subscription> freshSubscriptions(String integrationKey) {
        return subscriptions.reloadNow(integrationKey);
    }

    /** An integration's configurations and subscriptions, as its page shows them. */
    public record OfIntegration(List<IntegrationConfiguration> configurations, List<Subscription> subscriptions) {
    }

    /**
     * The integration's configurations and subscriptions (each only when asked for), read
     * at the same time: the page waits for one round trip to LaunchDarkly, not one per
     * list. A failure of either is thrown as it was.
     */
    public OfIntegration ofIntegration(String integrationKey, boolean withConfigurations, boolean withSubscriptions) {
        CompletableFuture<List<IntegrationConfiguration>> configured = withConfigurations
                ? read(() -> configurations(integrationKey)) : CompletableFuture.completedFuture(List.of());
        CompletableFuture<List<Subscription>> subscribed = withSubscriptions ? read(() -> subscriptions(integrationKey))
                : CompletableFuture.completedFuture(List.of());
        return new OfIntegration(joined(configured), joined(subscribed));
    }

    /**
     * Read on another thread, with the request's log context (its request id) in that
     * thread's log lines.
     */
    private <T> CompletableFuture<T> read(Supplier<T> list) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return CompletableFuture.supplyAsync(() -> {
            if (context != null) {
                MDC.setContextMap(context);
            }
            try {
                return list.get();
            }
            finally {
                MDC.clear();
            }
        }, readers);
    }

    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        }
        catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    @Override
    public void destroy() {
        readers.shutdownNow();
    }

    /** How the lists have been read, for the status page and the metrics. */
    public List<RefreshingCache.Figures> cacheFigures() {
        return List.of(destinations.figures(), configurations.figures(), subscriptions.figures());
    }

}
