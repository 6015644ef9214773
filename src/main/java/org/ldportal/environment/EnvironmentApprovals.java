package org.ldportal.environment;

import org.ldportal.approval.ApprovedChangeSender;
import org.ldportal.approval.PendingChange;
import org.ldportal.change.ChangeOrigin;
import org.ldportal.change.ChangeResult;
import org.ldportal.security.CurrentUser;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

/** A new environment as a request for approval: the form as filled in, created as its requester once approved. */
@Component
class EnvironmentApprovals implements ApprovedChangeSender {

    static final String RESOURCE_TYPE = "environment";

    private final EnvironmentService environments;
    private final ObjectMapper json;

    EnvironmentApprovals(EnvironmentService environments, ObjectMapper json) {
        this.environments = environments;
        this.json = json;
    }

    /** What the rules look at (the new key, whether it is to be critical) and what to send once approved. */
    PendingChange pending(EnvironmentForm form) {
        String key = form.effectiveKey();
        return new PendingChange(RESOURCE_TYPE, form.getProjectKey(), key, null, form.getName(), key, form.isCritical(),
                json.writeValueAsString(form));
    }

    @Override
    public boolean handles(String resourceType) {
        return RESOURCE_TYPE.equals(resourceType);
    }

    @Override
    public ChangeResult<?> send(String payload, CurrentUser requester, ChangeOrigin origin) {
        return environments.create(json.readValue(payload, EnvironmentForm.class), requester, origin);
    }
}
