package org.ldportal.launchdarkly;

import org.jspecify.annotations.Nullable;

/**
 * Which of the lists kept of LaunchDarkly a write may have changed. The client says so
 * after every write, whatever its answer (a timeout may still have created something), so
 * that no page shows a list from before a change made through the portal, and no path can
 * forget to say it.
 *
 * @param list what was written
 * @param key the project (environments) or integration (subscriptions, configurations)
 * whose list it changed; null when the write does not say which (a configuration is
 * changed by its id alone) or the list is one
 */
record ListsChanged(List list, @Nullable String key) {

    enum List {

        ENVIRONMENTS, DESTINATIONS, CONFIGURATIONS, SUBSCRIPTIONS

    }

    static ListsChanged environmentsOf(String projectKey) {
        return new ListsChanged(List.ENVIRONMENTS, projectKey);
    }

    static ListsChanged destinations() {
        return new ListsChanged(List.DESTINATIONS, null);
    }

    static ListsChanged configurationsOf(@Nullable String integrationKey) {
        return new ListsChanged(List.CONFIGURATIONS, integrationKey);
    }

    static ListsChanged subscriptionsOf(String integrationKey) {
        return new ListsChanged(List.SUBSCRIPTIONS, integrationKey);
    }
}
