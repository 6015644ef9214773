package org.ldportal.plan;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The plans' settings.
 *
 * @param keepValues how long a plan that stopped (or was interrupted) and is left so
 * keeps its steps' values, secrets included, sealed for a resume; after that they are let
 * go, and resuming it says to use the template again
 * @param retentionCheck how often the portal looks for such plans (once across instances)
 */
@ConfigurationProperties("portal.plans")
record PlanProperties(@DefaultValue("30d") Duration keepValues, @DefaultValue("1h") Duration retentionCheck) {
}
