package org.ldportal.destination;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.ldportal.audit.AuditAttempt;
import org.ldportal.audit.SecretRedactor;
import org.ldportal.change.AuditedCall;
import org.ldportal.change.Change;
import org.ldportal.change.ChangeOrigin;
import org.ldportal.change.ChangeResult;
import org.ldportal.change.FieldNames;
import org.ldportal.change.PendingChange;
import org.ldportal.change.PreparedChange;
import org.ldportal.change.RefusalTarget;
import org.ldportal.change.Review;
import org.ldportal.change.ReviewLines;
import org.ldportal.change.ReviewWarnings;
import org.ldportal.change.Sent;
import org.ldportal.launchdarkly.Destination;
import org.ldportal.launchdarkly.DestinationPost;
import org.ldportal.launchdarkly.Environment;
import org.ldportal.launchdarkly.LaunchDarklyClient;
import org.ldportal.launchdarkly.LaunchDarklyDirectory;
import org.ldportal.launchdarkly.LaunchDarklyException;
import org.ldportal.launchdarkly.LaunchDarklyLinks;
import org.ldportal.launchdarkly.WarehouseSetupRequest;
import org.ldportal.launchdarkly.WarehouseSetupScript;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.springframework.stereotype.Service;

import tools.jackson.databind.ObjectMapper;

