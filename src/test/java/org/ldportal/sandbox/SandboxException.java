package org.ldportal.sandbox;

/** An error answer, in LaunchDarkly's {@code {code, message}} shape. */
class SandboxException extends RuntimeException {

    final int status;

    final String code;

    SandboxException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static SandboxException invalid(String message) {
        return new SandboxException(400, "invalid_request", message);
    }

    static SandboxException notFound(String what) {
        return new SandboxException(404, "not_found", what + " not found");
    }

    static SandboxException conflict(String message) {
        return new SandboxException(409, "conflict", message);
    }

}
