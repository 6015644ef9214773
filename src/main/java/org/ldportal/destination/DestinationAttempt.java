package org.ldportal.destination;

import org.ldportal.launchdarkly.Destination;
import org.ldportal.launchdarkly.WarehouseSetupScript;

/**
 * How a call for a destination ended.
 *
 * @param destination  the destination created, when it was
 * @param setup        the warehouse set-up LaunchDarkly prepared, when that was the step
 * @param field        where an error belongs: a form field ({@code environmentKey}, {@code name}), a config key
 *                     ({@code config[roleArn]}), or null for the whole form
 * @param existingName the destination the environment already has, after a conflict, when it could be found
 */
record DestinationAttempt(Destination destination, WarehouseSetupScript setup, String field, String message, String detail,
        String existingName, String existingLink) {

    static DestinationAttempt created(Destination destination) {
        return new DestinationAttempt(destination, null, null, null, null, null, null);
    }

    static DestinationAttempt prepared(WarehouseSetupScript setup) {
        return new DestinationAttempt(null, setup, null, null, null, null, null);
    }

    boolean failed() {
        return destination == null && setup == null;
    }
}
