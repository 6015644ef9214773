package org.ldportal.approval;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.ldportal.resource.ChangeAction;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Approval by a second person.
 *
 * @param rules which changes need approval, and by whom (a list, so environment variables
 * can set them: {@code PORTAL_APPROVAL_RULES_0_APPROVERS})
 * @param expireAfter how long a request waits for a decision before it expires
 * @param expiryCheck how often expired requests are looked for
 * @param interruptedAfter how long after its approval a request with no outcome counts as
 * interrupted (the instance sending it stopped): it is then settled from the trail, and
 * its secrets wiped
 * @param remindAfter how long a request waits before its approvers are reminded (once)
 * @param warnBeforeExpiry how long before it expires a waiting request's approvers and
 * requester are told it soon will (once)
 */
@ConfigurationProperties("portal.approval")
public record ApprovalProperties(@DefaultValue List<ApprovalRule> rules, @DefaultValue("7d") Duration expireAfter,
        @DefaultValue("10m") Duration expiryCheck, @DefaultValue("10m") Duration interruptedAfter,
        @DefaultValue("2d") Duration remindAfter, @DefaultValue("1d") Duration warnBeforeExpiry) {

    /** The actions a rule may name (the audit trail's names for them). */
    static final List<String> ACTIONS = Stream
        .of(ChangeAction.CREATE, ChangeAction.UPDATE, ChangeAction.TURN_ON, ChangeAction.TURN_OFF, ChangeAction.DELETE)
        .map(ChangeAction::key)
        .toList();

    public ApprovalProperties {
        List<ApprovalRule> named = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            ApprovalRule rule = rules.get(i);
            String name = rule.name() == null || rule.name().isBlank() ? "approval rule " + i : rule.name().strip();
            if (rule.approvers().isEmpty()) {
                throw new IllegalArgumentException("The " + name + " names nobody who may approve: set "
                        + "portal.approval.rules[" + i + "].approvers to one or more groups.");
            }
            for (String action : rule.actions()) {
                if (!ACTIONS.contains(action)) {
                    throw new IllegalArgumentException(
                            "The " + name + " names the action " + action + ", which is not one " + "of "
                                    + String.join(", ", ACTIONS) + ": check portal.approval.rules[" + i + "].actions.");
                }
            }
            named.add(new ApprovalRule(name, rule.resources(), rule.projects(), rule.environments(),
                    rule.criticalOnly(), rule.approvers(), rule.actions(), rule.emails(), rule.slackWebhook()));
        }
        rules = List.copyOf(named);
    }
}
