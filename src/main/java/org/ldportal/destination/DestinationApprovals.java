package org.ldportal.destination;

import java.util.List;
import java.util.Map;

import org.ldportal.approval.ApprovedChangeSender;
import org.ldportal.change.ChangeOrigin;
import org.ldportal.change.ChangeResult;
import org.ldportal.change.PendingChange;
import org.ldportal.launchdarkly.WarehouseSetupScript;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
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

    private final DestinationManagement management;

    private final org.ldportal.change.ApiFailureTranslator failures;

    DestinationApprovals(DestinationService destinations, DestinationKindCatalog catalog, WarehouseSetups setups,
            ObjectMapper json, DestinationManagement management, org.ldportal.change.ApiFailureTranslator failures) {
        this.failures = failures;
        this.management = management;
        this.destinations = destinations;
        this.catalog = catalog;
        this.setups = setups;
        this.json = json;
    }

    /** What an approved destination needs to be sent: the form, its checked values, the secrets to scrub. */
    record Payload(DestinationForm form, Map<String, Object> cleaned, List<String> secretValues) {
    }

    PendingChange pending(DestinationForm form, Map<String, Object> cleaned, List<String> secretValues) {
        return PendingChange.create(ResourceType.DESTINATION, Place.environment(form.getProjectKey(), form.getEnvironmentKey()),
                form.getName(), form.getKind(), destinations.critical(form.getProjectKey(), form.getEnvironmentKey()),
                json.writeValueAsString(new Payload(form, cleaned, secretValues)));
    }

    /** What an approved change of an existing destination needs: where it is and the version the requester saw. */
    record Managed(String projectKey, String environmentKey, String id, Integer version,
            List<org.ldportal.launchdarkly.PatchOperation> patch, String name, List<String> secretValues) {
    }

    /** A turn on/off or delete of the destination the requester saw, to be approved. */
    PendingChange pending(DestinationManagement.Row seen, ChangeAction action) {
        return management.pending(seen, action, json.writeValueAsString(new Managed(seen.projectKey(), seen.environmentKey(),
                seen.destination().id(), seen.destination().version(), List.of(), null, List.of())));
    }

    /** An edit (its patch, secrets included: the request seals it) of the destination the requester saw. */
    PendingChange pending(DestinationManagement.Row seen, ChangeAction action, List<org.ldportal.launchdarkly.PatchOperation> patch,
            String name, List<String> secretValues) {
        return management.pending(seen, action, json.writeValueAsString(new Managed(seen.projectKey(), seen.environmentKey(),
                seen.destination().id(), seen.destination().version(), patch, name, secretValues)));
    }

    /**
     * Sends an approved change of an existing destination as it is now in LaunchDarkly, the test still against the
     * version the requester saw: if it changed since, LaunchDarkly refuses and the request says so.
     */
    @Override
    public ChangeResult<?> sendChange(String payload, ChangeAction action, CurrentUser requester, ChangeOrigin origin) {
        return failures.afterReading(() -> sendManaged(payload, action, requester, origin));
    }

    private ChangeResult<?> sendManaged(String payload, ChangeAction action, CurrentUser requester, ChangeOrigin origin) {
        Managed approved = json.readValue(payload, Managed.class);
        DestinationManagement.Row current = management.find(requester, approved.projectKey(), approved.environmentKey(),
                approved.id());
        DestinationManagement.Row seen = DestinationManagement.withVersion(current, approved.version());
        if (ChangeAction.DELETE.equals(action)) {
            // A delete tests nothing at LaunchDarkly: the version the requester saw is compared here.
            Integer now = current.destination().version();
            if (approved.version() != null && now != null && !approved.version().equals(now)) {
                return management.refuseChangedSince(requester, current, action, origin);
            }
            return management.delete(requester, seen, origin);
        }
        if (ChangeAction.UPDATE.equals(action)) {
            return management.update(requester, current, approved.name(), approved.patch(), approved.secretValues(), origin);
        }
        return management.turn(requester, seen, ChangeAction.TURN_ON.equals(action), origin);
    }

    @Override
    public java.util.Set<ResourceType> types() {
        return java.util.Set.of(ResourceType.DESTINATION);
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
