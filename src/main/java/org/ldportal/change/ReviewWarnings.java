package org.ldportal.change;

import org.ldportal.change.internal.ReviewProperties;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.ldportal.security.KeyPattern;
import org.springframework.stereotype.Component;

/** The warnings of a review page, worded once for every feature. */
@Component
public class ReviewWarnings {

    private final ReviewProperties properties;

    public ReviewWarnings(ReviewProperties properties) {
        this.properties = properties;
    }

    /**
     * A warning when the environment is critical or its key looks like production; null
     * otherwise.
     */
    public @Nullable String environment(String name, String key, boolean critical) {
        if (critical) {
            return name + " (" + key + ") is a critical environment: changes there affect your customers.";
        }
        if (productionLike(key)) {
            return name + " (" + key + ") looks like a production environment: changes there affect your customers.";
        }
        return null;
    }

    public boolean productionLike(String environmentKey) {
        return properties.productionEnvironments()
            .stream()
            .anyMatch(pattern -> KeyPattern.matches(pattern, environmentKey.toLowerCase(Locale.ROOT)));
    }

    /**
     * Warnings for hosts outside the company's domains, among the values of a form: every
     * http(s) address, and every value of a field whose name speaks of a host. None when
     * no domains are configured.
     */
    public List<String> hosts(Map<String, ?> values) {
        if (properties.allowedDomains().isEmpty()) {
            return List.of();
        }
        Set<String> outside = new LinkedHashSet<>();
        values.forEach((key, value) -> {
            if (value instanceof Collection<?> many) {
                many.forEach(item -> host(key, item).filter(this::outsideCompany).ifPresent(outside::add));
            }
            else {
                host(key, value).filter(this::outsideCompany).ifPresent(outside::add);
            }
        });
        List<String> warnings = new ArrayList<>();
        for (String host : outside) {
            warnings.add("Data will be sent to " + host + ", outside the company's domains ("
                    + String.join(", ", properties.allowedDomains()) + ").");
        }
        return warnings;
    }

    private boolean outsideCompany(String host) {
        return properties.allowedDomains()
            .stream()
            .map(domain -> domain.strip().toLowerCase(Locale.ROOT))
            .noneMatch(domain -> host.equals(domain) || host.endsWith("." + domain));
    }

    private static Optional<String> host(String key, @Nullable Object value) {
        if (!(value instanceof String text) || text.isBlank() || text.length() > 2048) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        boolean address = trimmed.regionMatches(true, 0, "https://", 0, 8)
                || trimmed.regionMatches(true, 0, "http://", 0, 7);
        if (!address && !key.toLowerCase(Locale.ROOT).contains("host")) {
            return Optional.empty();
        }
        try {
            String host = URI.create(address ? trimmed : "https://" + trimmed).getHost();
            return host == null ? Optional.empty() : Optional.of(host.toLowerCase(Locale.ROOT));
        }
        catch (IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
    }

}
