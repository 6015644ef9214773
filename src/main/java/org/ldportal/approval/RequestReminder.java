package org.ldportal.approval;

/**
 * A request still waits: it has waited {@code portal.approval.remind-after}
 * ({@link Why#WAITED_LONG}), or expires within {@code portal.approval.warn-before-expiry}
 * ({@link Why#EXPIRES_SOON}). Each is published once a request, in the transaction that
 * marks it told, by whichever instance's round finds it first.
 */
public record RequestReminder(long requestId, Why why) {

    public enum Why {

        WAITED_LONG, EXPIRES_SOON

    }

}
