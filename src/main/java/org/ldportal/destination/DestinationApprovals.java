package org.ldportal.destination;

import java.util.List;
import java.util.Map;

import org.ldportal.approval.ApprovedChangeSender;
import org.ldportal.approval.PendingChange;
import org.ldportal.change.ChangeOrigin;
import org.ldportal.change.ChangeResult;
import org.ldportal.launchdarkly.WarehouseSetupScript;
import org.ldportal.security.CurrentUser;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

/**
 * A Data Export destination as a request for approval: the form and its checked values, sent as the requester once
 * approved. For a warehouse kind, what is approved is the set-up: LaunchDarkly prepares it, and the requester finds
 * it on their set-ups page to finish.
 */
@Component
class DestinationApprovals implements ApprovedChangeSender {

    static final String RESOURCE_TYPE = "destination";

    private final DestinationService destinations;
    private final DestinationKindCatalog catalog;
    private final WarehouseSetups setups;
    private final ObjectMapper json;

    DestinationApprovals(DestinationService destinations, DestinationKindCatalog catalog, WarehouseSetups setups,
            ObjectMapper json) {
        this.destinations = destinations;
        this.catalog = catalog;
        this.setups = setups;
        this.json = json;
    }

    /** What an approved destination needs to be sent: the form, its checked values, the secrets to scrub. */
    record Payload(DestinationForm form, Map<String, Object> cleaned, List<String> secretValues) {
    }

    PendingChange pending(DestinationForm form, Map<String, Object> cleaned, List<String> secretValues) {
        return new PendingChange(RESOURCE_TYPE, form.getProjectKey(), form.getEnvironmentKey(), null, form.getName(),
                form.getKind(), destinations.critical(form.getProjectKey(), form.getEnvironmentKey()),
                json.writeValueAsString(new Payload(form, cleaned, secretValues)));
    }

    @Override
    public boolean handles(String resourceType) {
        return RESOURCE_TYPE.equals(resourceType);
    }

    @Override
    public ChangeResult<?> send(String payload, CurrentUser requester, ChangeOrigin origin) {
        Payload approved = json.readValue(payload, Payload.class);
        DestinationKind kind = catalog.find(approved.form().getKind()).orElseThrow(() ->
                new IllegalStateException("The kind is no longer offered"));
        if (!kind.isWarehouse()) {
            return destinations.create(approved.form(), kind, approved.cleaned(), approved.secretValues(), requester, origin);
        }
        ChangeResult<WarehouseSetupScript> setup = destinations.setup(approved.form(), kind, approved.cleaned(), requester, origin);
        if (setup instanceof ChangeResult.Succeeded<WarehouseSetupScript> prepared) {
            Object host = approved.cleaned().get("snowflakeHostAddress");
            long id = setups.save(requester, approved.form(), host == null ? null : host.toString(), prepared.resource());
            return new ChangeResult.Succeeded<>(prepared.resource(), "/destinations/setups/" + id);
        }
        return setup;
    }
}
