package org.ldportal.approval;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Looks for requests nobody decided in time, on the interval its setting gives. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ApprovalSchedulingConfig implements SchedulingConfigurer {

    private final Approvals approvals;
    private final ApprovalProperties properties;

    ApprovalSchedulingConfig(Approvals approvals, ApprovalProperties properties) {
        this.approvals = approvals;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(approvals::expireOverdue, properties.expiryCheck(),
                Duration.ofMinutes(1)));
    }
}
