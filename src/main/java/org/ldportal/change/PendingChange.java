package org.ldportal.change;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;

/**
 * A change as the approval rules, the pages and the trail see it (what, where, whether
 * critical), and what the feature needs to send it later ({@code payload}: its stored
 * record as JSON, secrets included, sealed at rest).
 *
 * @param critical whether its environment is (or, new, is to be) critical
 * @param parts the changes a change of several is made of (a plan's steps), in order: the
 * approval rules and the checks look at each; empty for a change of one thing
 */
public record PendingChange(ChangeAction action, ResourceType type, Place place, @Nullable String resourceName,
        @Nullable String resourceKey, boolean critical, String payload, List<PendingChange> parts) {

    public PendingChange {
        parts = List.copyOf(parts);
    }

    public PendingChange(ChangeAction action, ResourceType type, Place place, @Nullable String resourceName,
            @Nullable String resourceKey, boolean critical, String payload) {
        this(action, type, place, resourceName, resourceKey, critical, payload, List.of());
    }

    /** A create waiting for approval. */
    public static PendingChange create(ResourceType type, Place place, @Nullable String resourceName,
            @Nullable String resourceKey, boolean critical, String payload) {
        return new PendingChange(ChangeAction.CREATE, type, place, resourceName, resourceKey, critical, payload);
    }

    /** The same change, judged as one in a critical environment (or not). */
    public PendingChange critical(boolean isCritical) {
        return new PendingChange(action, type, place, resourceName, resourceKey, isCritical, payload, parts);
    }

    @Override
    public String toString() {
        // The payload holds secrets: never in a log line.
        return "PendingChange[" + action + " " + type + " " + resourceName + " in " + place + "]";
    }
}
