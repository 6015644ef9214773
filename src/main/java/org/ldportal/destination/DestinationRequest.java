package org.ldportal.destination;

import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A new destination as a request for approval keeps it until a second person decides (up
 * to seven days): where, what, its checked config and the secrets to scrub from what is
 * recorded. A record of its own, never the MVC form, so that renaming a form field cannot
 * drop a value from requests already waiting. Written in the newest {@link #FORMAT};
 * {@link #read} reads every format ever stored.
 */
record DestinationRequest(int format, String projectKey, String environmentKey, String name, String kind, boolean on,
        Map<String, Object> cleaned, List<String> secretValues) {

    /**
     * 2: this record. 1, without a format: {@code {form: {the form's properties},
     * cleaned, secretValues}}.
     */
    static final int FORMAT = 2;

    static DestinationRequest of(DestinationForm form, Map<String, Object> cleaned, List<String> secretValues) {
        return new DestinationRequest(FORMAT, form.getProjectKey(), form.getEnvironmentKey(), form.getName(),
                form.getKind(), form.isOn(), cleaned, secretValues);
    }

    static DestinationRequest read(ObjectMapper json, String payload) {
        JsonNode stored = json.readTree(payload);
        if (stored.has("format")) {
            return json.treeToValue(stored, DestinationRequest.class);
        }
        JsonNode form = stored.path("form");
        return new DestinationRequest(1, form.path("projectKey").asString(), form.path("environmentKey").asString(),
                form.path("name").asString(), form.path("kind").asString(), form.path("on").asBoolean(true),
                json.convertValue(stored.path("cleaned"), new TypeReference<Map<String, Object>>() {
                }), json.convertValue(stored.path("secretValues"), new TypeReference<List<String>>() {
                }));
    }

    /** The form it was made from, to be sent as the requester sent it. */
    DestinationForm form() {
        DestinationForm form = new DestinationForm();
        form.setProjectKey(projectKey);
        form.setEnvironmentKey(environmentKey);
        form.setName(name);
        form.setKind(kind);
        form.setOn(on);
        return form;
    }
}
