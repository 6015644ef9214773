package org.ldportal.integration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.ldportal.access.AccessGuard;
import org.ldportal.audit.AuditAttempt;
import org.ldportal.audit.AuditEntry;
import org.ldportal.audit.ResourceHistory;
import org.ldportal.audit.SecretRedactor;
import org.ldportal.change.AuditedCall;
import org.ldportal.change.Change;
import org.ldportal.change.ChangeOrigin;
import org.ldportal.change.ChangeResult;
import org.ldportal.change.PatchPlan;
import org.ldportal.change.RefusalTarget;
import org.ldportal.change.Review;
import org.ldportal.change.Sent;
import org.ldportal.form.EditedValues;
import org.ldportal.form.FormSpec;
import org.ldportal.form.FormValidation;
import org.ldportal.form.FormValidator;
import org.ldportal.form.FormValues;
import org.ldportal.launchdarkly.CreateCall;
import org.ldportal.launchdarkly.ExistingResources;
import org.ldportal.launchdarkly.IntegrationConfiguration;
import org.ldportal.launchdarkly.IntegrationConfigurationPost;
import org.ldportal.launchdarkly.LaunchDarklyClient;
import org.ldportal.launchdarkly.NotAKeyException;
import org.ldportal.launchdarkly.PatchOperation;
import org.ldportal.launchdarkly.PolicyStatement;
import org.ldportal.launchdarkly.Subscription;
import org.ldportal.launchdarkly.SubscriptionPost;
import org.ldportal.launchdarkly.Tags;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * An integration's configurations and audit-log subscriptions that exist: listed (both
 * read at once), read one by one with their values as the manifest describes them
 * (secrets hidden), turned on or off and deleted, each change through the one audited
 * call. Integrations belong to the account, so the account's roles decide.
 */
@Service
class IntegrationManagement {

    private final LaunchDarklyClient client;

    private final ExistingResources existing;

    private final AuditedCall call;

    private final AccessGuard guard;

    private final SecretRedactor redactor;

    private final IntegrationLinks links;

    private final IntegrationService integrations;

    private final FormValidator validator;

    private final ObjectMapper json;

    private final ResourceHistory history;

    IntegrationManagement(LaunchDarklyClient client, ExistingResources existing, AuditedCall call, AccessGuard guard,
            SecretRedactor redactor, IntegrationLinks links, IntegrationService integrations, FormValidator validator,
            ObjectMapper json, ResourceHistory history) {
        this.integrations = integrations;
        this.validator = validator;
        this.json = json;
        this.history = history;
        this.client = client;
        this.existing = existing;
        this.call = call;
        this.guard = guard;
        this.redactor = redactor;
        this.links = links;
    }

    /** One configuration or subscription, as the pages show it, whichever it is. */
    record Item(IntegrationType type, String id, String name, boolean on, List<String> tags, Map<String, Object> values,
            @Nullable Integer version, Subscription.@Nullable DeliveryStatus status, List<PolicyStatement> statements,
            @Nullable JsonNode statementsAsAnswered) {

        Item(IntegrationType type, String id, String name, boolean on, List<String> tags, Map<String, Object> values,
                @Nullable Integer version, Subscription.@Nullable DeliveryStatus status,
                List<PolicyStatement> statements) {
            this(type, id, name, on, tags, values, version, status, statements, null);
        }

        static Item of(IntegrationConfiguration configuration) {
            return new Item(IntegrationType.CONFIGURATION, configuration.id(), configuration.name(),
                    Boolean.TRUE.equals(configuration.enabled()), tags(configuration.tags()),
                    values(configuration.configValues()), configuration.version(), null, List.of());
        }

        static Item of(Subscription subscription) {
            return new Item(IntegrationType.SUBSCRIPTION, subscription.id(), subscription.name(),
                    Boolean.TRUE.equals(subscription.on()), tags(subscription.tags()), values(subscription.config()),
                    subscription.version(), subscription.status(),
                    subscription.statements() == null ? List.of() : subscription.statements(),
                    subscription.statementsAsAnswered());
        }

        /**
         * What a person sees of it, in one text (name, on or off, tags, the non-secret
         * values, the policy): two reads with the same state show the same thing, for a
         * resource that has no version to compare.
         */
        String state() {
            Map<String, Object> shown = new TreeMap<>();
            values.forEach((key, value) -> {
                if (!"********".equals(value)) {
                    shown.put(key, value);
                }
            });
            return name + "|" + on + "|" + tags + "|" + shown + "|" + statements;
        }

        /** The same as seen at {@code version} (the page's), for the test of a change. */
        Item withVersion(@Nullable Integer seenVersion) {
            return new Item(type, id, name, on, tags, values, seenVersion, status, statements, statementsAsAnswered);
        }

        public String path(String integrationKey) {
            return "/integrations/" + integrationKey + "/" + type.parameter() + "s/" + id;
        }

        /**
         * The field that turns it on or off: {@code enabled} for a configuration,
         * {@code on} for a subscription.
         */
        String switchField() {
            return type == IntegrationType.CONFIGURATION ? "enabled" : "on";
        }

        private static List<String> tags(@Nullable List<String> tags) {
            return tags == null ? List.of() : tags;
        }

        private static Map<String, Object> values(@Nullable Map<String, Object> values) {
            return values == null ? Map.of() : values;
        }
    }

