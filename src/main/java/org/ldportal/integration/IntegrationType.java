package org.ldportal.integration;

import org.jspecify.annotations.Nullable;
import org.ldportal.resource.ResourceType;

/** The two things the portal sets up from a manifest. */
enum IntegrationType {

    CONFIGURATION("configuration", ResourceType.INTEGRATION_CONFIGURATION),
    SUBSCRIPTION("subscription", ResourceType.AUDIT_LOG_SUBSCRIPTION);

    private final String parameter;

    private final ResourceType resourceType;

    IntegrationType(String parameter, ResourceType resourceType) {
        this.parameter = parameter;
        this.resourceType = resourceType;
    }

    /** The type of this resource. */
    static IntegrationType of(ResourceType type) {
        return type == ResourceType.AUDIT_LOG_SUBSCRIPTION ? SUBSCRIPTION : CONFIGURATION;
    }

    public String parameter() {
        return parameter;
    }

    public String words() {
        return resourceType.words();
    }

    ResourceType resourceType() {
        return resourceType;
    }

    static @Nullable IntegrationType from(@Nullable String parameter, Manifest manifest) {
        if ("subscription".equals(parameter) && manifest.hasAuditLogHook()) {
            return SUBSCRIPTION;
        }
        if ("configuration".equals(parameter) && manifest.allowsConfigurations()) {
            return CONFIGURATION;
        }
        if (parameter == null || parameter.isBlank()) {
            return manifest.allowsConfigurations() ? CONFIGURATION : manifest.hasAuditLogHook() ? SUBSCRIPTION : null;
        }
        return null;
    }

    boolean hasPolicy(Manifest manifest) {
        return this == SUBSCRIPTION || manifest.hasAuditLogHook();
    }

}
