package org.ldportal.environment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.ldportal.audit.AuditAttempt;
import org.ldportal.audit.SecretRedactor;
import org.ldportal.access.AccessGuard;
import org.ldportal.change.AuditedCall;
import org.ldportal.change.Change;
import org.ldportal.change.ChangeOrigin;
import org.ldportal.change.ChangeResult;
import org.ldportal.change.PendingChange;
import org.ldportal.change.PreparedChange;
import org.ldportal.change.RefusalTarget;
import org.ldportal.change.Review;
import org.ldportal.change.ReviewWarnings;
import org.ldportal.change.Sent;
import org.ldportal.launchdarkly.Environment;
import org.ldportal.launchdarkly.EnvironmentPost;
import org.ldportal.launchdarkly.LaunchDarklyClient;
import org.ldportal.launchdarkly.LaunchDarklyDirectory;
import org.ldportal.launchdarkly.LaunchDarklyException;
import org.ldportal.launchdarkly.LaunchDarklyLinks;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.ldportal.access.ProjectAccess;
import org.ldportal.change.pages.KnownKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.validation.Errors;

import tools.jackson.databind.ObjectMapper;

/**
 * Creates environments: the form's own rules beyond Bean Validation, the configured
 * guardrails, the call to LaunchDarkly, the audit entry, and LaunchDarkly's errors turned
 * into messages at the field they concern.
 */
@Service
class EnvironmentService {

    private static final Logger log = LoggerFactory.getLogger(EnvironmentService.class);

    private final LaunchDarklyClient client;

    private final LaunchDarklyDirectory directory;

    private final LaunchDarklyLinks links;

    private final AuditedCall call;

    private final SecretRedactor redactor;

    private final EnvironmentProperties properties;

    private final KnownKeys keys;

    private final ProjectAccess access;

    private final ReviewWarnings reviewWarnings;

    private final AccessGuard guard;

    private final ObjectMapper json;

    private final EnvironmentSettings settings;

    private final TimeLimitedEnvironments timeLimits;

    private final Pattern keyPattern;

    EnvironmentService(LaunchDarklyClient client, LaunchDarklyDirectory directory, LaunchDarklyLinks links,
            AuditedCall call, SecretRedactor redactor, EnvironmentProperties properties, KnownKeys keys,
            ProjectAccess access, ReviewWarnings reviewWarnings, AccessGuard guard, ObjectMapper json,
            EnvironmentSettings settings, TimeLimitedEnvironments timeLimits) {
        this.settings = settings;
        this.timeLimits = timeLimits;
        this.guard = guard;
        this.json = json;
        this.access = access;
        this.reviewWarnings = reviewWarnings;
        this.client = client;
        this.directory = directory;
        this.links = links;
        this.call = call;
        this.redactor = redactor;
        this.properties = properties;
        this.keys = keys;
        this.keyPattern = Pattern.compile(properties.keyPattern());
        // Said once at start-up, so an operator sees what the environment variables
        // really set.
        log.info("Environment guardrails: key pattern {}, reserved keys {}, only admins mark critical: {}",
                properties.keyPattern(),
                properties.reservedKeys().isEmpty() ? "none"
                        : properties.reservedKeys().stream().map(rule -> rule.project() + " " + rule.keys()).toList(),
                properties.criticalRequiresAdmin());
    }

    /**
     * The person may create environments where the form points: in its project, with its
     * key when one is typed (rules may narrow a group to some environment keys), and
     * copying only from an environment they may use; else 403, recorded.
     */
    void requireAllowed(EnvironmentForm form, CurrentUser user) {
        String key = form.effectiveKey().isBlank() ? null : form.effectiveKey();
        guard.requireInProject(AuditAttempt.by(user, ChangeAction.CREATE, ResourceType.ENVIRONMENT)
            .at(Place.environment(form.getProjectKey(), key))
            .withResource(form.getName(), key, null), PortalRole.EDITOR);
        if (form.getSourceKey() != null && !form.getSourceKey().isBlank()) {
            // Copying reads the source's flag settings: only from an environment the
            // person may use.
            guard.requireInProject(AuditAttempt.by(user, ChangeAction.CREATE, ResourceType.ENVIRONMENT)
                .at(Place.environment(form.getProjectKey(), form.getSourceKey()))
                .withResource(form.getName(), key, null), PortalRole.EDITOR);
        }
    }

    /**
     * The create of a valid form, for the change flow: the approval rules look at its new
     * key and whether it is to be critical; a request keeps the form; the guardrails are
     * checked before a request is kept.
     */
    PreparedChange<CreatedEnvironment> creation(EnvironmentForm form) {
        String key = form.effectiveKey();
        PendingChange pending = PendingChange.create(ResourceType.ENVIRONMENT,
                Place.environment(form.getProjectKey(), key), form.getName(), key, form.isCritical(),
                json.writeValueAsString(EnvironmentRequest.of(form)));
        return PreparedChange
            .of(pending, () -> review(form), CreatedEnvironment.class, (user, origin) -> create(form, user, origin))
            .guardedBy(user -> refuseIfGuarded(form, user));
    }

