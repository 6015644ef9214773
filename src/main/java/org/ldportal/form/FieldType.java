package org.ldportal.form;

/**
 * How a field is entered. The form engine renders and validates each type; it knows
 * nothing of LaunchDarkly.
 */
public enum FieldType {

    /** One line of text. */
    TEXT,
    /** Several lines of text. */
    TEXTAREA,
    /** An absolute http or https URL. */
    URL,
    /** A whole number (bounds via {@link FieldSpec#min()} / {@link FieldSpec#max()}). */
    NUMBER,
    /** A checkbox; never required to be ticked: unticked means "false". */
    BOOLEAN,
    /** One of {@link FieldSpec#options()}. */
    SELECT,
    /** Any number of {@link FieldSpec#options()}. */
    MULTISELECT,
    /** A JSON object typed as text. */
    JSON_OBJECT,
    /**
     * Shown but not editable: the value is filled in by someone else (e.g. LaunchDarkly
     * generates it).
     */
    READ_ONLY,
    /** Not an input: an explanation in place of a field that cannot be filled in here. */
    NOTICE

}
