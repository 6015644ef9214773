package org.ldportal.environment;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.ldportal.approval.ApprovalPages;
import org.ldportal.approval.ApprovalRules;
import org.ldportal.approval.Approvals;
import org.ldportal.audit.AuditAttempt;
import org.ldportal.change.AccessGuard;
import org.ldportal.change.ChangeResult;
import org.ldportal.change.FormRefusals;
import org.ldportal.change.PendingChange;
import org.ldportal.change.ReviewPages;
import org.ldportal.change.SubmissionPages;
import org.ldportal.change.Submissions;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.ldportal.web.PageLookups;
import org.ldportal.web.PermittedPlaces;
import org.ldportal.web.SignedOutForms;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The "new environment" form: show, refresh (project changed), submit, and the result page. */
@Controller
@RequestMapping("/environments")
class EnvironmentController {

    static final String FORM = "environments/new";

    private final EnvironmentService environments;
    private final PageLookups lookups;
    private final Submissions submissions;
    private final SignedOutForms signedOut;
    private final PermittedPlaces places;
    private final AccessGuard guard;
    private final ReviewPages reviews;
    private final Approvals approvals;
    private final EnvironmentApprovals approvalRequests;

    EnvironmentController(EnvironmentService environments, PageLookups lookups, Submissions submissions,
            SignedOutForms signedOut, PermittedPlaces places, AccessGuard guard, ReviewPages reviews, Approvals approvals,
            EnvironmentApprovals approvalRequests) {
        this.approvals = approvals;
        this.approvalRequests = approvalRequests;
        this.reviews = reviews;
        this.environments = environments;
        this.lookups = lookups;
        this.submissions = submissions;
        this.signedOut = signedOut;
        this.places = places;
        this.guard = guard;
    }

