package org.ldportal.form;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * Help texts may carry markdown links ({@code [text](https://...)}), as integration
 * manifests do. Everything is escaped first, then only http(s) links become anchors: a
 * help text can never inject HTML or script.
 */
public final class FormText {

    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\((https?://[^\\s)]+)\\)");

    private FormText() {
    }

    public static String html(@Nullable String text) {
        if (text == null) {
            return "";
        }
        Matcher link = LINK.matcher(text);
        StringBuilder html = new StringBuilder();
        int last = 0;
        while (link.find()) {
            html.append(HtmlUtils.htmlEscape(text.substring(last, link.start())));
            html.append("<a href=\"")
                .append(HtmlUtils.htmlEscape(link.group(2)))
                .append("\" rel=\"noopener noreferrer\">")
                .append(HtmlUtils.htmlEscape(link.group(1)))
                .append("</a>");
            last = link.end();
        }
        html.append(HtmlUtils.htmlEscape(text.substring(last)));
        return html.toString();
    }

}
