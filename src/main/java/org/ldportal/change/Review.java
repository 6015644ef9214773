package org.ldportal.change;

import java.util.List;

/**
 * What a change will do, in words, shown before anything is sent (and, for a request that needs approval, to its
 * approver). It holds no secret: a secret field reads "set, hidden" and the body is the one the audit trail keeps.
 *
 * @param title    what is being done, for the heading ("Create a Data Export destination")
 * @param target   where: project, environment, integration, each by name and key
 * @param fields   every field of the form, as the person chose it
 * @param method   the HTTP method of the call to LaunchDarkly
 * @param path     the API path of the call
 * @param body     the request body as it will be sent, secrets masked
 * @param warnings what deserves a second look (a production-like environment, data leaving the company)
 */
public record Review(String title, List<Line> target, List<Line> fields, String method, String path, String body,
        List<String> warnings) {

    /** Shown for a secret field that was filled in. */
    public static final String SECRET_SET = "set, hidden";

    public Review {
        target = List.copyOf(target);
        fields = List.copyOf(fields);
        warnings = List.copyOf(warnings);
    }

    /** One labelled value; an empty value reads "not set". */
    public record Line(String label, String value) {

        public Line {
            value = value == null || value.isBlank() ? "not set" : value;
        }
    }
}
