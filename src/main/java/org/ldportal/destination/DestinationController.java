package org.ldportal.destination;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.ldportal.approval.ApprovalPages;
import org.ldportal.approval.ApprovalRules;
import org.ldportal.approval.Approvals;
import org.ldportal.audit.AuditAttempt;
import org.ldportal.change.AccessGuard;
import org.ldportal.change.ChangeResult;
import org.ldportal.change.FormRefusals;
import org.ldportal.change.KeptSecrets;
import org.ldportal.change.PendingChange;
import org.ldportal.change.ReviewPages;
import org.ldportal.change.SubmissionPages;
import org.ldportal.change.Submissions;
import org.ldportal.form.FormValidation;
import org.ldportal.form.FormValidator;
import org.ldportal.form.FormValues;
import org.ldportal.form.FormView;
import org.ldportal.launchdarkly.Destination;
import org.ldportal.launchdarkly.WarehouseSetupScript;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.ldportal.web.KnownKeys;
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

/**
 * The Data Export destination form: one form whose fields follow the chosen kind, and for warehouse kinds a
 * second step that shows the set-up LaunchDarkly prepared.
 */
@Controller
@RequestMapping("/destinations")
class DestinationController {

    static final String FORM = "destinations/new";
    static final String CONFIG = "config";
    /** The one field of a kind whose config is free-form JSON. */
    static final String JSON_CONFIG = "config";

    private final DestinationService destinations;
    private final DestinationKindCatalog catalog;
    private final FormValidator validator;
    private final PageLookups lookups;
    private final KnownKeys keys;
    private final Submissions submissions;
    private final WarehouseSetups setups;
    private final KeptSecrets keptSecrets;
    private final SignedOutForms signedOut;
    private final PermittedPlaces places;
    private final AccessGuard guard;
    private final ReviewPages reviews;
    private final Approvals approvals;
    private final DestinationApprovals approvalRequests;

    DestinationController(DestinationService destinations, DestinationKindCatalog catalog, FormValidator validator,
            PageLookups lookups, KnownKeys keys, Submissions submissions, WarehouseSetups setups, KeptSecrets keptSecrets,
            SignedOutForms signedOut, PermittedPlaces places, AccessGuard guard, ReviewPages reviews, Approvals approvals,
            DestinationApprovals approvalRequests) {
        this.approvals = approvals;
        this.approvalRequests = approvalRequests;
        this.reviews = reviews;
        this.destinations = destinations;
        this.catalog = catalog;
        this.validator = validator;
        this.lookups = lookups;
        this.keys = keys;
        this.submissions = submissions;
        this.setups = setups;
        this.keptSecrets = keptSecrets;
        this.signedOut = signedOut;
        this.places = places;
        this.guard = guard;
    }

