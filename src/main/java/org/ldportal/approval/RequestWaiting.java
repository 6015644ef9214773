package org.ldportal.approval;

/**
 * A request for approval was kept and waits for an approver. Published in the transaction
 * that keeps it, so that listeners (notifications) get it once the request exists, and
 * get it even if this instance stops right after.
 *
 * @param requestId the request, read again by whoever needs more than its id (an event
 * carries no secret and no copy that could go stale)
 */
public record RequestWaiting(long requestId) {
}