    /**
     * Marking critical (or taking the mark away) is for admins: global ones, or admins of
     * this environment through an access rule, unless the setting lifts it. Without an
     * environment key (a form not filled in yet) it says whether the person is an admin
     * of some environment of the project, to offer the box; the send asks for the key
     * itself.
     */
    boolean mayMarkCritical(CurrentUser user, String projectKey, @Nullable String environmentKey) {
        if (!properties.criticalRequiresAdmin() || user.isAdmin()) {
            return true;
        }
        return projectKey != null && !projectKey.isBlank()
                && access.may(user, PortalRole.ADMIN, projectKey, blank(environmentKey) ? null : environmentKey);
    }

    String defaultColor() {
        return properties.defaultColor();
    }

    /** The days a "delete after" may be set to today. */
    TimeLimitedEnvironments.Days deleteDays() {
        return timeLimits.days();
    }

    /**
     * Rules of the form itself that Bean Validation cannot express; failing them is not
     * an attempt.
     */
    void validate(EnvironmentForm form, Errors errors) {
        keys.checkProject(form.getProjectKey(), "projectKey", errors);
        if (form.getSourceKey() != null && !form.getSourceKey().isBlank() && !errors.hasFieldErrors("projectKey")) {
            keys.checkEnvironment(form.getProjectKey(), form.getSourceKey(), "sourceKey", errors);
        }
        if (!errors.hasFieldErrors("key") && !errors.hasFieldErrors("name") && form.effectiveKey().isEmpty()) {
            errors.rejectValue("key", "key",
                    "No key can be made from this name: type a key, using letters, digits, " + "'.', '_' or '-'.");
        }
        timeLimits.check(form.getDeleteAfter(), "deleteAfter", errors);
    }

    private static EnvironmentPost body(EnvironmentForm form) {
        List<String> tags = form.tagList();
        return new EnvironmentPost(form.getName(), form.effectiveKey(), form.getColor().toLowerCase(),
                form.getDefaultTtl(), form.isSecureMode(), form.isDefaultTrackEvents(), form.isConfirmChanges(),
                form.isRequireComments(), tags.isEmpty() ? null : tags,
                blank(form.getSourceKey()) ? null : new EnvironmentPost.SourceEnvironment(form.getSourceKey(), null),
                form.isCritical() ? Boolean.TRUE : null);
    }

    /** What the form will create, for the review page. */
    Review review(EnvironmentForm form) {
        String projectKey = form.getProjectKey();
        String key = form.effectiveKey();
        String source = "nothing (LaunchDarkly's defaults)";
        if (!blank(form.getSourceKey())) {
            source = sourceName(projectKey, form.getSourceKey());
        }
        List<Review.Line> fields = new ArrayList<>(settings.createLines(form));
        fields.add(1, new Review.Line(settings.label("key"), key));
        fields.add(new Review.Line(settings.label("sourceKey"), source));
        if (form.getDeleteAfter() != null) {
            fields.add(new Review.Line(settings.label("deleteAfter"),
                    form.getDeleteAfter() + ": the portal deletes it that day, in your name, and emails you before"));
        }
        List<String> warnings = new ArrayList<>();
        if (form.isCritical()) {
            warnings
                .add("The environment will be marked critical: LaunchDarkly then treats every change in it with care, "
                        + "and only admins may mark it so.");
        }
        else if (reviewWarnings.productionLike(key)) {
            warnings.add("The key " + key + " looks like a production environment, but it is not marked critical.");
        }
        return new Review("Create an environment",
                List.of(new Review.Line("Project", directory.projectName(projectKey) + " (" + projectKey + ")")),
                fields, "POST", LaunchDarklyClient.path(LaunchDarklyClient.ENVIRONMENTS, projectKey),
                redactor.redactToJson(body(form), Set.of(), List.of()), warnings);
    }

    private String sourceName(String projectKey, String sourceKey) {
        try {
            return directory.environments(projectKey)
                .stream()
                .filter(e -> e.key().equals(sourceKey))
                .map(e -> e.name() + " (" + e.key() + ")")
                .findFirst()
                .orElse(sourceKey);
        }
        catch (LaunchDarklyException e) {
            return sourceKey;
        }
    }

    /**
     * A refusal of the portal's guardrails, recorded as REJECTED; null when the form
     * passes them.
     */
    ChangeResult.@Nullable Refused<CreatedEnvironment> refuseIfGuarded(EnvironmentForm form, CurrentUser user) {
        ChangeResult.Refused<CreatedEnvironment> refusal = guardrails(form, form.effectiveKey(), user);
        if (refusal == null) {
            return null;
        }
        call.refuse(change(form, user, ChangeOrigin.DIRECT), refusal.target(), refusal.message());
        return refusal;
    }

