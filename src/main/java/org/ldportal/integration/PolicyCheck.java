package org.ldportal.integration;

import java.util.List;

import org.springframework.validation.Errors;

/**
 * The policy editor's rows, checked before LaunchDarkly sees them: each resource a
 * resource specifier, each action a name or *, and bounds on how much one form may hold.
 * The error sits at the row's field.
 */
final class PolicyCheck {

    static final int MAX_STATEMENTS = 20;
    static final int MAX_ENTRIES = 50;
    static final int MAX_ENTRY_LENGTH = 512;

    private PolicyCheck() {
    }

    static void check(List<StatementRow> rows, Errors errors) {
        if (rows.size() > MAX_STATEMENTS) {
            errors.rejectValue("statements", "size", "Give at most " + MAX_STATEMENTS + " statements.");
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            StatementRow row = rows.get(i);
            String field = "statements[" + i + "].";
            if (row.getEffect() != null && !row.getEffect().equals("allow") && !row.getEffect().equals("deny")) {
                errors.rejectValue(field + "effect", "effect", "Choose allow or deny.");
            }
            resources(StatementRow.resourceList(row.getResources()), field + "resources", errors);
            resources(StatementRow.resourceList(row.getNotResources()), field + "notResources", errors);
            actions(StatementRow.list(row.getActions()), field + "actions", errors);
            actions(StatementRow.list(row.getNotActions()), field + "notActions", errors);
        }
    }

    private static void resources(List<String> resources, String field, Errors errors) {
        if (tooMany(resources, field, errors)) {
            return;
        }
        for (String resource : resources) {
            String problem = ResourceSpecifiers.problem(resource);
            if (problem != null) {
                errors.rejectValue(field, "resource", problem);
                return;
            }
        }
    }

    private static void actions(List<String> actions, String field, Errors errors) {
        if (tooMany(actions, field, errors)) {
            return;
        }
        for (String action : actions) {
            String problem = ResourceSpecifiers.actionProblem(action);
            if (problem != null) {
                errors.rejectValue(field, "action", problem);
                return;
            }
        }
    }

    private static boolean tooMany(List<String> entries, String field, Errors errors) {
        if (entries.size() > MAX_ENTRIES) {
            errors.rejectValue(field, "size", "Give at most " + MAX_ENTRIES + " entries here.");
            return true;
        }
        if (entries.stream().anyMatch(entry -> entry.length() > MAX_ENTRY_LENGTH)) {
            errors.rejectValue(field, "size", "Keep each entry to " + MAX_ENTRY_LENGTH + " characters or fewer.");
            return true;
        }
        return false;
    }

}
