/**
 * Data Export destinations: the catalog of the nine kinds, the form whose fields follow
 * the kind, warehouse set-up.
 */
@ApplicationModule(displayName = "Data Export destinations",
        allowedDependencies = { "access", "approval", "audit", "change", "change :: pages", "form", "launchdarkly",
                "plan", "resource", "security" })
@NullMarked
package org.ldportal.destination;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
