/**
 * The home and error pages, and the lists a form page reads from LaunchDarkly (with a
 * warning when it is down).
 */
@ApplicationModule(displayName = "Web", allowedDependencies = { "change", "launchdarkly", "security" })
@NullMarked
package org.ldportal.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
