package org.ldportal.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.ldportal.change.ChangeFlow;
import org.ldportal.change.Submission;
import org.ldportal.change.pages.ChangeForm;
import org.ldportal.change.pages.ChangePages;
import org.ldportal.form.FormValues;
import org.ldportal.resource.ChangeAction;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.stereotype.Controller;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The same change of several things chosen on a list (tick several destinations, then
 * "Turn off"): one review of every change, one request where a rule covers any, then one
 * plan whose page says how each went, through the change flow.
 */
@Controller
@RequestMapping("/plans/change")
class SeveralChangesController {

    /** A page of the portal to go back to: a path, never another site. */
    private static final Pattern LOCAL = Pattern.compile("/[A-Za-z0-9/_?=&%.,+-]*");

    /** The review's hidden fields of what it showed: {@code seen[project/env/id]}. */
    private static final String SEEN = "seen";

    private static final TypeReference<Map<String, List<String>>> VALUES = new TypeReference<>() {
    };

    private final SeveralChanges several;

    private final ObjectMapper json;

    private final ChangeFlow flow;

    private final ChangePages pages;

    SeveralChangesController(SeveralChanges several, ChangeFlow flow, ChangePages pages, ObjectMapper json) {
        this.several = several;
        this.json = json;
        this.flow = flow;
        this.pages = pages;
    }

    /** Back from the review ("Change something"): the list, to choose again. */
    @PostMapping(params = "refresh")
    String back(@RequestParam(defaultValue = "/") String back) {
        return "redirect:" + local(back);
    }

    @PostMapping
    @Nullable String change(@RequestParam String type, @RequestParam("action") String actionKey,
            @RequestParam(name = "subject", required = false) @Nullable List<String> subjects,
            @RequestParam(defaultValue = "/") String back, @ModelAttribute UseForm useForm, BindingResult result,
            Submission submission, Model model, RedirectAttributes redirect) {
        ChangeAction action = ChangeAction.of(actionKey)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "No such change."));
        StepKind kind = several.kind(type, action)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "No such change."));
        String list = local(back);
        SeveralChanges.Made made = several.make(kind, action, subjects == null ? List.of() : subjects,
                seen(submission.parameters()), submission.user());
        if (made instanceof SeveralChanges.Made.Invalid invalid) {
            if (invalid.problem() != null) {
                result.reject("chosen", invalid.problem());
            }
            return showChosen(kind, action, invalid.chosen(), list, model);
        }
        SeveralChanges.Made.Ready ready = (SeveralChanges.Made.Ready) made;
        return pages.show(flow.submit(submission, several.changing(ready)), submission, new ChangeForm() {
            @Override
            public String again(Map<String, String> configErrors) {
                return showChosen(kind, action, List.of(), list, model);
            }

            @Override
            public String shown(Object resultPage, RedirectAttributes attributes) {
                return "redirect:" + ((PlanRun) resultPage).path();
            }

            /** The review carries what it showed of each, for the change to test. */
            @Override
            public ReviewPost review(MultiValueMap<String, String> parameters) {
                MultiValueMap<String, String> carried = new LinkedMultiValueMap<>(parameters);
                ready.request()
                    .steps()
                    .forEach(step -> carried.set(
                            SEEN + "[" + new FormValues(step.values()).first(StepKind.Managed.SUBJECT) + "]",
                            json.writeValueAsString(step.values())));
                return new ReviewPost("/plans/change", carried, Set.of());
            }
        }, result, model, redirect);
    }

    /** What was chosen, each with what keeps it from being changed, and the way back. */
    private String showChosen(StepKind kind, ChangeAction action, List<SeveralChanges.Chosen> chosen, String back,
            Model model) {
        model.addAttribute("doing", SeveralChanges.doing(action));
        model.addAttribute("words", kind.type().words());
        model.addAttribute("chosen", chosen);
        model.addAttribute("back", back);
        return "plan/change";
    }

    /** What the review showed of each subject, as its page carried it. */
    private Map<String, FormValues> seen(MultiValueMap<String, String> parameters) {
        Map<String, FormValues> seen = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (name.startsWith(SEEN + "[") && name.endsWith("]") && !values.isEmpty()) {
                try {
                    seen.put(name.substring(SEEN.length() + 1, name.length() - 1),
                            new FormValues(json.readValue(values.get(0), VALUES)));
                }
                catch (JacksonException e) {
                    // Not what the review wrote: the change is judged as it is now.
                }
            }
        });
        return seen;
    }

    private static String local(String back) {
        return LOCAL.matcher(back).matches() && !back.startsWith("//") ? back : "/";
    }

}
