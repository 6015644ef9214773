/**
 * Sign-in through the company's SSO (OpenID Connect), groups mapped to portal roles, the
 * current user.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = {})
@NullMarked
package org.ldportal.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
