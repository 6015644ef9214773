package org.ldportal.access;

import java.util.Arrays;
import java.util.List;

import org.ldportal.launchdarkly.Environment;
import org.ldportal.launchdarkly.LaunchDarklyDirectory;
import org.ldportal.launchdarkly.Project;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.springframework.stereotype.Component;

/**
 * The projects and environments a person may create in, for the selects of the forms:
 * LaunchDarkly's lists narrowed by the access rules, so nobody is offered what the server
 * would refuse.
 */
@Component
public class PermittedPlaces {

    private final LaunchDarklyDirectory directory;

    private final ProjectAccess access;

    public PermittedPlaces(LaunchDarklyDirectory directory, ProjectAccess access) {
        this.directory = directory;
        this.access = access;
    }

    /** Projects where the person holds the editor role in some environment. */
    public List<Project> projects(CurrentUser user) {
        List<Project> all = directory.projects();
        return access.rulesConfigured()
                ? all.stream().filter(project -> access.may(user, PortalRole.EDITOR, project.key(), null)).toList()
                : all;
    }

    /**
     * Projects where the person holds any role in some environment: what the lists of
     * what exists offer.
     */
    public List<Project> visibleProjects(CurrentUser user) {
        List<Project> all = directory.projects();
        return access.rulesConfigured() ? all.stream()
            .filter(project -> Arrays.stream(PortalRole.values())
                .anyMatch(role -> access.may(user, role, project.key(), null)))
            .toList() : all;
    }

    /**
     * The project's environments where the person holds the editor role; none for a
     * project they may not use.
     */
    public List<Environment> environments(CurrentUser user, String projectKey) {
        if (projectKey == null || projectKey.isBlank() || !access.may(user, PortalRole.EDITOR, projectKey, null)) {
            return List.of();
        }
        List<Environment> all = directory.environments(projectKey);
        return access.rulesConfigured() ? all.stream()
            .filter(environment -> access.may(user, PortalRole.EDITOR, projectKey, environment.key()))
            .toList() : all;
    }

}
