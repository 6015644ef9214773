package org.ldportal.launchdarkly;

/**
 * LaunchDarkly could not be reached (connection refused, DNS, TLS) or did not answer in
 * time.
 *
 * <p>
 * {@link #requestMayHaveArrived()} tells the two apart for the audit trail: a refused
 * connection means the request never arrived (FAILED); a timeout after sending means the
 * resource may exist (UNKNOWN).
 */
public final class LaunchDarklyUnreachableException extends LaunchDarklyException {

    private final boolean requestMayHaveArrived;

    public LaunchDarklyUnreachableException(String message, boolean requestMayHaveArrived, Throwable cause) {
        super(message, cause);
        this.requestMayHaveArrived = requestMayHaveArrived;
    }

    public boolean requestMayHaveArrived() {
        return requestMayHaveArrived;
    }

}
