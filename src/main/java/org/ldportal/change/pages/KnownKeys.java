package org.ldportal.change.pages;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.ldportal.launchdarkly.Environment;
import org.ldportal.launchdarkly.LaunchDarklyDirectory;
import org.ldportal.launchdarkly.LaunchDarklyException;
import org.ldportal.launchdarkly.Project;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * Project and environment keys from a form are only used once the directory lists them: a
 * key goes into an API path, and a made-up one ({@code ..}, {@code tokens}) must never
 * reach LaunchDarkly as a path of its own.
 */
@Component
public class KnownKeys {

    /**
     * LaunchDarkly's shape of a key, checked first so nothing else is looked up with it.
     */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private static final int MAX_LENGTH = 255;

    private final LaunchDarklyDirectory directory;

    public KnownKeys(LaunchDarklyDirectory directory) {
        this.directory = directory;
    }

    /**
     * Rejects {@code field} unless the project is one LaunchDarkly lists (an empty value
     * is left to @NotBlank).
     */
    public void checkProject(@Nullable String projectKey, String field, Errors errors) {
        if (projectKey == null || projectKey.isBlank() || errors.hasFieldErrors(field)) {
            return;
        }
        if (!wellFormed(projectKey)) {
            errors.rejectValue(field, "unknown", "Choose one of the projects listed.");
            return;
        }
        try {
            if (directory.projects().stream().map(Project::key).noneMatch(projectKey::equals)) {
                errors.rejectValue(field, "unknown", "Choose one of the projects listed.");
            }
        }
        catch (LaunchDarklyException e) {
            errors.rejectValue(field, "unchecked",
                    "The portal could not check this project with LaunchDarkly just now. "
                            + "Please try again in a minute.");
        }
    }

    /**
     * Rejects {@code field} unless the environment is one LaunchDarkly lists in the
     * project.
     */
    public void checkEnvironment(@Nullable String projectKey, @Nullable String environmentKey, String field,
            Errors errors) {
        if (environmentKey == null || environmentKey.isBlank() || errors.hasFieldErrors(field)) {
            return;
        }
        if (projectKey == null || !wellFormed(projectKey) || !wellFormed(environmentKey)) {
            errors.rejectValue(field, "unknown", "Choose one of the environments listed.");
            return;
        }
        try {
            if (directory.environments(projectKey).stream().map(Environment::key).noneMatch(environmentKey::equals)) {
                errors.rejectValue(field, "unknown", "Choose one of the environments listed.");
            }
        }
        catch (LaunchDarklyException e) {
            errors.rejectValue(field, "unchecked", "The portal could not check this environment with LaunchDarkly just "
                    + "now. Please try again in a minute.");
        }
    }

    private static boolean wellFormed(String key) {
        return key.length() <= MAX_LENGTH && KEY.matcher(key).matches();
    }

}
