/**
 * A manifest's dynamicOptions endpoint, a third party's: https only, short timeout, size
 * cap, no private addresses.
 */
@NullMarked
package org.ldportal.integration.options;

import org.jspecify.annotations.NullMarked;
