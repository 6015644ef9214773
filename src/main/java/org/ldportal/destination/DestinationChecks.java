package org.ldportal.destination;

import java.util.List;

import org.ldportal.change.ChangeCheck;
import org.ldportal.change.CheckFinding;
import org.ldportal.change.PendingChange;
import org.ldportal.launchdarkly.ExistingResources;
import org.ldportal.launchdarkly.LaunchDarklyDirectory;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.ResourceType;
import org.springframework.stereotype.Component;

/**
 * What LaunchDarkly would refuse of a new destination, read afresh: its environment gone
 * from the project, or a destination there already (LaunchDarkly allows one per
 * environment, whatever its kind).
 */
@Component
class DestinationChecks implements ChangeCheck {

    /** The review line where the environment is named. */
    static final String ENVIRONMENT_LINE = "Environment";

    private final LaunchDarklyDirectory directory;

    private final ExistingResources existing;

    DestinationChecks(LaunchDarklyDirectory directory, ExistingResources existing) {
        this.directory = directory;
        this.existing = existing;
    }

    @Override
    public boolean handles(PendingChange change) {
        return change.action() == ChangeAction.CREATE && change.type() == ResourceType.DESTINATION
                && change.place().projectKey() != null && change.place().environmentKey() != null;
    }

    @Override
    public List<CheckFinding> findings(PendingChange change) {
        String projectKey = change.place().projectKey();
        String environmentKey = change.place().environmentKey();
        // Never null: handles() takes only changes with both keys.
        if (projectKey == null || environmentKey == null) {
            return List.of();
        }
        if (directory.freshEnvironments(projectKey)
            .stream()
            .noneMatch(environment -> environment.key().equals(environmentKey))) {
            return List.of(CheckFinding.blocking(ENVIRONMENT_LINE, "The environment " + environmentKey
                    + " is no longer in " + directory.projectName(projectKey) + ": it may have been deleted."));
        }
        return existing.freshDestinations()
            .stream()
            .filter(destination -> destination.belongsTo(projectKey, environmentKey))
            .findFirst()
            .map(destination -> List.of(CheckFinding.blocking(ENVIRONMENT_LINE,
                    "This environment has a Data Export destination already: " + destination.name()
                            + ". LaunchDarkly allows one per environment: turn that one off and delete it first, "
                            + "or choose another environment.")))
            .orElse(List.of());
    }

}
