package org.ldportal.change;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.ldportal.form.FieldOption;
import org.ldportal.form.FieldSpec;
import org.ldportal.form.FieldType;
import org.ldportal.form.FormSpec;

/**
 * A generated form's validated values as the review page lists them: every field by its
 * label, secrets hidden.
 */
public final class ReviewLines {

    private ReviewLines() {
    }

    public static List<Review.Line> of(FormSpec spec, Map<String, Object> cleaned) {
        List<Review.Line> lines = new ArrayList<>();
        for (FieldSpec field : spec.fields()) {
            if (field.type() == FieldType.NOTICE || field.hidden() && !cleaned.containsKey(field.key())) {
                continue;
            }
            Object value = cleaned.get(field.key());
            if (field.secret()) {
                lines.add(new Review.Line(field.label(),
                        value == null || value.toString().isEmpty() ? null : Review.SECRET_SET));
                continue;
            }
            lines.add(new Review.Line(field.label(), shown(field, value)));
        }
        return lines;
    }

    public static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static @Nullable String shown(FieldSpec field, @Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean flag) {
            return yesNo(flag);
        }
        if (value instanceof Collection<?> many) {
            return many.stream().map(item -> label(field, String.valueOf(item))).collect(Collectors.joining(", "));
        }
        if (value instanceof Map<?, ?>) {
            return "as in the request below (secrets masked)";
        }
        return label(field, String.valueOf(value));
    }

    /** A choice by the words the form showed, with its value when they differ. */
    private static String label(FieldSpec field, String value) {
        return field.options()
            .stream()
            .filter(option -> option.value().equals(value))
            .map(FieldOption::label)
            .findFirst()
            .map(label -> label.equals(value) ? label : label + " (" + value + ")")
            .orElse(value);
    }

}
