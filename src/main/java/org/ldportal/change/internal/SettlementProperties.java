package org.ldportal.change.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How an unclear answer to a create is settled. After a timeout or a 5xx, a check that
 * finds the resource settles the attempt at once; one that does not proves nothing while
 * the request may still be in flight. So absence counts only after the in-flight window
 * (never shorter than the response timeout) and a last check after that.
 *
 * @param inFlightWindow how long after an unclear answer LaunchDarkly may still be
 * working on the request (at least the response timeout is used)
 * @param lastCheckAfter how long after the in-flight window a last check is made; "not
 * found" then settles it as not created
 * @param checkEvery how often the settlement job looks for attempts due a check (once
 * across instances)
 * @param retryAfter how long to wait before asking again when LaunchDarkly could not be
 * asked
 * @param clockTolerance how far LaunchDarkly's clock may be from the portal's, when a
 * creation time is compared with an attempt's start
 */
@ConfigurationProperties("portal.settlement")
public record SettlementProperties(@DefaultValue("60s") Duration inFlightWindow,
        @DefaultValue("5m") Duration lastCheckAfter, @DefaultValue("15s") Duration checkEvery,
        @DefaultValue("1m") Duration retryAfter, @DefaultValue("2m") Duration clockTolerance) {
}
