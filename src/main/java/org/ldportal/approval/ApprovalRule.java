package org.ldportal.approval;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.ldportal.change.PendingChange;
import org.ldportal.security.KeyPattern;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which changes need a second person's approval, and who may give it. A change needs
 * approval when any rule applies to it: its resource is one of {@code resources} (all
 * when empty), its project matches {@code projects}, its environment matches
 * {@code environments} (any when empty), and, with {@code criticalOnly}, its environment
 * is critical (for a new environment: it is to be marked critical).
 *
 * @param name shown to the requester and approvers
 * @param resources resource types: {@code destination}, {@code environment},
 * {@code integration-configuration}, {@code audit-log-subscription}; empty for every kind
 * @param projects project keys or globs; account-wide integrations count as in every
 * project
 * @param environments environment keys or globs (for a new environment, its key); empty
 * for any
 * @param criticalOnly whether only changes in critical environments need approval
 * @param approvers groups whose members may approve (never the requester)
 * @param emails email addresses also told when a request of this rule waits (a team's
 * list, say), besides the approvers the portal has seen sign in
 * @param slackWebhook a Slack incoming webhook's address, told when a request of this
 * rule waits and when it is decided (instead of the default webhook); a secret: never
 * shown or logged
 */
public record ApprovalRule(@Nullable String name, @DefaultValue List<String> resources,
        @DefaultValue("*") List<String> projects, @DefaultValue List<String> environments, boolean criticalOnly,
        @DefaultValue List<String> approvers, @DefaultValue List<String> actions, @DefaultValue List<String> emails,
        @Nullable URI slackWebhook) {

    public ApprovalRule {
        actions = strip(actions);
        resources = strip(resources);
        projects = strip(projects).isEmpty() ? List.of("*") : strip(projects);
        environments = strip(environments);
        approvers = strip(approvers);
        emails = strip(emails);
    }

    /** Without the webhook's address, which is a secret (it lets anyone post). */
    @Override
    public String toString() {
        return "ApprovalRule[name=" + name + ", resources=" + resources + ", projects=" + projects + ", environments="
                + environments + ", criticalOnly=" + criticalOnly + ", approvers=" + approvers + ", actions=" + actions
                + ", emails=" + emails + ", slackWebhook=" + (slackWebhook == null ? "none" : "set, hidden") + "]";
    }

    private static List<String> strip(List<String> values) {
        return values.stream().map(String::strip).filter(value -> !value.isEmpty()).toList();
    }

    /** Whether this change needs this rule's approval. */
    boolean appliesTo(PendingChange change) {
        if (!resources.isEmpty() && !resources.contains(change.type().key())) {
            return false;
        }
        // No actions named: every change (create, update, turn-on, turn-off, delete) of
        // what the rule covers.
        if (!actions.isEmpty() && !actions.contains(change.action().key())) {
            return false;
        }
        String project = change.place().projectKey();
        if (project != null && projects.stream().noneMatch(pattern -> KeyPattern.matches(pattern, project))) {
            return false;
        }
        String environment = change.place().environmentKey();
        if (!environments.isEmpty() && (environment == null
                || environments.stream().noneMatch(pattern -> KeyPattern.matches(pattern, environment)))) {
            return false;
        }
        return !criticalOnly || change.critical();
    }
}
