package org.ldportal.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * The portal with the access rules of the scope tests (one shared context), as
 * {@link ProjectScopeTests#RULES} says them for signing people in: team-mobile edits
 * {@code mobile-*} but not production and reads mobile-app; platform keeps the account's
 * integrations; qa-admins are admins of web-store's test and qa-* environments only.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(
        properties = { "portal.access.rules[0].name=Mobile team", "portal.access.rules[0].groups=team-mobile",
                "portal.access.rules[0].role=editor", "portal.access.rules[0].projects=mobile-*",
                "portal.access.rules[0].except-environments=production", "portal.access.rules[1].name=Mobile auditors",
                "portal.access.rules[1].groups=team-mobile", "portal.access.rules[1].role=viewer",
                "portal.access.rules[1].projects=mobile-app", "portal.access.rules[2].name=Platform",
                "portal.access.rules[2].groups=platform", "portal.access.rules[2].role=editor",
                "portal.access.rules[2].account=true", "portal.access.rules[3].name=QA admins",
                "portal.access.rules[3].groups=qa-admins", "portal.access.rules[3].role=admin",
                "portal.access.rules[3].projects=web-store", "portal.access.rules[3].environments=test,qa-*" })
public @interface WithMobileTeamRules {

}
