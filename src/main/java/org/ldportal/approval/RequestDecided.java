package org.ldportal.approval;

/**
 * A request was approved, declined or expired. Published in the transaction that decides
 * it: exactly one decision, so exactly one event, however many approvers pressed at once.
 *
 * @param status {@link RequestStatus#APPROVED}, {@link RequestStatus#DECLINED} or
 * {@link RequestStatus#EXPIRED}
 */
public record RequestDecided(long requestId, RequestStatus status) {
}
