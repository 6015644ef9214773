package org.ldportal.approval;

/**
 * An approved request's change has an outcome: when sent, or later, when a check settled
 * an unclear one.
 *
 * @param outcome how it went, as the audit trail says it (SUCCEEDED, REJECTED, FAILED or
 * UNKNOWN)
 * @param settledLater whether a check found it after an unclear answer
 */
public record RequestSent(long requestId, String outcome, boolean settledLater) {
}
