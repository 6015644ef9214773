package org.ldportal.change;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.ldportal.audit.SecretRedactor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body an attempt sent, as the trail keeps it (secrets replaced by
 * {@link SecretRedactor#MARK}), for an existence check to compare with what LaunchDarkly
 * has: the same name, the same tags, and every value that was not a secret. Secrets are
 * never compared: the trail does not have them and LaunchDarkly answers them obfuscated.
 */
public final class SentBody {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode body;

    private SentBody(JsonNode body) {
        this.body = body;
    }

    /**
     * The body, or an empty one when there is none or it cannot be read (then only what
     * the check knows compares).
     */
    public static SentBody of(@Nullable String redactedJson) {
        if (redactedJson != null) {
            try {
                JsonNode read = JSON.readTree(redactedJson);
                if (read != null && read.isObject()) {
                    return new SentBody(read);
                }
            }
            catch (RuntimeException unreadable) {
                // compared as empty below
            }
        }
        return new SentBody(JSON.createObjectNode());
    }

    /**
     * Whether the body sent this field with this text (true when it did not send the
     * field).
     */
    public boolean sameText(String field, @Nullable String answered) {
        JsonNode sent = body.get(field);
        return sent == null || sent.isNull() || sent.asString().equals(answered);
    }

    /**
     * Whether the tags answered are those sent, in any order and case (true when no tags
     * were sent).
     */
    public boolean sameTags(@Nullable List<String> answered) {
        JsonNode sent = body.get("tags");
        if (sent == null || !sent.isArray()) {
            return true;
        }
        Set<String> expected = new HashSet<>();
        sent.forEach(tag -> expected.add(tag.asString().toLowerCase(Locale.ROOT)));
        Set<String> actual = new HashSet<>();
        (answered == null ? List.<String>of() : answered).forEach(tag -> actual.add(tag.toLowerCase(Locale.ROOT)));
        return expected.equals(actual);
    }

    /**
     * Whether every value sent under {@code field} (an object of values) that was not a
     * secret is what LaunchDarkly answered for it; a value LaunchDarkly does not answer,
     * or answers obfuscated, is not held against it.
     */
    public boolean sameValues(String field, @Nullable Map<String, Object> answered) {
        JsonNode sent = body.get(field);
        if (sent == null || !sent.isObject()) {
            return true;
        }
        Map<String, Object> values = answered == null ? Map.of() : answered;
        for (Map.Entry<String, JsonNode> value : sent.properties()) {
            if (SecretRedactor.MARK.equals(value.getValue().asString()) || !values.containsKey(value.getKey())) {
                continue;
            }
            JsonNode has = JSON.valueToTree(values.get(value.getKey()));
            if (!same(value.getValue(), has)) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(JsonNode sent, JsonNode answered) {
        if (sent.isValueNode() && answered.isValueNode()) {
            // As text: LaunchDarkly may keep a number as a string, or the other way
            // round.
            return Objects.equals(sent.asString(), answered.asString());
        }
        return sent.equals(answered);
    }

}
