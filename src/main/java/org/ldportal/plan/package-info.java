/**
 * Golden paths: templates kept by admins that create a set of resources from one short
 * form. A template's steps are checked when saved against each kind's own form (a
 * {@link org.ldportal.plan.StepKind} each feature offers), so that a step that can never
 * be valid cannot be saved; each save is a version, and retiring keeps them all.
 */
@ApplicationModule(displayName = "Templates and plans",
        allowedDependencies = { "access", "approval", "audit", "change", "change :: pages", "form", "launchdarkly",
                "resource", "security" })
@NullMarked
package org.ldportal.plan;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
