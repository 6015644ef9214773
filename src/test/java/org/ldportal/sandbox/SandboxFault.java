package org.ldportal.sandbox;

import java.time.Duration;
import java.util.Map;

/**
 * A misbehaviour for the next request whose path contains {@code pathPart} (any path when
 * null): an error answer ({@code status > 0}), a slow answer ({@code delay}), or both;
 * with {@code afterHandling}, the request is carried out first and only its answer is
 * replaced (a gateway that failed after LaunchDarkly acted); with {@code handleLater},
 * the error is answered at once and the request carried out {@code delay} later
 * (LaunchDarkly still working on it when the gateway gave up); {@code method}, when set,
 * the only method it applies to.
 */
record SandboxFault(String pathPart, int status, String code, String message, Map<String, String> headers,
        Duration delay, boolean afterHandling, boolean handleLater, String method,
        java.util.concurrent.atomic.AtomicInteger skip) {

    SandboxFault(String pathPart, int status, String code, String message, Map<String, String> headers, Duration delay,
            boolean afterHandling, boolean handleLater, String method) {
        this(pathPart, status, code, message, headers, delay, afterHandling, handleLater, method,
                new java.util.concurrent.atomic.AtomicInteger());
    }

    SandboxFault(String pathPart, int status, String code, String message, Map<String, String> headers,
            Duration delay) {
        this(pathPart, status, code, message, headers, delay, false, false, null);
    }

    SandboxFault(String pathPart, int status, String code, String message, Map<String, String> headers, Duration delay,
            boolean afterHandling) {
        this(pathPart, status, code, message, headers, delay, afterHandling, false, null);
    }

    /**
     * The same fault for the next request of this method only (a POST, not the page's
     * reads of the same path).
     */
    SandboxFault only(String onlyMethod) {
        return new SandboxFault(pathPart, status, code, message, headers, delay, afterHandling, handleLater, onlyMethod,
                skip);
    }

    /**
     * The same fault, for the matching request after the next {@code requests} matching
     * ones.
     */
    SandboxFault after(int requests) {
        skip.set(requests);
        return this;
    }

    /**
     * Whether this matching request passes untouched (one of those the fault waits past).
     */
    boolean skips() {
        return skip.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
    }

    boolean matches(String requestMethod, String path) {
        return (method == null || method.equals(requestMethod)) && (pathPart == null || path.contains(pathPart));
    }
}
