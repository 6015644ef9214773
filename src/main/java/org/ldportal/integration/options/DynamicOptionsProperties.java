package org.ldportal.integration.options;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How manifests' dynamic-options endpoints may be called (the other integration settings
 * are in {@code IntegrationsProperties}, under the same prefix).
 *
 * @param allowPrivateAddresses let those endpoints be plain http or on loopback and
 * private addresses (tests and the dev launcher); never in production
 * @param optionsTimeout how long such an endpoint may take
 */
@ConfigurationProperties("portal.integrations")
record DynamicOptionsProperties(@DefaultValue("false") boolean allowPrivateAddresses,
        @DefaultValue("3s") Duration optionsTimeout) {
}
