package org.ldportal.integration;

import java.io.Serializable;
import java.util.List;

/**
 * What the result page shows: never the config as a whole (it may hold secrets), but the
 * values LaunchDarkly generated for it, which the person needs to finish the set-up on
 * the other side.
 */
record CreatedIntegration(String integrationName, String what, String name, String id, String link,
        List<GeneratedValue> generated) implements Serializable {

    CreatedIntegration {
        generated = List.copyOf(generated);
    }

    /**
     * A value LaunchDarkly made (an external ID, a public key), under the manifest's name
     * for it.
     */
    record GeneratedValue(String label, String value) implements Serializable {
    }
}
