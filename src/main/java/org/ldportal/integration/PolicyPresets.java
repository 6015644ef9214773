package org.ldportal.integration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ldportal.launchdarkly.PolicyStatement;

import tools.jackson.databind.json.JsonMapper;

/**
 * The policy editor's presets (what an audit-log hook receives), and its buttons without
 * JavaScript: add a statement, remove one, or replace them all by a preset. Shared by the
 * create and the edit forms.
 */
final class PolicyPresets {

    static final Map<String, PolicyStatement> PRESETS = Map.of("production-flags",
            new PolicyStatement("allow", List.of("proj/*:env/production:flag/*"), null, List.of("*"), null),
            "all-flags", new PolicyStatement("allow", List.of("proj/*:env/*:flag/*"), null, List.of("*"), null),
            "everything",
            new PolicyStatement("allow",
                    List.of("proj/*", "proj/*:env/*", "proj/*:env/*:flag/*", "proj/*:env/*:segment/*"), null,
                    List.of("*"), null));

    /**
     * The presets as the page's script applies them without a round trip: each a JSON
     * array of statements.
     */
    static final Map<String, String> PRESETS_JSON = presetsJson();

    private PolicyPresets() {
    }

    /**
     * Without JavaScript, the policy's buttons: add a statement, remove one, or replace
     * them all by a preset.
     */
    static void applyPolicyEdit(List<StatementRow> rows, String edit) {
        if (edit.equals("add")) {
            rows.add(new StatementRow());
        }
        else if (edit.matches("remove-\\d{1,3}")) {
            int index = Integer.parseInt(edit.substring("remove-".length()));
            if (index < rows.size()) {
                rows.remove(index);
            }
        }
        else {
            PolicyStatement preset = edit.startsWith("preset-") ? PRESETS.get(edit.substring("preset-".length()))
                    : null;
            if (preset != null) {
                rows.clear();
                rows.add(StatementRow.of(preset));
            }
        }
    }

    private static Map<String, String> presetsJson() {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, String> presets = new HashMap<>();
        PRESETS.forEach((key, statement) -> presets.put(key, json.writeValueAsString(List.of(statement))));
        return Map.copyOf(presets);
    }

}
