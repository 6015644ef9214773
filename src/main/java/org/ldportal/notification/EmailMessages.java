package org.ldportal.notification;

import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.ldportal.approval.ApprovalRequest;
import org.ldportal.approval.RequestStatus;
import org.ldportal.change.Review;
import org.ldportal.resource.DeletionReminder;
import org.ldportal.security.PublicAddressProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The words of each email, plain text and HTML from the same lines. A request's summary
 * is its review's target and fields, where a secret already reads "set, hidden"; the body
 * sent to LaunchDarkly is never in an email.
 */
@Component
class EmailMessages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
        .withZone(ZoneOffset.UTC);

    private final @Nullable URI portal;

    EmailMessages(PublicAddressProperties address) {
        this.portal = address.publicUrl();
    }

    /** To the approvers: a request waits for one of them. */
    Email waiting(ApprovalRequest request, List<String> to) {
        List<String> lead = List.of(request.requesterName() + " asks to " + what(request) + ".",
                "It needs a second person (" + String.join(", ", request.ruleNames()) + "): a member of "
                        + String.join(" or ", request.approverGroups()) + " may approve or decline it until "
                        + WHEN.format(request.expiresAt()) + ".");
        return email(to, "Waiting for your approval: " + request.review().title(), lead, request, "Review the request");
    }

    /** To the approvers: a request still waits, long after it was asked. */
    Email stillWaiting(ApprovalRequest request, List<String> to) {
        List<String> lead = List.of(
                request.requesterName() + " asked on " + WHEN.format(request.requestedAt()) + " to " + what(request)
                        + ", and it still waits for a member of " + String.join(" or ", request.approverGroups()) + ".",
                "It expires unsent on " + WHEN.format(request.expiresAt()) + ".");
        return email(to, "Reminder, waiting for your approval: " + request.review().title(), lead, request,
                "Review the request");
    }

    /** To the approvers and the requester: a request expires soon, unsent. */
    Email expiresSoon(ApprovalRequest request, List<String> to) {
        List<String> lead = List.of(
                "The request of " + request.requesterName() + " to " + what(request) + " expires on "
                        + WHEN.format(request.expiresAt()) + " unless a member of "
                        + String.join(" or ", request.approverGroups()) + " decides it.",
                "Once expired, nothing is sent; the requester can ask again.");
        return email(to, "Expires soon: " + request.review().title(), lead, request, "Open the request");
    }

    /** To the requester: the decision, and when approved, how the change went. */
    Email decided(ApprovalRequest request, List<String> to) {
        List<String> lead = new ArrayList<>();
        String subject;
        if (request.status() == RequestStatus.EXPIRED) {
            subject = "Expired: " + request.review().title();
            lead.add("Nobody decided your request to " + what(request) + " in time, so nothing was sent.");
        }
        else if (request.status() == RequestStatus.DECLINED) {
            subject = "Declined: " + request.review().title();
            lead.add(decider(request) + " declined your request to " + what(request) + "; nothing was sent.");
        }
        else {
            subject = "Approved: " + request.review().title();
            lead.add(decider(request) + " approved your request to " + what(request) + ".");
        }
        if (request.comment() != null && !request.comment().isBlank()) {
            lead.add("Their comment: " + request.comment());
        }
        return email(to, subject, lead, request, "Open the request");
    }

    /** To the requester: how an approved request's change went. */
    Email sent(ApprovalRequest request, List<String> to, boolean settledLater) {
        String outcome = request.outcome() == null ? "UNKNOWN" : request.outcome();
        String subject = switch (outcome) {
            case "SUCCEEDED" -> "Done: ";
            case "REJECTED" -> "Refused by LaunchDarkly: ";
            case "FAILED" -> "Not done: ";
            default -> "Not yet clear: ";
        } + request.review().title();
        List<String> lead = new ArrayList<>();
        lead.add((settledLater ? "A later check settled your approved request to " : "Your approved request to ")
                + what(request) + (settledLater ? "." : " was sent."));
        if (request.outcomeMessage() != null) {
            lead.add(request.outcomeMessage());
        }
        if (request.outcomeLink() != null) {
            lead.add("In LaunchDarkly: " + request.outcomeLink());
        }
        return email(to, subject, lead, request, "Open the request");
    }

    private static String what(ApprovalRequest request) {
        String name = request.resourceName() == null ? "" : " \"" + request.resourceName() + "\"";
        return request.action().key().replace('-', ' ') + " the " + request.resourceType().words() + name;
    }

    private static String decider(ApprovalRequest request) {
        return request.decidedByName() == null ? "An approver" : request.decidedByName();
    }

    private Email email(List<String> to, String subject, List<String> lead, ApprovalRequest request, String action) {
        List<Review.Line> lines = new ArrayList<>(request.review().target());
        lines.addAll(request.review().fields());
        @Nullable String link = portal == null ? null : portal + "/requests/" + request.id();
        StringBuilder text = new StringBuilder();
        lead.forEach(line -> text.append(line).append("\n\n"));
        lines.forEach(line -> text.append(line.label()).append(": ").append(line.value()).append('\n'));
        text.append('\n')
            .append(link != null ? action + ": " + link
                    : "Open it in the portal: Requests, request #" + request.id() + ".")
            .append("\n\n-- \nLD Portal. Which emails you get: the Notifications page.\n");
        StringBuilder html = new StringBuilder(
                "<!DOCTYPE html><html lang=\"en\"><body style=\"font-family:sans-serif\">");
        lead.forEach(line -> html.append("<p>").append(escape(line)).append("</p>"));
        html.append("<table>");
        lines.forEach(line -> html.append("<tr><th align=\"left\" style=\"padding-right:1em\">")
            .append(escape(line.label()))
            .append("</th><td>")
            .append(escape(line.value()))
            .append("</td></tr>"));
        html.append("</table>");
        html.append(link != null ? "<p><a href=\"" + escape(link) + "\">" + escape(action) + "</a></p>"
                : "<p>Open it in the portal: Requests, request #" + request.id() + ".</p>");
        html.append("<p style=\"color:#555\">LD Portal. Which emails you get: the Notifications page.</p>")
            .append("</body></html>");
        return new Email(to, subject, text.toString(), html.toString());
    }

    /**
     * To the person something time-limited was made for: the portal deletes it soon,
     * unless they extend it.
     */
    Email deletionSoon(DeletionReminder reminder, List<String> to) {
        String what = "the " + reminder.type().words() + " \"" + reminder.name() + "\"";
        String where = reminder.place().projectKey() == null ? "" : " of project " + reminder.place().projectKey();
        String lead = "The portal deletes " + what + where + " on " + reminder.deleteOn()
                + ", as you asked when it was created. To keep it longer, choose a later day on its page.";
        @Nullable String link = portal == null ? null : portal + reminder.page();
        String text = lead + "\n\n"
                + (link != null ? "Extend it: " + link : "Open it in the portal: " + reminder.page())
                + "\n\n-- \nLD Portal. Which emails you get: the Notifications page.\n";
        String html = "<!DOCTYPE html><html lang=\"en\"><body style=\"font-family:sans-serif\"><p>" + escape(lead)
                + "</p>"
                + (link != null ? "<p><a href=\"" + escape(link) + "\">Extend it</a></p>"
                        : "<p>Open it in the portal: " + escape(reminder.page()) + "</p>")
                + "<p style=\"color:#555\">LD Portal. Which emails you get: the Notifications page.</p></body></html>";
        return new Email(to, "Deleted on " + reminder.deleteOn() + ": " + reminder.name(), text, html);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }

}
