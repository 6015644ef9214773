package org.ldportal.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The fields a change of something that exists set, before and after, read from its
 * recorded JSON Patch: a {@code test} holds what the field was, the {@code replace},
 * {@code add} or {@code remove} after it what it became. Secrets were redacted before the
 * body was recorded, so they show as redacted here too.
 */
final class PatchChanges {

    /** One field's change, as the audit entry's page shows it. */
    record FieldChange(String field, String before, String after) {
    }

    private PatchChanges() {
    }

    /** The changes, or none when the body is no JSON Patch (a create's body, say). */
    static List<FieldChange> of(ObjectMapper json, @Nullable String body) {
        if (body == null || !body.strip().startsWith("[")) {
            return List.of();
        }
        JsonNode patch;
        try {
            patch = json.readTree(body);
        }
        catch (RuntimeException notJson) {
            return List.of();
        }
        Map<String, JsonNode> tested = new HashMap<>();
        List<FieldChange> changes = new ArrayList<>();
        for (JsonNode operation : patch) {
            String op = operation.path("op").asString("");
            String path = operation.path("path").asString("");
            if (path.isEmpty() || path.equals("/version") || path.equals("/_version")) {
                continue;
            }
            switch (op) {
                case "test" -> tested.put(path, operation.get("value"));
                case "replace", "add" ->
                    changes.add(new FieldChange(field(path), words(tested.get(path)), words(operation.get("value"))));
                case "remove" -> changes.add(new FieldChange(field(path), words(tested.get(path)), "(removed)"));
                default -> {
                    // not a change
                }
            }
        }
        return changes;
    }

    /** "/config/streamName" as "config.streamName". */
    private static String field(String pointer) {
        return pointer.substring(1).replace("/", ".").replace("~1", "/").replace("~0", "~");
    }

    private static String words(@Nullable JsonNode value) {
        if (value == null) {
            return "—";
        }
        if (value.isString()) {
            return value.asString();
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.isString() ? item.asString() : item.toString()));
            return items.isEmpty() ? "(none)" : String.join(", ", items);
        }
        return value.toString();
    }

}
