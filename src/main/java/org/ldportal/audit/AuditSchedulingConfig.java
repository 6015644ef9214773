package org.ldportal.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the retention purge on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditSchedulingConfig {
}
