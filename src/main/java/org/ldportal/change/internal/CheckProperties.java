package org.ldportal.change.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The checks with LaunchDarkly on the review and approval pages.
 *
 * @param timeout the longest a page waits for them; what is not answered by then is left
 * to LaunchDarkly's answer when the change is sent
 * @param cacheFor how long one person's page shows the same answer again (a reload, the
 * confirm that follows the review); an approval always asks afresh
 */
@ConfigurationProperties("portal.checks")
public record CheckProperties(@DefaultValue("2s") Duration timeout, @DefaultValue("15s") Duration cacheFor) {
}
