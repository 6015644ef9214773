/**
 * The portal's vocabulary of what it changes: the resource types
 * ({@link org.ldportal.resource.ResourceType}), the actions on them
 * ({@link org.ldportal.resource.ChangeAction}) and where one acts
 * ({@link org.ldportal.resource.Place}). Every other module speaks of resources in these
 * words, never in strings.
 */
@ApplicationModule(displayName = "Resources", allowedDependencies = {})
@NullMarked
package org.ldportal.resource;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
