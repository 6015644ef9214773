package org.ldportal.notification;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.ldportal.approval.ApprovalRequest;
import org.ldportal.approval.Approvals;
import org.ldportal.approval.RequestDecided;
import org.ldportal.approval.RequestWaiting;
import org.ldportal.security.PublicAddressProperties;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Slack messages about requests for approval: "waiting" and "decided", to the webhooks
 * the request's rules name, or else the default one. A listener of its own, so a Slack
 * away never holds back an email (each listener's delivery is kept apart in the
 * registry).
 */
@Component
class SlackNotifications {

    private final Approvals approvals;

    private final SlackWebhook slack;

    private final NotificationProperties properties;

    private final @Nullable URI portal;

    SlackNotifications(Approvals approvals, SlackWebhook slack, NotificationProperties properties,
            PublicAddressProperties address) {
        this.approvals = approvals;
        this.slack = slack;
        this.properties = properties;
        this.portal = address.publicUrl();
    }

    @ApplicationModuleListener
    void on(RequestWaiting waiting) {
        approvals.forNotice(waiting.requestId())
            .ifPresent(request -> post(request, ":hourglass: *Waiting for approval* by a member of "
                    + escape(String.join(" or ", request.approverGroups())) + ": " + escape(request.requesterName())
                    + " asks to " + escape(what(request)) + ". " + link(request, "Review the request")));
    }

    @ApplicationModuleListener
    void on(RequestDecided decided) {
        approvals.forNotice(decided.requestId()).ifPresent(request -> {
            String by = request.decidedByName() == null ? "" : " by " + escape(request.decidedByName());
            String text = switch (decided.status()) {
                case APPROVED -> ":white_check_mark: *Approved*" + by + ": ";
                case DECLINED -> ":no_entry: *Declined*" + by + ": ";
                default -> ":clock3: *Expired*, nobody decided in time: ";
            } + escape(request.requesterName()) + "'s request to " + escape(what(request)) + ". "
                    + link(request, "Open the request");
            post(request, text);
        });
    }

    private void post(ApprovalRequest request, String text) {
        List<URI> webhooks = approvals.slackWebhooks(request);
        if (webhooks.isEmpty() && properties.slackWebhook() != null) {
            webhooks = List.of(properties.slackWebhook());
        }
        webhooks.forEach(webhook -> slack.post(webhook, text));
    }

    private static String what(ApprovalRequest request) {
        String name = request.resourceName() == null ? "" : " \"" + request.resourceName() + "\"";
        String where = request.projectKey() == null ? "" : " in " + request.projectKey()
                + (request.environmentKey() == null ? "" : " / " + request.environmentKey());
        return request.action().key().replace('-', ' ') + " the " + request.resourceType().words() + name + where;
    }

    private String link(ApprovalRequest request, String words) {
        return portal == null ? "(Requests, #" + request.id() + ")"
                : "<" + portal + "/requests/" + request.id() + "|" + words + ">";
    }

    /** Slack's mrkdwn reads these three as markup. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

}
