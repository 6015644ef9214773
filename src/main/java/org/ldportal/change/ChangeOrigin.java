package org.ldportal.change;

import org.jspecify.annotations.Nullable;
import org.ldportal.audit.AuditAttempt;

/**
 * Why a change is sent now: the person pressed "Create", or an approver approved the
 * request the person made. An approved change's audit entries link to that request and
 * name the approver.
 *
 * @param requestEntryId the request's REQUESTED audit entry; null when sent directly
 * @param approver who approved it, as the trail names people
 */
public record ChangeOrigin(@Nullable Long requestEntryId, @Nullable String approver) {

    /**
     * Why an approved change of something that exists is not sent: it is no longer what
     * the requester saw.
     */
    public static final String CHANGED_SINCE_REQUEST = "It changed in LaunchDarkly after the request was made, so "
            + "nothing was sent: ask for it again from what it is now.";

    public static final ChangeOrigin DIRECT = new ChangeOrigin(null, null);

    public static ChangeOrigin approved(long requestEntryId, String approver) {
        return new ChangeOrigin(requestEntryId, approver);
    }

    /** The attempt as this origin records it. */
    public AuditAttempt apply(AuditAttempt attempt) {
        return requestEntryId == null ? attempt : attempt.approved(requestEntryId, approver);
    }
}
