package org.ldportal.testsupport;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ldportal.change.pages.ReviewPages;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What a review page posts back when its button is pressed. */
public final class ReviewForms {

    private static final Pattern HIDDEN = Pattern
        .compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private ReviewForms() {
    }

    /** The review page's hidden fields, as the browser would post them back. */
    public static MultiValueMap<String, String> hiddenFields(String page) {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        Matcher hidden = HIDDEN.matcher(page.substring(page.indexOf("class=\"review-actions\"")));
        while (hidden.find()) {
            fields.add(HtmlUtils.htmlUnescape(hidden.group(1)), HtmlUtils.htmlUnescape(hidden.group(2)));
        }
        return fields;
    }

    /**
     * Sends a form not yet reviewed, as the person {@code as} names; the page it answers
     * with, 200 (the review, or the form with its errors).
     */
    public static String review(MockMvc mvc, MockHttpServletRequestBuilder form, RequestPostProcessor... as)
            throws Exception {
        MockHttpServletRequestBuilder request = form.with(FormTokens.unreviewed()).with(csrf());
        for (RequestPostProcessor processor : as) {
            request.with(processor);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /**
     * Presses "Create" ("Run the plan", "Request approval") on a review page that posts
     * to {@code path}, as the person {@code as} names; where it redirects to.
     */
    public static String confirm(MockMvc mvc, String path, String review, RequestPostProcessor... as) throws Exception {
        MockHttpServletRequestBuilder request = post(path).params(hiddenFields(review))
            .param(ReviewPages.CONFIRM, "create")
            .with(csrf());
        for (RequestPostProcessor processor : as) {
            request.with(processor);
        }
        String location = mvc.perform(request)
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        return Objects.requireNonNull(location);
    }

}
