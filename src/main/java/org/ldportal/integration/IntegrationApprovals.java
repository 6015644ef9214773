package org.ldportal.integration;

import java.util.List;
import java.util.Objects;
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
import org.ldportal.form.FormSpec;
import org.ldportal.launchdarkly.PatchOperation;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

/**
 * An integration configuration or audit-log subscription as a request for approval: the
 * form and its checked values, sent as the requester once approved, against the manifest
 * as the catalog has it then.
 */
@Component
class IntegrationApprovals implements ApprovedChangeSender {

    private final IntegrationService integrations;

    private final IntegrationManagement management;

    private final ManifestCatalog catalog;

    private final ObjectMapper json;

    private final ApiFailureTranslator failures;

    IntegrationApprovals(IntegrationService integrations, IntegrationManagement management, ManifestCatalog catalog,
            ObjectMapper json, ApiFailureTranslator failures) {
        this.failures = failures;
        this.integrations = integrations;
        this.management = management;
        this.catalog = catalog;
        this.json = json;
    }

    /** What an approved change of an existing configuration or subscription needs. */
    record Managed(String manifestKey, String type, String id, @Nullable Integer version, List<PatchOperation> patch,
            @Nullable String name, List<String> secretValues, String seenState) {

        /**
         * 2: these fields with the format named. 1, without a format: the same fields, as
         * earlier releases wrote them.
         */
        static final int FORMAT = 2;

    }

    /**
     * An edit (its patch, secrets included: the request seals it) of what the requester
     * saw.
     */
    PendingChange pending(Manifest manifest, IntegrationManagement.Item seen, ChangeAction action,
            List<PatchOperation> patch, String name, List<String> secretValues) {
        return new PendingChange(action, seen.type().resourceType(), Place.integration(manifest.key()), name, null,
                false, StoredPayloads.write(json, new Managed(manifest.key(), seen.type().parameter(), seen.id(),
                        seen.version(), patch, name, secretValues, seen.state()), Managed.FORMAT));
    }

    /**
     * A turn on/off or delete of what the requester saw, for the rules and, held back,
     * for the request.
     */
    PendingChange pending(Manifest manifest, IntegrationManagement.Item seen, ChangeAction action) {
        return new PendingChange(action, seen.type().resourceType(), Place.integration(manifest.key()), seen.name(),
                null, false, StoredPayloads.write(json, new Managed(manifest.key(), seen.type().parameter(), seen.id(),
                        seen.version(), List.of(), null, List.of(), seen.state()), Managed.FORMAT));
    }

    /**
     * Turning the configuration or subscription the person saw on or off, for the change
     * flow.
     */
    PreparedChange<IntegrationManagement.Item> turning(Manifest manifest, IntegrationManagement.Item seen, boolean on) {
        ChangeAction action = on ? ChangeAction.TURN_ON : ChangeAction.TURN_OFF;
        return PreparedChange.of(pending(manifest, seen, action), () -> management.review(manifest, seen, action),
                IntegrationManagement.Item.class, (user, origin) -> management.turn(user, manifest, seen, on, origin))
            .withoutReview()
            .repeatedAs(String.class,
                    turned -> "The " + seen.type().words() + " " + seen.name() + " is now " + (on ? "on." : "off."));
    }

    /** An edit of what the person saw (its tested patch), for the change flow. */
    PreparedChange<IntegrationManagement.Item> updating(Manifest manifest, IntegrationManagement.Item current,
            String name, PatchPlan plan) {
        return PreparedChange
            .of(pending(manifest, current, ChangeAction.UPDATE, plan.operations(), name, plan.secretValues()),
                    () -> management.editReview(manifest, current, plan), IntegrationManagement.Item.class,
                    (user, origin) -> management.update(user, manifest, current, name, plan.operations(),
                            plan.secretValues(), origin))
            .withoutReview()
            .repeatedAs(String.class, changed -> "The " + current.type().words() + " " + name + " was changed.");
    }

    /** Deleting what the person saw and named, for the change flow. */
    PreparedChange<Boolean> deleting(Manifest manifest, IntegrationManagement.Item item) {
        return PreparedChange
            .of(pending(manifest, item, ChangeAction.DELETE),
                    () -> management.review(manifest, item, ChangeAction.DELETE), Boolean.class,
                    (user, origin) -> management.delete(user, manifest, item, origin))
            .withoutReview()
            .repeatedAs(String.class, deleted -> "The " + item.type().words() + " " + item.name() + " was deleted.");
    }

    private ChangeResult<?> sendManaged(String payload, ChangeAction action, CurrentUser requester,
            ChangeOrigin origin) {
        Managed approved = StoredPayloads.read(json, payload, Managed.class, Managed.FORMAT);
        Manifest manifest = catalog.find(approved.manifestKey())
            .orElseThrow(() -> new IllegalStateException("The integration is no longer in the catalog"));
        IntegrationType type = "subscription".equals(approved.type()) ? IntegrationType.SUBSCRIPTION
                : IntegrationType.CONFIGURATION;
        IntegrationManagement.Item current = management.findToChange(requester, action, manifest, type, approved.id());
        IntegrationManagement.Item seen = current.withVersion(approved.version());
        if (ChangeAction.DELETE.equals(action)) {
            // A delete tests nothing at LaunchDarkly: the version the requester saw is
            // compared here.
            boolean versionMoved = approved.version() != null && current.version() != null
                    && !approved.version().equals(current.version());
            // Without a version (the spec's schemas have none), what the requester saw is
            // compared as a whole.
            boolean stateMoved = approved.version() == null && approved.seenState() != null
                    && !approved.seenState().equals(current.state());
            if (versionMoved || stateMoved) {
                return management.refuseChangedSince(requester, manifest, current, action, origin);
            }
            return management.delete(requester, manifest, seen, origin);
        }
        if (ChangeAction.UPDATE.equals(action)) {
            return management.update(requester, manifest, seen, approved.name(), approved.patch(),
                    approved.secretValues(), origin);
        }
        return management.turn(requester, manifest, seen, ChangeAction.TURN_ON.equals(action), origin);
    }

    @Override
    public Set<ResourceType> types() {
        return Set.of(ResourceType.INTEGRATION_CONFIGURATION, ResourceType.AUDIT_LOG_SUBSCRIPTION);
    }

    @Override
    public PreparedChange<?> approved(String payload, ChangeAction action, CurrentUser requester) {
        if (action != ChangeAction.CREATE) {
            // Sent as tested against the version the requester saw.
            return PreparedChange
                .approved((user, origin) -> failures.afterReading(() -> sendManaged(payload, action, user, origin)));
        }
        IntegrationRequest approved = IntegrationRequest.read(json, payload);
        Manifest manifest = catalog.find(approved.manifestKey())
            .orElseThrow(() -> new IllegalStateException("The integration is no longer in the catalog"));
        IntegrationType type = IntegrationType.from(approved.type(), manifest);
        IntegrationForm form = approved.form();
        FormSpec spec = integrations.configForm(manifest, requester);
        // A type the manifest no longer offers fails here, as it did in creation().
        return integrations.creation(manifest, Objects.requireNonNull(type), form, spec, approved.cleaned(),
                approved.secretValues());
    }

}
