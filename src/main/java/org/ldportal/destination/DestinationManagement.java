package org.ldportal.destination;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.ldportal.access.AccessGuard;
import org.ldportal.audit.AuditAttempt;
import org.ldportal.audit.SecretRedactor;
import org.ldportal.change.AuditedCall;
import org.ldportal.change.Change;
import org.ldportal.change.ChangeOrigin;
import org.ldportal.change.ChangeResult;
import org.ldportal.change.PatchPlan;
import org.ldportal.change.PendingChange;
import org.ldportal.change.RefusalTarget;
import org.ldportal.change.Review;
import org.ldportal.change.Sent;
import org.ldportal.form.EditedValues;
import org.ldportal.form.FieldSpec;
import org.ldportal.form.FormSpec;
import org.ldportal.form.FormValidation;
import org.ldportal.form.FormValidator;
import org.ldportal.form.FormValues;
import org.ldportal.launchdarkly.CreateCall;
import org.ldportal.launchdarkly.Destination;
import org.ldportal.launchdarkly.DestinationPost;
import org.ldportal.launchdarkly.ExistingResources;
import org.ldportal.launchdarkly.LaunchDarklyClient;
import org.ldportal.launchdarkly.LaunchDarklyLinks;
import org.ldportal.launchdarkly.PatchOperation;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.springframework.stereotype.Service;

import tools.jackson.databind.ObjectMapper;

/**
 * The Data Export destinations that exist: listed as far as the person may see them, read
 * one by one, turned on or off and deleted, each change through the one audited call as a
 * JSON Patch that applies only to the version the person saw (a {@code test} of it), so a
 * destination changed meanwhile is refused, not overwritten.
 */
@Service
class DestinationManagement {

    private final LaunchDarklyClient client;

    private final ExistingResources existing;

    private final DestinationKindCatalog catalog;

    private final LaunchDarklyLinks links;

    private final AuditedCall call;

    private final AccessGuard guard;

    private final SecretRedactor redactor;

    private final Predicate<Row> critical;

    private final FormValidator validator;

    private final ObjectMapper json;

    DestinationManagement(LaunchDarklyClient client, ExistingResources existing, DestinationKindCatalog catalog,
            LaunchDarklyLinks links, AuditedCall call, AccessGuard guard, SecretRedactor redactor,
            DestinationService destinations, FormValidator validator, ObjectMapper json) {
        this.validator = validator;
        this.json = json;
        this.critical = row -> destinations.critical(row.projectKey(), row.environmentKey());
        this.client = client;
        this.existing = existing;
        this.catalog = catalog;
        this.links = links;
        this.call = call;
        this.guard = guard;
        this.redactor = redactor;
    }

    /** One destination as the list and the detail page show it. */
    record Row(Destination destination, String projectKey, String environmentKey, String kindTitle, String link) {

        public String path() {
            return "/destinations/" + projectKey + "/" + environmentKey + "/" + destination.id();
        }

        public boolean on() {
            return Boolean.TRUE.equals(destination.on());
        }
    }

    /** The list's filters; null or blank means any. */
    record Filter(@Nullable String project, @Nullable String environment, @Nullable String kind) {

        boolean accepts(Row row) {
            return matches(project, row.projectKey()) && matches(environment, row.environmentKey())
                    && matches(kind, row.destination().kind());
        }

        private static boolean matches(@Nullable String wanted, String actual) {
            return wanted == null || wanted.isBlank() || wanted.equals(actual);
        }
    }

    /** Every destination the person may see (the filters' choices come from these). */
    List<Row> visible(CurrentUser user) {
        List<Row> rows = new ArrayList<>();
        for (Destination destination : existing.destinations()) {
            destination.place()
                .filter(place -> guard.maySee(user, place.projectKey(), place.environmentKey()))
                .ifPresent(place -> rows.add(row(destination, place.projectKey(), place.environmentKey())));
        }
        rows.sort(Comparator.comparing(Row::projectKey)
            .thenComparing(Row::environmentKey)
            .thenComparing(row -> String.valueOf(row.destination().name())));
        return rows;
    }

    /**
     * The destination as LaunchDarkly has it now (not from the list's cache: its version
     * is what a change tests).
     */
    Row find(CurrentUser user, String projectKey, String environmentKey, String id) {
        guard.requireToSee(user, projectKey, environmentKey);
        return row(client.getDestination(projectKey, environmentKey, id), projectKey, environmentKey);
    }

    /**
     * The destination a change is about, as LaunchDarkly has it now; one the person may
     * not even see is refused, recorded with the change's action.
     */
    Row findToChange(CurrentUser user, ChangeAction action, String projectKey, String environmentKey, String id) {
        guard.requireToSeeBeforeChange(AuditAttempt.by(user, action, ResourceType.DESTINATION)
            .at(Place.environment(projectKey, environmentKey))
            .withResource(null, null, id));
        return row(client.getDestination(projectKey, environmentKey, id), projectKey, environmentKey);
    }

