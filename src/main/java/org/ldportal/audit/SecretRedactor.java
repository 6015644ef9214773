package org.ldportal.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replaces secrets before anything is stored or shown: by field name (a destination's
 * {@code policyKey}, a manifest field with {@code isSecret}) and by value (LaunchDarkly's
 * error messages may echo what was sent).
 */
@Component
public class SecretRedactor {

    /** What a secret is replaced with. */
    public static final String MARK = "[REDACTED]";

    /**
     * Values shorter than this are not scrubbed from free text: "1" or "on" would mangle
     * every message.
     */
    private static final int MIN_SCRUBBED_LENGTH = 4;

    /**
     * token, apiToken, client_secret, password, passwd, credentials, privateKey... (a
     * name ending in key: below).
     */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i)token|secret|passw|credential|private");

    private static final Pattern KEY_WORD = Pattern.compile("(^[kK]|[a-z0-9][K]|[_-][kK])eys?$");

    private final ObjectMapper objectMapper;

    public SecretRedactor(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /**
     * The body as JSON text, with every field named in {@code secretKeys} (at any depth)
     * and every string equal to one of {@code secretValues} replaced by {@link #MARK}.
     */
    public @Nullable String redactToJson(@Nullable Object body, Set<String> secretKeys,
            Collection<String> secretValues) {
        if (body == null) {
            return null;
        }
        JsonNode tree = objectMapper.valueToTree(body);
        return objectMapper.writeValueAsString(redact(tree, secretKeys, Set.copyOf(nonBlank(secretValues))));
    }

    /**
     * A JSON object no spec describes (a destination's free-form config): every value is
     * secret except those of the {@code nonSecretKeys}, and within those any value under
     * a name that sounds secret ({@link #soundsSecret}).
     *
     * @param redacted the object with every secret value replaced by {@link #MARK}, to
     * store or show
     * @param withoutThem the object with every secret value emptied, to write back into a
     * form for retyping
     * @param secretValues the secret text values, to scrub from messages
     */
    public record FreeForm(Map<String, Object> redacted, Map<String, Object> withoutThem, List<String> secretValues) {
    }

    public FreeForm freeForm(Map<String, Object> object, Set<String> nonSecretKeys) {
        ObjectNode tree = objectMapper.valueToTree(object);
        ObjectNode redacted = tree.deepCopy();
        ObjectNode emptied = tree.deepCopy();
        List<String> values = new ArrayList<>();
        for (String key : List.copyOf(tree.propertyNames())) {
            JsonNode value = tree.get(key);
            if (!nonSecretKeys.contains(key) || soundsSecret(key)) {
                collect(value, values);
                redacted.set(key, redacted.stringNode(MARK));
                emptied.set(key, emptied.stringNode(""));
            }
            else {
                redacted.set(key, byName(value.deepCopy(), MARK, values));
                emptied.set(key, byName(value.deepCopy(), "", new ArrayList<>()));
            }
        }
        return new FreeForm(toMap(redacted), toMap(emptied), List.copyOf(nonBlank(values)));
    }

    /**
     * Names that sound secret, for values no spec describes: token, secret, password,
     * key, credential, private.
     */
    public static boolean soundsSecret(String name) {
        // key, apiKey, access_key, writeKeys: a word "key" at the end of the name; not
        // keyspace, keyFormat or monkeys.
        return SECRET_NAME.matcher(name).find() || KEY_WORD.matcher(name).find();
    }

    private JsonNode byName(JsonNode node, String replacement, List<String> values) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (soundsSecret(field.getKey())) {
                    collect(field.getValue(), values);
                    field.setValue(object.stringNode(replacement));
                }
                else {
                    field.setValue(byName(field.getValue(), replacement, values));
                }
            }
        }
        else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, byName(array.get(i), replacement, values));
            }
        }
        return node;
    }

    private static void collect(JsonNode node, List<String> values) {
        if (node.isValueNode()) {
            values.add(node.asString());
        }
        node.forEach(child -> collect(child, values));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> toMap(ObjectNode node) {
        return objectMapper.treeToValue(node, Map.class);
    }

    /** Free text (an error message) with every secret value replaced by {@link #MARK}. */
    public @Nullable String scrub(@Nullable String text, Collection<String> secretValues) {
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
            for (String echoed : echoes(value)) {
                scrubbed = Pattern.compile(Pattern.quote(echoed), Pattern.CASE_INSENSITIVE)
                    .matcher(scrubbed)
                    .replaceAll(Matcher.quoteReplacement(MARK));
            }
            if (value.length() >= TRUNCATED_ECHO) {
                // Echoed cut short: its first characters, then an ellipsis.
                scrubbed = Pattern
                    .compile(Pattern.quote(value.substring(0, TRUNCATED_ECHO)) + "\\S*?(\\.\\.\\.|\u2026)",
                            Pattern.CASE_INSENSITIVE)
                    .matcher(scrubbed)
                    .replaceAll(Matcher.quoteReplacement(MARK));
            }
        }
        return scrubbed;
    }

    /** From how many of its first characters a secret echoed cut short is recognised. */
    private static final int TRUNCATED_ECHO = 12;

    /**
     * The forms in which a service may echo a value: as typed, escaped in JSON, encoded
     * in a URL (with "+" or "%20" for a space); matched regardless of case.
     */
    private List<String> echoes(String value) {
        String json = objectMapper.writeValueAsString(value);
        String url = URLEncoder.encode(value, StandardCharsets.UTF_8);
        return List.of(value, json.substring(1, json.length() - 1), url, url.replace("+", "%20"))
            .stream()
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
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
