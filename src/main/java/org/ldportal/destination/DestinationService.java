package org.ldportal.destination;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ldportal.audit.AuditAttempt;
import org.ldportal.audit.SecretRedactor;
import org.ldportal.change.AuditedCall;
import org.ldportal.change.Change;
import org.ldportal.change.ChangeResult;
import org.ldportal.change.FieldNames;
import org.ldportal.change.RefusalTarget;
import org.ldportal.change.Sent;
import org.ldportal.launchdarkly.Destination;
import org.ldportal.launchdarkly.DestinationPost;
import org.ldportal.launchdarkly.Environment;
import org.ldportal.launchdarkly.LaunchDarklyClient;
import org.ldportal.launchdarkly.LaunchDarklyDirectory;
import org.ldportal.launchdarkly.LaunchDarklyLinks;
import org.ldportal.launchdarkly.LaunchDarklyException;
import org.ldportal.launchdarkly.Project;
import org.ldportal.launchdarkly.WarehouseSetupRequest;
import org.ldportal.launchdarkly.WarehouseSetupScript;
import org.ldportal.security.CurrentUser;
import org.springframework.stereotype.Service;

import tools.jackson.databind.ObjectMapper;

/**
 * Creates Data Export destinations: directly, or through a warehouse set-up first. Audits every attempt with
 * secrets redacted, and puts LaunchDarkly's errors at the field they concern.
 */
@Service
class DestinationService {

    private static final List<String> TOP_LEVEL_FIELDS = List.of("name", "kind", "on");

    private final LaunchDarklyClient client;
    private final LaunchDarklyDirectory directory;
    private final LaunchDarklyLinks links;
    private final AuditedCall call;
    private final SecretRedactor redactor;
    private final ObjectMapper json;

    DestinationService(LaunchDarklyClient client, LaunchDarklyDirectory directory, LaunchDarklyLinks links, AuditedCall call,
            SecretRedactor redactor, ObjectMapper json) {
        this.client = client;
        this.directory = directory;
        this.links = links;
        this.call = call;
        this.redactor = redactor;
        this.json = json;
    }

    /** Where the environment's Data Export destinations are in LaunchDarkly. */
    String link(String projectKey, String environmentKey) {
        return links.destinations(projectKey, environmentKey);
    }

    /** A kind whose fields are the config (DIRECT), or one JSON object that is the config (JSON). */
    ChangeResult<Destination> create(DestinationForm form, DestinationKind kind, Map<String, Object> cleaned,
            List<String> secretValues, CurrentUser user) {
        @SuppressWarnings("unchecked")
        Map<String, Object> config = kind.flow() == DestinationKind.Flow.JSON ? (Map<String, Object>) cleaned.get("config")
                : cleaned;
        DestinationPost body = new DestinationPost(form.getName(), kind.kind(), config, form.isOn());
        DestinationPost audited = body;
        List<String> secrets = new ArrayList<>(secretValues);
        if (kind.flow() == DestinationKind.Flow.JSON) {
            // No spec says which of these values are secret: all are, but those the kind names as not.
            SecretRedactor.FreeForm freeForm = redactor.freeForm(config, kind.nonSecretConfigKeys());
            audited = new DestinationPost(form.getName(), kind.kind(), freeForm.redacted(), form.isOn());
            secrets.addAll(freeForm.secretValues());
        }
        Change change = change(user, form, kind, "create", redactor.redactToJson(audited, kind.form().secretKeys(), secrets))
                .scrubbing(secrets);
        return created(form, kind, change, () -> client.createDestination(form.getProjectKey(), form.getEnvironmentKey(), body));
    }

    /** The first step of a warehouse kind: LaunchDarkly prepares the script (and key or policies). */
    ChangeResult<WarehouseSetupScript> setup(DestinationForm form, DestinationKind kind, Map<String, Object> cleaned,
            CurrentUser user) {
        WarehouseSetupRequest body = new WarehouseSetupRequest(form.getName(), text(cleaned, "snowflakeHostAddress"),
                text(cleaned, "databaseName"), text(cleaned, "warehouseName"), text(cleaned, "roleName"),
                text(cleaned, "schemaName"), text(cleaned, "userName"), (Boolean) cleaned.get("includeNetworkPolicy"),
                text(cleaned, "clusterIdentifier"), text(cleaned, "clusterRegion"), text(cleaned, "clusterAwsAccountId"));
        Change change = new Change(by(user, form, kind, "setup", redactor.redactToJson(body, Set.of(), List.of())),
                "the set-up", "prepared", 200, List.of(), detail -> locate(detail, configKeys(kind)));
        return call.send(change, () -> client.warehouseSetupScript(form.getProjectKey(), form.getEnvironmentKey(), kind.kind(),
                body), script -> new Sent(null, null, null));
    }

