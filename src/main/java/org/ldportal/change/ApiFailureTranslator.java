package org.ldportal.change;

import org.ldportal.change.internal.ApiFailure;
import java.time.Duration;
import java.util.Collection;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.ldportal.audit.AuditOutcome;
import org.ldportal.audit.SecretRedactor;
import org.ldportal.launchdarkly.LaunchDarklyApiException;
import org.ldportal.launchdarkly.LaunchDarklyException;
import org.ldportal.launchdarkly.LaunchDarklyUnreachableException;
import org.ldportal.resource.ChangeAction;
import org.ldportal.security.PortalSecurityProperties;
import org.springframework.stereotype.Component;

/**
 * The one mapping of what the LaunchDarkly client throws onto outcomes and plain-language
 * messages: for changes (with the audit outcome) and for the lists a page reads.
 */
@Component
public class ApiFailureTranslator {

    private final SecretRedactor redactor;

    private final String contact;

    public ApiFailureTranslator(SecretRedactor redactor, PortalSecurityProperties security) {
        this.redactor = redactor;
        this.contact = security.accessContact();
    }

    /**
     * @param failure what the client threw
     * @param what what was being changed, in words ("the destination")
     * @param done what success would have meant ("created")
     * @param secretValues values typed into secret fields, scrubbed from LaunchDarkly's
     * message
     */
    ApiFailure translate(LaunchDarklyException failure, String what, String done, Collection<String> secretValues) {
        return translate(failure, ChangeAction.CREATE, what, done, secretValues, Change.NOT_FOUND);
    }

    /**
     * The failure of {@code change}: a 409 or 404 on an existing resource means it
     * changed meanwhile.
     */
    ApiFailure translate(LaunchDarklyException failure, Change change) {
        return translate(failure, change.attempt().action(), change.what(), change.done(), change.secretValues(),
                change.notFound());
    }

    /**
     * As above, for a change of {@code action}: a 409 or 404 on an existing resource
     * means it changed meanwhile.
     */
    ApiFailure translate(LaunchDarklyException failure, ChangeAction action, String what, String done,
            Collection<String> secretValues) {
        return translate(failure, action, what, done, secretValues, Change.NOT_FOUND);
    }

    private ApiFailure translate(LaunchDarklyException failure, ChangeAction action, String what, String done,
            Collection<String> secretValues, String notFound) {
        if (failure instanceof LaunchDarklyApiException api) {
            if (!ChangeAction.CREATE.equals(action) && (api.status() == 409 || api.status() == 404)) {
                return changedMeanwhile(api, what, done, redactor.scrub(api.apiMessage(), secretValues));
            }
            return fromApi(api, what, done, redactor.scrub(api.apiMessage(), secretValues), notFound);
        }
        LaunchDarklyUnreachableException unreachable = (LaunchDarklyUnreachableException) failure;
        if (unreachable.requestMayHaveArrived()) {
            return new ApiFailure(AuditOutcome.UNKNOWN, null, null,
                    "LaunchDarkly did not answer in time. " + mayOrMayNot(what, done), null);
        }
        return new ApiFailure(AuditOutcome.FAILED, null, null,
                "The portal could not reach LaunchDarkly, so nothing was " + done
                        + ". Please try again in a few minutes; if it keeps happening, tell " + contact + ".",
                null);
    }

    /**
     * Something other than LaunchDarkly's answer went wrong once the request was on its
     * way.
     */
    ApiFailure afterSending(String what, String done) {
        return new ApiFailure(AuditOutcome.UNKNOWN, null, "portal_error",
                "Something went wrong in the portal after the " + "request was sent to LaunchDarkly. "
                        + mayOrMayNot(what, done),
                null);
    }

    /**
     * An unclear answer to a create the portal keeps checking: never "not created", never
     * "send it again", while the request may still be in flight.
     */
    String beingChecked(String what, String done, @Nullable Integer status) {
        return "LaunchDarkly has not confirmed that " + what + " was " + done + " ("
                + (status != null ? "it answered with error " + status : "it did not answer in time")
                + "). It may still be "
                + "working on it, so the portal is checking and will record the outcome on the audit entry linked below. "
                + "Do not send this form again.";
    }

    /**
     * An unclear answer after which the portal found what was asked for, but could not
     * read it back.
     */
    String createdAfterAll(String what, String done) {
        return "LaunchDarkly gave no clear answer, so the portal asked again: " + what + " was " + done + ".";
    }

    /** A create held because another one at the same thing is unsettled. */
    String held(String what, String done, boolean stillSending) {
        return (stillSending ? "Another attempt to create " + what + " is being sent to LaunchDarkly right now"
                : "An earlier attempt to create " + what
                        + " has no clear outcome yet: LaunchDarkly may still be working on it")
                + ", so this one was not sent (it could make a second one). "
                + (stillSending ? "" : "The portal is checking. ")
                + "Once the earlier attempt is settled (see the audit entry linked below), "
                + "you can send it if it is still needed. Nothing was " + done + " this time.";
    }

    /**
     * What a check needs to read before sending could not be read, so nothing was sent.
     */
    ApiFailure notListed(LaunchDarklyException failure, String what, String done) {
        return new ApiFailure(AuditOutcome.FAILED,
                failure instanceof LaunchDarklyApiException api ? api.status() : null, null,
                "LaunchDarkly could not be asked what exists already, which the portal needs to know to tell afterwards "
                        + "whether " + what + " was " + done
                        + ", so nothing was sent. Please try again in a few minutes; if " + "it keeps happening, tell "
                        + contact + ".",
                null);
    }

