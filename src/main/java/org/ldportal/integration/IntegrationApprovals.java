package org.ldportal.integration;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.ldportal.approval.ApprovedChangeSender;
import org.ldportal.approval.PendingChange;
import org.ldportal.change.ChangeOrigin;
import org.ldportal.change.ChangeResult;
import org.ldportal.security.CurrentUser;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

/**
 * An integration configuration or audit-log subscription as a request for approval: the form and its checked
 * values, sent as the requester once approved, against the manifest as the catalog has it then.
 */
@Component
class IntegrationApprovals implements ApprovedChangeSender {

    private final IntegrationService integrations;
    private final ManifestCatalog catalog;
    private final ObjectMapper json;

    IntegrationApprovals(IntegrationService integrations, ManifestCatalog catalog, ObjectMapper json) {
        this.integrations = integrations;
        this.catalog = catalog;
        this.json = json;
    }

    /** What an approved integration needs to be sent. */
    record Payload(String manifestKey, String type, IntegrationForm form, Map<String, Object> cleaned,
            List<String> secretValues) {
    }

    PendingChange pending(Manifest manifest, IntegrationType type, IntegrationForm form, Map<String, Object> cleaned,
            List<String> secretValues) {
        return new PendingChange(type.resourceType(), null, null, manifest.key(), form.getName(), null, false,
                json.writeValueAsString(new Payload(manifest.key(), type.parameter(), form, cleaned, secretValues)));
    }

    @Override
    public boolean handles(String resourceType) {
        return Arrays.stream(IntegrationType.values()).anyMatch(type -> type.resourceType().equals(resourceType));
    }

    @Override
    public ChangeResult<?> send(String payload, CurrentUser requester, ChangeOrigin origin) {
        Payload approved = json.readValue(payload, Payload.class);
        Manifest manifest = catalog.find(approved.manifestKey()).orElseThrow(() ->
                new IllegalStateException("The integration is no longer in the catalog"));
        IntegrationType type = IntegrationType.from(approved.type(), manifest);
        return integrations.create(manifest, type, approved.form(), integrations.configForm(manifest, requester), approved.cleaned(),
                approved.secretValues(), requester, origin);
    }
}
