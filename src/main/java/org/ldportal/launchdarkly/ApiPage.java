package org.ldportal.launchdarkly;

import java.util.List;

/**
 * One page of a paged collection. {@code totalCount} may be null when LaunchDarkly does
 * not send it.
 */
public record ApiPage<T>(List<T> items, Integer totalCount) {

    public ApiPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
