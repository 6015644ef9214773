package org.ldportal.approval;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ldportal.change.PendingChange;
import org.ldportal.security.CurrentUser;
import org.springframework.stereotype.Component;

/** Which changes need approval, and who may give it. */
@Component
public class ApprovalRules {

    private final ApprovalProperties properties;

    public ApprovalRules(ApprovalProperties properties) {
        this.properties = properties;
    }

    public boolean configured() {
        return !properties.rules().isEmpty();
    }

    /**
     * The rules that ask for approval of a change here, with their approver groups; empty
     * when none does.
     */
    public Optional<Requirement> required(PendingChange change) {
        // A change of several needs what any of its parts would.
        List<ApprovalRule> applying = properties.rules()
            .stream()
            .filter(rule -> rule.appliesTo(change) || change.parts().stream().anyMatch(rule::appliesTo))
            .toList();
        if (applying.isEmpty()) {
            return Optional.empty();
        }
        Set<String> approvers = new LinkedHashSet<>();
        applying.forEach(rule -> approvers.addAll(rule.approvers()));
        return Optional.of(new Requirement(applying.stream().map(ApprovalRule::name).toList(), List.copyOf(approvers)));
    }

    /**
     * Who may decide a request now: the members of the approver groups that its rules, as
     * configured today, name. A rule renamed or removed since asks nobody.
     */
    public List<String> approversToday(List<String> ruleNames) {
        Set<String> approvers = new LinkedHashSet<>();
        properties.rules()
            .stream()
            .filter(rule -> rule.name() != null && ruleNames.contains(rule.name()))
            .forEach(rule -> approvers.addAll(rule.approvers()));
        return List.copyOf(approvers);
    }

    /** The email addresses the request's rules, as configured today, name. */
    public List<String> addressesToNotify(List<String> ruleNames) {
        return properties.rules()
            .stream()
            .filter(rule -> rule.name() != null && ruleNames.contains(rule.name()))
            .flatMap(rule -> rule.emails().stream())
            .distinct()
            .toList();
    }

    /**
     * The Slack webhooks the request's rules, as configured today, name; none when they
     * name none.
     */
    public List<URI> slackWebhooks(List<String> ruleNames) {
        return properties.rules()
            .stream()
            .filter(rule -> rule.name() != null && ruleNames.contains(rule.name()))
            .map(ApprovalRule::slackWebhook)
            .filter(Objects::nonNull)
            .map(Objects::requireNonNull)
            .distinct()
            .toList();
    }

    /**
     * Why a change needs approval and who may give it: any member of one of
     * {@code approverGroups}, except the requester.
     */
    public record Requirement(List<String> ruleNames, List<String> approverGroups) {

        public Requirement {
            ruleNames = List.copyOf(ruleNames);
            approverGroups = List.copyOf(approverGroups);
        }

        public boolean mayApprove(CurrentUser person) {
            return approverGroups.stream().anyMatch(person.groups()::contains);
        }

        /**
         * For the review page: "Needs approval (rule): a member of group-a or group-b
         * approves it."
         */
        public String inWords() {
            return "This needs a second person's approval (" + String.join(", ", ruleNames) + "): a member of "
                    + String.join(" or ", approverGroups) + ", other than you, approves it before it is sent.";
        }
    }

}
