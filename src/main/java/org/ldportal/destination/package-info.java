/**
 * Data Export destinations: the catalog of the nine kinds, the form whose fields follow
 * the kind, warehouse set-up.
 */
@ApplicationModule(displayName = "Data Export destinations",
        allowedDependencies = { "approval", "audit", "change", "form", "launchdarkly", "resource", "security", "web" })
@NullMarked
package org.ldportal.destination;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
