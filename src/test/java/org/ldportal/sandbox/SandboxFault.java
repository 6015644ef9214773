package org.ldportal.sandbox;

import java.time.Duration;
import java.util.Map;

/**
 * A misbehaviour for the next request whose path contains {@code pathPart} (any path when null): an error answer
 * ({@code status > 0}), a slow answer ({@code delay}), or both; with {@code afterHandling}, the request is carried
 * out first and only its answer is replaced (a gateway that failed after LaunchDarkly acted); with
 * {@code handleLater}, the error is answered at once and the request carried out {@code delay} later (LaunchDarkly
 * still working on it when the gateway gave up).
 */
record SandboxFault(String pathPart, int status, String code, String message, Map<String, String> headers,
        Duration delay, boolean afterHandling, boolean handleLater) {

    SandboxFault(String pathPart, int status, String code, String message, Map<String, String> headers, Duration delay) {
        this(pathPart, status, code, message, headers, delay, false, false);
    }

    SandboxFault(String pathPart, int status, String code, String message, Map<String, String> headers, Duration delay,
            boolean afterHandling) {
        this(pathPart, status, code, message, headers, delay, afterHandling, false);
    }

    boolean matches(String path) {
        return pathPart == null || path.contains(pathPart);
    }
}
