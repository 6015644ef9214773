package org.ldportal.launchdarkly;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a missing token at start-up into Boot's plain "Description / Action" report
 * instead of a stack trace.
 */
class MissingApiTokenFailureAnalyzer extends AbstractFailureAnalyzer<MissingApiTokenException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingApiTokenException cause) {
        return new FailureAnalysis("LD Portal cannot talk to LaunchDarkly: no API access token is configured.",
                "Set the environment variable PORTAL_LAUNCHDARKLY_APITOKEN (or the property portal.launchdarkly.api-token) "
                        + "to a LaunchDarkly API access token allowed to create environments, Data Export destinations "
                        + "and integrations. For a local try-out without LaunchDarkly, run ./mvnw spring-boot:test-run.",
                cause);
    }

}
