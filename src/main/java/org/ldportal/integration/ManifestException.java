package org.ldportal.integration;

/** A manifest that cannot be read; the catalog logs it and skips it. */
class ManifestException extends RuntimeException {

    ManifestException(String message) {
        super(message);
    }

}
