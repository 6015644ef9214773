package org.ldportal.web;

import jakarta.servlet.http.HttpServletResponse;

import org.ldportal.change.NotAllowedException;
import org.ldportal.security.PortalSecurityProperties;
import org.ldportal.security.RequestIdFilter;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A request for a project, environment or the account's integrations the person may not
 * act on answers 403 with a plain page saying where (the refusal is already in the audit
 * trail). Fragment requests get the same status with a header the page's script reads, so
 * it does not mistake the refusal for an expired session.
 */
@ControllerAdvice
class NotAllowedAdvice {

    static final String REFUSAL_HEADER = "X-Portal-Refusal";

    private final PortalSecurityProperties security;

    NotAllowedAdvice(PortalSecurityProperties security) {
        this.security = security;
    }

    @ExceptionHandler(NotAllowedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String notAllowed(NotAllowedException refusal, Model model, HttpServletResponse response) {
        response.setHeader(REFUSAL_HEADER, "not-allowed");
        model.addAttribute("place", refusal.place());
        model.addAttribute("accessContact", security.accessContact());
        model.addAttribute("requestId", RequestIdFilter.current());
        return "error/not-allowed";
    }

}
