package org.ldportal.change.internal;

import org.ldportal.change.pages.ReviewPages;
import org.ldportal.change.pages.SubmissionPages;
import org.ldportal.change.KeptSecrets;
import org.ldportal.change.pages.ReviewPages;
import org.ldportal.change.Submission;
import org.ldportal.change.pages.SubmissionPages;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.ldportal.security.CurrentUser;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * A {@link Submission} handler argument, read from the request: its sender, token, review
 * step, draft and values.
 */
public class SubmissionArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Submission.class.equals(parameter.getParameterType());
    }

    @Override
    public Submission resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
            NativeWebRequest request, @Nullable WebDataBinderFactory binders) {
        HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, List.of(values)));
        // Every request through the security filters has one (anonymous at least);
        // CurrentUser.from needs it.
        Authentication authentication = Objects.requireNonNull(SecurityContextHolder.getContext().getAuthentication());
        return new Submission(CurrentUser.from(authentication), request.getParameter(SubmissionPages.TOKEN),
                request.getParameter(ReviewPages.CONFIRM) != null, request.getParameter(KeptSecrets.DRAFT),
                http == null ? null : http.getSession(false), parameters);
    }

}
