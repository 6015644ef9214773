package org.ldportal.change;

import org.jspecify.annotations.Nullable;

/**
 * One thing a {@link ChangeCheck} found, shown at the review line it concerns.
 *
 * @param blocking whether LaunchDarkly would refuse the change (else it deserves a second
 * look only)
 * @param line the label of the review line it concerns ("Key", "Environment"), or null
 * for the change as a whole
 * @param message plain language: what is in the way and what to do
 */
public record CheckFinding(boolean blocking, @Nullable String line, String message) {

    /** LaunchDarkly would refuse the change. */
    public static CheckFinding blocking(@Nullable String line, String message) {
        return new CheckFinding(true, line, message);
    }

    /** LaunchDarkly would accept it, but it may not be what the person wants. */
    public static CheckFinding warning(@Nullable String line, String message) {
        return new CheckFinding(false, line, message);
    }

}
