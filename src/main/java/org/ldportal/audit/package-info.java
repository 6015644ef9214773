/**
 * The audit trail: insert-only entries (one before each call, one with its outcome),
 * redaction of secrets, the audit pages, exports and retention. Links to resources come
 * from each feature's {@link org.ldportal.audit.ResourceLinks}, so the trail never
 * depends on a feature.
 */
@ApplicationModule(displayName = "Audit trail", allowedDependencies = { "resource", "security" })
@NullMarked
package org.ldportal.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
