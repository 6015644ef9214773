package org.ldportal.audit;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replaces secrets before anything is stored or shown: by field name (a destination's {@code policyKey},
 * a manifest field with {@code isSecret}) and by value (LaunchDarkly's error messages may echo what was sent).
 */
@Component
public class SecretRedactor {

    /** What a secret is replaced with. */
    public static final String MARK = "[REDACTED]";

    /** Values shorter than this are not scrubbed from free text: "1" or "on" would mangle every message. */
    private static final int MIN_SCRUBBED_LENGTH = 4;

    private final ObjectMapper objectMapper;

    public SecretRedactor(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /**
     * The body as JSON text, with every field named in {@code secretKeys} (at any depth) and every string
     * equal to one of {@code secretValues} replaced by {@link #MARK}.
     */
    public String redactToJson(Object body, Set<String> secretKeys, Collection<String> secretValues) {
        if (body == null) {
            return null;
        }
        JsonNode tree = objectMapper.valueToTree(body);
        return objectMapper.writeValueAsString(redact(tree, secretKeys, Set.copyOf(nonBlank(secretValues))));
    }

    /** Free text (an error message) with every secret value replaced by {@link #MARK}. */
    public String scrub(String text, Collection<String> secretValues) {
        if (text == null || secretValues == null) {
            return text;
        }
        String scrubbed = text;
        // Longest first, so a secret that contains another is replaced whole.
        List<String> values = nonBlank(secretValues).stream()
                .filter(value -> value.length() >= MIN_SCRUBBED_LENGTH)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        for (String value : values) {
            scrubbed = scrubbed.replace(value, MARK);
        }
        return scrubbed;
    }

    private JsonNode redact(JsonNode node, Set<String> secretKeys, Set<String> secretValues) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode value = field.getValue();
                if (secretKeys.contains(field.getKey()) && !value.isNull() && !isEmptyText(value)) {
                    field.setValue(object.stringNode(MARK));
                }
                else {
                    field.setValue(redact(value, secretKeys, secretValues));
                }
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, redact(array.get(i), secretKeys, secretValues));
            }
            return array;
        }
        if (node.isString() && secretValues.contains(node.asString())) {
            return objectMapper.getNodeFactory().stringNode(MARK);
        }
        return node;
    }

    private static boolean isEmptyText(JsonNode value) {
        return value.isString() && value.asString().isEmpty();
    }

    private static List<String> nonBlank(Collection<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }
}
