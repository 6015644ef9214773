package org.ldportal.approval;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.ldportal.security.CurrentUser;
import org.ldportal.security.GroupRoleMapper;
import org.ldportal.security.SessionProperties;
import org.ldportal.security.SignIns;
import org.springframework.stereotype.Component;

/**
 * The rights a requester has today, with which their approved request is sent: the groups
 * of their latest sign-in when it came after the request, else those they had when they
 * asked. Rights older than the absolute session lifetime are not trusted: someone taken
 * out of a group would keep it in a request for days otherwise.
 */
@Component
class RequesterRights {

    /** The requester as they may act now, or why that cannot be told. */
    sealed interface Now {

        /** Rights as of {@code asOf}. */
        record Known(CurrentUser user, Instant asOf) implements Now {
        }

        record TooOld(String message) implements Now {
        }

    }

    private final SignIns signIns;

    private final GroupRoleMapper roles;

    private final Duration lifetime;

    private final Clock clock;

    RequesterRights(SignIns signIns, GroupRoleMapper roles, SessionProperties sessions, Clock clock) {
        this.signIns = signIns;
        this.roles = roles;
        this.lifetime = sessions.absoluteTimeout();
        this.clock = clock;
    }

    Now of(ApprovalRequest request, Requester asked) {
        Optional<SignIns.SignIn> latest = signIns.latest(asked.subject());
        CurrentUser user = asked.toUser();
        // Without a recorded sign-in (a session from before sign-ins were recorded) the
        // request's own time stands for when the rights were given.
        Instant asOf = request.requestedAt();
        if (latest.isPresent()) {
            asOf = latest.get().at();
            if (latest.get().at().isAfter(request.requestedAt())) {
                user = roles.userWith(asked.subject(), asked.displayName(), asked.email(), latest.get().groups());
            }
        }
        if (asOf.plus(lifetime).isBefore(clock.instant())) {
            return new Now.TooOld(
                    "Nothing was sent: " + asked.displayName() + " has not signed in for more than " + hours(lifetime)
                            + ", so the rights they have today cannot be told. They can sign in and ask " + "again.");
        }
        return new Now.Known(user, asOf);
    }

    /** When the requester's rights were last given, for the approver's page. */
    Instant asOf(ApprovalRequest request) {
        return signIns.latest(request.requesterSubject()).map(SignIns.SignIn::at).orElse(request.requestedAt());
    }

    private static String hours(Duration duration) {
        long hours = duration.toHours();
        return hours >= 1 ? hours + (hours == 1 ? " hour" : " hours") : duration.toMinutes() + " minutes";
    }

}
