package org.ldportal.resource;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the portal creates and manages in LaunchDarkly. {@link #key()} is how the audit
 * trail, the settings (approval rules' {@code resources}) and stored requests name it, so
 * it never changes.
 */
public enum ResourceType {

    ENVIRONMENT("environment", "environment"), DESTINATION("destination", "Data Export destination"),
    INTEGRATION_CONFIGURATION("integration-configuration", "integration configuration"),
    AUDIT_LOG_SUBSCRIPTION("audit-log-subscription", "audit-log subscription"),
    /** The portal's own trail, which records its retention purge: not in LaunchDarkly. */
    AUDIT_ENTRY("audit-entry", "audit entry"),
    /** A template kept by admins, from which plans are made: the portal's own. */
    TEMPLATE("template", "template"),
    /**
     * A plan of several changes made from a template: the portal's own; each of its steps
     * is a change of its own type.
     */
    PLAN("plan", "plan");

    private final String key;

    private final String words;

    ResourceType(String key, String words) {
        this.key = key;
        this.words = words;
    }

    /** As the trail and the settings name it: {@code audit-log-subscription}. */
    public String key() {
        return key;
    }

    /** In words, for messages: "audit-log subscription". */
    public String words() {
        return words;
    }

    /**
     * Whether it lives in LaunchDarkly (all but the portal's own trail and templates).
     */
    public boolean inLaunchDarkly() {
        return this != AUDIT_ENTRY && this != TEMPLATE && this != PLAN;
    }

    /** The type a key names, if any. */
    public static Optional<ResourceType> of(String key) {
        return Arrays.stream(values()).filter(type -> type.key.equals(key)).findFirst();
    }

    @Override
    public String toString() {
        return key;
    }

}
