package org.ldportal.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of entries, newest first, with the cursors to the neighbouring pages (keyset
 * pagination on the id, which grows with every insert, so no page is found by counting
 * rows from the start).
 *
 * @param newerThan the id to pass as {@code after} for the previous (newer) page, or null
 * on the first page
 * @param olderThan the id to pass as {@code before} for the next (older) page, or null on
 * the last page
 */
public record AuditPage(List<AuditEntry> entries, @Nullable Long newerThan, @Nullable Long olderThan) {
}
