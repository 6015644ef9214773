package org.ldportal.change.pages;

import org.ldportal.audit.SecretRedactor;
import org.ldportal.change.Change;
import org.ldportal.change.Review;
import org.ldportal.change.internal.ReviewProperties;
import org.ldportal.launchdarkly.CreateCall;
import org.ldportal.launchdarkly.ResourceCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;

import tools.jackson.databind.ObjectMapper;

/**
 * The review step: after a form validates, the person sees what will be sent before
 * anything is. The review page carries the form's values as hidden fields (secrets left
 * out: the form keeps those server-side for its draft) and its one-time token, and posts
 * them back: "Create" with {@link #CONFIRM}, which sends; "Change something" with the
 * forms' own {@link #REVISE}, which shows the filled form again.
 */
@Component
public class ReviewPages {

    /** The review page's "Create" button. */
    public static final String CONFIRM = "confirm";

    /**
     * The review page's "Change something" button: the same parameter as the forms' "Show
     * fields" re-render.
     */
    public static final String REVISE = "refresh";
    static final String VIEW = "change/review";

    private static final Set<String> NOT_CARRIED = Set.of("_csrf", CONFIRM, REVISE);

    private final ReviewProperties properties;

    private final ObjectMapper json;

    private final ResourceCode code;

    public ReviewPages(ReviewProperties properties, ObjectMapper json, ResourceCode code) {
        this.properties = properties;
        this.json = json;
        this.code = code;
    }

    /**
     * Whether this valid form is shown for review rather than sent: not confirmed yet,
     * and the review not skipped.
     */
    public boolean reviewFirst(MultiValueMap<String, String> parameters) {
        return reviewFirst(parameters, false);
    }

    /**
     * As {@link #reviewFirst(MultiValueMap)}; a change that needs approval is always
     * reviewed.
     */
    public boolean reviewFirst(MultiValueMap<String, String> parameters, boolean needsApproval) {
        return (needsApproval || !properties.skipWhenNoApproval()) && !parameters.containsKey(CONFIRM);
    }

    /**
     * The review page for a form posted to {@code action}.
     * @param leftOut parameters never written into the page (the secret fields, free-form
     * JSON that may hold secrets)
     */
    public String show(Model model, Review review, String action, MultiValueMap<String, String> parameters,
            Set<String> leftOut) {
        return show(model, review, action, parameters, leftOut, null);
    }

    /**
     * As above, for a change that needs approval: the note says by whom, and "Create"
     * becomes "Request approval".
     */
    public String show(Model model, Review review, String action, MultiValueMap<String, String> parameters,
            Set<String> leftOut, @Nullable String approvalNote) {
        model.addAttribute("approvalNote", approvalNote);
        List<Hidden> hidden = new ArrayList<>();
        parameters.forEach((name, values) -> {
            if (!NOT_CARRIED.contains(name) && !leftOut.contains(name)) {
                values.forEach(value -> hidden.add(new Hidden(name, value)));
            }
        });
        present(model, review);
        model.addAttribute("reviewAction", action);
        model.addAttribute("reviewHidden", hidden);
        return VIEW;
    }

    /**
     * The review for its page, with the same call as code (Terraform, ldcli, curl) where
     * the call is one the portal knows.
     */
    public void present(Model model, Review review) {
        model.addAttribute("review", readable(review));
        model.addAttribute("reviewCode",
                code.of(review.method(), review.path(), review.body(), SecretRedactor.MARK).orElse(null));
    }

    /**
     * A resource's page: the resource as code, as the create that would make it again.
     */
    public void presentCode(Model model, CreateCall call) {
        model.addAttribute("resourceCode", code.ofExisting(call, SecretRedactor.MARK).orElse(null));
    }

    /** The review with its body indented, for people to read. */
    public Review readable(Review review) {
        return new Review(review.title(), review.target(), review.fields(), review.method(), review.path(),
                pretty(review.body()), review.warnings(), review.parts().stream().map(this::readable).toList());
    }

    /** The body indented, for people to read; as it is when it is not JSON. */
    private @Nullable String pretty(@Nullable String body) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(body));
        }
        catch (RuntimeException notJson) {
            return body;
        }
    }

    /** One form value carried through the review page. */
    public record Hidden(String name, String value) {
    }

}
