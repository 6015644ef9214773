package org.ldportal.change.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The review step before a change is sent.
 *
 * @param skipWhenNoApproval send at once, without the review page, where no approval is
 * needed (until approval rules exist: always)
 * @param allowedDomains the company's domains (for example {@code example.com}): a host
 * outside them in a form's values is pointed out on the review page; empty: no such
 * warning
 * @param productionEnvironments environment keys or globs that count as production-like,
 * besides those LaunchDarkly marks critical
 */
@ConfigurationProperties("portal.review")
public record ReviewProperties(@DefaultValue("false") boolean skipWhenNoApproval,
        @DefaultValue List<String> allowedDomains, @DefaultValue( {
                "prod*", "*-prod", "live*" }) List<String> productionEnvironments){
}