    /**
     * The config as the detail page shows it: labels of the kind's form, secrets and
     * obfuscated values hidden.
     */
    Map<String, String> shownConfig(Row row) {
        Optional<DestinationKind> kind = catalog.find(row.destination().kind());
        Map<String, String> shown = new LinkedHashMap<>();
        Map<String, Object> config = row.destination().config() == null ? Map.of() : row.destination().config();
        config.forEach((key, value) -> {
            String label = kind.flatMap(k -> k.form().fields().stream().filter(f -> f.key().equals(key)).findFirst())
                .map(FieldSpec::label)
                .orElse(key);
            shown.put(label, secret(kind, key, value) ? Review.SECRET_SET : String.valueOf(value));
        });
        return shown;
    }

    /**
     * The destination as the create that would make it again, for its page's "as code":
     * each secret of its config replaced by {@link SecretRedactor#MARK}.
     */
    CreateCall asCreate(Row row) {
        Optional<DestinationKind> kind = catalog.find(row.destination().kind());
        Map<String, Object> config = new LinkedHashMap<>();
        Map<String, Object> current = row.destination().config() == null ? Map.of() : row.destination().config();
        current.forEach((key, value) -> config.put(key, secret(kind, key, value) ? SecretRedactor.MARK : value));
        return new CreateCall(
                LaunchDarklyClient.path(LaunchDarklyClient.DESTINATIONS, row.projectKey(), row.environmentKey()),
                new DestinationPost(row.destination().name(), row.destination().kind(), config, row.destination().on()),
                row.destination().id());
    }

    private static boolean secret(Optional<DestinationKind> kind, String key, @Nullable Object value) {
        if (value == null || "********".equals(value)) {
            return value != null;
        }
        if (kind.isEmpty()) {
            return true;
        }
        DestinationKind known = kind.get();
        if (known.flow() == DestinationKind.Flow.JSON) {
            return !known.nonSecretConfigKeys().contains(key);
        }
        // A key the kind's form does not describe (a warehouse's set-up values, say) is
        // shown only when it is one the
        // kind names as not secret, or its name does not sound like a secret.
        boolean described = known.form().fields().stream().anyMatch(field -> field.key().equals(key));
        if (!described) {
            return !known.nonSecretConfigKeys().contains(key) && SecretRedactor.soundsSecret(key);
        }
        return known.form().secretKeys().contains(key);
    }

    /** Turns the destination on or off, if it is still the version the person saw. */
    ChangeResult<Destination> turn(CurrentUser user, Row seen, boolean on) {
        return turn(user, seen, on, ChangeOrigin.DIRECT);
    }

    /** The same, directly or once approved ({@code origin}). */
    ChangeResult<Destination> turn(CurrentUser user, Row seen, boolean on, ChangeOrigin origin) {
        Destination destination = seen.destination();
        List<PatchOperation> patch = switchPatch(destination, on);
        ChangeAction action = on ? ChangeAction.TURN_ON : ChangeAction.TURN_OFF;
        Change change = Change.of(
                origin.apply(attempt(user, seen, action))
                    .withRequestBody(redactor.redactToJson(patch, Set.of(), List.of())),
                "the destination", on ? "turned on" : "turned off", 200);
        ChangeResult<Destination> result = call.send(change,
                () -> client.patchDestination(seen.projectKey(), seen.environmentKey(), destination.id(), patch),
                changed -> new Sent(changed.kind(), changed.id(), seen.link()));
        return result;
    }

    /**
     * The patch that turns it on or off, tested against the version seen (or, without
     * one, its state).
     */
    static List<PatchOperation> switchPatch(Destination seen, boolean on) {
        List<PatchOperation> patch = new ArrayList<>();
        patch.add(seen.version() != null ? PatchOperation.test("/version", seen.version())
                : PatchOperation.test("/on", !on));
        patch.add(PatchOperation.replace("/on", on));
        return patch;
    }

    /**
     * Deletes the destination: its events stop being exported, and its settings are gone.
     */
    ChangeResult<Boolean> delete(CurrentUser user, Row seen) {
        return delete(user, seen, ChangeOrigin.DIRECT);
    }

    /**
     * An approved change of a destination that changed since the request: refused,
     * recorded, nothing sent.
     */
    <T> ChangeResult<T> refuseChangedSince(CurrentUser user, Row current, ChangeAction action, ChangeOrigin origin) {
        return call.refuse(Change.of(origin.apply(attempt(user, current, action)), "the destination", "changed", 200),
                RefusalTarget.WHOLE_FORM, ChangeOrigin.CHANGED_SINCE_REQUEST);
    }

