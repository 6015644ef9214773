package org.ldportal.audit;

import java.time.Duration;

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

    private final ClusterLocks locks;

    AuditSchedulingConfig(AuditRetention retention, AuditProperties properties, ClusterLocks locks) {
        this.retention = retention;
        this.properties = properties;
        this.locks = locks;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        // Once across instances: held for most of an interval, so the others' schedules
        // skip this round.
        Runnable purge = locks.onceAcrossInstances("audit-purge", properties.purgeInterval(), Duration.ofHours(1),
                retention::purge);
        registrar
            .addFixedDelayTask(new FixedDelayTask(purge, properties.purgeInterval(), properties.purgeInitialDelay()));
    }

}
