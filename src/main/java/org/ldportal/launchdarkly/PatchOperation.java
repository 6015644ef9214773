package org.ldportal.launchdarkly;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One operation of a JSON Patch (RFC 6902), as LaunchDarkly's PATCH endpoints take them:
 * {@code test} (the change applies only if the value is still what the form was opened
 * with), {@code replace}, {@code add}, {@code remove}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PatchOperation(String op, String path, @Nullable Object value) {

    public static PatchOperation test(String path, Object value) {
        return new PatchOperation("test", path, value);
    }

    public static PatchOperation replace(String path, Object value) {
        return new PatchOperation("replace", path, value);
    }

    public static PatchOperation add(String path, Object value) {
        return new PatchOperation("add", path, value);
    }

    public static PatchOperation remove(String path) {
        return new PatchOperation("remove", path, null);
    }

    /**
     * A JSON Pointer to a field: {@code /config/streamName}, with {@code ~} and {@code /}
     * escaped (RFC 6901).
     */
    public static String pointer(String... fields) {
        StringBuilder pointer = new StringBuilder();
        for (String field : fields) {
            pointer.append('/').append(field.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }
}
