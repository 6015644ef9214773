package org.ldportal.environment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
import org.ldportal.change.PendingChange;
import org.ldportal.change.RefusalTarget;
import org.ldportal.change.Review;
import org.ldportal.change.Sent;
import org.ldportal.launchdarkly.CreateCall;
import org.ldportal.launchdarkly.Environment;
import org.ldportal.launchdarkly.EnvironmentPost;
import org.ldportal.launchdarkly.LaunchDarklyClient;
import org.ldportal.launchdarkly.LaunchDarklyDirectory;
import org.ldportal.launchdarkly.LaunchDarklyLinks;
import org.ldportal.launchdarkly.Tags;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.springframework.stereotype.Service;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.SmartValidator;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The environments of a project that exist: listed as far as the person may see them,
 * read one by one, edited (name, colour, settings, tags, default TTL, critical, with the
 * guardrails of creating) as a JSON Patch of only the changed fields, each tested against
 * the value the person saw, and deleted (admins only, unless configured otherwise).
 */
@Service
class EnvironmentManagement {

    private final LaunchDarklyClient client;

    private final LaunchDarklyDirectory directory;

    private final LaunchDarklyLinks links;

    private final AuditedCall call;

    private final AccessGuard guard;

    private final SecretRedactor redactor;

    private final EnvironmentService environments;

    private final EnvironmentProperties properties;

    private final ResourceHistory history;

    private final SmartValidator validator;

    private final ObjectMapper json;

    private final EnvironmentSettings settings;

    private final TimeLimitedEnvironments timeLimits;

    EnvironmentManagement(LaunchDarklyClient client, LaunchDarklyDirectory directory, LaunchDarklyLinks links,
            AuditedCall call, AccessGuard guard, SecretRedactor redactor, EnvironmentService environments,
            EnvironmentProperties properties, SmartValidator validator, ObjectMapper json, ResourceHistory history,
            EnvironmentSettings settings, TimeLimitedEnvironments timeLimits) {
        this.settings = settings;
        this.timeLimits = timeLimits;
        this.history = history;
        this.validator = validator;
        this.json = json;
        this.client = client;
        this.directory = directory;
        this.links = links;
        this.call = call;
        this.guard = guard;
        this.redactor = redactor;
        this.environments = environments;
        this.properties = properties;
    }

    /** The project's environments the person may see, in LaunchDarkly's order. */
    List<Environment> list(CurrentUser user, String projectKey) {
        guard.requireToSee(user, projectKey, null);
        return directory.environments(projectKey)
            .stream()
            .filter(environment -> guard.maySee(user, projectKey, environment.key()))
            .toList();
    }

    /** The environment as LaunchDarkly has it now; its values are what an edit tests. */
    Environment find(CurrentUser user, String projectKey, String environmentKey) {
        guard.requireToSee(user, projectKey, environmentKey);
        return client.getEnvironment(projectKey, environmentKey);
    }

    /**
     * The environment a change is about, as LaunchDarkly has it now; one the person may
     * not even see is refused, recorded with the change's action.
     */
    Environment findToChange(CurrentUser user, ChangeAction action, String projectKey, String environmentKey) {
        guard.requireToSeeBeforeChange(AuditAttempt.by(user, action, ResourceType.ENVIRONMENT)
            .at(Place.environment(projectKey, environmentKey))
            .withResource(null, environmentKey, null));
        return client.getEnvironment(projectKey, environmentKey);
    }

    /** The attempts about the environment that the person may read, newest first. */
    List<AuditEntry> history(CurrentUser user, Environment environment) {
        return history.of(user, environment.id());
    }

    /**
     * The environment as the create that would make it again, for its page's "as code"
     * (it holds no secret).
     */
    static CreateCall asCreate(String projectKey, Environment environment) {
        return new CreateCall(LaunchDarklyClient.path(LaunchDarklyClient.ENVIRONMENTS, projectKey),
                new EnvironmentPost(environment.name(), environment.key(), environment.color(),
                        environment.defaultTtl(), environment.secureMode(), environment.defaultTrackEvents(),
                        environment.confirmChanges(), environment.requireComments(), environment.tags(), null,
                        environment.critical()),
                environment.key());
    }

    TimeLimitedEnvironments.Days deleteDays() {
        return timeLimits.days();
    }

    /** The day the portal deletes the environment, if it is time-limited. */
    Optional<EnvironmentLifetime> lifetime(String projectKey, Environment environment) {
        return timeLimits.of(projectKey, environment);
    }

