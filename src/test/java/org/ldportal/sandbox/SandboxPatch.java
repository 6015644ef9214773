package org.ldportal.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Patch (RFC 6902) as the sandbox applies it to one resource: {@code add},
 * {@code replace}, {@code remove} and {@code test} on JSON Pointers (RFC 6901), applied
 * to a copy, all or nothing. As LaunchDarkly does, a path outside the resource's editable
 * fields is a 400, and a {@code test} that fails (the resource changed since it was read,
 * its version or a value) is a 409; the version and other read-only fields may be tested,
 * never changed.
 */
final class SandboxPatch {

    private static final Set<String> OPERATIONS = Set.of("add", "replace", "remove", "test");

    private SandboxPatch() {
    }

    /**
     * The resource after the patch; {@code editable} are the top-level fields a patch may
     * change (a field with children, such as {@code config}, covers them),
     * {@code readable} those it may only test.
     */
    static ObjectNode apply(ObjectNode resource, JsonNode patch, Set<String> editable, Set<String> readable) {
        if (patch == null || !patch.isArray() || patch.isEmpty()) {
            throw SandboxException.invalid("The request body must be a non-empty JSON Patch array of operations");
        }
        ObjectNode copy = resource.deepCopy();
        for (int i = 0; i < patch.size(); i++) {
            JsonNode operation = patch.get(i);
            String where = "patch[" + i + "]";
            if (!operation.isObject()) {
                throw SandboxException.invalid(where + ": must be an object with op and path");
            }
            String op = operation.path("op").asString("");
            String path = operation.path("path").asString("");
            if (!OPERATIONS.contains(op)) {
                throw SandboxException.invalid(where + ".op: must be one of add, replace, remove, test");
            }
            List<String> pointer = pointer(path, where);
            String field = pointer.get(0);
            boolean mayChange = editable.contains(field);
            if (!mayChange && !(op.equals("test") && readable.contains(field))) {
                throw SandboxException.invalid(where + ".path: " + path + " is not a field that can be "
                        + (op.equals("test") ? "tested" : "changed"));
            }
            if (!op.equals("remove") && !operation.has("value")) {
                throw SandboxException.invalid(where + ".value: is required for " + op);
            }
            switch (op) {
                case "test" -> test(copy, pointer, operation.get("value"), path);
                case "remove" -> remove(copy, pointer, path, where);
                default -> put(copy, pointer, operation.get("value"), op.equals("add"), path, where);
            }
        }
        return copy;
    }

    private static List<String> pointer(String path, String where) {
        if (!path.startsWith("/") || path.length() < 2) {
            throw SandboxException.invalid(where + ".path: must be a JSON Pointer such as /name");
        }
        List<String> tokens = new ArrayList<>();
        for (String token : path.substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static void test(ObjectNode resource, List<String> pointer, JsonNode expected, String path) {
        JsonNode actual = at(resource, pointer);
        if (actual == null || !actual.equals(expected)) {
            throw SandboxException
                .conflict("The test of " + path + " failed: it is " + (actual == null ? "absent" : actual) + ", not "
                        + expected + ". The resource changed since it was read.");
        }
    }

    private static void remove(ObjectNode resource, List<String> pointer, String path, String where) {
        JsonNode parent = parent(resource, pointer, path, where);
        String last = pointer.get(pointer.size() - 1);
        if (parent instanceof ObjectNode object && object.has(last)) {
            object.remove(last);
        }
        else if (parent instanceof ArrayNode array && index(last, array.size() - 1, where) >= 0) {
            array.remove(index(last, array.size() - 1, where));
        }
        else {
            throw SandboxException.invalid(where + ".path: " + path + " does not exist");
        }
    }

    private static void put(ObjectNode resource, List<String> pointer, JsonNode value, boolean add, String path,
            String where) {
        JsonNode parent = parent(resource, pointer, path, where);
        String last = pointer.get(pointer.size() - 1);
        if (parent instanceof ObjectNode object) {
            if (!add && !object.has(last)) {
                throw SandboxException.invalid(where + ".path: " + path + " does not exist, so it cannot be replaced");
            }
            object.set(last, value);
        }
        else if (parent instanceof ArrayNode array) {
            if (add) {
                int at = last.equals("-") ? array.size() : index(last, array.size(), where);
                array.insert(at, value);
            }
            else {
                array.set(index(last, array.size() - 1, where), value);
            }
        }
        else {
            throw SandboxException.invalid(where + ".path: " + path + " does not exist");
        }
    }

    private static JsonNode parent(ObjectNode resource, List<String> pointer, String path, String where) {
        JsonNode parent = at(resource, pointer.subList(0, pointer.size() - 1));
        if (parent == null || !(parent.isObject() || parent.isArray())) {
            throw SandboxException.invalid(where + ".path: " + path + " does not exist");
        }
        return parent;
    }

    private static JsonNode at(JsonNode node, List<String> pointer) {
        JsonNode current = node;
        for (String token : pointer) {
            if (current == null) {
                return null;
            }
            if (current.isArray()) {
                if (!token.matches("\\d{1,6}")) {
                    return null;
                }
                current = current.get(Integer.parseInt(token));
            }
            else {
                current = current.get(token);
            }
        }
        return current;
    }

    private static int index(String token, int highest, String where) {
        if (!token.matches("\\d{1,6}") || Integer.parseInt(token) > highest) {
            throw SandboxException.invalid(where + ".path: array index " + token + " is out of range");
        }
        return Integer.parseInt(token);
    }

}
