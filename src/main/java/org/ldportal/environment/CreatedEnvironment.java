package org.ldportal.environment;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/**
 * What the result page shows of a new environment. Deliberately without the SDK and
 * mobile keys: the portal never reads them (see
 * {@link org.ldportal.launchdarkly.Environment}).
 */
record CreatedEnvironment(String projectKey, String projectName, String key, String name, String color,
        String clientSideId, @Nullable String link) implements Serializable {
}
