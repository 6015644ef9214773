package org.ldportal.approval;

import java.time.Clock;
import java.time.Duration;

import org.ldportal.audit.ClusterLocks;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Looks for requests nobody decided in time, and for approved ones an instance stopped
 * sending, on the interval its setting gives.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ApprovalSchedulingConfig implements SchedulingConfigurer {

    private final Approvals approvals;

    private final ApprovalProperties properties;

    private final ClusterLocks locks;

    private final Clock clock;

    ApprovalSchedulingConfig(Approvals approvals, ApprovalProperties properties, ClusterLocks locks, Clock clock) {
        this.clock = clock;
        this.approvals = approvals;
        this.properties = properties;
        this.locks = locks;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        // Once across instances (an expiry is one conditional UPDATE anyway, so a second
        // run would find nothing).
        Runnable expire = locks.onceAcrossInstances("approval-expiry", properties.expiryCheck(), Duration.ofMinutes(30),
                approvals::expireOverdue);
        registrar.addFixedDelayTask(new FixedDelayTask(expire, properties.expiryCheck(), Duration.ofMinutes(1)));
        // Reminders: once a request, marked as told in the transaction that publishes
        // them.
        Runnable remind = locks.onceAcrossInstances("approval-reminders", properties.expiryCheck(),
                Duration.ofMinutes(30), approvals::remindWaiting);
        registrar.addFixedDelayTask(new FixedDelayTask(remind, properties.expiryCheck(), Duration.ofMinutes(2)));
        // Approved requests an instance stopped sending: settled from the trail, their
        // secrets wiped.
        Runnable recover = locks.onceAcrossInstances("approval-recovery", properties.expiryCheck(),
                Duration.ofMinutes(30), () -> approvals.recoverInterrupted(clock.instant()));
        registrar
            .addFixedDelayTask(new FixedDelayTask(recover, properties.expiryCheck(), properties.interruptedAfter()));
    }

}
