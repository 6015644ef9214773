package org.ldportal.notification;

import java.time.Duration;

import org.ldportal.audit.ClusterLocks;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Hands undelivered notifications back to their listeners every
 * {@code portal.notifications.retry-after}, on one instance at a time
 * ({@link Redelivery}). A class of its own: as the {@code AsyncConfigurer}, which
 * {@code @EnableAsync} creates before the scheduler looks for its configurers, its tasks
 * were never scheduled.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationSchedulingConfig implements SchedulingConfigurer {

    private final Redelivery redelivery;

    private final NotificationProperties properties;

    private final ClusterLocks locks;

    NotificationSchedulingConfig(Redelivery redelivery, NotificationProperties properties, ClusterLocks locks) {
        this.redelivery = redelivery;
        this.properties = properties;
        this.locks = locks;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Duration every = properties.retryAfter();
        Runnable redeliver = locks.onceAcrossInstances("notification-redelivery", every, every, redelivery::round);
        registrar.addFixedDelayTask(new FixedDelayTask(redeliver, every, every));
    }

}
