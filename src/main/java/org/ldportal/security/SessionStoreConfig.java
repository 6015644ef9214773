package org.ldportal.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions in the database, written only when something the database keeps changed
 * ({@link LastAccessThrottle}). Sessions in memory are left as they are.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfig {

    // Static, and the settings looked up late: a post-processor is made before other
    // beans.
    @Bean
    static BeanPostProcessor lastAccessThrottle(ObjectProvider<SessionProperties> properties) {
        return new BeanPostProcessor() {

            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JdbcIndexedSessionRepository sessions) {
                    return new LastAccessThrottle(sessions, properties.getObject().lastAccessWrite());
                }
                return bean;
            }

        };
    }

}
