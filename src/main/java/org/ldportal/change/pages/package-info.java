/**
 * What the pages of a change share, the change module's named interface for controllers:
 * showing the flow's steps (ChangePages, ManagePage, ChangeForm), the one-time token of a
 * form, refusals placed at their fields (FormRefusals), the review, the delete
 * confirmation, the page of something gone, lists read with a warning, known keys, and a
 * form sent after the session ended, restored. Modules that only change things (approval
 * sending, the trail) use the flow itself and need none of it.
 */
@NamedInterface("pages")
@NullMarked
package org.ldportal.change.pages;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
