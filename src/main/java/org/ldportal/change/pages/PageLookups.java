package org.ldportal.change.pages;

import org.ldportal.change.ApiFailureTranslator;
import java.util.List;
import java.util.function.Supplier;

import org.ldportal.launchdarkly.LaunchDarklyException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Lists a form page shows (projects, environments) read from LaunchDarkly: when that
 * fails the page still shows, with a warning in plain words ({@code loadError}) and an
 * empty list, instead of an error page.
 */
@Component
public class PageLookups {

    private final ApiFailureTranslator failures;

    public PageLookups(ApiFailureTranslator failures) {
        this.failures = failures;
    }

    public <T> List<T> listOrWarn(Model model, Supplier<List<T>> lookup) {
        try {
            return lookup.get();
        }
        catch (LaunchDarklyException e) {
            model.addAttribute("loadError", failures.readProblem(e));
            return List.of();
        }
    }

}
