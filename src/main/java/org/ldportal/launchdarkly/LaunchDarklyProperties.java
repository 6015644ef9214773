package org.ldportal.launchdarkly;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the portal reaches LaunchDarkly.
 *
 * @param baseUrl the API host: app.launchdarkly.com, or the EU or federal instance
 * @param apiToken an API access token with the rights to create what the portal creates;
 * sent as is
 * @param apiVersion sent as {@code LD-API-Version} (the integration-configuration
 * endpoints get {@code beta})
 * @param connectTimeout how long to wait for a connection
 * @param responseTimeout how long to wait for an answer once the request is sent
 * @param maxAttempts tries of a GET that meets 429 or 5xx (POSTs are tried once)
 * @param maxRetryWait the most a GET waits in all between tries, so no request thread is
 * held for long
 * @param directoryCacheTtl how long the lists of projects and environments are used
 * before they are read again
 * @param listCacheTtl how long the lists of what exists (destinations, integration
 * configurations, subscriptions) on the manage pages are used before they are read again;
 * changes made through the portal refresh them at once (in the background: pages keep the
 * old list meanwhile); 0 turns the cache off
 */
@ConfigurationProperties("portal.launchdarkly")
public record LaunchDarklyProperties(@DefaultValue("https://app.launchdarkly.com") URI baseUrl, String apiToken,
        @DefaultValue("20240415") String apiVersion, @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration responseTimeout, @DefaultValue("3") int maxAttempts,
        @DefaultValue("10s") Duration maxRetryWait, @DefaultValue("60s") Duration directoryCacheTtl,
        @DefaultValue("20s") Duration listCacheTtl) {

    @ConstructorBinding
    public LaunchDarklyProperties {
    }

    /**
     * Without the lists' cache setting (tests and tools that do not need it): 20 seconds.
     */
    public LaunchDarklyProperties(URI baseUrl, String apiToken, String apiVersion, Duration connectTimeout,
            Duration responseTimeout, int maxAttempts, Duration maxRetryWait, Duration directoryCacheTtl) {
        this(baseUrl, apiToken, apiVersion, connectTimeout, responseTimeout, maxAttempts, maxRetryWait,
                directoryCacheTtl, Duration.ofSeconds(20));
    }

    @Override
    public String toString() {
        // Records print every component; the token must never reach a log line.
        return "LaunchDarklyProperties[baseUrl=" + baseUrl + ", apiVersion=" + apiVersion + "]";
    }
}
