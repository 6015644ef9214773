package org.ldportal.integration;

/** The two things the portal sets up from a manifest. */
enum IntegrationType {
    CONFIGURATION("configuration", "integration configuration", "integration-configuration"),
    SUBSCRIPTION("subscription", "audit-log subscription", "audit-log-subscription");

    private final String parameter;
    private final String words;
    private final String resourceType;

    IntegrationType(String parameter, String words, String resourceType) {
        this.parameter = parameter;
        this.words = words;
        this.resourceType = resourceType;
    }

    public String parameter() {
        return parameter;
    }

    public String words() {
        return words;
    }

    String resourceType() {
        return resourceType;
    }

    static IntegrationType from(String parameter, Manifest manifest) {
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
