package org.ldportal.plan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.ldportal.audit.ClusterLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Lets go the sealed values (secrets included) of plans left stopped or interrupted for
 * longer than {@code portal.plans.keep-values}: a plan nobody resumes should not keep a
 * secret for ever. A plan that ends lets go of them at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlanRetention implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(PlanRetention.class);

    private final Plans plans;

    private final PlanProperties properties;

    private final ClusterLocks locks;

    private final Clock clock;

    PlanRetention(Plans plans, PlanProperties properties, ClusterLocks locks, Clock clock) {
        this.plans = plans;
        this.properties = properties;
        this.locks = locks;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Runnable forget = locks.onceAcrossInstances("plan-values", properties.retentionCheck(), Duration.ofMinutes(30),
                () -> forgetAbandoned(clock.instant()));
        registrar.addFixedDelayTask(new FixedDelayTask(forget, properties.retentionCheck(), Duration.ofMinutes(5)));
    }

    /**
     * Forgets the values of the plans left since before {@code now - keepValues}; answers
     * how many steps had some.
     */
    int forgetAbandoned(Instant now) {
        int stepsLetGo = plans.forgetValuesLeftSince(now.minus(properties.keepValues()));
        if (stepsLetGo > 0) {
            log.info("Let go the kept values of {} steps of plans left for more than {}", stepsLetGo,
                    properties.keepValues());
        }
        return stepsLetGo;
    }

}
