package org.ldportal.audit;

/** How an attempt to create something ended. */
public enum AuditOutcome {
    /** LaunchDarkly answered 2xx. */
    SUCCEEDED,
    /** LaunchDarkly answered 4xx, or a portal guardrail refused before any call (then no HTTP status). */
    REJECTED,
    /** LaunchDarkly answered 5xx, or could not be reached before the request was sent. */
    FAILED,
    /** The request was sent but no answer came (a timeout): the resource may exist. */
    UNKNOWN
}
