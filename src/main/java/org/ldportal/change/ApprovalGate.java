package org.ldportal.change;

import java.util.Optional;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;
import org.ldportal.security.CurrentUser;

/**
 * Where the {@link ChangeFlow} asks whether a change needs a second person's approval,
 * and keeps it as a request when it does (the approval module provides it; without one,
 * nothing needs approval).
 */
public interface ApprovalGate {

    /**
     * Why and by whom the change must be approved, in words for the review page; empty
     * when no rule applies.
     */
    Optional<String> approvalNeeded(PendingChange change);

    /**
     * Keeps the change as a request for approval (recorded), and answers its id: the same
     * for a repeat of the same form's token; empty when the token is not usable (the form
     * is out of date).
     */
    OptionalLong requestApproval(@Nullable String token, CurrentUser requester, PendingChange change, Review review);

}
