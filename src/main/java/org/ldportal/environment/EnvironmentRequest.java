package org.ldportal.environment;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A new environment as a request for approval keeps it until a second person decides (up
 * to seven days): a record of its own, never the MVC form, so that renaming a form field
 * cannot drop a value from requests already waiting. Written in the newest
 * {@link #FORMAT}; {@link #read} reads every format ever stored.
 */
record EnvironmentRequest(int format, String projectKey, String name, @Nullable String key, String color,
        @Nullable Integer defaultTtl, boolean secureMode, boolean defaultTrackEvents, boolean requireComments,
        boolean confirmChanges, boolean critical, @Nullable String tags, @Nullable String sourceKey,
        @Nullable LocalDate deleteAfter) {

    /**
     * 3: this record. 2: without {@code deleteAfter} (read as none). 1, without a format:
     * the form as Jackson wrote it, by the same names.
     */
    static final int FORMAT = 3;

    static EnvironmentRequest of(EnvironmentForm form) {
        return new EnvironmentRequest(FORMAT, form.getProjectKey(), form.getName(), form.getKey(), form.getColor(),
                form.getDefaultTtl(), form.isSecureMode(), form.isDefaultTrackEvents(), form.isRequireComments(),
                form.isConfirmChanges(), form.isCritical(), form.getTags(), form.getSourceKey(), form.getDeleteAfter());
    }

    static EnvironmentRequest read(ObjectMapper json, String payload) {
        JsonNode stored = json.readTree(payload);
        if (!stored.has("format")) {
            ((ObjectNode) stored).put("format", 1);
        }
        return json.treeToValue(stored, EnvironmentRequest.class);
    }

    /** The form it was made from, to be sent as the requester sent it. */
    EnvironmentForm form() {
        EnvironmentForm form = new EnvironmentForm();
        form.setProjectKey(projectKey);
        form.setName(name);
        form.setKey(key);
        form.setColor(color);
        form.setDefaultTtl(defaultTtl);
        form.setSecureMode(secureMode);
        form.setDefaultTrackEvents(defaultTrackEvents);
        form.setRequireComments(requireComments);
        form.setConfirmChanges(confirmChanges);
        form.setCritical(critical);
        form.setTags(tags);
        form.setSourceKey(sourceKey);
        form.setDeleteAfter(deleteAfter);
        return form;
    }
}