    ChangeResult<Boolean> delete(CurrentUser user, Row seen, ChangeOrigin origin) {
        Change change = Change.of(origin.apply(attempt(user, seen, ChangeAction.DELETE)), "the destination", "deleted",
                204);
        ChangeResult<Boolean> result = call.send(change, () -> {
            client.deleteDestination(seen.projectKey(), seen.environmentKey(), seen.destination().id());
            return Boolean.TRUE;
        }, deleted -> new Sent(seen.destination().kind(), seen.destination().id(), null));
        return result;
    }

    /**
     * Refuses (403, recorded) a person who may not change destinations where this one is,
     * before any request.
     */
    void requireAllowed(CurrentUser user, Row seen, ChangeAction action) {
        guard.require(attempt(user, seen, action), PortalRole.EDITOR);
    }

    /**
     * An edit as the form sent it, checked: what the page showed ({@code seen}, or what
     * is there now when it carried nothing readable), the errors at the kind's fields,
     * and the tested patch when there are none.
     */
    record Edit(Map<String, String> seenValues, Map<String, String> errors, @Nullable PatchPlan plan) {
    }

    /**
     * @param name the new name, checked by the form; {@code null} when the form refused
     * it (then the kind's fields are checked, and nothing is planned)
     */
    Edit edit(Row current, @Nullable Integer version, @Nullable String name, FormValues values, String seen) {
        Map<String, String> seenValues = EditedValues.seen(json, seen, () -> editableValues(current));
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> cleaned = Map.of();
        Map<String, String> typedSecrets = new LinkedHashMap<>();
        Optional<FormSpec> form = configForm(current);
        if (form.isPresent()) {
            // A secret left empty keeps the current one: it is not required again, and it
            // is not sent.
            EditedValues edited = EditedValues.of(form.get(), values);
            typedSecrets.putAll(edited.typedSecrets());
            FormValidation validation = validator.validate(edited.spec(), values);
            errors.putAll(validation.errors());
            cleaned = validation.cleaned();
        }
        return new Edit(seenValues, errors, name != null && errors.isEmpty()
                ? plan(current, version, seenValues, name.strip(), cleaned, typedSecrets) : null);
    }

    /**
     * Whether the destination's config can be edited here: a kind of plain fields (the
     * others: their name only).
     */
    boolean configEditable(Row row) {
        return catalog.find(row.destination().kind())
            .map(kind -> kind.flow() == DestinationKind.Flow.DIRECT)
            .orElse(false);
    }

    /** The kind's form, for editing a destination of a kind with plain fields. */
    Optional<FormSpec> configForm(Row row) {
        return catalog.find(row.destination().kind())
            .filter(kind -> kind.flow() == DestinationKind.Flow.DIRECT)
            .map(DestinationKind::form);
    }

    /** What an edit page carries of what it shows, as its hidden field holds it. */
    String seen(Map<String, String> shown) {
        return json.writeValueAsString(shown);
    }

