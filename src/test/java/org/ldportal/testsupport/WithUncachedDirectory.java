package org.ldportal.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * The portal reading LaunchDarkly's projects afresh each time, for tests that add a
 * project to the sandbox (the shared context keeps the list of projects for a minute).
 * One context for every class that carries it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(properties = "portal.launchdarkly.directory-cache-ttl=0s")
public @interface WithUncachedDirectory {

}
