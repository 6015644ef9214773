package org.ldportal.security;

import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where people reach the portal.
 *
 * @param publicUrl the portal's public address, without a trailing slash (for example
 * {@code https://ldportal.example.com}): sign-in and sign-out redirects are built from
 * it, and a request for any other host is refused; none: built from each request
 */
@ConfigurationProperties("portal.web")
public record PublicAddressProperties(@Nullable URI publicUrl) {

    public PublicAddressProperties {
        if (publicUrl != null && publicUrl.toString().isBlank()) {
            publicUrl = null; // an empty environment variable, as docker-compose passes
                              // one that is not set
        }
        if (publicUrl != null && (publicUrl.getHost() == null || publicUrl.getScheme() == null)) {
            throw new IllegalArgumentException("portal.web.public-url must be an absolute address such as "
                    + "https://ldportal.example.com, not " + publicUrl);
        }
    }

    /** The host requests must name, lower case; null when any will do. */
    @Nullable String host() {
        return publicUrl == null ? null : publicUrl.getHost().toLowerCase(Locale.ROOT);
    }

    /**
     * The base of absolute addresses: the public URL, or Spring Security's
     * {@code {baseUrl}} from the request.
     */
    String baseUrl() {
        if (publicUrl == null) {
            return "{baseUrl}";
        }
        String base = publicUrl.toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