    /**
     * The non-secret values as the edit form shows them (and as the page carries what it
     * showed).
     */
    Map<String, String> editableValues(Row row) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", String.valueOf(row.destination().name()));
        configForm(row).ifPresent(form -> {
            Map<String, Object> config = row.destination().config() == null ? Map.of() : row.destination().config();
            form.fields().stream().filter(field -> !field.secret()).forEach(field -> {
                Object value = config.get(field.key());
                values.put(EditedValues.CONFIG + field.key(), value == null ? "" : String.valueOf(value));
            });
        });
        return values;
    }

    /**
     * What an edit would send: the version the page showed tested, then each changed
     * field (tested against what the page showed) and each secret typed anew (a secret
     * left empty stays as it is).
     */
    PatchPlan plan(Row current, @Nullable Integer seenVersion, Map<String, String> seen, String name,
            Map<String, Object> cleanedConfig, Map<String, String> typedSecrets) {
        PatchPlan plan = new PatchPlan();
        plan.field("/name", "Name", seen.get("name"), name);
        Map<String, Object> config = current.destination().config() == null ? Map.of() : current.destination().config();
        configForm(current).ifPresent(form -> form.fields().forEach(field -> {
            String pointer = PatchOperation.pointer("config", field.key());
            if (field.secret()) {
                plan.secret(pointer, field.label(), typedSecrets.get(field.key()), config.containsKey(field.key()));
            }
            else if (seen.containsKey(EditedValues.CONFIG + field.key())) {
                Object after = cleanedConfig.get(field.key());
                plan.field(pointer, field.label(), emptyToNull(seen.get(EditedValues.CONFIG + field.key())),
                        after == null ? null : String.valueOf(after));
            }
        }));
        return plan.versioned(seenVersion == null ? null : PatchOperation.test("/version", seenVersion));
    }

    /**
     * An edit as the request's page shows it: each changed field before and after
     * (secrets hidden).
     */
    Review editReview(Row seen, PatchPlan plan) {
        List<Review.Line> target = List.of(new Review.Line("Project", seen.projectKey()),
                new Review.Line("Environment", seen.environmentKey()));
        return new Review("Change a Data Export destination", target,
                plan.changes()
                    .stream()
                    .map(c -> new Review.Line(c.label(), c.before() + " \u2192 " + c.after()))
                    .toList(),
                "PATCH",
                LaunchDarklyClient.path(LaunchDarklyClient.DESTINATION, seen.projectKey(), seen.environmentKey(),
                        seen.destination().id()),
                redactor.redactToJson(plan.operations(), Set.of(), plan.secretValues()), List.of());
    }

    /** Sends an edit's patch (what {@link #plan} made), directly or once approved. */
    ChangeResult<Destination> update(CurrentUser user, Row current, @Nullable String name, List<PatchOperation> patch,
            List<String> secretValues, ChangeOrigin origin) {
        Change change = Change
            .of(origin.apply(attempt(user, current, ChangeAction.UPDATE))
                .withResource(name, current.destination().kind(), current.destination().id())
                .withRequestBody(redactor.redactToJson(patch, Set.of(), secretValues)), "the destination", "changed",
                    200)
            .scrubbing(secretValues)
            .locatedBy(detail -> DestinationService.locate(detail,
                    configForm(current).map(form -> form.fields().stream().map(FieldSpec::key).toList())
                        .orElse(List.of())));
        ChangeResult<Destination> result = call.send(change,
                () -> client.patchDestination(current.projectKey(), current.environmentKey(),
                        current.destination().id(), patch),
                changed -> new Sent(changed.kind(), changed.id(), current.link()));
        return result;
    }

    private static @Nullable String emptyToNull(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * Whether the person may change destinations where this one is (the pages offer the
     * buttons only then).
     */
    boolean mayChange(CurrentUser user, Row row) {
        return guard.mayChange(user, row.projectKey(), row.environmentKey(), PortalRole.EDITOR);
    }

    /**
     * What a change of it would be, for the approval rules and, held back, for the
     * request.
     */
    PendingChange pending(Row seen, ChangeAction action, String payload) {
        return new PendingChange(action, ResourceType.DESTINATION,
                Place.environment(seen.projectKey(), seen.environmentKey()), seen.destination().name(),
                seen.destination().kind(), critical.test(seen), payload);
    }

    /** The change as the request's page shows it: what, where, the call and its body. */
    Review review(Row seen, ChangeAction action) {
        List<Review.Line> target = List.of(new Review.Line("Project", seen.projectKey()),
                new Review.Line("Environment", seen.environmentKey()));
        List<Review.Line> fields = List
            .of(new Review.Line("Destination", seen.destination().name() + " (" + seen.kindTitle() + ")"));
        String path = LaunchDarklyClient.path(LaunchDarklyClient.DESTINATION, seen.projectKey(), seen.environmentKey(),
                seen.destination().id());
        if (ChangeAction.DELETE.equals(action)) {
            return new Review("Delete a Data Export destination", target, fields, "DELETE", path, "",
                    List.of("Its events stop being exported, and its settings are lost."));
        }
        boolean on = ChangeAction.TURN_ON.equals(action);
        return new Review((on ? "Turn on" : "Turn off") + " a Data Export destination", target, fields, "PATCH", path,
                redactor.redactToJson(switchPatch(seen.destination(), on), Set.of(), List.of()), List.of());
    }

    private AuditAttempt attempt(CurrentUser user, Row seen, ChangeAction action) {
        return AuditAttempt.by(user, action, ResourceType.DESTINATION)
            .at(Place.environment(seen.projectKey(), seen.environmentKey()))
            .withResource(seen.destination().name(), seen.destination().kind(), seen.destination().id());
    }

    /**
     * The destination as seen at {@code version} (the page's), for the test of a change.
     */
    static Row withVersion(Row row, @Nullable Integer version) {
        Destination d = row.destination();
        return new Row(
                new Destination(d.id(), d.name(), d.kind(), d.on(), d.createdAt(), d.links(), version, d.config()),
                row.projectKey(), row.environmentKey(), row.kindTitle(), row.link());
    }

    private Row row(Destination destination, String projectKey, String environmentKey) {
        String title = catalog.find(destination.kind()).map(DestinationKind::title).orElse(destination.kind());
        return new Row(destination, projectKey, environmentKey, title, links.destinations(projectKey, environmentKey));
    }

}