    /**
     * Both lists of the integration, as far as the manifest offers each; read
     * concurrently.
     */
    ExistingResources.OfIntegration lists(CurrentUser user, Manifest manifest) {
        guard.requireToSee(user, null, null);
        return existing.ofIntegration(manifest.key(), manifest.allowsConfigurations(), manifest.hasAuditLogHook());
    }

    /**
     * The configuration or subscription a change is about, as LaunchDarkly has it now;
     * someone who may not even see the account's integrations is refused, recorded with
     * the change's action.
     */
    Item findToChange(CurrentUser user, ChangeAction action, Manifest manifest, IntegrationType type, String id) {
        guard.requireToSeeBeforeChange(AuditAttempt.by(user, action, type.resourceType())
            .at(Place.integration(manifest.key()))
            .withResource(null, manifest.key(), id));
        return find(user, manifest, type, id);
    }

    Item find(CurrentUser user, Manifest manifest, IntegrationType type, String id) {
        guard.requireToSee(user, null, null);
        if (type == IntegrationType.SUBSCRIPTION) {
            return Item.of(client.getSubscription(manifest.key(), id));
        }
        IntegrationConfiguration configuration = client.getIntegrationConfiguration(id);
        // Read by id alone: one of another integration is not this integration's,
        // whatever the address says.
        if (!manifest.key().equals(configuration.integrationKey())) {
            throw new NotAKeyException(id);
        }
        return Item.of(configuration);
    }

    /**
     * The configuration or subscription as the create that would make it again, for its
     * page's "as code": each secret value replaced by {@link SecretRedactor#MARK}.
     */
    static CreateCall asCreate(Manifest manifest, Item item) {
        Map<String, Object> values = new LinkedHashMap<>();
        item.values()
            .forEach((key, value) -> values.put(key,
                    hidden(variable(manifest, key), value) ? SecretRedactor.MARK : value));
        if (item.type() == IntegrationType.SUBSCRIPTION) {
            return new CreateCall(LaunchDarklyClient.path(LaunchDarklyClient.SUBSCRIPTIONS, manifest.key()),
                    new SubscriptionPost(item.name(), values, item.statements().isEmpty() ? null : item.statements(),
                            item.on(), item.tags()),
                    item.id());
        }
        return new CreateCall(LaunchDarklyClient.path(LaunchDarklyClient.INTEGRATION_CONFIGURATIONS, manifest.key()),
                new IntegrationConfigurationPost(item.name(), item.on(), item.tags(), values, null), item.id());
    }

    /**
     * The values with the manifest's names, secrets (and what LaunchDarkly obfuscates)
     * hidden.
     */
    Map<String, String> shownValues(Manifest manifest, Item item) {
        Map<String, String> shown = new LinkedHashMap<>();
        item.values().forEach((key, value) -> {
            Optional<FormVariable> variable = variable(manifest, key);
            shown.put(variable.map(FormVariable::name).orElse(key),
                    hidden(variable, value) ? Review.SECRET_SET : inWords(variable.orElse(null), value));
        });
        return shown;
    }

