package org.ldportal.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.ldportal.change.ChangeChecks;
import org.ldportal.change.internal.CheckProperties;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import tools.jackson.databind.json.JsonMapper;

/**
 * What a web slice test with a real service needs beside the slice: the clock, a JSON
 * mapper and the change flow's checks (none).
 */
@TestConfiguration(proxyBeanMethods = false)
public class SliceTestBeans {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * No checks with LaunchDarkly: a slice has none of the features that provide them.
     */
    @Bean
    ChangeChecks changeChecks() {
        return new ChangeChecks(List.of(), new CheckProperties(Duration.ofSeconds(2), Duration.ofSeconds(15)));
    }

    @Bean
    JsonMapper jsonMapper() {
        return JsonMapper.builder().build();
    }

}
