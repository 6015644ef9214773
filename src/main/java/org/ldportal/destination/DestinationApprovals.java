package org.ldportal.destination;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.ldportal.approval.ApprovedChangeSender;
import org.ldportal.change.ApiFailureTranslator;
import org.ldportal.change.ChangeOrigin;
import org.ldportal.change.ChangeResult;
import org.ldportal.change.PatchPlan;
import org.ldportal.change.PendingChange;
import org.ldportal.change.PreparedChange;
import org.ldportal.change.StoredPayloads;
import org.ldportal.launchdarkly.Destination;
import org.ldportal.launchdarkly.PatchOperation;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

/**
 * A Data Export destination as a request for approval: the form and its checked values,
 * sent as the requester once approved. For a warehouse kind, what is approved is the
 * set-up: LaunchDarkly prepares it, and the requester finds it on their set-ups page to
 * finish.
 */
@Component
class DestinationApprovals implements ApprovedChangeSender {

    static final String RESOURCE_TYPE = "destination";

    private final DestinationService destinations;

    private final DestinationKindCatalog catalog;

    private final WarehouseSetups setups;

    private final ObjectMapper json;

    private final DestinationManagement management;

    private final ApiFailureTranslator failures;

    DestinationApprovals(DestinationService destinations, DestinationKindCatalog catalog, WarehouseSetups setups,
            ObjectMapper json, DestinationManagement management, ApiFailureTranslator failures) {
        this.failures = failures;
        this.management = management;
        this.destinations = destinations;
        this.catalog = catalog;
        this.setups = setups;
        this.json = json;
    }

    /**
     * What an approved change of an existing destination needs: where it is and the
     * version the requester saw.
     */
    record Managed(String projectKey, String environmentKey, String id, @Nullable Integer version,
            List<PatchOperation> patch, @Nullable String name, List<String> secretValues) {

        /**
         * 2: these fields with the format named. 1, without a format: the same fields, as
         * earlier releases wrote them.
         */
        static final int FORMAT = 2;

    }

    /** A turn on/off or delete of the destination the requester saw, to be approved. */
    PendingChange pending(DestinationManagement.Row seen, ChangeAction action) {
        return management.pending(seen, action,
                StoredPayloads.write(json, new Managed(seen.projectKey(), seen.environmentKey(),
                        seen.destination().id(), seen.destination().version(), List.of(), null, List.of()),
                        Managed.FORMAT));
    }

    /**
     * An edit (its patch, secrets included: the request seals it) of the destination the
     * requester saw.
     */
    PendingChange pending(DestinationManagement.Row seen, ChangeAction action, List<PatchOperation> patch, String name,
            List<String> secretValues) {
        return management.pending(seen, action,
                StoredPayloads.write(json, new Managed(seen.projectKey(), seen.environmentKey(),
                        seen.destination().id(), seen.destination().version(), patch, name, secretValues),
                        Managed.FORMAT));
    }

    /**
     * Turning the destination the person saw on or off, for the change flow; its notice
     * once done.
     */
    PreparedChange<Destination> turning(DestinationManagement.Row seen, boolean on) {
        ChangeAction action = on ? ChangeAction.TURN_ON : ChangeAction.TURN_OFF;
        return PreparedChange
            .of(pending(seen, action), () -> management.review(seen, action), Destination.class,
                    (user, origin) -> management.turn(user, seen, on, origin))
            .withoutReview()
            .repeatedAs(String.class, turned -> "The destination " + seen.destination().name() + " is now " + (on
                    ? "on: LaunchDarkly exports this environment's events to it." : "off: nothing is exported to it."));
    }

    /**
     * An edit of the destination the person saw (its tested patch), for the change flow.
     */
    PreparedChange<Destination> updating(DestinationManagement.Row current, String name, PatchPlan plan) {
        return PreparedChange
            .of(pending(current, ChangeAction.UPDATE, plan.operations(), name, plan.secretValues()),
                    () -> management.editReview(current, plan), Destination.class,
                    (user, origin) -> management.update(user, current, name, plan.operations(), plan.secretValues(),
                            origin))
            .withoutReview()
            .repeatedAs(String.class, changed -> "The destination " + name + " was changed.");
    }

    /** Deleting the destination the person saw and named, for the change flow. */
    PreparedChange<Boolean> deleting(DestinationManagement.Row seen) {
        return PreparedChange
            .of(pending(seen, ChangeAction.DELETE), () -> management.review(seen, ChangeAction.DELETE), Boolean.class,
                    (user, origin) -> management.delete(user, seen, origin))
            .withoutReview()
            .repeatedAs(String.class,
                    deleted -> "The Data Export destination " + seen.destination().name() + " was deleted.");
    }

    private ChangeResult<?> sendManaged(String payload, ChangeAction action, CurrentUser requester,
            ChangeOrigin origin) {
        Managed approved = StoredPayloads.read(json, payload, Managed.class, Managed.FORMAT);
        DestinationManagement.Row current = management.findToChange(requester, action, approved.projectKey(),
                approved.environmentKey(), approved.id());
        DestinationManagement.Row seen = DestinationManagement.withVersion(current, approved.version());
        if (ChangeAction.DELETE.equals(action)) {
            // A delete tests nothing at LaunchDarkly: the version the requester saw is
            // compared here.
            Integer now = current.destination().version();
            if (approved.version() != null && now != null && !approved.version().equals(now)) {
                return management.refuseChangedSince(requester, current, action, origin);
            }
            return management.delete(requester, seen, origin);
        }
        if (ChangeAction.UPDATE.equals(action)) {
            return management.update(requester, current, approved.name(), approved.patch(), approved.secretValues(),
                    origin);
        }
        return management.turn(requester, seen, ChangeAction.TURN_ON.equals(action), origin);
    }

    @Override
    public Set<ResourceType> types() {
        return Set.of(ResourceType.DESTINATION);
    }

    @Override
    public PreparedChange<?> approved(String payload, ChangeAction action, CurrentUser requester) {
        if (action != ChangeAction.CREATE) {
            // Sent as the destination is now in LaunchDarkly, the test still against the
            // version the requester saw: if it changed since, LaunchDarkly refuses and
            // the
            // request says so.
            return PreparedChange
                .approved((user, origin) -> failures.afterReading(() -> sendManaged(payload, action, user, origin)));
        }
        DestinationRequest approved = DestinationRequest.read(json, payload);
        DestinationKind kind = catalog.find(approved.kind())
            .orElseThrow(() -> new IllegalStateException("The kind is no longer offered"));
        return destinations.creation(approved.form(), kind, approved.cleaned(), approved.secretValues());
    }

}
