package org.ldportal.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * The listeners run on Spring's task executor, so that an approval is never kept waiting
 * by an SMTP server. What they could not deliver stays in the event publication registry
 * and is handed to them again ({@link NotificationSchedulingConfig}).
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class NotificationConfig implements AsyncConfigurer {

    private static final Logger log = LoggerFactory.getLogger(NotificationConfig.class);

    private final NotificationProperties properties;

    NotificationConfig(NotificationProperties properties) {
        this.properties = properties;
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
