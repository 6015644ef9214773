package org.ldportal.testsupport;

import java.util.UUID;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A form's one-time submission token, as a rendered form would carry it, for tests that
 * post forms directly. Sent from the review page (what {@link #fresh()} and {@link #same}
 * post: the token and "Create"), unless the test is about the review step itself
 * ({@link #unreviewed()}).
 */
public final class FormTokens {

    private FormTokens() {
    }

    /** A fresh token: this submit is the first of its form. */
    public static RequestPostProcessor fresh() {
        return same(UUID.randomUUID().toString().replace("-", ""));
    }

    /**
     * A fresh token on the form itself: its first submit, which answers the review page.
     */
    public static RequestPostProcessor unreviewed() {
        String token = UUID.randomUUID().toString().replace("-", "");
        return request -> {
            request.addParameter("submissionToken", token);
            return request;
        };
    }

    /** The same token for several submits: a double click, a second tab, a reload. */
    public static RequestPostProcessor same(String token) {
        return request -> {
            request.addParameter("submissionToken", token);
            request.addParameter("confirm", "create");
            return request;
        };
    }

}
