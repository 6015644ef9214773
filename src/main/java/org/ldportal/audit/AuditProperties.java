package org.ldportal.audit;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the audit trail is kept.
 *
 * @param retentionDays delete entries older than this many days; unset (the default)
 * keeps them forever
 * @param purgeInterval how often the retention purge runs
 * @param purgeInitialDelay how long after start-up the first purge runs
 */
@ConfigurationProperties("portal.audit")
public record AuditProperties(@Nullable Integer retentionDays, @DefaultValue("24h") Duration purgeInterval,
        @DefaultValue("5m") Duration purgeInitialDelay) {
}
