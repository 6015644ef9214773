package org.ldportal.environment;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.ldportal.audit.AuditAttempt;
import org.ldportal.audit.AuditOutcome;
import org.ldportal.audit.AuditTrail;
import org.ldportal.audit.SecretRedactor;
import org.ldportal.launchdarkly.Environment;
import org.ldportal.launchdarkly.EnvironmentPost;
import org.ldportal.launchdarkly.LaunchDarklyApiException;
import org.ldportal.launchdarkly.LaunchDarklyClient;
import org.ldportal.launchdarkly.LaunchDarklyDirectory;
import org.ldportal.launchdarkly.LaunchDarklyLinks;
import org.ldportal.launchdarkly.LaunchDarklyUnreachableException;
import org.ldportal.launchdarkly.Project;
import org.ldportal.security.CurrentUser;
import org.ldportal.web.ApiFailure;
import org.ldportal.web.ApiFailureTranslator;
import org.springframework.stereotype.Service;
import org.springframework.validation.Errors;

/**
 * Creates environments: the form's own rules beyond Bean Validation, the configured guardrails, the call to
 * LaunchDarkly, the audit entry, and LaunchDarkly's errors turned into messages at the field they concern.
 */
@Service
class EnvironmentService {

    /** LaunchDarkly's field names, longest first where one contains another, for locating its 400s. */
    private static final List<String> API_FIELDS = List.of("source.key", "defaultTtl", "secureMode", "defaultTrackEvents",
            "requireComments", "confirmChanges", "critical", "color", "name", "tags", "key", "source");
    private static final Pattern TAG = Pattern.compile(EnvironmentForm.TAG_PATTERN);

    private final LaunchDarklyClient client;
    private final LaunchDarklyDirectory directory;
    private final LaunchDarklyLinks links;
    private final AuditTrail audit;
    private final SecretRedactor redactor;
    private final ApiFailureTranslator failures;
    private final EnvironmentProperties properties;
    private final Pattern keyPattern;

    EnvironmentService(LaunchDarklyClient client, LaunchDarklyDirectory directory, LaunchDarklyLinks links,
            AuditTrail audit, SecretRedactor redactor, ApiFailureTranslator failures, EnvironmentProperties properties) {
        this.client = client;
        this.directory = directory;
        this.links = links;
        this.audit = audit;
        this.redactor = redactor;
        this.failures = failures;
        this.properties = properties;
        this.keyPattern = Pattern.compile(properties.keyPattern());
    }

    List<Project> projects() {
        return directory.projects();
    }

    List<Environment> environments(String projectKey) {
        return directory.environments(projectKey);
    }

    boolean mayMarkCritical(CurrentUser user) {
        return user.isAdmin() || !properties.criticalRequiresAdmin();
    }

    String defaultColor() {
        return properties.defaultColor();
    }

    /** Rules of the form itself that Bean Validation cannot express; failing them is not an attempt. */
    void validate(EnvironmentForm form, Errors errors) {
        for (String tag : form.tagList()) {
            if (!TAG.matcher(tag).matches()) {
                errors.rejectValue("tags", "tag", "The tag \"" + tag + "\" is not allowed: each tag is 1 to 64 letters, "
                        + "digits, '.', '_' or '-'.");
                break;
            }
        }
        if (!errors.hasFieldErrors("key") && !errors.hasFieldErrors("name") && form.effectiveKey().isEmpty()) {
            errors.rejectValue("key", "key", "No key can be made from this name: type a key, using letters, digits, "
                    + "'.', '_' or '-'.");
        }
    }

