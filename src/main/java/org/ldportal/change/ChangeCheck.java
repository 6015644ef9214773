package org.ldportal.change;

import java.util.List;

/**
 * What LaunchDarkly would refuse at once if a change were sent now (a key taken, a
 * destination already there, an integration gone), asked before it is sent and again
 * before it is approved: what was free when it was requested may be taken when it is
 * decided. Each feature provides one for the changes it makes; reads only.
 * {@link ChangeChecks} runs them, briefly cached and never longer than a short timeout.
 */
public interface ChangeCheck {

    /** Whether this check has something to ask about the change. */
    boolean handles(PendingChange change);

    /**
     * What LaunchDarkly holds today that the change runs into; none when nothing does.
     * @throws org.ldportal.launchdarkly.LaunchDarklyException when LaunchDarkly cannot
     * tell just now (the page then says the change could not be checked)
     */
    List<CheckFinding> findings(PendingChange change);

}