/**
 * Creates Data Export destinations: directly, or through a warehouse set-up first. Audits
 * every attempt with secrets redacted, and puts LaunchDarkly's errors at the field they
 * concern.
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

    private final ReviewWarnings reviewWarnings;

    private final WarehouseSetups setups;

    DestinationService(LaunchDarklyClient client, LaunchDarklyDirectory directory, LaunchDarklyLinks links,
            AuditedCall call, SecretRedactor redactor, ObjectMapper json, ReviewWarnings reviewWarnings,
            WarehouseSetups setups) {
        this.setups = setups;
        this.reviewWarnings = reviewWarnings;
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

    /**
     * What the approval rules look at (where, whether critical) and a request keeps, for
     * a new destination.
     */
    PendingChange pending(DestinationForm form, Map<String, Object> cleaned, List<String> secretValues) {
        return PendingChange.create(ResourceType.DESTINATION,
                Place.environment(form.getProjectKey(), form.getEnvironmentKey()), form.getName(), form.getKind(),
                critical(form.getProjectKey(), form.getEnvironmentKey()),
                json.writeValueAsString(DestinationRequest.of(form, cleaned, secretValues)));
    }

    /**
     * A valid form, for the change flow: a create for the kinds LaunchDarkly takes at
     * once; for a warehouse kind its set-up, whose result page is the set-up's own (saved
     * once LaunchDarkly prepared it).
     */
    PreparedChange<?> creation(DestinationForm form, DestinationKind kind, Map<String, Object> cleaned,
            List<String> secretValues) {
        PendingChange pending = pending(form, cleaned, secretValues);
        if (kind.isWarehouse()) {
            return PreparedChange.of(pending, () -> review(form, kind, cleaned, secretValues), Long.class,
                    (user, origin) -> setUp(form, kind, cleaned, user, origin));
        }
        return PreparedChange
            .of(pending, () -> review(form, kind, cleaned, secretValues), Destination.class,
                    (user, origin) -> create(form, kind, cleaned, secretValues, user, origin))
            .repeatedAs(CreatedDestination.class, destination -> createdPage(form, kind, destination));
    }

    /**
     * The last step of a warehouse set-up, for the change flow: sent directly (its set-up
     * was approved, if it needed approval), never held again; its result page the
     * destination's.
     */
    PreparedChange<Destination> completion(WarehouseSetup setup, DestinationKind kind) {
        DestinationForm form = setup.form();
        PendingChange pending = new PendingChange(ChangeAction.COMPLETE_SETUP, ResourceType.DESTINATION,
                Place.environment(setup.projectKey(), setup.environmentKey()), form.getName(), kind.kind(), false,
                "{}");
        return PreparedChange
            .of(pending, () -> review(form, kind, Map.of(), List.of()), Destination.class,
                    (user, origin) -> complete(form, kind, setup.script().publicKey(), user))
            .withoutReview()
            .approvedAlready()
            .repeatedAs(CreatedDestination.class, destination -> createdPage(form, kind, destination));
    }

    /** What the result page shows of a new destination. */
    CreatedDestination createdPage(DestinationForm form, DestinationKind kind, Destination destination) {
        return CreatedDestination.of(form, kind, destination, link(form.getProjectKey(), form.getEnvironmentKey()));
    }

    /**
     * A warehouse kind's set-up, prepared by LaunchDarkly and kept: its page's id, or why
     * it was not prepared.
     */
    ChangeResult<Long> setUp(DestinationForm form, DestinationKind kind, Map<String, Object> cleaned, CurrentUser user,
            ChangeOrigin origin) {
        ChangeResult<WarehouseSetupScript> setup = setup(form, kind, cleaned, user, origin);
        if (setup instanceof ChangeResult.Succeeded<WarehouseSetupScript> prepared) {
            // Post/redirect/get: the set-up has its own address, so a reload shows it
            // without preparing it again.
            Object host = cleaned.get("snowflakeHostAddress");
            long id = setups.save(user, form, host == null ? null : host.toString(), prepared.resource());
            return new ChangeResult.Succeeded<>(id, "/destinations/setups/" + id);
        }
        return retyped(setup);
    }

    /** A result that is not a success carries no resource, so it stands for any type. */
    @SuppressWarnings("unchecked")
    private static <T> ChangeResult<T> retyped(ChangeResult<?> notSucceeded) {
        return (ChangeResult<T>) notSucceeded;
    }

    /**
     * Creates the destination, directly or once approved ({@code origin}), as
     * {@code user}.
     */
    ChangeResult<Destination> create(DestinationForm form, DestinationKind kind, Map<String, Object> cleaned,
            List<String> secretValues, CurrentUser user, ChangeOrigin origin) {
        Prepared prepared = prepare(form, kind, cleaned, secretValues);
        Change change = change(user, form, kind, ChangeAction.CREATE, prepared.redactedJson(), origin)
            .scrubbing(prepared.secrets());
        return created(form, kind, change,
                () -> client.createDestination(form.getProjectKey(), form.getEnvironmentKey(), prepared.body()));
    }

    /**
     * The body of a create, and the same body as the review page and the audit trail show
     * it.
     */
    private record Prepared(DestinationPost body, @Nullable String redactedJson, List<String> secrets) {
    }

    private Prepared prepare(DestinationForm form, DestinationKind kind, Map<String, Object> cleaned,
            List<String> secretValues) {
        Map<String, Object> config = config(kind, cleaned);
        DestinationPost body = new DestinationPost(form.getName(), kind.kind(), config, form.isOn());
        DestinationPost audited = body;
        List<String> secrets = new ArrayList<>(secretValues);
        if (kind.flow() == DestinationKind.Flow.JSON) {
            // No spec says which of these values are secret: all are, but those the kind
            // names as not.
            // A free-form kind without its config fails here, as it did in freeForm().
            SecretRedactor.FreeForm freeForm = redactor.freeForm(Objects.requireNonNull(config),
                    kind.nonSecretConfigKeys());
            audited = new DestinationPost(form.getName(), kind.kind(), freeForm.redacted(), form.isOn());
            secrets.addAll(freeForm.secretValues());
        }
        return new Prepared(body, redactor.redactToJson(audited, kind.form().secretKeys(), secrets),
                List.copyOf(secrets));
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Map<String, Object> config(DestinationKind kind, Map<String, Object> cleaned) {
        return kind.flow() == DestinationKind.Flow.JSON ? (Map<String, Object>) cleaned.get("config") : cleaned;
    }

    /**
     * Whether LaunchDarkly marks the destination's environment critical; true when it
     * cannot tell, so that a rule for critical environments is never skipped for want of
     * an answer.
     */
    boolean critical(String projectKey, String environmentKey) {
        try {
            return directory.environments(projectKey)
                .stream()
                .anyMatch(environment -> environment.key().equals(environmentKey)
                        && Boolean.TRUE.equals(environment.critical()));
        }
        catch (LaunchDarklyException e) {
            return true;
        }
    }

    /**
     * What the form will send (a create, or a warehouse kind's set-up), for the review
     * page.
     */
    Review review(DestinationForm form, DestinationKind kind, Map<String, Object> cleaned, List<String> secretValues) {
        Environment environment = environment(form.getProjectKey(), form.getEnvironmentKey());
        String environmentName = environment != null ? environment.name() : form.getEnvironmentKey();
        List<Review.Line> target = List.of(
                new Review.Line("Project",
                        directory.projectName(form.getProjectKey()) + " (" + form.getProjectKey() + ")"),
                new Review.Line("Environment", environmentName + " (" + form.getEnvironmentKey() + ")"));
        List<Review.Line> fields = new ArrayList<>(List.of(new Review.Line("Name", form.getName()),
                new Review.Line("Kind", kind.title()), new Review.Line("Turned on", ReviewLines.yesNo(form.isOn()))));
        fields.addAll(ReviewLines.of(kind.form(), cleaned));
        List<String> warnings = new ArrayList<>();
        String production = reviewWarnings.environment(environmentName, form.getEnvironmentKey(),
                environment != null && Boolean.TRUE.equals(environment.critical()));
        if (production != null) {
            warnings.add(production + " Its flag evaluation events will be sent to this destination.");
        }
        warnings.addAll(reviewWarnings.hosts(notSecret(kind, config(kind, cleaned))));
        if (kind.isWarehouse()) {
            return new Review("Prepare a " + kind.title() + " destination", target, fields, "POST",
                    LaunchDarklyClient.path(LaunchDarklyClient.WAREHOUSE_SETUP, form.getProjectKey(),
                            form.getEnvironmentKey(), kind.kind()),
                    redactor.redactToJson(setupRequest(form, cleaned), Set.of(), List.of()), warnings);
        }
        return new Review(
                "Create a Data Export destination", target, fields, "POST", LaunchDarklyClient
                    .path(LaunchDarklyClient.DESTINATIONS, form.getProjectKey(), form.getEnvironmentKey()),
                prepare(form, kind, cleaned, secretValues).redactedJson(), warnings);
    }

    private @Nullable Environment environment(String projectKey, String environmentKey) {
        try {
            return directory.environments(projectKey)
                .stream()
                .filter(candidate -> candidate.key().equals(environmentKey))
                .findFirst()
                .orElse(null);
        }
        catch (LaunchDarklyException e) {
            return null;
        }
    }

    /**
     * The config without its secrets (for a free-form JSON kind: only the kind's named
     * keys), for the warnings.
     */
    private static Map<String, Object> notSecret(DestinationKind kind, @Nullable Map<String, Object> config) {
        Map<String, Object> shown = new LinkedHashMap<>(config == null ? Map.of() : config);
        if (kind.flow() == DestinationKind.Flow.JSON) {
            shown.keySet().retainAll(kind.nonSecretConfigKeys());
        }
        else {
            shown.keySet().removeAll(kind.form().secretKeys());
        }
        return shown;
    }

    private static WarehouseSetupRequest setupRequest(DestinationForm form, Map<String, Object> cleaned) {
        return new WarehouseSetupRequest(form.getName(), text(cleaned, "snowflakeHostAddress"),
                text(cleaned, "databaseName"), text(cleaned, "warehouseName"), text(cleaned, "roleName"),
                text(cleaned, "schemaName"), text(cleaned, "userName"), (Boolean) cleaned.get("includeNetworkPolicy"),
                text(cleaned, "clusterIdentifier"), text(cleaned, "clusterRegion"),
                text(cleaned, "clusterAwsAccountId"));
    }

    /**
     * The first step of a warehouse kind: LaunchDarkly prepares the script (and key or
     * policies).
     */
    ChangeResult<WarehouseSetupScript> setup(DestinationForm form, DestinationKind kind, Map<String, Object> cleaned,
            CurrentUser user) {
        return setup(form, kind, cleaned, user, ChangeOrigin.DIRECT);
    }

    ChangeResult<WarehouseSetupScript> setup(DestinationForm form, DestinationKind kind, Map<String, Object> cleaned,
            CurrentUser user, ChangeOrigin origin) {
        WarehouseSetupRequest body = setupRequest(form, cleaned);
        Change change = new Change(
                origin
                    .apply(by(user, form, kind, ChangeAction.SETUP, redactor.redactToJson(body, Set.of(), List.of()))),
                "the set-up", "prepared", 200, List.of(), detail -> locate(detail, configKeys(kind)), notFound(form));
        return call.send(change,
                () -> client.warehouseSetupScript(form.getProjectKey(), form.getEnvironmentKey(), kind.kind(), body),
                script -> new Sent(null, null, null));
    }

    /**
     * The last step of a warehouse kind: complete-setup creates the destination from the
     * pending set-up LaunchDarkly stored, with the names the script made ("the custom
     * names are read from the stored configuration", says the spec). Creating a Snowflake
     * destination through {@code POST /destinations} instead would give it the default
     * names, whatever the script made. The body is the set-up's public key (Redshift has
     * none: empty).
     */
    ChangeResult<Destination> complete(DestinationForm form, DestinationKind kind, String publicKey, CurrentUser user) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (publicKey != null) {
            body.put("publicKey", publicKey);
        }
        ChangeResult<Destination> result = created(form, kind,
                change(user, form, kind, ChangeAction.COMPLETE_SETUP, redactor.redactToJson(body, Set.of(), List.of())),
                () -> client.completeWarehouseSetup(form.getProjectKey(), form.getEnvironmentKey(), kind.kind(),
                        publicKey));
        if (result instanceof ChangeResult.Refused<Destination> refused && refused.isNotFound()) {
            return refused.at(RefusalTarget.WHOLE_FORM,
                    "LaunchDarkly has no pending set-up for this environment any more. " + "Start again.");
        }
        return result;
    }

    /**
     * What of a free-form JSON config may be written back into the form: the values of
     * the kind's non-secret keys; every other value emptied, to be typed again. Text that
     * is not a JSON object is kept out whole.
     */
    String configForForm(DestinationKind kind, String typed) {
        if (typed == null || typed.isBlank()) {
            return typed;
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> config = json.readValue(typed, Map.class);
            return json.writerWithDefaultPrettyPrinter()
                .writeValueAsString(redactor.freeForm(config, kind.nonSecretConfigKeys()).withoutThem());
        }
        catch (RuntimeException notAnObject) {
            return "";
        }
    }

    private Change change(CurrentUser user, DestinationForm form, DestinationKind kind, ChangeAction action,
            @Nullable String redactedBody) {
        return change(user, form, kind, action, redactedBody, ChangeOrigin.DIRECT);
    }

    private Change change(CurrentUser user, DestinationForm form, DestinationKind kind, ChangeAction action,
            @Nullable String redactedBody, ChangeOrigin origin) {
        List<String> configKeys = configKeys(kind);
        return Change.create(origin.apply(by(user, form, kind, action, redactedBody)), "the destination")
            .locatedBy(detail -> locate(detail, configKeys))
            .whenNotFound(notFound(form));
    }

    private static String notFound(DestinationForm form) {
        return "LaunchDarkly could not find project " + form.getProjectKey() + " or its environment "
                + form.getEnvironmentKey() + ": it may have been renamed or deleted. Reload the page and choose again.";
    }

    private AuditAttempt by(CurrentUser user, DestinationForm form, DestinationKind kind, ChangeAction action,
            @Nullable String redactedBody) {
        return AuditAttempt.by(user, action, ResourceType.DESTINATION)
            .at(Place.environment(form.getProjectKey(), form.getEnvironmentKey()))
            .withResource(form.getName(), kind.kind(), null)
            .withRequestBody(redactedBody);
    }

    /**
     * Sends a create; a 409 means the environment has its one destination already, which
     * is named and linked.
     */
    private ChangeResult<Destination> created(DestinationForm form, DestinationKind kind, Change change,
            Supplier<Destination> request) {
        String link = links.destinations(form.getProjectKey(), form.getEnvironmentKey());
        ChangeResult<Destination> result = call.send(change, request,
                destination -> new Sent(kind.kind(), destination.id(), link), found -> found.id() == null ? null
                        : client.getDestination(form.getProjectKey(), form.getEnvironmentKey(), found.id()));
        if (result instanceof ChangeResult.Refused<Destination> refused && refused.isConflict()) {
            Destination existing = existing(form.getProjectKey(), form.getEnvironmentKey());
            String existingName = existing != null ? existing.name() : null;
            return refused
                .at(RefusalTarget.field("environmentKey"),
                        "This environment already has a Data Export destination"
                                + (existingName != null ? ": " + existingName : "")
                                + ". LaunchDarkly allows one per environment.")
                .withLink(link);
        }
        return result;
    }

    private static List<String> configKeys(DestinationKind kind) {
        return kind.form().fields().stream().map(field -> field.key()).toList();
    }

    /**
     * "config.roleArn: ..." belongs at the roleArn field; "name: ..." at the
     * destination's name.
     */
    static RefusalTarget locate(@Nullable String message, List<String> configKeys) {
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

    private @Nullable Destination existing(String projectKey, String environmentKey) {
        try {
            return client.listDestinations()
                .stream()
                .filter(d -> d.belongsTo(projectKey, environmentKey))
                .findFirst()
                .orElse(null);
        }
        catch (LaunchDarklyException e) {
            return null;
        }
    }

    private static @Nullable String text(Map<String, Object> values, String key) {
        Object value = values.get(key);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

}
