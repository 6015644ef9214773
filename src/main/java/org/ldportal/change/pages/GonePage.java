package org.ldportal.change.pages;

import org.ldportal.change.ApiFailureTranslator;
import jakarta.servlet.http.HttpServletResponse;
import org.ldportal.launchdarkly.LaunchDarklyApiException;
import org.ldportal.launchdarkly.LaunchDarklyException;
import org.ldportal.launchdarkly.NotAKeyException;
import org.ldportal.security.CurrentUser;
import org.springframework.ui.Model;

/**
 * The page ({@code manage/gone}) for something that exists that could not be read: not
 * found (404; also a key that is none, such as a blank one), or LaunchDarkly could not
 * tell just now (502). The manage controllers answer their read failures with it; changes
 * never end here, since the audited call answers their failures on the change's page.
 *
 * @param nav the header's section
 * @param back the list to go back to
 * @param goneMessage what to say when it is not found
 */
public record GonePage(String nav, String back, String goneMessage) {

    public String show(RuntimeException failure, Model model, HttpServletResponse response, CurrentUser user,
            ApiFailureTranslator failures) {
        boolean notFound = failure instanceof NotAKeyException
                || failure instanceof LaunchDarklyApiException api && api.status() == 404;
        response.setStatus(notFound ? 404 : 502);
        // An exception handler's model has none of the advice's attributes: the header
        // needs the person.
        model.addAttribute("currentUser", user);
        model.addAttribute("nav", nav);
        model.addAttribute("message", notFound ? goneMessage : failures.readProblem((LaunchDarklyException) failure));
        model.addAttribute("back", back);
        return "manage/gone";
    }
}
