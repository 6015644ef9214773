package org.ldportal.notification;

import java.time.Duration;

import org.ldportal.audit.ClusterLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The listeners run on Spring's task executor, so that an approval is never kept waiting
 * by an SMTP server. What they could not deliver stays in the event publication registry
 * and is handed to them again, by one instance at a time.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class NotificationConfig implements SchedulingConfigurer, AsyncConfigurer {

    private static final Logger log = LoggerFactory.getLogger(NotificationConfig.class);

    private final IncompleteEventPublications incomplete;

    private final NotificationProperties properties;

    private final ClusterLocks locks;

    NotificationConfig(IncompleteEventPublications incomplete, NotificationProperties properties, ClusterLocks locks) {
        this.incomplete = incomplete;
        this.properties = properties;
        this.locks = locks;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        // Only publications older than the interval: one being delivered right now (for
        // a few seconds) is left to the instance delivering it.
        Duration every = properties.retryAfter();
        Runnable redeliver = locks.onceAcrossInstances("notification-redelivery", every, every,
                () -> incomplete.resubmitIncompletePublicationsOlderThan(every));
        registrar.addFixedDelayTask(new FixedDelayTask(redeliver, every, every));
    }

    /**
     * A notification not delivered is one line in the log, not a stack trace: it stays in
     * the registry and is tried again.
     */
    @Override
    public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
        return (failure, method, arguments) -> log.warn(
                "A notification ({} of {}) was not delivered: {}; tried again " + "in {}",
                method.getDeclaringClass().getSimpleName(),
                arguments.length == 0 ? "?" : arguments[0].getClass().getSimpleName(), failure.getClass().getName(),
                properties.retryAfter());
    }

}
