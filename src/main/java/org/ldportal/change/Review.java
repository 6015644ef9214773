package org.ldportal.change;

import java.util.List;
import java.util.function.ToIntFunction;

import org.jspecify.annotations.Nullable;

/**
 * What a change will do, in words, shown before anything is sent (and, for a request that
 * needs approval, to its approver). It holds no secret: a secret field reads "set,
 * hidden" and the body is the one the audit trail keeps.
 *
 * @param title what is being done, for the heading ("Create a Data Export destination")
 * @param target where: project, environment, integration, each by name and key
 * @param fields every field of the form, as the person chose it
 * @param method the HTTP method of the call to LaunchDarkly
 * @param path the API path of the call
 * @param body the request body as it will be sent, secrets masked
 * @param warnings what deserves a second look (a production-like environment, data
 * leaving the company)
 * @param parts the reviews of the changes a change of several is made of (a plan's
 * steps), in order; its own method, path and body are then empty
 */
public record Review(String title, List<Line> target, List<Line> fields, String method, String path,
        @Nullable String body, List<String> warnings, List<Review> parts) {

    public Review(String title, List<Line> target, List<Line> fields, String method, String path, @Nullable String body,
            List<String> warnings) {
        this(title, target, fields, method, path, body, warnings, List.of());
    }

    /** Shown for a secret field that was filled in. */
    public static final String SECRET_SET = "set, hidden";

    public Review {
        target = List.copyOf(target);
        fields = List.copyOf(fields);
        warnings = List.copyOf(warnings);
        // A review kept before reviews had parts reads none.
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /**
     * This review cut to fit {@code maxChars} once written as JSON (each value and the
     * body shortened, with a mark), for a store whose column has that size: an oversized
     * value must not lose the whole request.
     */
    public Review fitting(int maxChars, ToIntFunction<Review> length) {
        if (length.applyAsInt(this) <= maxChars) {
            return this;
        }
        int valueSize = Math.max(200,
                maxChars / Math.max(1, 4 * (target.size() + fields.size() + warnings.size() + 1)));
        Review cut = new Review(cut(title, valueSize), lines(target, valueSize), lines(fields, valueSize), method,
                cut(path, valueSize), cutIfAny(body, maxChars / 2),
                warnings.stream().map(w -> cut(w, valueSize)).toList(),
                parts.stream().map(part -> part.fitting(maxChars / (parts.size() + 1), length)).toList());
        return length.applyAsInt(cut) <= maxChars ? cut
                : new Review(cut.title(), cut.target(), List.of(), method, cut.path(), CUT, List.of(CUT));
    }

    /** Where a value was cut to fit. */
    public static final String CUT = "\u2026 (cut to fit; the whole change is kept sealed with the request)";

    private static List<Line> lines(List<Line> lines, int size) {
        return lines.stream().map(line -> new Line(cut(line.label(), size), cut(line.value(), size))).toList();
    }

    private static @Nullable String cutIfAny(@Nullable String text, int size) {
        return text == null ? null : cut(text, size);
    }

    private static String cut(String text, int size) {
        return text.length() <= size ? text : text.substring(0, size) + CUT;
    }

    /** One labelled value; an empty value reads "not set". */
    public record Line(String label, String value) {

        public Line(String label, @Nullable String value) {
            this.label = label;
            this.value = value == null || value.isBlank() ? "not set" : value;
        }
    }
}
