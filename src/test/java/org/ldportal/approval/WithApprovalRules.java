package org.ldportal.approval;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * The portal with approval rules and a secrets key, for the approval tests (one shared
 * context): destinations and environments in {@code prod*} environments need an admin or
 * a release manager (and a team's list is emailed when one waits); audit-log
 * subscriptions, a release manager.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(properties = { "portal.secrets.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "portal.approval.rules[0].name=Production needs a second person",
        "portal.approval.rules[0].resources=destination,environment", "portal.approval.rules[0].environments=prod*",
        "portal.approval.rules[0].approvers=ld-portal-admins,release-managers",
        "portal.approval.rules[0].emails=platform-team@example.com",
        "portal.approval.rules[1].name=Audit-log subscriptions",
        "portal.approval.rules[1].resources=audit-log-subscription",
        "portal.approval.rules[1].approvers=release-managers" })
public @interface WithApprovalRules {

}