    /**
     * Moves a time-limited environment's day, for someone who may edit it; a day that
     * cannot be chosen is a message at the field. The move is recorded in the trail.
     */
    boolean extend(CurrentUser user, String projectKey, Environment environment, @Nullable LocalDate deleteOn,
            Errors errors) {
        AuditAttempt attempt = attempt(user, ChangeAction.EXTEND, projectKey, environment, environment.name());
        guard.require(attempt, PortalRole.EDITOR);
        if (deleteOn == null && !errors.hasFieldErrors("deleteOn")) {
            errors.rejectValue("deleteOn", "required", "Choose the day to delete it on.");
        }
        timeLimits.check(deleteOn, "deleteOn", errors);
        if (errors.hasErrors() || deleteOn == null || timeLimits.of(projectKey, environment).isEmpty()) {
            return false;
        }
        return timeLimits.extend(attempt, projectKey, environment.key(), deleteOn);
    }

    String link(String projectKey, String environmentKey) {
        return links.environment(projectKey, environmentKey);
    }

    boolean mayEdit(CurrentUser user, String projectKey, String environmentKey) {
        return guard.mayChange(user, projectKey, environmentKey, PortalRole.EDITOR);
    }

    boolean mayDelete(CurrentUser user, String projectKey, String environmentKey) {
        return guard.mayChange(user, projectKey, environmentKey, properties.deleteRole());
    }

    /**
     * For this environment itself: an admin rule narrowed to others does not cover it.
     */
    boolean mayMarkCritical(CurrentUser user, String projectKey, String environmentKey) {
        return environments.mayMarkCritical(user, projectKey, environmentKey);
    }

    /**
     * What an edit page showed when it was opened (its hidden field); when it sent
     * nothing readable, what is there now (no test then).
     */
    Map<String, Object> seen(String carried, Environment current, String projectKey) {
        try {
            Map<String, Object> values = json.readValue(carried, SEEN);
            if (!values.isEmpty()) {
                return values;
            }
        }
        catch (RuntimeException unreadable) {
            // what is there now stands in
        }
        return settings.values(formOf(projectKey, current));
    }

    /**
     * Checks an edit as the form sent it, at its fields: Bean Validation, the tags,
     * something changed. A person who may not mark it critical has no such box: the mark
     * stays as the page showed it.
     */
    void check(EnvironmentForm form, BindingResult result, Map<String, Object> seen, CurrentUser user,
            String projectKey, Environment current) {
        form.setProjectKey(projectKey);
        form.setKey(current.key());
        validator.validate(form, result);
        if (Boolean.TRUE.equals(form.getApprovalsRequired()) && !Tags.parse(form.getApprovalTags()).tags().isEmpty()
                && !result.hasFieldErrors("approvalTags")) {
            // LaunchDarkly refuses both at once: every flag, or the flags with these
            // tags.
            result.rejectValue("approvalTags", "either",
                    "Require approval either for every flag or for flags with these tags, not both: "
                            + "untick the box above or leave the tags empty.");
        }
        if (!mayMarkCritical(user, projectKey, current.key())) {
            form.setCritical(Boolean.TRUE.equals(seen.get("critical")));
        }
        if (!result.hasErrors() && plan(seen, settings.values(form)).isEmpty()) {
            result.reject("unchanged", "Nothing was changed: change a field, or go back to the environment.");
        }
    }

    /** What an edit page carries of what it shows. */
    String carried(EnvironmentForm form) {
        return json.writeValueAsString(settings.values(form));
    }

    private static final TypeReference<Map<String, Object>> SEEN = new TypeReference<>() {
    };

    /** The edit form filled with the environment as it is. */
    EnvironmentForm formOf(String projectKey, Environment environment) {
        return settings.formOf(projectKey, environment);
    }

    /** The editable values of a form ({@link EnvironmentSettings#values}). */
    Map<String, Object> values(EnvironmentForm form) {
        return settings.values(form);
    }

    /** The environment's settings as its page lists them. */
    List<EnvironmentSettings.Row> rows(Environment environment) {
        return settings.detailRows(environment);
    }

    private PatchPlan plan(Map<String, Object> seen, Map<String, Object> values) {
        return settings.plan(seen, values);
    }

    /**
     * The edit as the request's page shows it: where, each changed field before and
     * after, the call and its body.
     */
    Review review(String projectKey, Environment current, Map<String, Object> seen, Map<String, Object> values) {
        PatchPlan plan = plan(seen, values);
        return new Review("Change an environment", target(projectKey, current),
                plan.changes()
                    .stream()
                    .map(c -> new Review.Line(c.label(), c.before() + " \u2192 " + c.after()))
                    .toList(),
                "PATCH", LaunchDarklyClient.path(LaunchDarklyClient.ENVIRONMENT, projectKey, current.key()),
                redactor.redactToJson(plan.operations(), Set.of(), List.of()), List.of());
    }

