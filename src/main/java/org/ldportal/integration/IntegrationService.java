package org.ldportal.integration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.ldportal.access.PermittedPlaces;
import org.ldportal.audit.AuditAttempt;
import org.ldportal.audit.SecretRedactor;
import org.ldportal.change.AuditedCall;
import org.ldportal.change.Change;
import org.ldportal.change.ChangeOrigin;
import org.ldportal.change.ChangeResult;
import org.ldportal.change.PendingChange;
import org.ldportal.change.PreparedChange;
import org.ldportal.change.RefusalTarget;
import org.ldportal.change.Review;
import org.ldportal.change.ReviewLines;
import org.ldportal.change.ReviewWarnings;
import org.ldportal.change.Sent;
import org.ldportal.form.FieldOption;
import org.ldportal.form.FormSpec;
import org.ldportal.form.FormValues;
import org.ldportal.form.FormValidation;
import org.ldportal.integration.options.DynamicOptionsClient;
import org.ldportal.launchdarkly.Environment;
import org.ldportal.launchdarkly.IntegrationConfiguration;
import org.ldportal.launchdarkly.IntegrationConfigurationPost;
import org.ldportal.launchdarkly.LaunchDarklyClient;
import org.ldportal.launchdarkly.LaunchDarklyDirectory;
import org.ldportal.launchdarkly.LaunchDarklyException;
import org.ldportal.launchdarkly.LaunchDarklyLinks;
import org.ldportal.launchdarkly.PolicyStatement;
import org.ldportal.launchdarkly.Project;
import org.ldportal.launchdarkly.Subscription;
import org.ldportal.launchdarkly.SubscriptionPost;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.security.CurrentUser;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Creates integration configurations and audit-log subscriptions from a manifest's form:
 * builds the body the API expects, audits every attempt with secrets redacted, and puts
 * LaunchDarkly's errors at the field they concern.
 */
@Service
class IntegrationService {

    private final LaunchDarklyClient client;

    private final LaunchDarklyDirectory directory;

    private final LaunchDarklyLinks links;

    private final DynamicOptionsClient options;

    private final AuditedCall call;

    private final SecretRedactor redactor;

    private final ObjectMapper json;

    private final ReviewWarnings reviewWarnings;

    private final PermittedPlaces places;

    IntegrationService(LaunchDarklyClient client, LaunchDarklyDirectory directory, LaunchDarklyLinks links,
            DynamicOptionsClient options, AuditedCall call, SecretRedactor redactor, ObjectMapper json,
            ReviewWarnings reviewWarnings, PermittedPlaces places) {
        this.reviewWarnings = reviewWarnings;
        this.places = places;
        this.client = client;
        this.directory = directory;
        this.links = links;
        this.options = options;
        this.call = call;
        this.redactor = redactor;
        this.json = json;
    }

    /**
     * The form of a manifest's config, with dynamic choices fetched and the project
     * environments listed: those the person may create in (a choice outside them fails
     * the form's own check).
     */
    FormSpec configForm(Manifest manifest, CurrentUser user) {
        return ManifestFormMapper.configForm(manifest, new ManifestFormMapper.Choices() {
            @Override
            public List<FieldOption> dynamic(FormVariable.@Nullable DynamicOptions given) {
                // A dynamicEnum without its dynamicOptions fails here, as it did.
                FormVariable.DynamicOptions dynamic = Objects.requireNonNull(given);
                Map<String, String> headers = new LinkedHashMap<>();
                dynamic.headers().forEach(header -> headers.put(header.name(), header.value()));
                return options.fetch(dynamic.url(), dynamic.method(), headers, dynamic.optionsPath(),
                        dynamic.labelPointer(), dynamic.valuePointer());
            }

            @Override
            public List<FieldOption> environments() {
                List<FieldOption> choices = new ArrayList<>();
                for (Project project : places.projects(user)) {
                    for (Environment environment : places.environments(user, project.key())) {
                        choices.add(new FieldOption(project.key() + "/" + environment.key(),
                                project.name() + " / " + environment.name()));
                    }
                }
                return choices;
            }
        });
    }

