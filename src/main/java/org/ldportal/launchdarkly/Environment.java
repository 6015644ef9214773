package org.ldportal.launchdarkly;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A LaunchDarkly environment. The SDK key ({@code apiKey}) and mobile key are
 * deliberately not mapped: they are secrets the portal has no use for, and what is not
 * read cannot be shown, logged or audited.
 *
 * @param id the client-side ID
 * @param approvalSettings where the account has approvals; else null
 */
public record Environment(@JsonProperty("_id") String id, String key, String name, String color, Integer defaultTtl,
        Boolean secureMode, Boolean defaultTrackEvents, Boolean requireComments, Boolean confirmChanges,
        Boolean critical, List<String> tags, @JsonProperty("_version") @Nullable Integer version,
        @Nullable ApprovalSettings approvalSettings) {

    public Environment(String id, String key, String name, String color, Integer defaultTtl, Boolean secureMode,
            Boolean defaultTrackEvents, Boolean requireComments, Boolean confirmChanges, Boolean critical,
            List<String> tags) {
        this(id, key, name, color, defaultTtl, secureMode, defaultTrackEvents, requireComments, confirmChanges,
                critical, tags, null, null);
    }
}
