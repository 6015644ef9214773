package org.ldportal.web;

import org.ldportal.audit.AuditOutcome;

/**
 * A failed call to LaunchDarkly in the portal's terms: how it is audited and what the person is told.
 *
 * @param outcome     REJECTED (4xx), FAILED (5xx or never sent) or UNKNOWN (sent, no answer)
 * @param httpStatus  LaunchDarkly's status, or null when there was no answer
 * @param code        LaunchDarkly's error code, or null
 * @param userMessage plain language: what happened and what to do
 * @param detail      LaunchDarkly's own message with secrets scrubbed, or null; shown as detail
 * @param fieldKey    the form field the error concerns, when LaunchDarkly's message names one; else null
 */
public record ApiFailure(AuditOutcome outcome, Integer httpStatus, String code, String userMessage, String detail,
        String fieldKey) {

    public boolean isConflict() {
        return httpStatus != null && httpStatus == 409;
    }

    public boolean isValidation() {
        return httpStatus != null && (httpStatus == 400 || httpStatus == 422);
    }

    /** The same failure pinned to a field, with a message written for that field. */
    public ApiFailure atField(String fieldKey, String userMessage) {
        return new ApiFailure(outcome, httpStatus, code, userMessage, detail, fieldKey);
    }
}