    Review deleteReview(String projectKey, Environment current) {
        return new Review("Delete an environment", target(projectKey, current), List.of(), "DELETE",
                LaunchDarklyClient.path(LaunchDarklyClient.ENVIRONMENT, projectKey, current.key()), "",
                List.of("Its flag settings, SDK keys and segments are lost."));
    }

    private List<Review.Line> target(String projectKey, Environment current) {
        return List.of(new Review.Line("Project", directory.projectName(projectKey) + " (" + projectKey + ")"),
                new Review.Line("Environment", current.name() + " (" + current.key() + ")"));
    }

    /**
     * What a change of it would be, for the approval rules and, held back, for the
     * request.
     */
    PendingChange pending(String projectKey, Environment current, ChangeAction action, String payload) {
        return new PendingChange(action, ResourceType.ENVIRONMENT, Place.environment(projectKey, current.key()),
                current.name(), current.key(), Boolean.TRUE.equals(current.critical()), payload);
    }

    /**
     * Refuses (403, recorded) a person who may not make this change here, before any
     * request is made.
     */
    void requireAllowed(CurrentUser user, String projectKey, Environment current, ChangeAction action) {
        guard.require(attempt(user, action, projectKey, current, current.name()),
                ChangeAction.DELETE.equals(action) ? properties.deleteRole() : PortalRole.EDITOR);
    }

    /**
     * Sends the edit, after the guardrails of creating (critical needs an admin),
     * directly or once approved.
     */
    ChangeResult<Environment> update(CurrentUser user, String projectKey, Environment current, Map<String, Object> seen,
            Map<String, Object> values, ChangeOrigin origin) {
        String environmentKey = current.key();
        PatchPlan plan = plan(seen, values);
        Object name = values.get("name");
        AuditAttempt attempt = origin
            .apply(attempt(user, ChangeAction.UPDATE, projectKey, current,
                    name == null ? current.name() : name.toString()))
            .withRequestBody(redactor.redactToJson(plan.operations(), Set.of(), plan.secretValues()));
        Change change = Change.of(attempt, "the environment", "changed", 200).locatedBy(EnvironmentSettings::locate);
        boolean criticalChanges = !Objects.equals(seen.get("critical"), values.get("critical"));
        if (criticalChanges && !mayMarkCritical(user, projectKey, current.key())) {
            return call.refuse(change, RefusalTarget.field("critical"),
                    "Only admins may mark an environment as critical " + "or take the mark away.");
        }
        ChangeResult<Environment> result = call.send(change,
                () -> client.patchEnvironment(projectKey, environmentKey, plan.operations()),
                changed -> new Sent(changed.key(), changed.id(), link(projectKey, environmentKey)));
        return result;
    }

    /**
     * An approved change of an environment that is not the one approved any more:
     * refused, recorded, nothing sent.
     */
    <T> ChangeResult<T> refuseChangedSince(CurrentUser user, String projectKey, Environment current,
            ChangeAction action, ChangeOrigin origin) {
        return call.refuse(Change.of(origin.apply(attempt(user, action, projectKey, current, current.name())),
                "the environment", "changed", 200), RefusalTarget.WHOLE_FORM, ChangeOrigin.CHANGED_SINCE_REQUEST);
    }

    /**
     * Deletes the environment, with its flag settings and SDK keys, directly or once
     * approved.
     */
    ChangeResult<Boolean> delete(CurrentUser user, String projectKey, Environment environment, ChangeOrigin origin) {
        AuditAttempt attempt = origin
            .apply(attempt(user, ChangeAction.DELETE, projectKey, environment, environment.name()));
        guard.require(attempt, properties.deleteRole());
        Change change = Change.of(attempt, "the environment", "deleted", 204);
        ChangeResult<Boolean> result = call.send(change, () -> {
            client.deleteEnvironment(projectKey, environment.key());
            return Boolean.TRUE;
        }, deleted -> new Sent(environment.key(), environment.id(), null));
        if (result instanceof ChangeResult.Succeeded<Boolean>) {
            timeLimits.forget(projectKey, environment.key());
        }
        return result;
    }

    private static AuditAttempt attempt(CurrentUser user, ChangeAction action, String projectKey,
            Environment environment, @Nullable String name) {
        return AuditAttempt.by(user, action, ResourceType.ENVIRONMENT)
            .at(Place.environment(projectKey, environment.key()))
            .withResource(name, environment.key(), environment.id());
    }

}
