package org.ldportal.integration.options;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class DynamicOptionsConfig {

    @Bean
    DynamicOptionsClient dynamicOptionsClient(WebClient.Builder builder, ObjectMapper json,
            @Value("${portal.integrations.allow-private-addresses:false}") boolean allowPrivateAddresses,
            @Value("${portal.integrations.options-timeout:3s}") Duration timeout) {
        return new DynamicOptionsClient(builder, json, allowPrivateAddresses, timeout);
    }
}
