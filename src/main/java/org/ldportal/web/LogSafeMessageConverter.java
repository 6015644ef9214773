package org.ldportal.web;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.jspecify.annotations.Nullable;

/**
 * A log line's message with its control characters written out ({@code \n}, {@code \r},
 * {@code \t}, {@code \u001b} as {@code \u001b}...): names and keys people type reach the
 * logs, and a line break in one would forge a log line of its own. {@link #install()}
 * makes it logback's {@code %m}, {@code %msg} and {@code %message} before Boot sets
 * logging up, so Boot's own configuration (console, file, structured JSON) stays as it
 * is.
 */
public class LogSafeMessageConverter extends MessageConverter {

    /**
     * Takes the place of logback's message converter, for every pattern made from now on.
     */
    public static void install() {
        for (String word : new String[] { "m", "msg", "message" }) {
            ch.qos.logback.classic.PatternLayout.DEFAULT_CONVERTER_SUPPLIER_MAP.put(word, LogSafeMessageConverter::new);
        }
    }

    /**
     * Boot's start-up failure report: several lines of its own making, never anything a
     * request sent.
     */
    private static final String BOOT_DIAGNOSTICS = "org.springframework.boot.diagnostics.";

    @Override
    public @Nullable String convert(ILoggingEvent event) {
        String message = super.convert(event);
        return event.getLoggerName() != null && event.getLoggerName().startsWith(BOOT_DIAGNOSTICS) ? message
                : neutralised(message);
    }

    static @Nullable String neutralised(@Nullable String message) {
        if (message == null) {
            return null;
        }
        StringBuilder safe = null;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                if (safe == null) {
                    safe = new StringBuilder(message.length() + 16).append(message, 0, i);
                }
                switch (c) {
                    case '\n' -> safe.append("\\n");
                    case '\r' -> safe.append("\\r");
                    case '\t' -> safe.append("\\t");
                    default -> safe.append(String.format("\\u%04x", (int) c));
                }
            }
            else if (safe != null) {
                safe.append(c);
            }
        }
        return safe == null ? message : safe.toString();
    }

}
