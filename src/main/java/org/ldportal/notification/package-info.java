/**
 * Telling people: approvers that a request waits for them, requesters what was decided
 * and how the change went. Listens to the approval module's events, delivered from the
 * event publication registry on the portal's database (an event published with a decision
 * is kept until each listener has it), so that no controller calls it and an instance
 * stopping loses nothing.
 */
@ApplicationModule(displayName = "Notifications",
        allowedDependencies = { "approval", "audit", "change", "resource", "security", "status" })
@NullMarked
package org.ldportal.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
