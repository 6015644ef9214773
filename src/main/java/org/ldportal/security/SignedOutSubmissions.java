package org.ldportal.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Keeps a form that was sent after the sign-in session had ended (its CSRF token no
 * longer matches), so that the form comes back filled once the person has signed in
 * again. Provided by the web module.
 */
public interface SignedOutSubmissions {

    /**
     * Keeps what the request sent for the page at its address; secrets are for the form's
     * controller to drop.
     */
    void keep(HttpServletRequest request);

}
