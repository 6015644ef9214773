package org.ldportal.testsupport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;

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

}
