package org.ldportal.change.internal;

import org.ldportal.change.Submissions;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The one-time token of the form being sent on this thread, so that the attempt it sends
 * records it and the token follows the attempt's outcome when it is settled later (an
 * instance may stop mid-call). Bound by {@link Submissions#send} around the change it
 * sends.
 */
public final class SubmissionContext {

    private static final ThreadLocal<String> TOKEN = new ThreadLocal<>();

    private SubmissionContext() {
    }

    public static <T> T sending(String token, Supplier<T> change) {
        String outer = TOKEN.get();
        TOKEN.set(token);
        try {
            return change.get();
        }
        finally {
            if (outer == null) {
                TOKEN.remove();
            }
            else {
                TOKEN.set(outer);
            }
        }
    }

    public static @Nullable String current() {
        return TOKEN.get();
    }

}
