package org.ldportal.change.internal;

import org.ldportal.change.Change;
import org.ldportal.change.ChangeResult;
import org.jspecify.annotations.Nullable;
import org.ldportal.audit.AuditOutcome;

/**
 * A call to LaunchDarkly that did not succeed, in the portal's terms: how it is audited
 * and what the person is told.
 *
 * @param outcome REJECTED (4xx), FAILED (never reached LaunchDarkly) or UNKNOWN (sent, no
 * clear answer)
 * @param httpStatus LaunchDarkly's status, or null when there was no answer
 * @param code LaunchDarkly's error code, or null
 * @param userMessage plain language: what happened and what to do
 * @param detail LaunchDarkly's own message with secrets scrubbed, or null; shown as
 * detail
 */
public record ApiFailure(AuditOutcome outcome, @Nullable Integer httpStatus, @Nullable String code, String userMessage,
        @Nullable String detail) {

    /**
     * What the trail keeps as the error message: LaunchDarkly's own words when there are
     * any.
     */
    public String auditMessage() {
        return detail != null ? detail : userMessage;
    }

    /**
     * The result a page shows: a refusal placed by the change's locator, a failure, or
     * "it may exist".
     */
    public <T> ChangeResult<T> toResult(Change.Locator locator) {
        return switch (outcome) {
            case REJECTED -> new ChangeResult.Refused<>(locator.locate(detail), userMessage, detail, httpStatus, null);
            case FAILED -> new ChangeResult.Failed<>(userMessage);
            default -> new ChangeResult.MayExist<>(userMessage, detail);
        };
    }
}
