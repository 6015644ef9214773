package org.ldportal.change;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A record kept with a request for approval (up to seven days, across releases), written
 * with the number of its format and read by it: a payload without one is format 1, as
 * releases before formats wrote it; one newer than this release reads is refused, never
 * misread.
 */
public final class StoredPayloads {

    private StoredPayloads() {
    }

    public static String write(ObjectMapper json, Object payload, int format) {
        ObjectNode tree = json.valueToTree(payload);
        tree.put("format", format);
        return json.writeValueAsString(tree);
    }

    public static <T> T read(ObjectMapper json, String payload, Class<T> type, int newest) {
        JsonNode tree = json.readTree(payload);
        int format = tree.has("format") ? tree.get("format").asInt() : 1;
        if (format > newest || !(tree instanceof ObjectNode object)) {
            throw new IllegalStateException(
                    "A request stored in format " + format + ", which this release (up to " + newest + ") cannot read");
        }
        object.remove("format");
        return json.treeToValue(object, type);
    }

}
