package org.ldportal.approval;

/** What came of an approver's decision. */
public sealed interface Decision {

    /** Approved and sent; the change's own outcome in words. */
    record Approved(String outcome, String message) implements Decision {
    }

    /** Declined: nothing is sent. */
    record Declined() implements Decision {
    }

    /** The decision could not be taken; nothing changed. */
    record NotTaken(String reason) implements Decision {
    }

}
