package org.ldportal.approval;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Boot's plain "Description / Action" report for approval rules without a secrets key.
 */
class MissingSecretsKeyFailureAnalyzer extends AbstractFailureAnalyzer<MissingSecretsKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSecretsKeyException cause) {
        return new FailureAnalysis(
                "LD Portal has approval rules (portal.approval.rules) but no key to encrypt the "
                        + "secrets that requests keep until they are approved.",
                "Set the environment variable PORTAL_SECRETS_KEY (or the property portal.secrets.key) to 32 random bytes "
                        + "in base64, for example the output of: openssl rand -base64 32. Every instance needs the same key.",
                cause);
    }

}
