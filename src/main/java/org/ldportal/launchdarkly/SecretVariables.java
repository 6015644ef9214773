package org.ldportal.launchdarkly;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ldportal.launchdarkly.CodeSamples.SecretVariable;
import tools.jackson.databind.JsonNode;

/**
 * The secrets of a body whose secret values are masked, each named as a variable after
 * the field it fills: {@code config.policyKey} becomes {@code policy_key}; a JSON patch's
 * value is named after the path it sets.
 */
final class SecretVariables {

    /** Names that would overwrite the shell's own or the commands' variables. */
    private static final Set<String> TAKEN = Set.of("path", "home", "user", "shell", "pwd", "ifs", "term", "lang",
            "body", "ld_access_token", "ld_base_uri", "oldpwd", "hostname", "uid", "ps1");

    private SecretVariables() {
    }

    /** Every value equal to {@code mark}, in the order they appear. */
    static List<SecretVariable> in(JsonNode body, String mark) {
        List<SecretVariable> found = new ArrayList<>();
        walk(body, "", "", "", mark, found, new HashSet<>());
        return found;
    }

    private static void walk(JsonNode node, String pointer, String label, String name, String mark,
            List<SecretVariable> found, Set<String> names) {
        if (node.isString() && node.asString().equals(mark)) {
            found.add(new SecretVariable(pointer, unique(name.isEmpty() ? "secret" : name, names),
                    label.isEmpty() ? "the body" : label));
            return;
        }
        if (node.isObject()) {
            JsonNode patchPath = node.get("path");
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String key = field.getKey();
                String childLabel = label.isEmpty() ? key : label + "." + key;
                String childName = CodeText.snake(key);
                if (key.equals("value") && node.has("op") && patchPath != null && patchPath.isString()) {
                    // A JSON patch: {"op": "replace", "path": "/config/policyKey",
                    // "value": ...}
                    String set = patchPath.asString();
                    childLabel = set.replaceFirst("^/", "").replace('/', '.');
                    childName = CodeText.snake(set.substring(set.lastIndexOf('/') + 1));
                }
                walk(field.getValue(), CodeText.pointer(pointer, key), childLabel, childName, mark, found, names);
            }
        }
        else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, label + "[" + i + "]", name, mark, found, names);
            }
        }
    }

    private static String unique(String name, Set<String> names) {
        String base = CodeText.identifier(name);
        if (TAKEN.contains(base) || base.startsWith("ld_")) {
            base = "secret_" + base;
        }
        String candidate = base;
        for (int n = 2; !names.add(candidate); n++) {
            candidate = base + "_" + n;
        }
        return candidate;
    }

}
