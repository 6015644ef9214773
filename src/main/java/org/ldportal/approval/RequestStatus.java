package org.ldportal.approval;

/** Where a request for approval stands. */
public enum RequestStatus {

    /** Waiting for an approver. */
    PENDING("Waiting for approval"),
    /** Approved and sent: its outcome says how the change went. */
    APPROVED("Approved"),
    /** Declined: nothing was sent. */
    DECLINED("Declined"),
    /** Nobody decided in time: nothing was sent. */
    EXPIRED("Expired");

    private final String words;

    RequestStatus(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

}
