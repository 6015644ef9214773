package org.ldportal.plan;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.ldportal.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' templates: the list, writing one (checked before it is saved), its
 * versions, retiring it. Admins only (the security configuration's {@code /admin/**}).
 */
@Controller
@RequestMapping("/admin/templates")
class TemplateAdminController {

    static final String EDIT = "plan/template-edit";

    private final Templates templates;

    private final TemplateAdmin admin;

    TemplateAdminController(Templates templates, TemplateAdmin admin) {
        this.templates = templates;
        this.admin = admin;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("templates", templates.all());
        return "plan/templates";
    }

    @GetMapping("/new")
    String initCreationForm(Model model) {
        return showEdit(new Draft("", 0, TemplateSamples.STARTER), List.of(), model);
    }

    /** The latest version, or an older one to start again from ({@code version}). */
    @GetMapping("/{key}")
    String initEditForm(@PathVariable String key, @RequestParam(required = false) @Nullable Integer version,
            Model model) {
        TemplateEntry template = templates.find(key).orElseThrow(TemplateAdminController::notFound);
        TemplateVersion shown = templates.version(key, version == null ? template.latestVersion() : version)
            .orElseThrow(TemplateAdminController::notFound);
        model.addAttribute("shownVersion", shown.version());
        return showEdit(new Draft(key, template.latestVersion(), shown.document()), List.of(), model);
    }

    /** "Check" says what is wrong without saving; "Save" saves only what passes. */
    @PostMapping("/save")
    String processEditForm(@RequestParam(defaultValue = "") String key, @RequestParam(defaultValue = "0") int basedOn,
            @RequestParam(defaultValue = "") String document, @RequestParam(required = false) @Nullable String check,
            CurrentUser user, Model model, RedirectAttributes redirect) {
        Draft draft = new Draft(key.strip(), basedOn, document);
        if (check != null) {
            List<TemplateProblem> problems = admin.check(document);
            model.addAttribute("checked", problems.isEmpty());
            return showEdit(draft, problems, model);
        }
        TemplateAdmin.Saved saved = admin.save(draft.key(), basedOn, document, user);
        if (saved instanceof TemplateAdmin.Saved.Version version) {
            redirect.addFlashAttribute("saved", version.version());
            return "redirect:/admin/templates/" + draft.key();
        }
        if (saved instanceof TemplateAdmin.Saved.Conflict conflict) {
            model.addAttribute("conflict", conflict.message());
            return showEdit(draft, List.of(), model);
        }
        return showEdit(draft, ((TemplateAdmin.Saved.Problems) saved).problems(), model);
    }

    @PostMapping("/{key}/retire")
    String retire(@PathVariable String key, CurrentUser user, RedirectAttributes redirect) {
        TemplateEntry template = templates.find(key).orElseThrow(TemplateAdminController::notFound);
        redirect.addFlashAttribute("retired", admin.retire(template, user) ? template.name() : null);
        return "redirect:/admin/templates";
    }

    private String showEdit(Draft draft, List<TemplateProblem> problems, Model model) {
        model.addAttribute("draft", problems.isEmpty() ? draft
                : new Draft(draft.key(), draft.basedOn(), admin.shownAgain(draft.document())));
        model.addAttribute("problems", problems);
        model.addAttribute("keyProblem",
                problems.stream().filter(problem -> problem.where().equals("key")).findFirst().orElse(null));
        model.addAttribute("documentProblems",
                problems.stream().filter(problem -> !problem.where().equals("key")).toList());
        if (draft.basedOn() > 0) {
            model.addAttribute("template", templates.find(draft.key()).orElse(null));
            model.addAttribute("versions", templates.versions(draft.key()));
        }
        return EDIT;
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such template or version.");
    }

    /** What the edit page holds: the key, the version it was opened at, the text. */
    public record Draft(String key, int basedOn, String document) {

        public boolean isNew() {
            return basedOn == 0;
        }

    }

}
