package org.ldportal.testsupport;

import java.time.Clock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import tools.jackson.databind.json.JsonMapper;

/**
 * What a web slice test with a real service needs beside the slice: the clock and a JSON
 * mapper.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SliceTestBeans {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    JsonMapper jsonMapper() {
        return JsonMapper.builder().build();
    }

}
