package org.ldportal.destination;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.ldportal.launchdarkly.WarehouseSetupScript;

/**
 * A warehouse set-up LaunchDarkly prepared, kept until the destination is created.
 *
 * @param completedAt when the destination was created from it, or null while it is
 * pending
 */
record WarehouseSetup(long id, String actorSubject, String projectKey, String environmentKey, String kind, String name,
        boolean on, @Nullable String hostAddress, WarehouseSetupScript script, Instant createdAt,
        @Nullable Instant completedAt) {

    boolean isPending() {
        return completedAt == null;
    }

    /** The form the set-up was started from, for the last step. */
    DestinationForm form() {
        DestinationForm form = new DestinationForm();
        form.setProjectKey(projectKey);
        form.setEnvironmentKey(environmentKey);
        form.setKind(kind);
        form.setName(name);
        form.setOn(on);
        return form;
    }
}
