package org.ldportal.web;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.ldportal.audit.AuditOutcome;
import org.ldportal.audit.SecretRedactor;
import org.ldportal.launchdarkly.LaunchDarklyApiException;
import org.ldportal.launchdarkly.LaunchDarklyUnreachableException;
import org.ldportal.security.PortalSecurityProperties;
import org.springframework.stereotype.Component;

/**
 * Turns what the LaunchDarkly client throws into an {@link ApiFailure}: the audit outcome, a message in plain
 * language, LaunchDarkly's own message (secrets scrubbed) as detail, and the field the message names.
 * Features refine it where they know more (a 409 on an environment key, say).
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
     * @param failure      what the client threw
     * @param what         what was being created, in words ("the destination")
     * @param secretValues values typed into secret fields, scrubbed from LaunchDarkly's message
     * @param fieldKeys    the form's field keys, to find the one LaunchDarkly's message names
     */
    public ApiFailure translate(RuntimeException failure, String what, Collection<String> secretValues,
            Collection<String> fieldKeys) {
        if (failure instanceof LaunchDarklyApiException api) {
            String detail = redactor.scrub(api.apiMessage(), secretValues);
            return fromApi(api, what, detail, fieldNamedIn(detail, fieldKeys));
        }
        if (failure instanceof LaunchDarklyUnreachableException unreachable) {
            if (unreachable.requestMayHaveArrived()) {
                return new ApiFailure(AuditOutcome.UNKNOWN, null, null, "LaunchDarkly did not answer in time. " + capitalized(what)
                        + " may or may not have been created: check in LaunchDarkly before you try again.", null, null);
            }
            return new ApiFailure(AuditOutcome.FAILED, null, null, "The portal could not reach LaunchDarkly, so nothing was "
                    + "created. Please try again in a few minutes; if it keeps happening, tell " + contact + ".", null, null);
        }
        throw failure;
    }

    private ApiFailure fromApi(LaunchDarklyApiException api, String what, String detail, String field) {
        int status = api.status();
        String message;
        AuditOutcome outcome = api.isClientError() ? AuditOutcome.REJECTED : AuditOutcome.FAILED;
        if (status == 400 || status == 422) {
            message = "LaunchDarkly did not accept " + what + (detail != null ? ": " + detail : ".");
        }
        else if (status == 401 || status == 403) {
            message = "The portal's LaunchDarkly access token is not allowed to do this. This is not something you "
                    + "did wrong: please tell " + contact + " that the portal's token needs more permissions.";
        }
        else if (status == 404) {
            message = "LaunchDarkly could not find the project or environment; it may have been renamed or deleted. "
                    + "Reload the page and choose again.";
        }
        else if (status == 409) {
            message = capitalized(what) + " conflicts with something that already exists in LaunchDarkly.";
        }
        else if (status == 429) {
            message = "LaunchDarkly is busy right now. Please try again " + api.retryAfter().map(ApiFailureTranslator::inWords)
                    .orElse("in a minute") + ". Nothing was created.";
        }
        else if (status >= 500) {
            message = "LaunchDarkly had a problem handling the request (error " + status + "), so nothing was created. "
                    + "Please try again in a few minutes.";
        }
        else {
            message = "LaunchDarkly refused the request (error " + status + ").";
        }
        return new ApiFailure(outcome, status, api.code(), message, detail, field);
    }

    /** The longest field key that LaunchDarkly's message names as a whole word ("config.roleArn" names roleArn). */
    public static String fieldNamedIn(String message, Collection<String> fieldKeys) {
        if (message == null || fieldKeys == null) {
            return null;
        }
        List<String> longestFirst = fieldKeys.stream().filter(key -> key != null && !key.isBlank())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String key : longestFirst) {
            Pattern word = Pattern.compile("(?<![A-Za-z0-9_-])" + Pattern.quote(key) + "(?![A-Za-z0-9_-])");
            if (word.matcher(message).find()) {
                return key;
            }
        }
        return null;
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
