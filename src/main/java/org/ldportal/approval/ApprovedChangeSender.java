package org.ldportal.approval;

import java.util.Set;

import org.ldportal.change.ChangeOrigin;
import org.ldportal.change.ChangeResult;
import org.ldportal.change.PendingChange;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;

/**
 * Sends an approved change, as the feature that made it would have: provided by each
 * feature for its resource types. It goes through the one audited call, as the requester,
 * its entries linked to the request ({@code origin}).
 */
public interface ApprovedChangeSender {

    /** The resource types it sends; every type has one sender (checked at start-up). */
    Set<ResourceType> types();

    /**
     * @param payload what the feature put in {@link PendingChange#payload()}
     * @param requester who asked, with the roles and groups they had then (the access
     * rules are checked again)
     * @return the change's result; a success's link is shown on the request
     */
    ChangeResult<?> send(String payload, CurrentUser requester, ChangeOrigin origin);

    /**
     * Sends an approved change of {@code action}: a create by
     * {@link #send(String, CurrentUser, ChangeOrigin)}, any other by {@link #sendChange}.
     */
    default ChangeResult<?> send(String payload, ChangeAction action, CurrentUser requester, ChangeOrigin origin) {
        return action == ChangeAction.CREATE ? send(payload, requester, origin)
                : sendChange(payload, action, requester, origin);
    }

    /**
     * Sends an approved update, switch or delete of something that exists; a feature that
     * manages none has none.
     */
    default ChangeResult<?> sendChange(String payload, ChangeAction action, CurrentUser requester,
            ChangeOrigin origin) {
        throw new IllegalStateException("No sender for " + action);
    }

}
