package org.ldportal.change.internal;

import org.ldportal.change.UnknownOutcomes;
import java.time.Clock;
import java.time.Duration;

import org.ldportal.audit.ClusterLocks;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Looks, on its interval, at the creates whose outcome is unknown and are due a check
 * (after an unclear answer, or left by an instance that stopped mid-call), once across
 * instances.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SettlementSchedulingConfig implements SchedulingConfigurer {

    private final UnknownOutcomes outcomes;

    private final SettlementProperties properties;

    private final ClusterLocks locks;

    private final Clock clock;

    public SettlementSchedulingConfig(UnknownOutcomes outcomes, SettlementProperties properties, ClusterLocks locks,
            Clock clock) {
        this.outcomes = outcomes;
        this.properties = properties;
        this.locks = locks;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Runnable settle = locks.onceAcrossInstances("settle-unknown-outcomes", properties.checkEvery(),
                Duration.ofMinutes(10), () -> outcomes.settleDue(clock.instant()));
        registrar.addFixedDelayTask(new FixedDelayTask(settle, properties.checkEvery(), properties.checkEvery()));
    }

}
