/**
 * Approval by a second person: which changes need one (rules in configuration), the
 * requests kept until an approver decides (secrets encrypted at rest, wiped once
 * decided), their pages, expiry, and sending an approved request through the one audited
 * call. Features hand in what they would send ({@link PendingChange}) and send it again
 * when approved ({@link org.ldportal.approval.ApprovedChangeSender}).
 */
@ApplicationModule(displayName = "Approvals",
        allowedDependencies = { "audit", "change", "change :: pages", "resource", "security" })
@NullMarked
package org.ldportal.approval;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
