package org.ldportal.form;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One field as the fragment renders it: its spec, the input's name and id, what to show
 * in it, its error, and whether it is visible for the current values. Secret fields never
 * carry a value here.
 *
 * @param secretKept a secret was typed before the form came back and the server keeps it:
 * say it may be left empty
 * @param conditionsJson the field's conditions for the browser script, as JSON, or null
 * when it has none
 */
public record FieldView(FieldSpec spec, String name, String id, @Nullable String value, List<String> values,
        @Nullable String error, boolean shown, boolean secretKept, @Nullable String conditionsJson) {

    public String helpId() {
        return id + "-help";
    }

    public String errorId() {
        return id + "-error";
    }

    /**
     * The ids for {@code aria-describedby}: the help and the error, when there are any.
     */
    public @Nullable String describedBy() {
        String ids = (spec.help() != null ? helpId() : "") + (secretKept ? " " + id + "-kept" : "")
                + (error != null ? " " + errorId() : "");
        return ids.isBlank() ? null : ids.trim();
    }

    /**
     * The help text as safe HTML: escaped, with markdown links made anchors (see
     * {@link FormText}).
     */
    public String helpHtml() {
        return FormText.html(spec.help());
    }

    public boolean checked() {
        return "true".equals(value);
    }

    public boolean isChosen(String option) {
        return values.contains(option);
    }
}
