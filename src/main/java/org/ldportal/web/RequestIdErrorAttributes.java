package org.ldportal.web;

import java.util.Map;

import org.ldportal.security.RequestIdFilter;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Error pages name the request's id, for the person to quote and the operator to find in
 * the logs.
 */
@Component
class RequestIdErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object id = request.getAttribute(RequestIdFilter.MDC_KEY, RequestAttributes.SCOPE_REQUEST);
        if (id != null) {
            attributes.put("requestId", id);
        }
        return attributes;
    }

}
