package org.ldportal.integration;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param manifestsDir read manifests from this folder ({@code <key>/manifest.json} or
 * {@code <key>.json}) instead of LaunchDarkly's API
 * @param refreshInterval how long the manifest catalog is kept before it is read again
 *
 * <p>
 * How dynamic-options endpoints are called is set under the same prefix, in the options
 * package's own record.
 */
@ConfigurationProperties("portal.integrations")
record IntegrationsProperties(Path manifestsDir, @DefaultValue("1h") Duration refreshInterval) {
}