    /** The attempt could not be recorded before the call, so the call was not made. */
    String notRecorded(String done) {
        return "The portal could not record this attempt in its audit trail, so nothing was sent to LaunchDarkly and "
                + "nothing was " + done + ". Please try again in a few minutes; if it keeps happening, tell " + contact
                + ".";
    }

    /**
     * Sends an approved change of something that exists, which reads it first: when that
     * read fails, the change's result says why ({@link #unreadable}), nothing sent.
     */
    public <T> ChangeResult<T> afterReading(Supplier<ChangeResult<T>> change) {
        try {
            return change.get();
        }
        catch (LaunchDarklyException e) {
            return unreadable(e);
        }
    }

    /**
     * An approved change of something that exists could not read it first: gone meanwhile
     * (refused, nothing sent), or LaunchDarkly could not say (failed, nothing sent).
     */
    public <T> ChangeResult<T> unreadable(LaunchDarklyException failure) {
        if (failure instanceof LaunchDarklyApiException api && api.status() == 404) {
            return new ChangeResult.Refused<>(RefusalTarget.WHOLE_FORM,
                    "It is no longer in LaunchDarkly (deleted " + "meanwhile), so nothing was sent.", null, 404, null);
        }
        return new ChangeResult.Failed<>(
                "LaunchDarkly could not be asked about it just now, so nothing was sent. " + "Ask for it again later.");
    }

    /** Why a list a page shows (projects, environments) could not be read. */
    public String readProblem(LaunchDarklyException failure) {
        if (failure instanceof LaunchDarklyApiException api) {
            if (api.status() == 401) {
                return "LaunchDarkly did not accept the portal's access token, so some lists below are empty. An "
                        + "administrator must replace the token; please tell " + contact + ".";
            }
            if (api.status() == 403) {
                return tokenNotAllowed();
            }
            if (api.status() == 429) {
                return "LaunchDarkly is busy right now, so some lists below are empty. Reload the page "
                        + api.retryAfter().map(ApiFailureTranslator::inWords).orElse("in a minute") + ".";
            }
            return "LaunchDarkly could not give the lists this page needs (error " + api.status()
                    + "). Reload the page " + "in a few minutes.";
        }
        return "The portal could not reach LaunchDarkly, so some lists below are empty. Reload the page in a few minutes; "
                + "if it keeps happening, tell " + contact + ".";
    }

    private ApiFailure fromApi(LaunchDarklyApiException api, String what, String done, @Nullable String detail,
            String notFound) {
        int status = api.status();
        if (api.isServerError()) {
            // A 500, 502 or 504 can come after LaunchDarkly made the change: only a look
            // tells.
            return new ApiFailure(AuditOutcome.UNKNOWN, status, api.code(), "LaunchDarkly had a problem handling the "
                    + "request (error " + status + "). " + mayOrMayNot(what, done), detail);
        }
        String message;
        if (status == 400 || status == 422) {
            message = "LaunchDarkly did not accept " + what + (detail != null ? ": " + detail : ".");
        }
        else if (status == 401) {
            message = tokenNotAccepted(done);
        }
        else if (status == 403) {
            message = tokenNotAllowed();
        }
        else if (status == 404) {
            message = notFound;
        }
        else if (status == 409) {
            // Only LaunchDarkly knows what it conflicts with: its own words, not a
            // guessed cause.
            message = "LaunchDarkly refused " + what + " as a conflict"
                    + (detail != null ? ": " + detail : " with something that already exists") + ". Nothing was " + done
                    + ".";
        }
        else if (status == 429) {
            message = "LaunchDarkly is busy right now. Please try again "
                    + api.retryAfter().map(ApiFailureTranslator::inWords).orElse("in a minute") + ". Nothing was "
                    + done + ".";
        }
        else {
            message = "LaunchDarkly refused the request (error " + status + ").";
        }
        return new ApiFailure(AuditOutcome.REJECTED, status, api.code(), message, detail);
    }

    private static ApiFailure changedMeanwhile(LaunchDarklyApiException api, String what, String done,
            @Nullable String detail) {
        String message = api.status() == 404 ? capitalized(what)
                + " is no longer in LaunchDarkly: someone may have deleted it meanwhile. Nothing was " + done + "."
                : capitalized(what) + " changed in LaunchDarkly since you opened this page, so nothing was " + done
                        + ". Reload the page to see it as it is now, then decide again.";
        return new ApiFailure(AuditOutcome.REJECTED, api.status(), api.code(), message, detail);
    }

    /**
     * A 401: the token itself is not taken (expired, revoked, mistyped), which only an
     * administrator can mend.
     */
    private String tokenNotAccepted(String done) {
        return "LaunchDarkly did not accept the portal's access token (it may have expired or been revoked), so nothing "
                + "was " + done
                + ". This is not something you did wrong: an administrator must replace the token; please " + "tell "
                + contact + ".";
    }

    /** What the status page says of a token LaunchDarkly does not accept. */
    public static final String TOKEN_NOT_ACCEPTED = "not accepted by LaunchDarkly (401): it may have expired or been "
            + "revoked. An administrator must replace it (portal.launchdarkly.api-token).";

    private String tokenNotAllowed() {
        return "The portal's LaunchDarkly access token lacks a permission this needs (LaunchDarkly answered 403). This is "
                + "not something you did wrong: please tell " + contact
                + " that the portal's token needs more permissions.";
    }

    private static String mayOrMayNot(String what, String done) {
        return capitalized(what) + " may or may not have been " + done
                + ": check in LaunchDarkly before you try again.";
    }

    static String inWords(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds());
        if (seconds < 90) {
            return "in " + seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = Math.round(seconds / 60.0);
        return "in about " + minutes + " minutes";
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

}