    /**
     * The last step of a warehouse kind. Snowflake: the destination is created with the public key and host
     * address, as the spec's postDestination documents for snowflake-v2. Redshift: complete-setup creates it from
     * the pending set-up LaunchDarkly stored.
     */
    ChangeResult<Destination> complete(DestinationForm form, DestinationKind kind, String publicKey, String hostAddress,
            CurrentUser user) {
        if (kind.flow() == DestinationKind.Flow.SNOWFLAKE) {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("publicKey", publicKey);
            config.put("snowflakeHostAddress", hostAddress);
            DestinationPost body = new DestinationPost(form.getName(), kind.kind(), config, form.isOn());
            return created(form, kind, change(user, form, kind, "create", redactor.redactToJson(body, Set.of(), List.of())),
                    () -> client.createDestination(form.getProjectKey(), form.getEnvironmentKey(), body));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("publicKey", publicKey);
        ChangeResult<Destination> result = created(form, kind, change(user, form, kind, "complete-setup",
                redactor.redactToJson(body, Set.of(), List.of())),
                () -> client.completeWarehouseSetup(form.getProjectKey(), form.getEnvironmentKey(), kind.kind(), publicKey));
        if (result instanceof ChangeResult.Refused<Destination> refused && refused.isNotFound()) {
            return refused.at(RefusalTarget.WHOLE_FORM, "LaunchDarkly has no pending set-up for this environment any more. "
                    + "Start again.");
        }
        return result;
    }

    /**
     * What of a free-form JSON config may be written back into the form: the values of the kind's non-secret keys;
     * every other value emptied, to be typed again. Text that is not a JSON object is kept out whole.
     */
    String configForForm(DestinationKind kind, String typed) {
        if (typed == null || typed.isBlank()) {
            return typed;
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> config = json.readValue(typed, Map.class);
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(
                    redactor.freeForm(config, kind.nonSecretConfigKeys()).withoutThem());
        }
        catch (RuntimeException notAnObject) {
            return "";
        }
    }

    private Change change(CurrentUser user, DestinationForm form, DestinationKind kind, String action, String redactedBody) {
        List<String> configKeys = configKeys(kind);
        return Change.create(by(user, form, kind, action, redactedBody), "the destination")
                .locatedBy(detail -> locate(detail, configKeys));
    }

    private AuditAttempt by(CurrentUser user, DestinationForm form, DestinationKind kind, String action, String redactedBody) {
        return AuditAttempt.by(user, action, "destination").withTarget(form.getProjectKey(), form.getEnvironmentKey(), null)
                .withResource(form.getName(), kind.kind(), null).withRequestBody(redactedBody);
    }

    /** Sends a create; a 409 means the environment has its one destination already, which is named and linked. */
    private ChangeResult<Destination> created(DestinationForm form, DestinationKind kind, Change change,
            java.util.function.Supplier<Destination> request) {
        String link = links.destinations(form.getProjectKey(), form.getEnvironmentKey());
        ChangeResult<Destination> result = call.send(change, request,
                destination -> new Sent(kind.kind(), destination.id(), link));
        if (result instanceof ChangeResult.Refused<Destination> refused && refused.isConflict()) {
            Destination existing = existing(form.getProjectKey(), form.getEnvironmentKey());
            String existingName = existing != null ? existing.name() : null;
            return refused.at(RefusalTarget.field("environmentKey"), "This environment already has a Data Export destination"
                    + (existingName != null ? ": " + existingName : "") + ". LaunchDarkly allows one per environment.")
                    .withLink(link);
        }
        return result;
    }

    private static List<String> configKeys(DestinationKind kind) {
        return kind.form().fields().stream().map(field -> field.key()).toList();
    }

    /** "config.roleArn: ..." belongs at the roleArn field; "name: ..." at the destination's name. */
    static RefusalTarget locate(String message, List<String> configKeys) {
        if (message == null) {
            return RefusalTarget.WHOLE_FORM;
        }
        for (String key : configKeys) {
            if (message.contains("config." + key)) {
                return RefusalTarget.configKey(key);
            }
        }
        String topLevel = FieldNames.namedIn(message, TOP_LEVEL_FIELDS);
        if (topLevel != null) {
            return RefusalTarget.field(topLevel);
        }
        String config = FieldNames.namedIn(message, configKeys);
        return config != null ? RefusalTarget.configKey(config) : RefusalTarget.WHOLE_FORM;
    }

    private Destination existing(String projectKey, String environmentKey) {
        try {
            return client.listDestinations().stream().filter(d -> d.belongsTo(projectKey, environmentKey))
                    .findFirst().orElse(null);
        }
        catch (LaunchDarklyException e) {
            return null;
        }
    }

    private static String text(Map<String, Object> values, String key) {
        Object value = values.get(key);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
