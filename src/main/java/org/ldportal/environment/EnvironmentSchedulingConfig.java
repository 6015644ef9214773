package org.ldportal.environment;

import java.time.Clock;
import java.time.Duration;

import org.ldportal.audit.ClusterLocks;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Time-limited environments: reminders and deletions, each round on one instance
 * ({@code portal.environments.lifetime-check}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EnvironmentSchedulingConfig implements SchedulingConfigurer {

    private final ScheduledEnvironmentDeletions deletions;

    private final EnvironmentProperties properties;

    private final ClusterLocks locks;

    private final Clock clock;

    EnvironmentSchedulingConfig(ScheduledEnvironmentDeletions deletions, EnvironmentProperties properties,
            ClusterLocks locks, Clock clock) {
        this.deletions = deletions;
        this.properties = properties;
        this.locks = locks;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Duration every = properties.lifetimeCheck();
        // Reminders first: an environment whose day came while no instance ran is still
        // announced before it goes, if only moments before.
        Runnable round = locks.onceAcrossInstances("environment-lifetimes", every, Duration.ofMinutes(30), () -> {
            deletions.remind(clock.instant());
            deletions.deleteDue(clock.instant());
        });
        registrar.addFixedDelayTask(new FixedDelayTask(round, every, Duration.ofMinutes(3)));
    }

}
