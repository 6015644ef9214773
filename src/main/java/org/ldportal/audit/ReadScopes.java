package org.ldportal.audit;

import org.ldportal.security.CurrentUser;

/**
 * What a person may read of the audit trail, as the access rules say: the trail asks, the
 * access module answers, so the trail knows nothing of the rules.
 */
public interface ReadScopes {

    ReadScope readScope(CurrentUser user);

}
