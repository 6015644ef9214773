package org.ldportal.web;

import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

/**
 * Installs {@link LogSafeMessageConverter} as the application starts, before Boot sets
 * logging up (registered in {@code META-INF/spring.factories}, as listeners that run this
 * early must be).
 */
public class LogSafeLogging implements ApplicationListener<ApplicationStartingEvent> {

    @Override
    public void onApplicationEvent(ApplicationStartingEvent event) {
        LogSafeMessageConverter.install();
    }

}