    private static Optional<FormVariable> variable(Manifest manifest, String key) {
        return manifest.formVariables().stream().filter(v -> v.key().equals(key)).findFirst();
    }

    /**
     * A value never shown: a secret, one the manifest no longer describes (it may have
     * been one), or one LaunchDarkly obfuscates.
     */
    private static boolean hidden(Optional<FormVariable> variable, @Nullable Object value) {
        return variable.map(FormVariable::secret).orElse(true) || "********".equals(value);
    }

    /**
     * A value as people read it: an environment by its project's and its own names, the
     * chosen options of a multiselect by their labels, a box as yes or no.
     */
    private String inWords(@Nullable FormVariable variable, @Nullable Object value) {
        if (value instanceof Map<?, ?> pair && pair.get("projectKey") != null && pair.get("environmentKey") != null) {
            String project = String.valueOf(pair.get("projectKey"));
            String environment = String.valueOf(pair.get("environmentKey"));
            return integrations.placeName(project, environment);
        }
        if (value instanceof List<?> chosen) {
            return String.join(", ", chosen.stream().map(option -> optionLabel(variable, option)).toList());
        }
        if (value instanceof Boolean flag) {
            return flag ? "yes" : "no";
        }
        return String.valueOf(value);
    }

    private static String optionLabel(@Nullable FormVariable variable, Object option) {
        if (variable != null) {
            for (FormVariable.Choice choice : variable.multiselectOptions()) {
                if (choice.value().equals(String.valueOf(option))) {
                    return choice.label();
                }
            }
        }
        return String.valueOf(option);
    }

