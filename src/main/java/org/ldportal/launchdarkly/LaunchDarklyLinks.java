package org.ldportal.launchdarkly;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links to resources in LaunchDarkly's own user interface, for result pages and the audit
 * trail. The UI lives on the same host as the API (app.launchdarkly.com, or the EU or
 * federal instance).
 */
@Component
public class LaunchDarklyLinks {

    private final String baseUrl;

    public LaunchDarklyLinks(LaunchDarklyProperties properties) {
        String baseUrl = properties.baseUrl().toString();
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String environment(String projectKey, String environmentKey) {
        return url("/projects/{project}/settings/environments/{environment}/edit", projectKey, environmentKey);
    }

    public String destinations(String projectKey, String environmentKey) {
        return url("/projects/{project}/settings/integrations/data-export?env={environment}", projectKey,
                environmentKey);
    }

    public String integration(String integrationKey) {
        return url("/settings/integrations/{integration}", integrationKey);
    }

    /**
     * A page of LaunchDarkly's site by its path ("/settings/..."), on the configured
     * host.
     */
    public String page(String path) {
        return baseUrl + (path.startsWith("/") ? path : "/" + path);
    }

    private String url(String path, Object... values) {
        return UriComponentsBuilder.fromUriString(baseUrl + path).buildAndExpand(values).encode().toUriString();
    }

}
