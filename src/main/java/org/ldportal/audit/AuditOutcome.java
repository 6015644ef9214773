package org.ldportal.audit;

/** How an attempt to change something in LaunchDarkly ended. */
public enum AuditOutcome {

    /**
     * Written before the call; the outcome follows as a second entry linked to it. Shown
     * only while no outcome entry exists: alone, it means the portal stopped before it
     * could record how the call ended.
     */
    STARTED,
    /** LaunchDarkly answered 2xx. */
    SUCCEEDED,
    /**
     * LaunchDarkly answered 4xx, or a portal guardrail refused before any call (then no
     * HTTP status).
     */
    REJECTED,
    /**
     * The request never reached LaunchDarkly (refused connection, unknown host): nothing
     * was changed.
     */
    FAILED,
    /**
     * The request was sent and no clear answer came (a timeout, a 5xx, an error after the
     * answer): it may exist.
     */
    UNKNOWN,
    /**
     * The change needs a second person's approval: kept as a request, nothing sent yet.
     */
    REQUESTED,
    /**
     * An approver approved the request: the change is sent next, its outcome linked to
     * the request.
     */
    APPROVED,
    /** An approver declined the request: nothing was sent. */
    DECLINED,
    /** Nobody decided in time: nothing was sent. */
    EXPIRED

}