    /**
     * Checks the approval form variables typed as JSON: an array of formVariable objects.
     */
    @Nullable String additionalFormVariablesProblem(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        }
        catch (RuntimeException e) {
            return "This is not valid JSON. Check the brackets, quotes and commas.";
        }
        if (!node.isArray()) {
            return "Enter a JSON array of form variables, starting with [ and ending with ].";
        }
        for (JsonNode variable : node) {
            if (!variable.isObject() || !variable.has("key") || !variable.has("name") || !variable.has("type")) {
                return "Each form variable needs at least a key, a name and a type.";
            }
        }
        return null;
    }

    /**
     * What a create answered: the new id, and the values LaunchDarkly generated that are
     * not secret.
     */
    record Created(String id, List<CreatedIntegration.GeneratedValue> generated) {
    }

    /**
     * The call a create makes: its body, the request that sends it, and how to read back
     * one found after all.
     */
    private record Prepared(Object body, String path, Supplier<Created> request, Function<Sent, Created> readBack) {
    }

    private Prepared prepare(Manifest manifest, IntegrationType type, IntegrationForm form,
            Map<String, Object> cleaned) {
        Map<String, Object> config = withEnvironmentSelections(manifest, cleaned);
        List<PolicyStatement> statements = type.hasPolicy(manifest)
                ? form.getStatements().stream().filter(row -> !row.isEmpty()).map(StatementRow::toStatement).toList()
                : null;
        List<String> tags = form.tagList();
        if (type == IntegrationType.SUBSCRIPTION) {
            SubscriptionPost post = new SubscriptionPost(form.getName(), config, statements, form.isEnabled(), tags);
            return new Prepared(post, LaunchDarklyClient.path(LaunchDarklyClient.SUBSCRIPTIONS, manifest.key()), () -> {
                Subscription created = client.createSubscription(manifest.key(), post);
                return new Created(created.id(), generated(manifest, created.config()));
            }, found -> found.id() == null ? null : new Created(found.id(),
                    generated(manifest, client.getSubscription(manifest.key(), found.id()).config())));
        }
        IntegrationConfigurationPost.Approvals approvals = manifest.allowsAdditionalApprovalFormVariables()
                && form.getAdditionalFormVariables() != null && !form.getAdditionalFormVariables().isBlank()
                        ? new IntegrationConfigurationPost.Approvals(
                                additionalFormVariables(form.getAdditionalFormVariables()))
                        : null;
        IntegrationConfigurationPost.AuditLogEventsHook hook = statements != null
                ? new IntegrationConfigurationPost.AuditLogEventsHook(statements) : null;
        IntegrationConfigurationPost post = new IntegrationConfigurationPost(form.getName(), form.isEnabled(), tags,
                config, approvals == null && hook == null ? null
                        : new IntegrationConfigurationPost.CapabilityConfig(approvals, hook));
        return new Prepared(post,
                LaunchDarklyClient.path(LaunchDarklyClient.INTEGRATION_CONFIGURATIONS, manifest.key()), () -> {
                    IntegrationConfiguration created = client.createIntegrationConfiguration(manifest.key(), post);
                    return new Created(created.id(), generated(manifest, created.configValues()));
                }, found -> found.id() == null ? null : new Created(found.id(),
                        generated(manifest, client.getIntegrationConfiguration(found.id()).configValues())));
    }

    /** What the form will create, for the review page. */
    Review review(Manifest manifest, IntegrationType type, IntegrationForm form, FormSpec spec,
            Map<String, Object> cleaned, List<String> secretValues) {
        Prepared prepared = prepare(manifest, type, form, cleaned);
        List<Review.Line> fields = new ArrayList<>(List.of(new Review.Line("Name", form.getName()),
                new Review.Line("Turned on", ReviewLines.yesNo(form.isEnabled())),
                new Review.Line("Tags", String.join(", ", form.tagList()))));
        fields.addAll(ReviewLines.of(spec, cleaned));
        if (type.hasPolicy(manifest)) {
            form.getStatements()
                .stream()
                .filter(row -> !row.isEmpty())
                .map(StatementRow::toStatement)
                .forEach(statement -> fields.add(new Review.Line("Policy",
                        statement.effect() + " " + either(statement.actions(), statement.notActions()) + " on "
                                + either(statement.resources(), statement.notResources()))));
        }
        Map<String, Object> notSecret = new LinkedHashMap<>(cleaned);
        notSecret.keySet().removeAll(spec.secretKeys());
        List<String> warnings = new ArrayList<>(reviewWarnings.hosts(notSecret));
        if (type == IntegrationType.SUBSCRIPTION) {
            warnings.add(0,
                    "An audit-log subscription sends every change its policy covers, in every project it names, to "
                            + manifest.name() + ".");
        }
        return new Review(
                type == IntegrationType.SUBSCRIPTION ? "Subscribe " + manifest.name() + " to the audit log"
                        : "Set up " + manifest.name(),
                List.of(new Review.Line("Integration", manifest.name() + " (" + manifest.key() + ")"),
                        new Review.Line("Kind", type.words())),
                fields, "POST", prepared.path(),
                redactor.redactToJson(prepared.body(), spec.secretKeys(), secretValues), warnings);
    }

    /** A statement's list in words: what it names, or "all but" what it leaves out. */
    private static String either(@Nullable List<String> named, @Nullable List<String> leftOut) {
        if (named != null && !named.isEmpty()) {
            return String.join(", ", named);
        }
        return leftOut == null || leftOut.isEmpty() ? "nothing" : "all but " + String.join(", ", leftOut);
    }

    /**
     * Creates the configuration or subscription, directly or once approved
     * ({@code origin}), as {@code user}.
     */
    ChangeResult<Created> create(Manifest manifest, IntegrationType type, IntegrationForm form, FormSpec spec,
            Map<String, Object> cleaned, List<String> secretValues, CurrentUser user, ChangeOrigin origin) {
        Prepared prepared = prepare(manifest, type, form, cleaned);
        Object body = prepared.body();
        Supplier<Created> request = prepared.request();
        Change change = Change
            .create(origin.apply(AuditAttempt.by(user, ChangeAction.CREATE, type.resourceType())
                .at(Place.integration(manifest.key()))
                .withResource(form.getName(), null, null)
                .withRequestBody(redactor.redactToJson(body, spec.secretKeys(), secretValues))), "the " + type.words())
            .scrubbing(secretValues)
            .locatedBy(detail -> locate(detail, spec))
            .whenNotFound("LaunchDarkly has no integration with the key " + manifest.key() + " (" + manifest.name()
                    + "): it may have been withdrawn, or not be offered on this account. Nothing was created.");
        // A 409 is told in LaunchDarkly's own words: its documents do not say what a
        // configuration conflicts with.
        return call.send(change, request, created -> new Sent(null, created.id(), links.integration(manifest.key())),
                prepared.readBack());
    }

    /** A page of LaunchDarkly's site, by its path ("/settings/..."). */
    String page(String path) {
        return links.page(path);
    }

    /**
     * A valid form, for the change flow: what the approval rules look at (the
     * integration), a request keeps, and the result page of what LaunchDarkly made (its
     * generated values, never a secret).
     */
    PreparedChange<Created> creation(Manifest manifest, IntegrationType type, IntegrationForm form, FormSpec spec,
            Map<String, Object> cleaned, List<String> secretValues) {
        PendingChange pending = PendingChange.create(type.resourceType(), Place.integration(manifest.key()),
                form.getName(), null, false,
                json.writeValueAsString(IntegrationRequest.of(manifest, type, form, cleaned, secretValues)));
        return PreparedChange
            .of(pending, () -> review(manifest, type, form, spec, cleaned, secretValues), Created.class,
                    (user, origin) -> create(manifest, type, form, spec, cleaned, secretValues, user, origin))
            .repeatedAs(CreatedIntegration.class, created -> new CreatedIntegration(manifest.name(), type.words(),
                    form.getName(), created.id(), links.integration(manifest.key()), created.generated()));
    }

    /**
     * The generated and public-key values of the answer, labelled as the manifest names
     * them; never a secret.
     */
    private static List<CreatedIntegration.GeneratedValue> generated(Manifest manifest, Map<String, Object> values) {
        List<CreatedIntegration.GeneratedValue> generated = new ArrayList<>();
        if (values == null) {
            return generated;
        }
        for (FormVariable variable : manifest.configVariables()) {
            Object value = values.get(variable.key());
            boolean made = "generated".equals(variable.type()) || "publicKey".equals(variable.type());
            if (made && !variable.secret() && value != null && !value.toString().isBlank()) {
                generated.add(new CreatedIntegration.GeneratedValue(variable.name(), value.toString()));
            }
        }
        return generated;
    }

    /**
     * "configValues.token: ..." or "config.token: ..." belongs at the token field;
     * "statements..." at the policy.
     */
    static RefusalTarget locate(@Nullable String message, FormSpec spec) {
        if (message == null) {
            return RefusalTarget.WHOLE_FORM;
        }
        for (var field : spec.fields()) {
            if (message.contains("configValues." + field.key()) || message.contains("config." + field.key())) {
                return RefusalTarget.configKey(field.key());
            }
        }
        if (message.contains("statements")) {
            return RefusalTarget.field("statements");
        }
        if (message.startsWith("name")) {
            return RefusalTarget.field("name");
        }
        return RefusalTarget.WHOLE_FORM;
    }

    /**
     * A project's environment by their names, "Mobile App / Production"; by their keys
     * where LaunchDarkly cannot tell the names just now.
     */
    String placeName(String projectKey, String environmentKey) {
        try {
            String environment = directory.environments(projectKey)
                .stream()
                .filter(e -> e.key().equals(environmentKey))
                .map(e -> e.name())
                .findFirst()
                .orElse(environmentKey);
            return directory.projectName(projectKey) + " / " + environment;
        }
        catch (LaunchDarklyException e) {
            return projectKey + " / " + environmentKey;
        }
    }

    /**
     * The validation with one more rule: an environment chosen must be one the form
     * offered, which are those the person may use. The select's own check lets any value
     * through when it offers none, as for someone who may use no environment.
     */
    static FormValidation withOfferedEnvironments(Manifest manifest, FormSpec spec, FormValues values,
            FormValidation validation) {
        Map<String, String> errors = new LinkedHashMap<>(validation.errors());
        Map<String, Object> cleaned = new LinkedHashMap<>(validation.cleaned());
        for (FormVariable variable : manifest.configVariables()) {
            String chosen = values.first(variable.key());
            if (!"environmentSelector".equals(variable.type()) || chosen == null || chosen.isBlank()
                    || errors.containsKey(variable.key())) {
                continue;
            }
            boolean offered = spec.fields()
                .stream()
                .filter(field -> field.key().equals(variable.key()))
                .flatMap(field -> field.options().stream())
                .anyMatch(option -> option.value().equals(chosen));
            if (!offered) {
                errors.put(variable.key(), "Choose one of the environments listed: you may not use " + chosen + ".");
                cleaned.remove(variable.key());
            }
        }
        return errors.size() == validation.errors().size() ? validation : new FormValidation(errors, cleaned);
    }

    /**
     * The cleaned values as LaunchDarkly takes them: an environment chosen as
     * "project/environment" in one select becomes the object of its two keys.
     */
    Map<String, Object> withEnvironmentSelections(Manifest manifest, Map<String, Object> cleaned) {
        Map<String, Object> config = new LinkedHashMap<>(cleaned);
        for (FormVariable variable : manifest.configVariables()) {
            Object value = config.get(variable.key());
            if ("environmentSelector".equals(variable.type()) && value instanceof String selection
                    && selection.contains("/")) {
                // Chosen as "project/environment" in one select; sent as the two keys.
                Map<String, Object> pair = new LinkedHashMap<>();
                pair.put("projectKey", selection.substring(0, selection.indexOf('/')));
                pair.put("environmentKey", selection.substring(selection.indexOf('/') + 1));
                config.put(variable.key(), pair);
            }
        }
        return config;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> additionalFormVariables(String text) {
        return json.readValue(text, List.class);
    }

}
