/**
 * Who may do what where: the access rules asked
 * ({@link org.ldportal.access.ProjectAccess}), the guard every form, fragment and change
 * passes (a refusal recorded), what of the audit trail a person may read, the places a
 * person may act on, which the forms offer, and the "who may do what" page. The change
 * flow and the trail ask it through their own interfaces ({@code ChangeGuard},
 * {@code ReadScopes}), so neither depends on it.
 */
@ApplicationModule(displayName = "Access",
        allowedDependencies = { "audit", "change", "change :: pages", "launchdarkly", "security" })
@NullMarked
package org.ldportal.access;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
