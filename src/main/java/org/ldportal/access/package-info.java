/**
 * Who may do what where, as people see it: the places (projects and environments) a
 * person may act on, which the forms offer, and the "who may do what" page.
 */
@ApplicationModule(displayName = "Access", allowedDependencies = { "change", "launchdarkly", "security" })
@NullMarked
package org.ldportal.access;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
