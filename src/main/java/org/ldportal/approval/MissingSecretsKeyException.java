package org.ldportal.approval;

/**
 * Approval rules are configured, but no key to seal the secrets of the requests they
 * keep.
 */
class MissingSecretsKeyException extends IllegalStateException {

    MissingSecretsKeyException() {
        super("Approval rules need portal.secrets.key");
    }

}
