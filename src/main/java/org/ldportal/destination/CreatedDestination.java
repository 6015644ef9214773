package org.ldportal.destination;

import java.io.Serializable;

import org.ldportal.launchdarkly.Destination;

/**
 * What the result page shows of a new destination (never its config: it may hold
 * secrets).
 */
record CreatedDestination(String name, String kindTitle, String id, String projectKey, String environmentKey,
        String link) implements Serializable {

    static CreatedDestination of(DestinationForm form, DestinationKind kind, Destination destination, String link) {
        return new CreatedDestination(destination.name() != null ? destination.name() : form.getName(), kind.title(),
                destination.id(), form.getProjectKey(), form.getEnvironmentKey(), link);
    }
}
