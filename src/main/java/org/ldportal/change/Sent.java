package org.ldportal.change;

import org.jspecify.annotations.Nullable;

/**
 * What a successful answer says of the resource, for its outcome entry and the result
 * page.
 *
 * @param key the resource's key, when it has one
 * @param id LaunchDarkly's id of it, when it has one
 * @param link where it is in LaunchDarkly's user interface, or null
 */
public record Sent(@Nullable String key, @Nullable String id, @Nullable String link) {

    static final Sent NOTHING_KNOWN = new Sent(null, null, null);

}
