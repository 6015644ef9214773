package org.ldportal.destination;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.ldportal.audit.AuditAttempt;
import org.ldportal.audit.AuditOutcome;
import org.ldportal.audit.AuditTrail;
import org.ldportal.audit.SecretRedactor;
import org.ldportal.launchdarkly.Destination;
import org.ldportal.launchdarkly.DestinationPost;
import org.ldportal.launchdarkly.Environment;
import org.ldportal.launchdarkly.LaunchDarklyApiException;
import org.ldportal.launchdarkly.LaunchDarklyClient;
import org.ldportal.launchdarkly.LaunchDarklyDirectory;
import org.ldportal.launchdarkly.LaunchDarklyLinks;
import org.ldportal.launchdarkly.LaunchDarklyUnreachableException;
import org.ldportal.launchdarkly.Project;
import org.ldportal.launchdarkly.WarehouseSetupRequest;
import org.ldportal.launchdarkly.WarehouseSetupScript;
import org.ldportal.security.CurrentUser;
import org.ldportal.web.ApiFailure;
import org.ldportal.web.ApiFailureTranslator;
import org.springframework.stereotype.Service;

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
    private final AuditTrail audit;
    private final SecretRedactor redactor;
    private final ApiFailureTranslator failures;

    DestinationService(LaunchDarklyClient client, LaunchDarklyDirectory directory, LaunchDarklyLinks links, AuditTrail audit,
            SecretRedactor redactor, ApiFailureTranslator failures) {
        this.client = client;
        this.directory = directory;
        this.links = links;
        this.audit = audit;
        this.redactor = redactor;
        this.failures = failures;
    }

    List<Project> projects() {
        return directory.projects();
    }

    List<Environment> environments(String projectKey) {
        return directory.environments(projectKey);
    }

    String link(String projectKey, String environmentKey) {
        return links.destinations(projectKey, environmentKey);
    }

    /** A kind whose fields are the config (DIRECT), or one JSON object that is the config (JSON). */
    DestinationAttempt create(DestinationForm form, DestinationKind kind, Map<String, Object> cleaned,
            List<String> secretValues, CurrentUser user) {
        @SuppressWarnings("unchecked")
        Map<String, Object> config = kind.flow() == DestinationKind.Flow.JSON ? (Map<String, Object>) cleaned.get("config")
                : cleaned;
        DestinationPost body = new DestinationPost(form.getName(), kind.kind(), config, form.isOn());
        return call(form, kind, "create", redactor.redactToJson(body, kind.form().secretKeys(), secretValues), secretValues, user,
                () -> DestinationAttempt.created(client.createDestination(form.getProjectKey(), form.getEnvironmentKey(), body)));
    }

    /** The first step of a warehouse kind: LaunchDarkly prepares the script (and key or policies). */
    DestinationAttempt setup(DestinationForm form, DestinationKind kind, Map<String, Object> cleaned, CurrentUser user) {
        WarehouseSetupRequest body = new WarehouseSetupRequest(form.getName(), text(cleaned, "snowflakeHostAddress"),
                text(cleaned, "databaseName"), text(cleaned, "warehouseName"), text(cleaned, "roleName"),
                text(cleaned, "schemaName"), text(cleaned, "userName"), (Boolean) cleaned.get("includeNetworkPolicy"),
                text(cleaned, "clusterIdentifier"), text(cleaned, "clusterRegion"), text(cleaned, "clusterAwsAccountId"));
        return call(form, kind, "setup", redactor.redactToJson(body, Set.of(), List.of()), List.of(), user,
                () -> DestinationAttempt.prepared(client.warehouseSetupScript(form.getProjectKey(), form.getEnvironmentKey(),
                        kind.kind(), body)));
    }

    /**
     * The last step of a warehouse kind. Snowflake: the destination is created with the public key and host
     * address, as the spec's postDestination documents for snowflake-v2. Redshift: complete-setup creates it from
     * the pending set-up LaunchDarkly stored.
     */
    DestinationAttempt complete(DestinationForm form, DestinationKind kind, String publicKey, String hostAddress,
            CurrentUser user) {
        if (kind.flow() == DestinationKind.Flow.SNOWFLAKE) {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("publicKey", publicKey);
            config.put("snowflakeHostAddress", hostAddress);
            DestinationPost body = new DestinationPost(form.getName(), kind.kind(), config, form.isOn());
            return call(form, kind, "create", redactor.redactToJson(body, Set.of(), List.of()), List.of(), user,
                    () -> DestinationAttempt.created(client.createDestination(form.getProjectKey(), form.getEnvironmentKey(), body)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("publicKey", publicKey);
        return call(form, kind, "complete-setup", redactor.redactToJson(body, Set.of(), List.of()), List.of(), user,
                () -> DestinationAttempt.created(client.completeWarehouseSetup(form.getProjectKey(), form.getEnvironmentKey(),
                        kind.kind(), publicKey)));
    }

    private DestinationAttempt call(DestinationForm form, DestinationKind kind, String action, String redactedBody,
            List<String> secretValues, CurrentUser user, Supplier<DestinationAttempt> request) {
        AuditAttempt attempt = AuditAttempt.by(user, action, "destination")
                .withTarget(form.getProjectKey(), form.getEnvironmentKey(), null).withResource(form.getName(), kind.kind(), null)
                .withRequestBody(redactedBody);
        long started = System.nanoTime();
        try {
            DestinationAttempt result = request.get();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            audit.record(attempt.withResource(form.getName(), kind.kind(), result.destination() != null ? result.destination().id() : null)
                    .withOutcome(AuditOutcome.SUCCEEDED, result.destination() != null ? 201 : 200, null, null, took));
            return result;
        }
        catch (LaunchDarklyApiException | LaunchDarklyUnreachableException e) {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            List<String> configKeys = kind.form().fields().stream().map(field -> field.key()).toList();
            ApiFailure failure = failures.translate(e, "the destination", secretValues, List.of());
            String field = locate(failure.detail(), configKeys);
            String existingName = null;
            String existingLink = null;
            if (failure.isConflict()) {
                field = "environmentKey";
                Destination existing = existing(form.getProjectKey(), form.getEnvironmentKey());
                existingName = existing != null ? existing.name() : null;
                existingLink = links.destinations(form.getProjectKey(), form.getEnvironmentKey());
                failure = failure.atField(field, "This environment already has a Data Export destination"
                        + (existingName != null ? ": " + existingName : "") + ". LaunchDarkly allows one per environment.");
            }
            else if (failure.httpStatus() != null && failure.httpStatus() == 404 && "complete-setup".equals(action)) {
                failure = failure.atField(null, "LaunchDarkly has no pending set-up for this environment any more. Start again.");
            }
            audit.record(attempt.withOutcome(failure.outcome(), failure.httpStatus(), failure.code(),
                    failure.detail() != null ? failure.detail() : failure.userMessage(), took));
            return new DestinationAttempt(null, null, field, failure.userMessage(), failure.detail(), existingName, existingLink);
        }
    }

    /** "config.roleArn: ..." belongs at the roleArn field; "name: ..." at the destination's name. */
    static String locate(String message, List<String> configKeys) {
        if (message == null) {
            return null;
        }
        for (String key : configKeys) {
            if (message.contains("config." + key)) {
                return "config[" + key + "]";
            }
        }
        String topLevel = ApiFailureTranslator.fieldNamedIn(message, TOP_LEVEL_FIELDS);
        if (topLevel != null) {
            return topLevel;
        }
        String config = ApiFailureTranslator.fieldNamedIn(message, configKeys);
        return config != null ? "config[" + config + "]" : null;
    }

    private Destination existing(String projectKey, String environmentKey) {
        String parent = "/projects/" + projectKey + "/environments/" + environmentKey;
        try {
            return client.listDestinations().stream().filter(d -> d.links() != null && d.links().get("parent") != null
                    && d.links().get("parent").href() != null && d.links().get("parent").href().endsWith(parent))
                    .findFirst().orElse(null);
        }
        catch (LaunchDarklyApiException | LaunchDarklyUnreachableException e) {
            return null;
        }
    }

    private static String text(Map<String, Object> values, String key) {
        Object value = values.get(key);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
