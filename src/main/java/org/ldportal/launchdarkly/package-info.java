/**
 * The only code that speaks HTTP to LaunchDarkly: the client (WebClient, typed errors,
 * bounded retries of reads), its request and response records, the cached directory of
 * projects and environments, and links into LaunchDarkly's user interface. Depends on no
 * other module.
 */
@ApplicationModule(displayName = "LaunchDarkly client", allowedDependencies = {})
@NullMarked
package org.ldportal.launchdarkly;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
