package org.ldportal.environment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.ldportal.change.ChangeCheck;
import org.ldportal.change.CheckFinding;
import org.ldportal.change.PendingChange;
import org.ldportal.launchdarkly.Environment;
import org.ldportal.launchdarkly.LaunchDarklyDirectory;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.ResourceType;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

/**
 * What LaunchDarkly would refuse of a new environment, read afresh: its project gone, its
 * key taken in the project, the environment to copy from gone. The form checks the same
 * when it is filled in; this asks again on the review page and before an approval, days
 * later perhaps.
 */
@Component
class EnvironmentChecks implements ChangeCheck {

    private final LaunchDarklyDirectory directory;

    private final EnvironmentSettings settings;

    private final ObjectMapper json;

    EnvironmentChecks(LaunchDarklyDirectory directory, EnvironmentSettings settings, ObjectMapper json) {
        this.directory = directory;
        this.settings = settings;
        this.json = json;
    }

    @Override
    public boolean handles(PendingChange change) {
        return change.action() == ChangeAction.CREATE && change.type() == ResourceType.ENVIRONMENT;
    }

    @Override
    public List<CheckFinding> findings(PendingChange change) {
        EnvironmentRequest asked = EnvironmentRequest.read(json, change.payload());
        String projectKey = asked.projectKey();
        if (directory.projects().stream().noneMatch(project -> project.key().equals(projectKey))) {
            return List.of(CheckFinding.blocking("Project", "LaunchDarkly has no project with the key " + projectKey
                    + " now: it may have been deleted. Ask in the project's channel where its environments went."));
        }
        List<Environment> existing = directory.freshEnvironments(projectKey);
        String projectName = directory.projectName(projectKey);
        List<CheckFinding> findings = new ArrayList<>();
        // From what was asked: a request keeps the key as the environment of its place.
        String key = asked.form().effectiveKey();
        if (!key.isEmpty()) {
            existing.stream()
                .filter(environment -> environment.key().equals(key))
                .findFirst()
                .ifPresent(environment -> findings.add(CheckFinding.blocking(settings.label("key"),
                        "The key " + key + " is taken in " + projectName + ": it has the environment "
                                + environment.name() + " (" + environment.key() + ") already. Choose another key"
                                + suggestion(key, existing).map(free -> ", such as " + free).orElse("") + ".")));
        }
        String source = asked.sourceKey();
        if (source != null && !source.isBlank()
                && existing.stream().noneMatch(environment -> environment.key().equals(source))) {
            findings.add(CheckFinding.blocking(settings.label("sourceKey"), "The environment " + source
                    + " to copy from is no longer in " + projectName + ": choose another one, or none."));
        }
        return findings;
    }

    /** The first of key-2, key-3, ... that the project does not have. */
    private static Optional<String> suggestion(String key, List<Environment> existing) {
        Set<String> keys = existing.stream().map(Environment::key).collect(Collectors.toSet());
        for (int n = 2; n < 100; n++) {
            String candidate = key + "-" + n;
            if (!keys.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

}
