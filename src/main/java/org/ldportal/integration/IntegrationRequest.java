package org.ldportal.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A new integration configuration or audit-log subscription as a request for approval
 * keeps it until a second person decides (up to seven days). A record of its own, never
 * the MVC form, so that renaming a form field cannot drop a value from requests already
 * waiting. Written in the newest {@link #FORMAT}; {@link #read} reads every format ever
 * stored.
 */
record IntegrationRequest(int format, String manifestKey, String type, String name, boolean enabled,
        @Nullable String tags, List<Statement> statements, @Nullable String additionalFormVariables,
        Map<String, Object> cleaned, List<String> secretValues) {

    /**
     * 2: this record. 1, without a format: {@code {manifestKey, type, form: {the form's
     * properties}, cleaned, secretValues}}.
     */
    static final int FORMAT = 2;

    /**
     * A policy statement as its editor row had it (resources one per line, actions one
     * per line or by commas).
     */
    record Statement(String effect, String resources, String actions, String notResources, String notActions) {

        static Statement of(StatementRow row) {
            return new Statement(row.getEffect(), row.getResources(), row.getActions(), row.getNotResources(),
                    row.getNotActions());
        }

        StatementRow row() {
            StatementRow row = new StatementRow();
            row.setEffect(effect);
            row.setResources(resources);
            row.setActions(actions);
            row.setNotResources(notResources);
            row.setNotActions(notActions);
            return row;
        }
    }

    static IntegrationRequest of(Manifest manifest, IntegrationType type, IntegrationForm form,
            Map<String, Object> cleaned, List<String> secretValues) {
        return new IntegrationRequest(FORMAT, manifest.key(), type.parameter(), form.getName(), form.isEnabled(),
                form.getTags(), form.getStatements().stream().map(Statement::of).toList(),
                form.getAdditionalFormVariables(), cleaned, secretValues);
    }

    static IntegrationRequest read(ObjectMapper json, String payload) {
        JsonNode stored = json.readTree(payload);
        if (stored.has("format")) {
            return json.treeToValue(stored, IntegrationRequest.class);
        }
        JsonNode form = stored.path("form");
        return new IntegrationRequest(1, stored.path("manifestKey").asString(), stored.path("type").asString(),
                form.path("name").asString(), form.path("enabled").asBoolean(true), text(form, "tags"),
                json.convertValue(form.path("statements"), new TypeReference<List<Statement>>() {
                }), text(form, "additionalFormVariables"),
                json.convertValue(stored.path("cleaned"), new TypeReference<Map<String, Object>>() {
                }), json.convertValue(stored.path("secretValues"), new TypeReference<List<String>>() {
                }));
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** The form it was made from, to be sent as the requester sent it. */
    IntegrationForm form() {
        IntegrationForm form = new IntegrationForm();
        form.setName(name);
        form.setEnabled(enabled);
        form.setTags(tags);
        form.setStatements(new ArrayList<>(statements.stream().map(Statement::row).toList()));
        form.setAdditionalFormVariables(additionalFormVariables);
        return form;
    }
}
