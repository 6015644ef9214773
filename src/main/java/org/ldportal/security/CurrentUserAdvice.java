package org.ldportal.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in person into every model as {@code currentUser}: Thymeleaf 3.1 cannot
 * reach the request or session itself, and the layout's header needs the name and role.
 */
@ControllerAdvice
class CurrentUserAdvice {

    @ModelAttribute("currentUser")
    @Nullable CurrentUser currentUser(@Nullable Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return CurrentUser.from(authentication);
    }

}
