package org.ldportal.change.internal;

import org.ldportal.change.Submission;
import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** A handler that sends a change takes its {@link Submission} as an argument. */
@Configuration(proxyBeanMethods = false)
class ChangeWebConfig implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new SubmissionArgumentResolver());
    }

}
