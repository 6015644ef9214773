package org.ldportal.change;

import org.ldportal.audit.AuditAttempt;
import org.ldportal.security.PortalRole;

/**
 * The last check before a change is sent: that its author holds the role where it acts.
 * The access module answers it; a refusal is recorded and thrown as
 * {@link NotAllowedException}.
 */
public interface ChangeGuard {

    void require(AuditAttempt attempt, PortalRole role);

}
