package org.ldportal.environment;

import org.ldportal.approval.ApprovedChangeSender;
import org.ldportal.change.ChangeOrigin;
import org.ldportal.change.ChangeResult;
import org.ldportal.change.PendingChange;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

/** A new environment as a request for approval: the form as filled in, created as its requester once approved. */
@Component
class EnvironmentApprovals implements ApprovedChangeSender {

    static final String RESOURCE_TYPE = "environment";

    private final EnvironmentService environments;
    private final EnvironmentManagement management;
    private final ObjectMapper json;

    private final org.ldportal.change.ApiFailureTranslator failures;

    EnvironmentApprovals(EnvironmentService environments, EnvironmentManagement management, ObjectMapper json, org.ldportal.change.ApiFailureTranslator failures) {
        this.failures = failures;
        this.environments = environments;
        this.management = management;
        this.json = json;
    }

    /** What an approved change of an existing environment needs: where, what the requester saw and what they asked. */
    record Managed(String projectKey, String environmentKey, String id, java.util.Map<String, Object> seen,
            java.util.Map<String, Object> values) {
    }

    /** An edit or delete of the environment the requester saw, for the rules and, held back, for the request. */
    PendingChange pending(String projectKey, org.ldportal.launchdarkly.Environment current, ChangeAction action,
            java.util.Map<String, Object> seen, java.util.Map<String, Object> values) {
        PendingChange change = management.pending(projectKey, current, action, json.writeValueAsString(
                new Managed(projectKey, current.key(), current.id(), seen, values)));
        // An edit that marks it critical is judged as a change of a critical environment.
        boolean critical = change.critical() || Boolean.TRUE.equals(values.get("critical"));
        return change.critical(critical);
    }

    /** What the rules look at (the new key, whether it is to be critical) and what to send once approved. */
    PendingChange pending(EnvironmentForm form) {
        String key = form.effectiveKey();
        return PendingChange.create(ResourceType.ENVIRONMENT, Place.environment(form.getProjectKey(), key), form.getName(), key,
                form.isCritical(), json.writeValueAsString(form));
    }

    @Override
    public java.util.Set<ResourceType> types() {
        return java.util.Set.of(ResourceType.ENVIRONMENT);
    }

    @Override
    public ChangeResult<?> send(String payload, CurrentUser requester, ChangeOrigin origin) {
        return environments.create(json.readValue(payload, EnvironmentForm.class), requester, origin);
    }

    /** An approved edit is sent as tested against what the requester saw: changed since, LaunchDarkly refuses it. */
    @Override
    public ChangeResult<?> sendChange(String payload, ChangeAction action, CurrentUser requester, ChangeOrigin origin) {
        return failures.afterReading(() -> sendManaged(payload, action, requester, origin));
    }

    private ChangeResult<?> sendManaged(String payload, ChangeAction action, CurrentUser requester, ChangeOrigin origin) {
        Managed approved = json.readValue(payload, Managed.class);
        org.ldportal.launchdarkly.Environment current = management.find(requester, approved.projectKey(),
                approved.environmentKey());
        if (ChangeAction.DELETE.equals(action)) {
            // Deleted and made again meanwhile under the same key: not the environment that was approved for deleting.
            if (approved.id() != null && !approved.id().equals(current.id())) {
                return management.refuseChangedSince(requester, approved.projectKey(), current, action, origin);
            }
            return management.delete(requester, approved.projectKey(), current, origin);
        }
        return management.update(requester, approved.projectKey(), current, approved.seen(), approved.values(), origin);
    }
}
