package org.ldportal.security;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the one a proxy sent in {@code X-Request-Id} when it looks
 * like one, else a new one. It is in every log line of the request (MDC
 * {@value #MDC_KEY}), in the answer's {@code X-Request-Id}, on error pages ("quote this
 * reference") and in the audit entries the request writes, so a person's report finds its
 * log lines.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";

    public static final String MDC_KEY = "requestId";

    /**
     * What an id from a proxy may look like; anything else (too long, other characters)
     * is replaced.
     */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final char[] ALPHABET = "0123456789abcdefghijkmnpqrstuvwxyz".toCharArray();

    /** The id of the request being handled on this thread, or null outside one. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false; // the error page is rendered in a dispatch of its own and must show
                      // the same id
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object already = request.getAttribute(MDC_KEY);
        String sent = request.getHeader(HEADER);
        String id = already instanceof String known ? known
                : sent != null && WELL_FORMED.matcher(sent).matches() ? sent : newId();
        request.setAttribute(MDC_KEY, id);
        response.setHeader(HEADER, id);
        String outer = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        }
        finally {
            if (outer == null) {
                MDC.remove(MDC_KEY);
            }
            else {
                MDC.put(MDC_KEY, outer);
            }
        }
    }

    private static String newId() {
        char[] id = new char[12];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

}
