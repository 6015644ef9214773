package org.ldportal.launchdarkly;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The lists of what exists: kept for their time, forgotten after a write the client tells
 * of, an integration's two read at once.
 */
class ExistingResourcesTests {

    private final LaunchDarklyClient client = mock(LaunchDarklyClient.class);

    private final ExistingResources existing = new ExistingResources(client,
            new LaunchDarklyProperties(URI.create("http://localhost"), "token", "20240415", Duration.ofSeconds(1),
                    Duration.ofSeconds(1), 1, Duration.ZERO, Duration.ofSeconds(60), Duration.ofSeconds(60)));

    @AfterEach
    void stop() {
        existing.destroy();
    }

    @Test
    void destinationsWhenReadTwiceThenOneCallAndAfterAChangeReadAgain() {
        when(client.listDestinations())
            .thenReturn(List.of(new Destination("d1", "Events", "segment", true, 1L, Map.of())));

        existing.destinations();
        existing.destinations();
        verify(client, times(1)).listDestinations();

        written(ListsChanged.destinations());
        existing.destinations();
        verify(client, times(2)).listDestinations();
    }

    @Test
    void integrationListsWhenAWriteSaysWhichThenOnlyThoseReadAgain() {
        when(client.listIntegrationConfigurations("acme")).thenReturn(List.of());
        when(client.listIntegrationConfigurations("pager")).thenReturn(List.of());
        when(client.listSubscriptions("acme")).thenReturn(List.of());
        existing.configurations("acme");
        existing.configurations("pager");
        existing.subscriptions("acme");

        written(ListsChanged.subscriptionsOf("acme"));
        written(ListsChanged.environmentsOf("acme"));
        existing.configurations("acme");
        existing.subscriptions("acme");
        verify(client, times(1)).listIntegrationConfigurations("acme");
        verify(client, times(2)).listSubscriptions("acme");

        // A configuration changed by its id alone: every integration's configurations are
        // read again.
        written(ListsChanged.configurationsOf(null));
        existing.configurations("acme");
        existing.configurations("pager");
        verify(client, times(2)).listIntegrationConfigurations("acme");
        verify(client, times(2)).listIntegrationConfigurations("pager");
    }

    /** What the client tells the lists after a write. */
    @SuppressWarnings("unchecked")
    private void written(ListsChanged changed) {
        ArgumentCaptor<Consumer<ListsChanged>> listener = ArgumentCaptor.forClass(Consumer.class);
        verify(client).afterWrites(listener.capture());
        listener.getValue().accept(changed);
    }

    @Test
    void ofIntegrationThenBothListsReadAtTheSameTime() throws Exception {
        // Each read waits until the other has started: read one after the other, the
        // first would wait in vain.
        CountDownLatch bothStarted = new CountDownLatch(2);
        when(client.listIntegrationConfigurations("acme")).thenAnswer(call -> {
            bothStarted.countDown();
            assertThat(bothStarted.await(5, TimeUnit.SECONDS)).as("the subscriptions were read meanwhile").isTrue();
            return List.of();
        });
        when(client.listSubscriptions("acme")).thenAnswer(call -> {
            bothStarted.countDown();
            assertThat(bothStarted.await(5, TimeUnit.SECONDS)).as("the configurations were read meanwhile").isTrue();
            return List.of();
        });

        ExistingResources.OfIntegration lists = existing.ofIntegration("acme", true, true);

        assertThat(lists.configurations()).isEmpty();
        assertThat(lists.subscriptions()).isEmpty();
        assertThat(bothStarted.getCount()).isZero();
    }

    @Test
    void ofIntegrationWhenOneListFailsThenItsFailureAsItWas() {
        when(client.listIntegrationConfigurations("acme")).thenReturn(List.of());
        when(client.listSubscriptions("acme"))
            .thenThrow(new LaunchDarklyApiException(429, "rate_limited", "slow down", null));

        assertThatThrownBy(() -> existing.ofIntegration("acme", true, true))
            .isInstanceOf(LaunchDarklyApiException.class)
            .hasFieldOrPropertyWithValue("status", 429);
    }

}
