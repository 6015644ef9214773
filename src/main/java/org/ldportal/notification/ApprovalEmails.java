package org.ldportal.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.ldportal.approval.ApprovalRequest;
import org.ldportal.approval.Approvals;
import org.ldportal.approval.RequestDecided;
import org.ldportal.approval.RequestReminder;
import org.ldportal.approval.RequestSent;
import org.ldportal.approval.RequestStatus;
import org.ldportal.approval.RequestWaiting;
import org.ldportal.security.SignIns;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Emails about requests for approval: approvers when one waits (and again when it has
 * waited long), both sides when it soon expires, the requester when it is decided and
 * when its change has an outcome. Each runs after the transaction that published its
 * event, on its own thread; one that fails (the SMTP server away) leaves its event
 * incomplete in the registry, to be delivered again.
 */
@Component
class ApprovalEmails {

    private final Approvals approvals;

    private final SignIns people;

    private final EmailMessages messages;

    private final Mailer mailer;

    private final NotificationPreferences preferences;

    ApprovalEmails(Approvals approvals, SignIns people, EmailMessages messages, Mailer mailer,
            NotificationPreferences preferences) {
        this.preferences = preferences;
        this.approvals = approvals;
        this.people = people;
        this.messages = messages;
        this.mailer = mailer;
    }

    @ApplicationModuleListener
    void on(RequestWaiting waiting) {
        if (!mailer.on()) {
            return;
        }
        approvals.forNotice(waiting.requestId()).ifPresent(request -> {
            List<String> to = new ArrayList<>(approvers(request, EmailKind.WAITING));
            // A team's list the rule names has no preferences of its own.
            approvals.addressesToNotify(request).stream().filter(address -> !to.contains(address)).forEach(to::add);
            mailer.send(messages.waiting(request, to));
        });
    }

    @ApplicationModuleListener
    void on(RequestReminder reminder) {
        if (!mailer.on()) {
            return;
        }
        approvals.forNotice(reminder.requestId()).filter(ApprovalRequest::isPending).ifPresent(request -> {
            List<String> approvers = approvers(request, EmailKind.REMINDER);
            if (reminder.why() == RequestReminder.Why.WAITED_LONG) {
                mailer.send(messages.stillWaiting(request, approvers));
            }
            else {
                List<String> to = new ArrayList<>(approvers);
                to.addAll(requester(request, EmailKind.REMINDER));
                mailer.send(messages.expiresSoon(request, to.stream().distinct().toList()));
            }
        });
    }

    @ApplicationModuleListener
    void on(RequestDecided decided) {
        if (!mailer.on() || decided.status() == RequestStatus.APPROVED) {
            // An approval is told with its outcome (RequestSent), moments later: one
            // email,
            // not two.
            return;
        }
        approvals.forNotice(decided.requestId())
            .ifPresent(request -> mailer.send(messages.decided(request, requester(request, EmailKind.DECIDED))));
    }

    @ApplicationModuleListener
    void on(RequestSent sent) {
        if (!mailer.on()) {
            return;
        }
        approvals.forNotice(sent.requestId())
            .ifPresent(request -> mailer
                .send(messages.sent(request, requester(request, EmailKind.OUTCOME), sent.settledLater())));
    }

    /**
     * The people whose latest sign-in put them in a group that may decide it today, with
     * an address, except the requester (who may not decide their own).
     */
    private List<String> approvers(ApprovalRequest request, EmailKind kind) {
        return people.inAnyOf(approvals.approversToday(request))
            .stream()
            .filter(person -> !person.subject().equals(request.requesterSubject()))
            .filter(person -> preferences.wants(person.subject(), kind))
            .map(SignIns.Person::email)
            .filter(Objects::nonNull)
            .map(Objects::requireNonNull)
            .distinct()
            .sorted()
            .toList();
    }

    /** The requester's address, unless they turned this kind of email off. */
    private List<String> requester(ApprovalRequest request, EmailKind kind) {
        if (!preferences.wants(request.requesterSubject(), kind)) {
            return List.of();
        }
        return people.emailOf(request.requesterSubject()).stream().toList();
    }

}