    @InitBinder("destinationForm")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("projectKey", "environmentKey", "name", "kind", "on");
    }

    @GetMapping("/new")
    String initCreationForm(@RequestParam(name = "project", required = false) String project,
            @RequestParam(name = "kind", required = false) String kind, Model model, HttpServletRequest request,
            Authentication authentication) {
        DestinationForm form = new DestinationForm();
        form.setProjectKey(project);
        form.setKind(kind);
        model.addAttribute("destinationForm", form);
        FormValues values = FormValues.empty();
        java.util.Optional<MultiValueMap<String, String>> sent = signedOut.take(request);
        if (sent.isPresent()) {
            WebDataBinder binder = new WebDataBinder(form, "destinationForm");
            allowedFields(binder);
            binder.bind(new MutablePropertyValues(sent.get().toSingleValueMap()));
            FormValues typed = FormValues.fromParameters(sent.get(), CONFIG);
            values = catalog.find(form.getKind()).map(chosen -> typed.withoutSecrets(chosen.form())).orElse(FormValues.empty());
            model.addAttribute(SignedOutForms.RESTORED, true);
        }
        CurrentUser user = allowed(form, authentication);
        return showForm(form, values, Map.of(), model, user);
    }

    /** Without JavaScript, "Show fields" re-renders the page for the chosen project and kind; nothing is sent. */
    @PostMapping(value = "/new", params = "refresh")
    String refreshCreationForm(@ModelAttribute DestinationForm destinationForm, @RequestParam MultiValueMap<String, String> parameters,
            @RequestParam(name = KeptSecrets.DRAFT, required = false) String draft, Model model, HttpSession session,
            Authentication authentication) {
        CurrentUser user = allowed(destinationForm, authentication);
        return showForm(destinationForm, kept(session, draft, destinationForm, parameters, model), Map.of(), model, user);
    }

    @PostMapping("/new")
    String processCreationForm(@Valid @ModelAttribute DestinationForm destinationForm, BindingResult result,
            @RequestParam MultiValueMap<String, String> parameters,
            @RequestParam(name = SubmissionPages.TOKEN, required = false) String token,
            @RequestParam(name = KeptSecrets.DRAFT, required = false) String draft, Model model,
            Authentication authentication, RedirectAttributes redirect, HttpSession session) {
        CurrentUser user = allowed(destinationForm, authentication);
        FormValues values = kept(session, draft, destinationForm, parameters, model);
        keys.checkProject(destinationForm.getProjectKey(), "projectKey", result);
        if (!result.hasFieldErrors("projectKey")) {
            keys.checkEnvironment(destinationForm.getProjectKey(), destinationForm.getEnvironmentKey(), "environmentKey", result);
        }
        DestinationKind kind = catalog.find(destinationForm.getKind()).orElse(null);
        if (kind == null && !result.hasFieldErrors("kind")) {
            result.rejectValue("kind", "kind", "Choose one of the kinds listed.");
        }
        Map<String, String> configErrors = Map.of();
        FormValidation validation = null;
        if (kind != null) {
            validation = validator.validate(kind.form(), values);
            configErrors = validation.errors();
        }
        if (result.hasErrors() || !configErrors.isEmpty()) {
            return showForm(destinationForm, values, configErrors, model, user);
        }
        PendingChange pending = approvalRequests.pending(destinationForm, validation.cleaned(), values.secretValues(kind.form()));
        java.util.Optional<ApprovalRules.Requirement> approval = approvals.required(pending);
        if (reviews.reviewFirst(parameters, approval.isPresent())) {
            return review(destinationForm, kind, validation, values, parameters, model, session,
                    approval.map(ApprovalRules.Requirement::inWords).orElse(null));
        }
        if (approval.isPresent()) {
            java.util.OptionalLong requested = approvals.request(token, user, pending, approval.get(),
                    destinations.review(destinationForm, kind, validation.cleaned(), values.secretValues(kind.form())));
            if (requested.isEmpty()) {
                SubmissionPages.outOfDate(result);
                return showForm(destinationForm, values, Map.of(), model, user);
            }
            keptSecrets.forget(session, (String) model.getAttribute(KeptSecrets.DRAFT));
            return ApprovalPages.requested(requested.getAsLong(), redirect);
        }
        if (kind.isWarehouse()) {
            ChangeResult<WarehouseSetupScript> setup = destinations.setup(destinationForm, kind, validation.cleaned(), user);
            if (setup instanceof ChangeResult.Succeeded<WarehouseSetupScript> prepared) {
                // Post/redirect/get: the set-up has its own address, so a reload shows it without preparing it again.
                Object host = validation.cleaned().get("snowflakeHostAddress");
                long id = setups.save(user, destinationForm, host == null ? null : host.toString(), prepared.resource());
                return "redirect:/destinations/setups/" + id;
            }
            return showFailure(destinationForm, result, values, setup, model, user);
        }
        Submissions.Claim<CreatedDestination> claim = submissions.claim(token, user, CreatedDestination.class);
        if (claim instanceof Submissions.Claim.Missing<CreatedDestination>) {
            SubmissionPages.outOfDate(result);
            return showForm(destinationForm, values, Map.of(), model, user);
        }
        String repeated = SubmissionPages.repeated(claim, model, redirect, "created", "/destinations/created");
        if (repeated != null) {
            return repeated;
        }
        FormValidation valid = validation;
        ChangeResult<Destination> attempt = submissions.send(token, () -> destinations.create(destinationForm, kind,
                valid.cleaned(), values.secretValues(kind.form()), user), destination -> createdPage(destinationForm, kind, destination));
        if (attempt instanceof ChangeResult.Succeeded<Destination> created) {
            keptSecrets.forget(session, (String) model.getAttribute(KeptSecrets.DRAFT));
            return created(destinationForm, kind, created, redirect);
        }
        return showFailure(destinationForm, result, values, attempt, model, user);
    }

    /** The kind's field block, swapped in by the page's script when the kind changes. */
    @PostMapping("/new/fields")
    String kindFieldsFragment(@ModelAttribute DestinationForm destinationForm,
            @RequestParam MultiValueMap<String, String> parameters, Model model, Authentication authentication) {
        allowed(destinationForm, authentication);
        addKind(destinationForm, FormValues.fromParameters(parameters, CONFIG), Map.of(), model);
        return FORM + " :: kindFields";
    }

    /** The environment select, swapped in when the project changes. */
    @PostMapping("/new/environments")
    String environmentsFragment(@ModelAttribute DestinationForm destinationForm, Model model, Authentication authentication) {
        CurrentUser user = allowed(destinationForm, authentication);
        model.addAttribute("environments", lookups.listOrWarn(model, () -> places.environments(user, destinationForm.getProjectKey())));
        return FORM + " :: environments";
    }

    @GetMapping("/created")
    String showCreated(Model model) {
        return model.containsAttribute("created") ? "destinations/created" : "redirect:/destinations/new";
    }

    private String created(DestinationForm form, DestinationKind kind, ChangeResult.Succeeded<Destination> created,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute("created", createdPage(form, kind, created.resource()));
        return "redirect:/destinations/created";
    }

    private CreatedDestination createdPage(DestinationForm form, DestinationKind kind, Destination destination) {
        return CreatedDestination.of(form, kind, destination, destinations.link(form.getProjectKey(), form.getEnvironmentKey()));
    }

    private String showFailure(DestinationForm form, BindingResult result, FormValues values, ChangeResult<?> attempt,
            Model model, CurrentUser user) {
        return showForm(form, values, FormRefusals.apply(attempt, result, model), model, user);
    }

    /** The person, once the access rules let them act where the form points (else 403, recorded). */
    private CurrentUser allowed(DestinationForm form, Authentication authentication) {
        CurrentUser user = CurrentUser.from(authentication);
        guard.requireInProject(AuditAttempt.by(user, ChangeAction.CREATE, ResourceType.DESTINATION)
                .at(Place.environment(form.getProjectKey(), form.getEnvironmentKey())), PortalRole.EDITOR);
        return user;
    }

    /**
     * The review page: what will be sent, with the form's values carried along. Secret fields are kept server-side
     * already (their draft); a free-form JSON config, which may hold secrets anywhere, is kept whole for the review.
     */
    private String review(DestinationForm form, DestinationKind kind, FormValidation validation, FormValues values,
            MultiValueMap<String, String> parameters, Model model, HttpSession session, String approvalNote) {
        String draft = (String) model.getAttribute(KeptSecrets.DRAFT);
        java.util.Set<String> leftOut = new java.util.HashSet<>();
        kind.form().secretKeys().forEach(key -> leftOut.add(CONFIG + "[" + key + "]"));
        if (kind.flow() == DestinationKind.Flow.JSON) {
            keptSecrets.keepWhole(session, draft, JSON_CONFIG, values.first(JSON_CONFIG));
            leftOut.add(CONFIG + "[" + JSON_CONFIG + "]");
        }
        MultiValueMap<String, String> carried = new org.springframework.util.LinkedMultiValueMap<>(parameters);
        carried.set(KeptSecrets.DRAFT, draft);
        return reviews.show(model, destinations.review(form, kind, validation.cleaned(), values.secretValues(kind.form())),
                "/destinations/new", carried, leftOut, approvalNote);
    }

    /** The values typed, with the secrets kept for this form filled into its empty secret fields (and kept again). */
    private FormValues kept(HttpSession session, String draft, DestinationForm form, MultiValueMap<String, String> parameters,
            Model model) {
        FormValues typed = FormValues.fromParameters(parameters, CONFIG);
        DestinationKind kind = catalog.find(form.getKind()).orElse(null);
        if (kind == null) {
            return typed;
        }
        if (kind.flow() == DestinationKind.Flow.JSON && (typed.first(JSON_CONFIG) == null || typed.first(JSON_CONFIG).isBlank())) {
            // Back from the review page, which does not carry the JSON: the config as it was reviewed.
            java.util.Optional<String> reviewed = keptSecrets.whole(session, draft, JSON_CONFIG);
            if (reviewed.isPresent()) {
                typed = typed.with(JSON_CONFIG, reviewed.get());
            }
        }
        return keptSecrets.mergeInto(model, session, draft, kind.form(), typed);
    }

    private String showForm(DestinationForm form, FormValues values, Map<String, String> configErrors, Model model,
            CurrentUser user) {
        KeptSecrets.newDraft(model);
        model.addAttribute(SubmissionPages.TOKEN, SubmissionPages.newToken());
        model.addAttribute("projects", lookups.listOrWarn(model, () -> places.projects(user)));
        model.addAttribute("environments", lookups.listOrWarn(model, () -> places.environments(user, form.getProjectKey())));
        addKind(form, values, configErrors, model);
        return FORM;
    }

    private void addKind(DestinationForm form, FormValues values, Map<String, String> configErrors, Model model) {
        model.addAttribute("kinds", catalog.all());
        catalog.find(form.getKind()).ifPresent(kind -> {
            model.addAttribute("kind", kind);
            FormValues shown = values;
            Map<String, String> errors = configErrors;
            if (kind.flow() == DestinationKind.Flow.JSON && values.first(JSON_CONFIG) != null) {
                // Secrets are never written back, and in free-form JSON every value but the kind's named ones may be one.
                String kept = destinations.configForForm(kind, values.first(JSON_CONFIG));
                shown = values.with(JSON_CONFIG, kept);
                if (!kept.equals(values.first(JSON_CONFIG).strip()) && !kept.isEmpty()) {
                    errors = new LinkedHashMap<>(configErrors);
                    errors.putIfAbsent(JSON_CONFIG, "Values that may be secret were emptied: type them again. "
                            + (kind.nonSecretConfigKeys().isEmpty() ? "" : "Kept: " + String.join(", ",
                                    kind.nonSecretConfigKeys()) + "."));
                }
            }
            model.addAttribute("configForm", FormView.of(kind.form(), CONFIG, shown, errors, KeptSecrets.keysIn(model)));
        });
    }
}
