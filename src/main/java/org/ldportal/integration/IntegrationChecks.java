package org.ldportal.integration;

import java.util.List;
import java.util.Optional;

import org.ldportal.change.ChangeCheck;
import org.ldportal.change.CheckFinding;
import org.ldportal.change.PendingChange;
import org.ldportal.launchdarkly.ExistingResources;
import org.ldportal.launchdarkly.IntegrationConfiguration;
import org.ldportal.launchdarkly.Subscription;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.ResourceType;
import org.springframework.stereotype.Component;

/**
 * What LaunchDarkly would refuse of a new configuration or audit-log subscription, read
 * afresh: an integration it no longer offers. One of the same name on the integration is
 * allowed (names are not unique), but two of one name are easily confused, so it is
 * pointed out.
 */
@Component
class IntegrationChecks implements ChangeCheck {

    private final ManifestCatalog catalog;

    private final ExistingResources existing;

    IntegrationChecks(ManifestCatalog catalog, ExistingResources existing) {
        this.catalog = catalog;
        this.existing = existing;
    }

    @Override
    public boolean handles(PendingChange change) {
        return change.action() == ChangeAction.CREATE && change.place().integrationKey() != null
                && (change.type() == ResourceType.INTEGRATION_CONFIGURATION
                        || change.type() == ResourceType.AUDIT_LOG_SUBSCRIPTION);
    }

    @Override
    public List<CheckFinding> findings(PendingChange change) {
        String integrationKey = change.place().integrationKey();
        // Never null: handles() takes only changes of an integration.
        if (integrationKey == null) {
            return List.of();
        }
        Optional<Manifest> manifest = catalog.find(integrationKey);
        if (manifest.isEmpty()) {
            // An empty catalog was not read: that is no finding.
            return catalog.all().isEmpty() ? List.of()
                    : List.of(CheckFinding.blocking("Integration",
                            "LaunchDarkly no longer offers the integration " + integrationKey
                                    + ", so it would refuse this. Ask the portal's admins which one replaced it."));
        }
        String name = change.resourceName();
        if (name == null) {
            return List.of();
        }
        boolean subscription = change.type() == ResourceType.AUDIT_LOG_SUBSCRIPTION;
        boolean sameName = subscription
                ? existing.freshSubscriptions(integrationKey).stream().map(Subscription::name).anyMatch(name::equals)
                : existing.freshConfigurations(integrationKey)
                    .stream()
                    .map(IntegrationConfiguration::name)
                    .anyMatch(name::equals);
        if (!sameName) {
            return List.of();
        }
        return List.of(CheckFinding.warning("Name",
                manifest.get().name() + " has " + (subscription ? "an audit-log subscription" : "a configuration")
                        + " named " + name
                        + " already. LaunchDarkly allows two of one name, but people will confuse them: "
                        + "give this one a name of its own, unless you mean a second one."));
    }

}
