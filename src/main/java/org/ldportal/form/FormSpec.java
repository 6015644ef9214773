package org.ldportal.form;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fields of one form, in display order.
 *
 * @param fields keys are unique
 */
public record FormSpec(List<FieldSpec> fields) {

    public FormSpec {
        fields = List.copyOf(fields);
        long distinct = fields.stream().map(FieldSpec::key).distinct().count();
        if (distinct != fields.size()) {
            throw new IllegalArgumentException(
                    "Field keys must be unique: " + fields.stream().map(FieldSpec::key).toList());
        }
    }

    public Optional<FieldSpec> field(String key) {
        return fields.stream().filter(field -> field.key().equals(key)).findFirst();
    }

    /** The keys of the secret fields, for redaction. */
    public Set<String> secretKeys() {
        return fields.stream().filter(FieldSpec::secret).map(FieldSpec::key).collect(Collectors.toUnmodifiableSet());
    }
}
