package org.ldportal.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Runs the retention purge on the schedule its settings give. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditSchedulingConfig implements SchedulingConfigurer {

    private final AuditRetention retention;
    private final AuditProperties properties;

    AuditSchedulingConfig(AuditRetention retention, AuditProperties properties) {
        this.retention = retention;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(retention::purge, properties.purgeInterval(),
                properties.purgeInitialDelay()));
    }
}