    @InitBinder("environmentForm")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("projectKey", "name", "key", "color", "defaultTtl", "secureMode", "defaultTrackEvents",
                "requireComments", "confirmChanges", "critical", "tags", "sourceKey");
    }

    @GetMapping("/new")
    String initCreationForm(@RequestParam(name = "project", required = false) String project, Model model,
            Authentication authentication, HttpServletRequest request) {
        EnvironmentForm form = new EnvironmentForm();
        form.setProjectKey(project);
        form.setColor(environments.defaultColor());
        signedOut.take(request).ifPresent(sent -> {
            WebDataBinder binder = new WebDataBinder(form, "environmentForm");
            allowedFields(binder);
            binder.bind(new MutablePropertyValues(sent.toSingleValueMap()));
            model.addAttribute(SignedOutForms.RESTORED, true);
        });
        model.addAttribute("environmentForm", form);
        allowed(form, authentication);
        return showForm(form, model, authentication);
    }

    /** Without JavaScript, "Show environments" re-renders the form for the chosen project; nothing is created. */
    @PostMapping(value = "/new", params = "refresh")
    String refreshCreationForm(@ModelAttribute EnvironmentForm environmentForm, Model model, Authentication authentication) {
        allowed(environmentForm, authentication);
        return showForm(environmentForm, model, authentication);
    }

    @PostMapping("/new")
    String processCreationForm(@Valid @ModelAttribute EnvironmentForm environmentForm, BindingResult result,
            @RequestParam(name = SubmissionPages.TOKEN, required = false) String token,
            @RequestParam MultiValueMap<String, String> parameters, Model model,
            Authentication authentication, RedirectAttributes redirect) {
        CurrentUser user = allowed(environmentForm, authentication);
        environments.validate(environmentForm, result);
        if (result.hasErrors()) {
            return showForm(environmentForm, model, authentication);
        }
        PendingChange pending = approvalRequests.pending(environmentForm);
        java.util.Optional<ApprovalRules.Requirement> approval = approvals.required(pending);
        if (reviews.reviewFirst(parameters, approval.isPresent())) {
            return reviews.show(model, environments.review(environmentForm), "/environments/new", parameters, Set.of(),
                    approval.map(ApprovalRules.Requirement::inWords).orElse(null));
        }
        if (approval.isPresent()) {
            return requestApproval(environmentForm, result, token, pending, approval.get(), user, model, authentication,
                    redirect);
        }
        Submissions.Claim<CreatedEnvironment> claim = submissions.claim(token, user, CreatedEnvironment.class);
        if (claim instanceof Submissions.Claim.Missing<CreatedEnvironment>) {
            SubmissionPages.outOfDate(result);
            return showForm(environmentForm, model, authentication);
        }
        String repeated = SubmissionPages.repeated(claim, model, redirect, "created", "/environments/created");
        if (repeated != null) {
            return repeated;
        }
        ChangeResult<CreatedEnvironment> creation = submissions.send(token, () -> environments.create(environmentForm, user),
                created -> created);
        if (creation instanceof ChangeResult.Succeeded<CreatedEnvironment> succeeded) {
            redirect.addFlashAttribute("created", succeeded.resource());
            return "redirect:/environments/created";
        }
        FormRefusals.apply(creation, result, model);
        return showForm(environmentForm, model, authentication);
    }

    /** The "copy settings from" select for the chosen project, swapped in by the page's script. */
    @PostMapping("/new/sources")
    String sourcesFragment(@ModelAttribute EnvironmentForm environmentForm, Model model, Authentication authentication) {
        addSources(environmentForm, model, allowed(environmentForm, authentication));
        return FORM + " :: sources";
    }

    @GetMapping("/created")
    String showCreated(Model model) {
        // Post/redirect/get: the result comes as a flash attribute; a reload of the page has nothing to show.
        return model.containsAttribute("created") ? "environments/created" : "redirect:/environments/new";
    }

    /** Keeps the change as a request for approval, once it passes the guardrails; nothing is sent yet. */
    private String requestApproval(EnvironmentForm form, BindingResult result, String token, PendingChange pending,
            ApprovalRules.Requirement requirement, CurrentUser user, Model model, Authentication authentication,
            RedirectAttributes redirect) {
        ChangeResult.Refused<CreatedEnvironment> guarded = environments.refuseIfGuarded(form, user);
        if (guarded != null) {
            FormRefusals.apply(guarded, result, model);
            return showForm(form, model, authentication);
        }
        java.util.OptionalLong requested = approvals.request(token, user, pending, requirement, environments.review(form));
        if (requested.isEmpty()) {
            SubmissionPages.outOfDate(result);
            return showForm(form, model, authentication);
        }
        return ApprovalPages.requested(requested.getAsLong(), redirect);
    }

    /**
     * The person, once the access rules let them create in the form's project, with its key when one is typed
     * (rules may narrow a group to some environment keys); else 403, recorded.
     */
    private CurrentUser allowed(EnvironmentForm form, Authentication authentication) {
        CurrentUser user = CurrentUser.from(authentication);
        String key = form.effectiveKey().isBlank() ? null : form.effectiveKey();
        guard.requireInProject(AuditAttempt.by(user, ChangeAction.CREATE, ResourceType.ENVIRONMENT).at(Place.environment(form.getProjectKey(), key))
                .withResource(form.getName(), key, null), PortalRole.EDITOR);
        if (form.getSourceKey() != null && !form.getSourceKey().isBlank()) {
            // Copying reads the source's flag settings: only from an environment the person may use.
            guard.requireInProject(AuditAttempt.by(user, ChangeAction.CREATE, ResourceType.ENVIRONMENT)
                    .at(Place.environment(form.getProjectKey(), form.getSourceKey())).withResource(form.getName(), key, null),
                    PortalRole.EDITOR);
        }
        return user;
    }

    private String showForm(EnvironmentForm form, Model model, Authentication authentication) {
        CurrentUser user = CurrentUser.from(authentication);
        model.addAttribute(SubmissionPages.TOKEN, SubmissionPages.newToken());
        model.addAttribute("projects", lookups.listOrWarn(model, () -> places.projects(user)));
        model.addAttribute("mayMarkCritical", environments.mayMarkCritical(user, form.getProjectKey()));
        addSources(form, model, user);
        return FORM;
    }

    private void addSources(EnvironmentForm form, Model model, CurrentUser user) {
        model.addAttribute("sources", lookups.listOrWarn(model, () -> places.environments(user, form.getProjectKey())));
    }
}
