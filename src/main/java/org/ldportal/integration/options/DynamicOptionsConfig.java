package org.ldportal.integration.options;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class DynamicOptionsConfig {

    @Bean
    DynamicOptionsClient dynamicOptionsClient(WebClient.Builder builder, ObjectMapper json,
            DynamicOptionsProperties properties) {
        return new DynamicOptionsClient(builder, json, properties.allowPrivateAddresses(), properties.optionsTimeout());
    }

}
