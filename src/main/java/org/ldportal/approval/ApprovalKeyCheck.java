package org.ldportal.approval;

import org.ldportal.change.SecretsProperties;
import org.springframework.stereotype.Component;

/**
 * With approval rules, requests keep secrets for days, across restarts and instances: a
 * key made at start-up would lose them. So the portal does not start without
 * {@code portal.secrets.key} then.
 */
@Component
class ApprovalKeyCheck {

    ApprovalKeyCheck(ApprovalProperties approvals, SecretsProperties secrets) {
        if (!approvals.rules().isEmpty() && (secrets.key() == null || secrets.key().isBlank())) {
            throw new MissingSecretsKeyException();
        }
    }

}
