/**
 * How the change flow keeps its promises, which no other module sees (Spring Modulith
 * hides a module's sub-packages): the tables of one-time tokens and of creates whose
 * outcome is not known yet, the settling job and its page, the failure a call ended in,
 * the web wiring of the {@code Submission} argument, and the settings.
 */
@NullMarked
package org.ldportal.change.internal;

import org.jspecify.annotations.NullMarked;
