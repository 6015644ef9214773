/**
 * Integrations: manifests (parser, catalog, manifest to form), integration configurations
 * and audit-log subscriptions. Its {@code options} package, internal to this module, is
 * the one other outbound call: a manifest's dynamic-options endpoint, guarded.
 */
@ApplicationModule(displayName = "Integrations",
        allowedDependencies = { "access", "approval", "audit", "change", "change :: pages", "form", "launchdarkly",
                "plan", "resource", "security", "status" })
@NullMarked
package org.ldportal.integration;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