    EnvironmentCreation create(EnvironmentForm form, CurrentUser user) {
        String projectKey = form.getProjectKey();
        String key = form.effectiveKey();
        List<String> tags = form.tagList();
        EnvironmentPost body = new EnvironmentPost(form.getName(), key, form.getColor().toLowerCase(), form.getDefaultTtl(),
                form.isSecureMode(), form.isDefaultTrackEvents(), form.isConfirmChanges(), form.isRequireComments(),
                tags.isEmpty() ? null : tags,
                blank(form.getSourceKey()) ? null : new EnvironmentPost.SourceEnvironment(form.getSourceKey(), null),
                form.isCritical() ? Boolean.TRUE : null);
        AuditAttempt attempt = AuditAttempt.by(user, "create", "environment").withTarget(projectKey, null, null)
                .withResource(form.getName(), key, null)
                .withRequestBody(redactor.redactToJson(body, Set.of(), List.of()));

        EnvironmentCreation refusal = guardrails(form, key, user);
        if (refusal != null) {
            audit.record(attempt.withOutcome(AuditOutcome.REJECTED, null, "guardrail", refusal.message(), null));
            return refusal;
        }

        long started = System.nanoTime();
        try {
            Environment created = client.createEnvironment(projectKey, body);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            audit.record(attempt.withResource(form.getName(), created.key(), created.id())
                    .withOutcome(AuditOutcome.SUCCEEDED, 201, null, null, took));
            directory.forgetEnvironments(projectKey);
            return EnvironmentCreation.succeeded(new CreatedEnvironment(projectKey, projectName(projectKey), created.key(),
                    created.name(), created.color(), created.id(), links.environment(projectKey, created.key())));
        }
        catch (LaunchDarklyApiException | LaunchDarklyUnreachableException e) {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            ApiFailure failure = failures.translate(e, "the environment", List.of(), API_FIELDS);
            if (failure.isConflict()) {
                String suggestion = freeKey(projectKey, key);
                failure = failure.atField("key", "An environment with key " + key + " already exists in project "
                        + projectName(projectKey) + "." + (suggestion != null ? " Try " + suggestion + "." : ""));
            }
            audit.record(attempt.withOutcome(failure.outcome(), failure.httpStatus(), failure.code(),
                    failure.detail() != null ? failure.detail() : failure.userMessage(), took));
            return EnvironmentCreation.refused(formField(failure.fieldKey()), failure.userMessage(), failure.detail());
        }
    }

    private EnvironmentCreation guardrails(EnvironmentForm form, String key, CurrentUser user) {
        if (form.isCritical() && !mayMarkCritical(user)) {
            return EnvironmentCreation.refused("critical", "Only admins may mark an environment as critical.", null);
        }
        if (properties.reservedIn(form.getProjectKey()).contains(key)) {
            return EnvironmentCreation.refused("key", "The key " + key + " is reserved in project "
                    + projectName(form.getProjectKey()) + " and cannot be created through the portal. Choose another key.",
                    null);
        }
        if (!keyPattern.matcher(key).matches()) {
            return EnvironmentCreation.refused("key", properties.keyPatternMessage(), null);
        }
        return null;
    }

    /** The first of key-2, key-3, ... that the project does not have, or null when it cannot be told. */
    private String freeKey(String projectKey, String key) {
        try {
            Set<String> taken = Set.copyOf(directory.freshEnvironments(projectKey).stream().map(Environment::key).toList());
            for (int n = 2; n < 100; n++) {
                String candidate = key + "-" + n;
                if (!taken.contains(candidate) && !properties.reservedIn(projectKey).contains(candidate)) {
                    return candidate;
                }
            }
        }
        catch (LaunchDarklyApiException | LaunchDarklyUnreachableException e) {
            // The suggestion is a courtesy; the conflict message stands without it.
        }
        return null;
    }

    private String projectName(String projectKey) {
        try {
            return projects().stream().filter(p -> p.key().equals(projectKey)).map(Project::name).findFirst().orElse(projectKey);
        }
        catch (LaunchDarklyApiException | LaunchDarklyUnreachableException e) {
            return projectKey;
        }
    }

    private static String formField(String apiField) {
        if (apiField == null) {
            return null;
        }
        return switch (apiField) {
            case "source", "source.key" -> "sourceKey";
            default -> apiField;
        };
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
