package org.ldportal.environment;

import java.util.Map;
import java.util.Set;

import org.ldportal.approval.ApprovedChangeSender;
import org.ldportal.change.ApiFailureTranslator;
import org.ldportal.change.ChangeOrigin;
import org.ldportal.change.ChangeResult;
import org.ldportal.change.PendingChange;
import org.ldportal.change.PreparedChange;
import org.ldportal.change.StoredPayloads;
import org.ldportal.launchdarkly.Environment;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

/**
 * A new environment as a request for approval: the form as filled in, created as its
 * requester once approved.
 */
@Component
class EnvironmentApprovals implements ApprovedChangeSender {

    static final String RESOURCE_TYPE = "environment";

    private final EnvironmentService environments;

    private final EnvironmentManagement management;

    private final ObjectMapper json;

    private final ApiFailureTranslator failures;

    EnvironmentApprovals(EnvironmentService environments, EnvironmentManagement management, ObjectMapper json,
            ApiFailureTranslator failures) {
        this.failures = failures;
        this.environments = environments;
        this.management = management;
        this.json = json;
    }

    /**
     * What an approved change of an existing environment needs: where, what the requester
     * saw and what they asked.
     */
    record Managed(String projectKey, String environmentKey, String id, Map<String, Object> seen,
            Map<String, Object> values) {

        /**
         * 2: these fields with the format named. 1, without a format: the same fields, as
         * earlier releases wrote them.
         */
        static final int FORMAT = 2;

    }

    /**
     * An edit or delete of the environment the requester saw, for the rules and, held
     * back, for the request.
     */
    PendingChange pending(String projectKey, Environment current, ChangeAction action, Map<String, Object> seen,
            Map<String, Object> values) {
        PendingChange change = management.pending(projectKey, current, action, StoredPayloads.write(json,
                new Managed(projectKey, current.key(), current.id(), seen, values), Managed.FORMAT));
        // An edit that marks it critical is judged as a change of a critical environment.
        boolean critical = change.critical() || Boolean.TRUE.equals(values.get("critical"));
        return change.critical(critical);
    }

    /**
     * An edit of the environment the person saw (only what changed, tested against what
     * the page showed).
     */
    PreparedChange<Environment> updating(String projectKey, Environment current, Map<String, Object> seen,
            Map<String, Object> values) {
        return PreparedChange
            .of(pending(projectKey, current, ChangeAction.UPDATE, seen, values),
                    () -> management.review(projectKey, current, seen, values), Environment.class,
                    (user, origin) -> management.update(user, projectKey, current, seen, values, origin))
            .withoutReview()
            .repeatedAs(String.class, changed -> "The environment " + values.get("name") + " was changed.");
    }

    /** Deleting the environment the person saw and whose key they typed. */
    PreparedChange<Boolean> deleting(String projectKey, Environment environment) {
        return PreparedChange
            .of(pending(projectKey, environment, ChangeAction.DELETE, Map.of(), Map.of()),
                    () -> management.deleteReview(projectKey, environment), Boolean.class,
                    (user, origin) -> management.delete(user, projectKey, environment, origin))
            .withoutReview()
            .repeatedAs(String.class, deleted -> "The environment " + environment.name() + " (" + environment.key()
                    + ") was deleted from project " + projectKey + ".");
    }

    @Override
    public Set<ResourceType> types() {
        return Set.of(ResourceType.ENVIRONMENT);
    }

    @Override
    public PreparedChange<?> approved(String payload, ChangeAction action, CurrentUser requester) {
        if (action == ChangeAction.CREATE) {
            return environments.creation(EnvironmentRequest.read(json, payload).form());
        }
        // An edit is sent as tested against what the requester saw: changed since,
        // LaunchDarkly refuses it.
        return PreparedChange
            .approved((user, origin) -> failures.afterReading(() -> sendManaged(payload, action, user, origin)));
    }

    private ChangeResult<?> sendManaged(String payload, ChangeAction action, CurrentUser requester,
            ChangeOrigin origin) {
        Managed approved = StoredPayloads.read(json, payload, Managed.class, Managed.FORMAT);
        Environment current = management.findToChange(requester, action, approved.projectKey(),
                approved.environmentKey());
        if (ChangeAction.DELETE.equals(action)) {
            // Deleted and made again meanwhile under the same key: not the environment
            // that was approved for deleting.
            if (approved.id() != null && !approved.id().equals(current.id())) {
                return management.refuseChangedSince(requester, approved.projectKey(), current, action, origin);
            }
            return management.delete(requester, approved.projectKey(), current, origin);
        }
        return management.update(requester, approved.projectKey(), current, approved.seen(), approved.values(), origin);
    }

}
