/**
 * The portal's frame: the home page, error pages, request ids in errors, log safety, the
 * clock. A leaf: no feature depends on it.
 */
@ApplicationModule(displayName = "Web", allowedDependencies = { "change", "security" })
@NullMarked
package org.ldportal.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
