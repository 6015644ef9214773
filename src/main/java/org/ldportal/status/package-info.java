/**
 * The admins' status page and its sections: the database, LaunchDarkly (token,
 * reachability, recent calls) and what each feature adds through
 * {@link org.ldportal.status.StatusSection}.
 */
@ApplicationModule(displayName = "Status", allowedDependencies = { "change", "launchdarkly", "security" })
@NullMarked
package org.ldportal.status;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
