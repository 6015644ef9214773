/**
 * The one audited path for every change sent to LaunchDarkly:
 * {@link org.ldportal.change.AuditedCall} records the attempt, makes the call and answers
 * a sealed {@link org.ldportal.change.ChangeResult}; the mapping of the client's failures
 * onto outcomes and messages; putting a refusal on the form it came from; one-time
 * submission tokens; a form's typed secrets kept, encrypted, across its round trips.
 */
@ApplicationModule(displayName = "Changes",
        allowedDependencies = { "audit", "form", "launchdarkly", "resource", "security" })
@NullMarked
package org.ldportal.change;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
