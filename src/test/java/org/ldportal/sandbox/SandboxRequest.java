package org.ldportal.sandbox;

import java.util.Map;

/** A request the sandbox received, for tests to assert on (headers lower-cased). */
public record SandboxRequest(String method, String path, Map<String, String> headers, String body) {
}