    private Change change(EnvironmentForm form, CurrentUser user, ChangeOrigin origin) {
        // The new key as the entry's environment: the access check before sending applies
        // the rules' environment
        // patterns to it, and the trail is filtered by it.
        return Change
            .create(origin.apply(AuditAttempt.by(user, ChangeAction.CREATE, ResourceType.ENVIRONMENT)
                .at(Place.environment(form.getProjectKey(), form.effectiveKey()))
                .withResource(form.getName(), form.effectiveKey(), null)
                .withRequestBody(redactor.redactToJson(body(form), Set.of(), List.of()))), "the environment")
            .locatedBy(EnvironmentSettings::locate)
            .whenNotFound("LaunchDarkly could not find project " + form.getProjectKey()
                    + (blank(form.getSourceKey()) ? ""
                            : ", or its environment " + form.getSourceKey() + " to copy settings from")
                    + ": it may have been renamed or deleted. " + "Reload the page and choose again.");
    }

    /**
     * Creates the environment, directly or once approved ({@code origin}), as
     * {@code user}.
     */
    ChangeResult<CreatedEnvironment> create(EnvironmentForm form, CurrentUser user, ChangeOrigin origin) {
        String projectKey = form.getProjectKey();
        String key = form.effectiveKey();
        EnvironmentPost body = body(form);
        Change change = change(form, user, origin);

        ChangeResult.Refused<CreatedEnvironment> refusal = guardrails(form, key, user);
        if (refusal != null) {
            return call.refuse(change, refusal.target(), refusal.message());
        }
        // What a check finds always has its key (EnvironmentExistence); without one there
        // is nothing to read.
        ChangeResult<Environment> result = call.send(change, () -> client.createEnvironment(projectKey, body),
                created -> new Sent(created.key(), created.id(), links.environment(projectKey, created.key())),
                found -> found.key() == null ? null : client.getEnvironment(projectKey, found.key()));
        if (result instanceof ChangeResult.Succeeded<Environment> succeeded) {
            Environment created = succeeded.resource();
            if (form.getDeleteAfter() != null) {
                timeLimits.keep(projectKey, created, form.getDeleteAfter(), user);
            }
            return new ChangeResult.Succeeded<>(new CreatedEnvironment(projectKey, directory.projectName(projectKey),
                    created.key(), created.name(), created.color(), created.id(), succeeded.link()), succeeded.link());
        }
        if (result instanceof ChangeResult.Refused<Environment> refused && refused.isConflict()) {
            String suggestion = freeKey(projectKey, key);
            return retyped(refused.at(RefusalTarget.field("key"),
                    "An environment with key " + key + " already exists in project " + directory.projectName(projectKey)
                            + "." + (suggestion != null ? " Try " + suggestion + "." : "")));
        }
        return retyped(result);
    }

    /**
     * A result that is not a success carries no environment, so it stands for any type.
     */
    @SuppressWarnings("unchecked")
    private static <T> ChangeResult<T> retyped(ChangeResult<?> notSucceeded) {
        return (ChangeResult<T>) notSucceeded;
    }

    private ChangeResult.@Nullable Refused<CreatedEnvironment> guardrails(EnvironmentForm form, String key,
            CurrentUser user) {
        if (form.isCritical() && !mayMarkCritical(user, form.getProjectKey(), key)) {
            return refusal("critical", "Only admins may mark an environment as critical.");
        }
        if (properties.reservedIn(form.getProjectKey()).contains(key)) {
            return refusal("key",
                    "The key " + key + " is reserved in project " + directory.projectName(form.getProjectKey())
                            + " and cannot be created through the portal. Choose another key.");
        }
        if (!keyPattern.matcher(key).matches()) {
            return refusal("key", properties.keyPatternMessage());
        }
        String passed = timeLimits.passed(form.getDeleteAfter());
        if (passed != null) {
            return refusal("deleteAfter", passed);
        }
        return null;
    }

    private static ChangeResult.Refused<CreatedEnvironment> refusal(String field, String message) {
        return new ChangeResult.Refused<>(RefusalTarget.field(field), message, null, null, null);
    }

    /**
     * The first of key-2, key-3, ... that the project does not have, or null when it
     * cannot be told.
     */
    private @Nullable String freeKey(String projectKey, String key) {
        try {
            Set<String> taken = Set
                .copyOf(directory.freshEnvironments(projectKey).stream().map(Environment::key).toList());
            for (int n = 2; n < 100; n++) {
                String candidate = key + "-" + n;
                if (!taken.contains(candidate) && !properties.reservedIn(projectKey).contains(candidate)) {
                    return candidate;
                }
            }
        }
        catch (LaunchDarklyException e) {
            // The suggestion is a courtesy; the conflict message stands without it.
        }
        return null;
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

}
