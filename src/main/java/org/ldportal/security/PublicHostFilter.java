package org.ldportal.security;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With a public address configured, a request that names another host (a forged
 * {@code Host} header, a DNS name pointed at the portal by someone else) is refused with
 * 421 before anything else runs: nothing is ever built from a host nobody configured.
 * Health checks answer on any host, for load balancers that probe by address.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PublicHostFilter extends OncePerRequestFilter {

    private final PublicAddressProperties address;

    PublicHostFilter(PublicAddressProperties address) {
        this.address = address;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return address.host() == null || path.equals("/actuator/health") || path.startsWith("/actuator/health/")
                || path.equals("/livez") || path.equals("/readyz");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String host = request.getServerName() == null ? "" : request.getServerName().toLowerCase(Locale.ROOT);
        if (!host.equals(address.host())) {
            response.setStatus(421); // Misdirected Request
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("This address is not LD Portal's. Use " + address.baseUrl() + ".\n");
            return;
        }
        chain.doFilter(request, response);
    }

}
