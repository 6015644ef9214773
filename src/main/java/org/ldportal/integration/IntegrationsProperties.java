package org.ldportal.integration;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param manifestsDir           read manifests from this folder ({@code <key>/manifest.json} or {@code <key>.json})
 *                               instead of LaunchDarkly's API
 * @param refreshInterval        how long the manifest catalog is kept before it is read again
 * @param allowPrivateAddresses  let dynamic options call loopback and private addresses, and plain http (tests and
 *                               the dev launcher); never in production
 * @param optionsTimeout         how long a manifest's dynamic-options endpoint may take
 */
@ConfigurationProperties("portal.integrations")
record IntegrationsProperties(
        Path manifestsDir,
        @DefaultValue("1h") Duration refreshInterval,
        @DefaultValue("false") boolean allowPrivateAddresses,
        @DefaultValue("3s") Duration optionsTimeout) {
}
