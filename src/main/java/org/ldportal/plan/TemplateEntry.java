package org.ldportal.plan;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A template as the admins' list shows it: its latest version, and whether retired. */
public record TemplateEntry(String key, String name, int latestVersion, String savedBy, Instant savedAt,
        @Nullable Instant retiredAt, @Nullable String retiredBy) {

    public boolean retired() {
        return retiredAt != null;
    }

}
