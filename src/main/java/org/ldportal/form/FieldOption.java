package org.ldportal.form;

/** One choice of a {@link FieldType#SELECT} or {@link FieldType#MULTISELECT} field. */
public record FieldOption(String value, String label) {

    public static FieldOption of(String valueAndLabel) {
        return new FieldOption(valueAndLabel, valueAndLabel);
    }
}
