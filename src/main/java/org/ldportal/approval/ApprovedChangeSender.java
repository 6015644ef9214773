package org.ldportal.approval;

import java.util.List;
import java.util.Set;

import org.ldportal.change.PendingChange;
import org.ldportal.change.PreparedChange;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;

/**
 * Prepares an approved change again from what its request kept, as the feature that made
 * it would have, for the change flow to send: provided by each feature for its resource
 * types. It goes through the one audited call, as the requester, its entries linked to
 * the request.
 */
public interface ApprovedChangeSender {

    /** The resource types it sends; every type has one sender (checked at start-up). */
    Set<ResourceType> types();

    /**
     * @param payload what the feature put in {@link PendingChange#payload()}
     * @param action a create, or a change of something that exists
     * @param requester who asked, with the roles and groups they had then (the access
     * rules are checked again as it is sent)
     * @return the change to send; a success's link is shown on the request
     */
    PreparedChange<?> approved(String payload, ChangeAction action, CurrentUser requester);

    /**
     * The changes a change of several is made of (a plan's steps), made ready again from
     * what its request kept, so that the checks with LaunchDarkly are asked again for
     * each before it is approved; none for a change of one (the default).
     */
    default List<PendingChange> parts(String payload, ChangeAction action, CurrentUser requester) {
        return List.of();
    }

}
