package org.ldportal.testsupport;

import java.util.UUID;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A form's one-time submission token, as a rendered form would carry it, for tests that post forms directly. */
public final class FormTokens {

    private FormTokens() {
    }

    /** A fresh token: this submit is the first of its form. */
    public static RequestPostProcessor fresh() {
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
            return request;
        };
    }
}
