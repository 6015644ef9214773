package org.ldportal.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
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

    /**
     * An id is taken only from a proxy: the request came through one the server trusts
     * (Tomcat marks it forwarded), or straight from a private or loopback address, where
     * the portal's own proxies are. A client on the internet names no id of its own.
     */
    private static boolean fromAProxy(HttpServletRequest request) {
        if (Boolean.TRUE.equals(request.getAttribute(FORWARDED))) {
            return true;
        }
        String address = request.getRemoteAddr();
        // Only an address written out is read, never a name (which would be looked up).
        if (address == null || !IP_LITERAL.matcher(address).matches()) {
            return false;
        }
        try {
            InetAddress peer = InetAddress.getByName(address);
            return peer.isLoopbackAddress() || peer.isSiteLocalAddress() || peer.isLinkLocalAddress();
        }
        catch (UnknownHostException notAnAddress) {
            return false;
        }
    }

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.%]*");

    /** Tomcat's mark on a request its RemoteIpValve took from a trusted proxy. */
    private static final String FORWARDED = "org.apache.tomcat.request.forwarded";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object already = request.getAttribute(MDC_KEY);
        String sent = request.getHeader(HEADER);
        String id = already instanceof String known ? known
                : sent != null && WELL_FORMED.matcher(sent).matches() && fromAProxy(request) ? sent : newId();
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
