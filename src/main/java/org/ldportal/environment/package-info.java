/** Environments of a project: key rules, guardrails, the form and its result page. */
@ApplicationModule(displayName = "Environments",
        allowedDependencies = { "access", "approval", "audit", "change", "change :: pages", "form", "launchdarkly",
                "plan", "resource", "security" })
@NullMarked
package org.ldportal.environment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
