/**
 * The dynamic form engine: field specs, bound values, validation and the view model of
 * the one field fragment. Knows nothing of LaunchDarkly.
 */
@ApplicationModule(displayName = "Form engine", allowedDependencies = {})
@NullMarked
package org.ldportal.form;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
