package org.ldportal.change;

/**
 * Where a refusal belongs on the form: at a named field of the form object, at one key of
 * a generated config form (bound as {@code config[key]}), or above the whole form.
 */
public sealed interface RefusalTarget {

    RefusalTarget WHOLE_FORM = new WholeForm();

    static RefusalTarget field(String name) {
        return new Field(name);
    }

    static RefusalTarget configKey(String key) {
        return new ConfigKey(key);
    }

    /**
     * A property of the form object, as {@code BindingResult.rejectValue} names it
     * ({@code key}, {@code name}).
     */
    record Field(String name) implements RefusalTarget {
    }

    /** A field of a generated form ({@code FormSpec}), by its key. */
    record ConfigKey(String key) implements RefusalTarget {
    }

    /** No one field: the message stands above the form. */
    record WholeForm() implements RefusalTarget {
    }

}
