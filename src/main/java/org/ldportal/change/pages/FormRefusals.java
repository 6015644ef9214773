package org.ldportal.change.pages;

import org.ldportal.change.ChangeResult;
import org.ldportal.change.RefusalTarget;
import java.util.Map;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * Puts a change that did not succeed onto the form it came from: a refusal at its field
 * or config key, anything else above the form; LaunchDarkly's own words as detail, and a
 * link to what the change conflicts with.
 */
public final class FormRefusals {

    /**
     * The model attribute holding LaunchDarkly's own message, shown under the form's
     * summary.
     */
    public static final String DETAIL = "errorDetail";

    /** The model attribute holding a link to what the change conflicts with. */
    public static final String EXISTING_LINK = "existingLink";

    /**
     * The model attribute saying the change may have been made after all, so the page
     * does not say it was not.
     */
    public static final String MAY_EXIST = "mayExist";

    /** The model attribute saying an unclear answer was settled: the resource exists. */
    public static final String FOUND = "foundAfterAll";

    /**
     * The model attribute holding the audit entry of an attempt the portal keeps
     * checking.
     */
    public static final String PENDING_ATTEMPT = "pendingAttempt";

    /**
     * The model attribute holding the address of an earlier, unsettled attempt that held
     * this one back.
     */
    public static final String EARLIER_ATTEMPT = "earlierAttempt";

    private FormRefusals() {
    }

    /**
     * @return the errors at config keys, for the generated form's {@code FormView} (empty
     * when there are none)
     */
    public static Map<String, String> apply(ChangeResult<?> result, BindingResult form, Model model) {
        if (result instanceof ChangeResult.Refused<?> refused && refused.isHeld()) {
            model.addAttribute(EARLIER_ATTEMPT, refused.link());
            form.reject("launchdarkly", refused.message());
        }
        else if (result instanceof ChangeResult.Refused<?> refused) {
            model.addAttribute(DETAIL, refused.detail());
            model.addAttribute(EXISTING_LINK, refused.link());
            RefusalTarget target = refused.target();
            if (target instanceof RefusalTarget.Field field) {
                form.rejectValue(field.name(), "launchdarkly", refused.message());
            }
            else if (target instanceof RefusalTarget.ConfigKey config) {
                form.reject("launchdarkly", refused.status() != null
                        ? "LaunchDarkly did not accept one of the fields below." : "Check the field marked below.");
                return Map.of(config.key(), refused.message());
            }
            else {
                form.reject("launchdarkly", refused.message());
            }
        }
        else if (result instanceof ChangeResult.MayExist<?> mayExist) {
            model.addAttribute(DETAIL, mayExist.detail());
            if (mayExist.found() != null) {
                model.addAttribute(FOUND, true);
                model.addAttribute(EXISTING_LINK, mayExist.found().link());
            }
            else {
                model.addAttribute(MAY_EXIST, true);
                model.addAttribute(PENDING_ATTEMPT, mayExist.attemptId());
            }
            form.reject("launchdarkly", mayExist.message());
        }
        else if (result instanceof ChangeResult.Failed<?> failed) {
            form.reject("launchdarkly", failed.message());
        }
        else {
            throw new IllegalArgumentException("A change that succeeded has nothing to put on the form");
        }
        return Map.of();
    }

}
