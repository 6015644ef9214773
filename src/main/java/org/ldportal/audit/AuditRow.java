package org.ldportal.audit;

import org.jspecify.annotations.Nullable;

/**
 * An entry as a row of the audit page: with a link into LaunchDarkly when the resource
 * exists there.
 */
public record AuditRow(AuditEntry entry, @Nullable String link) {
}
