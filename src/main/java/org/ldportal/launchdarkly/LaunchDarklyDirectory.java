package org.ldportal.launchdarkly;

import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Projects and their environments for the forms' select boxes: every form page shows them
 * and they change rarely, so they are cached with refresh-ahead
 * ({@link RefreshingCache}): after warm-up no page waits for LaunchDarkly, concurrent
 * misses make one call, and a failed read is remembered briefly. A write of an
 * environment through the client forgets its project's list ({@link ListsChanged}).
 */
@Component
public class LaunchDarklyDirectory {

    /**
     * How long a failed read is answered from memory before LaunchDarkly is asked again.
     */
    static final Duration RETRY_FAILURES_AFTER = Duration.ofSeconds(5);

    private final RefreshingCache<String, List<Project>> projects;

    private final RefreshingCache<String, List<Environment>> environments;

    public LaunchDarklyDirectory(LaunchDarklyClient client, LaunchDarklyProperties properties) {
        Duration ttl = properties.directoryCacheTtl();
        this.projects = new RefreshingCache<>(ttl, RETRY_FAILURES_AFTER, all -> List.copyOf(client.listAllProjects()));
        this.environments = new RefreshingCache<>(ttl, RETRY_FAILURES_AFTER,
                projectKey -> List.copyOf(client.listAllEnvironments(projectKey)));
        client.afterWrites(changed -> {
            // Always named: an environment is written through its project.
            String projectKey = changed.key();
            if (changed.list() == ListsChanged.List.ENVIRONMENTS && projectKey != null) {
                environments.invalidate(projectKey);
            }
        });
    }

    /**
     * How the lists of projects and of environments have been read, for the status page.
     */
    public List<RefreshingCache.Figures> cacheFigures() {
        return List.of(projects.figures(), environments.figures());
    }

    public List<Project> projects() {
        return projects.get("all");
    }

    /**
     * The project's name for messages and review pages; its key when LaunchDarkly cannot
     * tell just now.
     */
    public String projectName(String projectKey) {
        try {
            return projects().stream()
                .filter(project -> project.key().equals(projectKey))
                .map(Project::name)
                .findFirst()
                .orElse(projectKey);
        }
        catch (LaunchDarklyException e) {
            return projectKey;
        }
    }

    /**
     * The environments of a project LaunchDarkly lists; none for any other key, which is
     * never put into a path (a key such as {@code ..} would make the request another
     * one).
     */
    public List<Environment> environments(String projectKey) {
        if (!isProject(projectKey)) {
            return List.of();
        }
        return environments.get(projectKey);
    }

    /**
     * The project's environments straight from LaunchDarkly (to check a key is free); the
     * cache keeps them.
     */
    public List<Environment> freshEnvironments(String projectKey) {
        return isProject(projectKey) ? environments.reloadNow(projectKey) : List.of();
    }

    private boolean isProject(String projectKey) {
        return projectKey != null && !projectKey.isBlank()
                && projects().stream().anyMatch(p -> p.key().equals(projectKey));
    }

}