    /**
     * A value as the edit form holds it and as the page carries what it showed: an
     * environment as the select's "project/environment", a multiselect's choices as a
     * JSON list, a box as true or false. What LaunchDarkly keeps and what the form sends
     * are compared in this shape, like with like.
     */
    static String asShown(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> pair && pair.get("projectKey") != null && pair.get("environmentKey") != null) {
            return pair.get("projectKey") + "/" + pair.get("environmentKey");
        }
        if (value instanceof List<?> chosen) {
            return JSON_LISTS.writeValueAsString(chosen.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    /** Only for writing lists of strings, as {@link #asShown} carries them. */
    private static final JsonMapper JSON_LISTS = JsonMapper.builder().build();

    /**
     * The values it has now, as the edit form shows them: each choice ticked, each select
     * chosen.
     */
    static FormValues formValuesOf(FormSpec form, Item item) {
        FormValues values = FormValues.empty();
        for (var field : form.fields()) {
            Object value = item.values().get(field.key());
            if (field.secret() || value == null) {
                continue;
            }
            values = value instanceof List<?> chosen
                    ? values.withAll(field.key(), chosen.stream().map(String::valueOf).toList())
                    : values.with(field.key(), asShown(value));
        }
        return values;
    }

    /**
     * The manifest's form for this person (the environments they may choose, dynamic
     * options fetched).
     */
    FormSpec configForm(Manifest manifest, CurrentUser user) {
        return integrations.configForm(manifest, user);
    }

    /** The attempts about it that the person may read, newest first. */
    List<AuditEntry> history(CurrentUser user, Item item) {
        return history.of(user, item.id());
    }

    /** What an edit page carries of what it shows, as its hidden field holds it. */
    String seen(Map<String, String> shown) {
        return json.writeValueAsString(shown);
    }

    /**
     * An edit as the form sent it, checked: the errors at the manifest's fields, and the
     * tested patch when there are none (at them or on the form).
     */
    record Edit(Map<String, String> errors, @Nullable PatchPlan plan) {
    }

    /**
     * Checks an edit: the manifest's fields (a secret left empty keeps the current one:
     * not required again, not sent) and a subscription's policy (its errors on
     * {@code errors}, which holds those of the name and tags already); then what it would
     * send, tested against what the page showed ({@code seen}; the version the page
     * showed where there is one).
     */
    Edit edit(Manifest manifest, FormSpec form, Item current, @Nullable Integer version, IntegrationForm fixed,
            String seen, FormValues values, Errors errors) {
        List<StatementRow> policy = fixed.getStatements();
        boolean withPolicy = current.type() == IntegrationType.SUBSCRIPTION;
        if (withPolicy) {
            policy.removeIf(StatementRow::isEmpty);
            if (policy.isEmpty()) {
                errors.rejectValue("statements", "statements",
                        "Add at least one statement: which resources' " + "changes are sent.");
            }
            else {
                PolicyCheck.check(policy, errors);
            }
        }
        EditedValues edited = EditedValues.of(form, values);
        FormValidation validation = IntegrationService.withOfferedEnvironments(manifest, form, values,
                validator.validate(edited.spec(), values));
        if (!validation.isValid() || errors.hasErrors()) {
            return new Edit(validation.errors(), null);
        }
        // Sent in the shape a create sends (an environment as its two keys), compared as
        // the page shows it.
        Map<String, Object> cleaned = new LinkedHashMap<>(
                integrations.withEnvironmentSelections(manifest, validation.cleaned()));
        form.secretKeys().forEach(cleaned::remove);
        Item seenItem = version == null ? current : current.withVersion(version);
        Map<String, String> shown = EditedValues.seen(json, seen, () -> editableValues(form, current));
        return new Edit(Map.of(), plan(form, values, seenItem, shown, fixed.getName(), fixed.tagList(), cleaned,
                edited.typedSecrets(), withPolicy ? policy : null));
    }

    boolean mayChange(CurrentUser user) {
        return guard.mayChangeAccount(user);
    }

    /**
     * Turns it on or off, if it is still as the person saw it (its version, or else its
     * state).
     */
    ChangeResult<Item> turn(CurrentUser user, Manifest manifest, Item seen, boolean on, ChangeOrigin origin) {
        List<PatchOperation> patch = switchPatch(seen, on);
        Change change = Change.of(
                origin.apply(attempt(user, manifest, seen, on ? ChangeAction.TURN_ON : ChangeAction.TURN_OFF))
                    .withRequestBody(redactor.redactToJson(patch, Set.of(), List.of())),
                "the " + seen.type().words(), on ? "turned on" : "turned off", 200);
        ChangeResult<Item> result = call.send(change,
                () -> seen.type() == IntegrationType.CONFIGURATION
                        ? Item.of(client.patchIntegrationConfiguration(seen.id(), patch))
                        : Item.of(client.patchSubscription(manifest.key(), seen.id(), patch)),
                changed -> new Sent(null, changed.id(), links.integration(manifest.key())));
        return result;
    }

    /**
     * An approved change of what changed since the request: refused, recorded, nothing
     * sent.
     */
    <T> ChangeResult<T> refuseChangedSince(CurrentUser user, Manifest manifest, Item current, ChangeAction action,
            ChangeOrigin origin) {
        return call.refuse(Change.of(origin.apply(attempt(user, manifest, current, action)),
                "the " + current.type().words(), "changed", 200), RefusalTarget.WHOLE_FORM,
                ChangeOrigin.CHANGED_SINCE_REQUEST);
    }

    ChangeResult<Boolean> delete(CurrentUser user, Manifest manifest, Item seen, ChangeOrigin origin) {
        Change change = Change.of(origin.apply(attempt(user, manifest, seen, ChangeAction.DELETE)),
                "the " + seen.type().words(), "deleted", 204);
        ChangeResult<Boolean> result = call.send(change, () -> {
            if (seen.type() == IntegrationType.CONFIGURATION) {
                client.deleteIntegrationConfiguration(seen.id());
            }
            else {
                client.deleteSubscription(manifest.key(), seen.id());
            }
            return Boolean.TRUE;
        }, deleted -> new Sent(null, seen.id(), null));
        return result;
    }

    /**
     * Where the values are in the resource: {@code configValues} of a configuration,
     * {@code config} of a subscription.
     */
    static String valuesField(IntegrationType type) {
        return type == IntegrationType.CONFIGURATION ? "configValues" : "config";
    }

    /**
     * The non-secret values as the edit form shows them (and as the page carries what it
     * showed).
     */
    static Map<String, String> editableValues(FormSpec form, Item item) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", item.name());
        values.put("tags", String.join(", ", item.tags()));
        if (item.statementsAsAnswered() != null) {
            // The policy as LaunchDarkly answered it, so that an edit of it tests exactly
            // that.
            values.put(STATEMENTS_SEEN, item.statementsAsAnswered().toString());
        }
        FormValues current = currentValues(item);
        form.fields()
            .stream()
            .filter(field -> !field.secret() && EditedValues.editable(field, form, current))
            .forEach(field -> {
                Object value = item.values().get(field.key());
                values.put(EditedValues.CONFIG + field.key(), asShown(value));
            });
        return values;
    }

    /**
     * The values it has now, as a form would hold them (to tell which fields are shown).
     */
    static FormValues currentValues(Item item) {
        FormValues values = FormValues.empty();
        for (Map.Entry<String, Object> value : item.values().entrySet()) {
            values = value.getValue() instanceof List<?> chosen
                    ? values.withAll(value.getKey(), chosen.stream().map(String::valueOf).toList())
                    : values.with(value.getKey(), asShown(value.getValue()));
        }
        return values;
    }

    /**
     * What an edit would send: the version the page showed tested, then each changed
     * field (tested against what the page showed) and each secret typed anew (left empty,
     * a secret stays as it is).
     */
    static PatchPlan plan(FormSpec form, FormValues sent, Item current, Map<String, String> seen, String name,
            List<String> tags, Map<String, Object> cleaned, Map<String, String> typedSecrets,
            @Nullable List<StatementRow> policy) {
        PatchPlan plan = new PatchPlan();
        if (policy != null) {
            // Compared as the form reads statements (no null lists); sent whole, the
            // version test guarding it.
            List<PolicyStatement> before = current.statements()
                .stream()
                .map(statement -> StatementRow.of(statement).toStatement())
                .toList();
            List<PolicyStatement> after = policy.stream().map(StatementRow::toStatement).toList();
            if (!before.equals(after)) {
                // Tested as the page showed it, whether or not the resource has a
                // version: a change made meanwhile in
                // LaunchDarkly makes the patch fail instead of being overwritten.
                plan.replacedTested("/statements", "Policy", describe(before), statementsSeen(seen, current), after,
                        describe(after));
            }
        }
        plan.field("/name", "Name", seen.get("name"), name);
        List<String> seenTags = Tags.parse(seen.get("tags")).tags();
        if (!seenTags.equals(tags)) {
            plan.field("/tags", "Tags", seenTags, tags);
        }
        String values = valuesField(current.type());
        // Only what the person could change: LaunchDarkly's generated values and hidden
        // fields are never sent.
        form.fields().stream().filter(field -> EditedValues.editable(field, form, sent)).forEach(field -> {
            String pointer = PatchOperation.pointer(values, field.key());
            if (field.secret()) {
                plan.secret(pointer, field.label(), typedSecrets.get(field.key()),
                        current.values().containsKey(field.key()));
            }
            else if (seen.containsKey(EditedValues.CONFIG + field.key())) {
                Object before = seen.get(EditedValues.CONFIG + field.key());
                Object after = cleaned.get(field.key());
                Object was = current.values().get(field.key());
                // An unset value the form shows as empty or unticked has not changed when
                // it stays so.
                boolean stillUnset = was == null && (after == null || Boolean.FALSE.equals(after) || "".equals(after));
                // Compared as text (the page's), sent as the type LaunchDarkly keeps (a
                // boolean stays a boolean).
                if (!stillUnset && !String.valueOf(before).equals(asShown(after))) {
                    plan.field(pointer, field.label(), was, after);
                }
            }
        });
        return plan.versioned(current.version() == null ? null : PatchOperation.test("/_version", current.version()));
    }

    /** The key under which an edit page carries the policy it showed. */
    static final String STATEMENTS_SEEN = "statements";

    /**
     * The policy the page showed; a page from before pages carried it tests the policy
     * read when it was sent.
     */
    private static JsonNode statementsSeen(Map<String, String> seen, Item current) {
        String shown = seen.get(STATEMENTS_SEEN);
        if (shown != null) {
            try {
                return STATEMENTS.readTree(shown);
            }
            catch (RuntimeException unreadable) {
                // Fall through: a tampered value tests what is there now.
            }
        }
        return current.statementsAsAnswered() != null ? current.statementsAsAnswered()
                : STATEMENTS.valueToTree(current.statements());
    }

    private static final JsonMapper STATEMENTS = JsonMapper.builder().build();

    private static String describe(List<PolicyStatement> statements) {
        return String.join("; ",
                statements.stream()
                    .map(statement -> statement.effect() + " " + String.join(", ", statement.resources()))
                    .toList());
    }

    /** Sends an edit's patch, directly or once approved. */
    ChangeResult<Item> update(CurrentUser user, Manifest manifest, Item current, @Nullable String name,
            List<PatchOperation> patch, List<String> secretValues, ChangeOrigin origin) {
        Change change = Change
            .of(origin.apply(attempt(user, manifest, current, ChangeAction.UPDATE))
                .withResource(name, manifest.key(), current.id())
                .withRequestBody(redactor.redactToJson(patch, Set.of(), secretValues)), "the " + current.type().words(),
                    "changed", 200)
            .scrubbing(secretValues);
        ChangeResult<Item> result = call.send(change,
                () -> current.type() == IntegrationType.CONFIGURATION
                        ? Item.of(client.patchIntegrationConfiguration(current.id(), patch))
                        : Item.of(client.patchSubscription(manifest.key(), current.id(), patch)),
                changed -> new Sent(null, changed.id(), links.integration(manifest.key())));
        return result;
    }

    /** An edit as the request's page shows it. */
    Review editReview(Manifest manifest, Item seen, PatchPlan plan) {
        String path = seen.type() == IntegrationType.CONFIGURATION
                ? LaunchDarklyClient.path(LaunchDarklyClient.INTEGRATION_CONFIGURATION, seen.id())
                : LaunchDarklyClient.path(LaunchDarklyClient.SUBSCRIPTION, manifest.key(), seen.id());
        return new Review("Change an " + seen.type().words(), List.of(new Review.Line("Integration", manifest.name())),
                plan.changes()
                    .stream()
                    .map(c -> new Review.Line(c.label(), c.before() + " \u2192 " + c.after()))
                    .toList(),
                "PATCH", path, redactor.redactToJson(plan.operations(), Set.of(), plan.secretValues()), List.of());
    }

    /**
     * The patch that turns it on or off, tested against the version seen (or, without
     * one, its state).
     */
    static List<PatchOperation> switchPatch(Item seen, boolean on) {
        List<PatchOperation> patch = new ArrayList<>();
        patch.add(seen.version() != null ? PatchOperation.test("/_version", seen.version())
                : PatchOperation.test("/" + seen.switchField(), !on));
        patch.add(PatchOperation.replace("/" + seen.switchField(), on));
        return patch;
    }

    /**
     * Refuses (403, recorded) a person who may not change the account's integrations,
     * before any request.
     */
    void requireAllowed(CurrentUser user, Manifest manifest, Item seen, ChangeAction action) {
        guard.require(attempt(user, manifest, seen, action), PortalRole.EDITOR);
    }

    /** The change as the request's page shows it. */
    Review review(Manifest manifest, Item seen, ChangeAction action) {
        List<Review.Line> target = List.of(new Review.Line("Integration", manifest.name()));
        List<Review.Line> fields = List.of(new Review.Line(StringUtils.capitalize(seen.type().words()), seen.name()));
        String path = seen.type() == IntegrationType.CONFIGURATION
                ? LaunchDarklyClient.path(LaunchDarklyClient.INTEGRATION_CONFIGURATION, seen.id())
                : LaunchDarklyClient.path(LaunchDarklyClient.SUBSCRIPTION, manifest.key(), seen.id());
        if (ChangeAction.DELETE.equals(action)) {
            return new Review("Delete an " + seen.type().words(), target, fields, "DELETE", path, "", List.of());
        }
        boolean on = ChangeAction.TURN_ON.equals(action);
        return new Review((on ? "Turn on an " : "Turn off an ") + seen.type().words(), target, fields, "PATCH", path,
                redactor.redactToJson(switchPatch(seen, on), Set.of(), List.of()), List.of());
    }

    private static AuditAttempt attempt(CurrentUser user, Manifest manifest, Item seen, ChangeAction action) {
        return AuditAttempt.by(user, action, seen.type().resourceType())
            .at(Place.integration(manifest.key()))
            .withResource(seen.name(), manifest.key(), seen.id());
    }

}
