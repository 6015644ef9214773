package org.ldportal.integration;

import java.util.List;
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
import org.ldportal.form.FormSpec;
import org.ldportal.form.FormValidation;
import org.ldportal.form.FormValidator;
import org.ldportal.form.FormValues;
import org.ldportal.form.FormView;
import org.ldportal.launchdarkly.LaunchDarklyLinks;
import org.ldportal.launchdarkly.PolicyStatement;
import org.ldportal.launchdarkly.Tags;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.ldportal.security.ProjectAccess;
import org.ldportal.web.SignedOutForms;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The integration catalog and the forms rendered from each manifest. */
@Controller
@RequestMapping("/integrations")
class IntegrationController {

    static final String CONFIG = "config";

    /** Policies a non-engineer can pick without writing resource specifiers. */
    static final Map<String, PolicyStatement> PRESETS = Map.of(
            "production-flags", new PolicyStatement("allow", List.of("proj/*:env/production:flag/*"), null, List.of("*"), null),
            "all-flags", new PolicyStatement("allow", List.of("proj/*:env/*:flag/*"), null, List.of("*"), null),
            "everything", new PolicyStatement("allow", List.of("proj/*", "proj/*:env/*", "proj/*:env/*:flag/*",
                    "proj/*:env/*:segment/*"), null, List.of("*"), null));

    /** The presets as the page's script applies them without a round trip: each a JSON array of statements. */
    static final Map<String, String> PRESETS_JSON = presetsJson();

    /** Without JavaScript, the policy's buttons: add a statement, remove one, or replace them all by a preset. */
    static void applyPolicyEdit(List<StatementRow> rows, String edit) {
        if (edit.equals("add")) {
            rows.add(new StatementRow());
        }
        else if (edit.matches("remove-\\d{1,3}")) {
            int index = Integer.parseInt(edit.substring("remove-".length()));
            if (index < rows.size()) {
                rows.remove(index);
            }
        }
        else if (edit.startsWith("preset-") && PRESETS.containsKey(edit.substring("preset-".length()))) {
            rows.clear();
            rows.add(StatementRow.of(PRESETS.get(edit.substring("preset-".length()))));
        }
    }

    private static Map<String, String> presetsJson() {
        tools.jackson.databind.ObjectMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        Map<String, String> presets = new java.util.HashMap<>();
        PRESETS.forEach((key, statement) -> presets.put(key, json.writeValueAsString(List.of(statement))));
        return Map.copyOf(presets);
    }

    private final ManifestCatalog catalog;
    private final IntegrationService integrations;
    private final FormValidator validator;
    private final LaunchDarklyLinks links;
    private final Submissions submissions;
    private final KeptSecrets keptSecrets;
    private final SignedOutForms signedOut;
    private final AccessGuard guard;
    private final ProjectAccess access;
    private final ReviewPages reviews;
    private final Approvals approvals;
    private final IntegrationApprovals approvalRequests;

    IntegrationController(ManifestCatalog catalog, IntegrationService integrations, FormValidator validator,
            LaunchDarklyLinks links, Submissions submissions, KeptSecrets keptSecrets, SignedOutForms signedOut,
            AccessGuard guard, ProjectAccess access, ReviewPages reviews, Approvals approvals,
            IntegrationApprovals approvalRequests) {
        this.approvals = approvals;
        this.approvalRequests = approvalRequests;
        this.reviews = reviews;
        this.guard = guard;
        this.access = access;
        this.catalog = catalog;
        this.integrations = integrations;
        this.validator = validator;
        this.links = links;
        this.submissions = submissions;
        this.keptSecrets = keptSecrets;
        this.signedOut = signedOut;
    }

    @InitBinder("integrationForm")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("name", "enabled", "tags", "additionalFormVariables", "statements*");
        // A row number past the bound answers 400 (BadRequestAdvice) instead of growing the list without end.
        binder.setAutoGrowCollectionLimit(PolicyCheck.MAX_STATEMENTS + 1);
    }

    @GetMapping
    String list(@RequestParam(name = "q", required = false) String query, Model model, Authentication authentication) {
        CurrentUser user = CurrentUser.from(authentication);
        // Integrations belong to the whole account: with access rules, setting one up needs an account rule.
        model.addAttribute("mayCreate", access.mayInAccount(user, PortalRole.EDITOR));
        model.addAttribute("accountRuleNeeded", user.canCreate() && !access.mayInAccount(user, PortalRole.EDITOR));
        List<Manifest> matching = catalog.all().stream().filter(manifest -> manifest.matches(query)).toList();
        model.addAttribute("q", query);
        model.addAttribute("configurations", matching.stream()
                .filter(m -> m.allowsConfigurations() && m.configurationBlockedBecause() == null).toList());
        model.addAttribute("subscriptions", matching.stream()
                .filter(m -> m.hasAuditLogHook() && m.configurationBlockedBecause() == null).toList());
        List<Manifest> elsewhere = matching.stream().filter(m -> m.configurationBlockedBecause() != null).toList();
        model.addAttribute("elsewhere", elsewhere);
        Map<String, String> elsewhereLinks = new java.util.HashMap<>();
        elsewhere.stream().filter(m -> m.setUpElsewhereUrl() != null).forEach(m -> elsewhereLinks.put(m.key(),
                m.setUpElsewhereUrl().startsWith("/") ? links.page(m.setUpElsewhereUrl()) : m.setUpElsewhereUrl()));
        model.addAttribute("elsewhereLinks", elsewhereLinks);
        model.addAttribute("problem", catalog.problem());
        model.addAttribute("loadedAt", catalog.loadedAt());
        return "integrations/list";
    }

    @PostMapping("/manifests/refresh")
    String refresh(RedirectAttributes redirect) {
        catalog.refresh();
        redirect.addFlashAttribute("refreshed", true);
        return "redirect:/integrations";
    }

    @GetMapping("/{key}/new")
    String initCreationForm(@PathVariable String key, @RequestParam(name = "type", required = false) String type, Model model,
            HttpServletRequest request, Authentication authentication) {
        Manifest manifest = manifest(key);
        IntegrationType chosen = type(manifest, type);
        CurrentUser user = allowed(manifest, chosen, authentication);
        IntegrationForm form = new IntegrationForm();
        form.setName(manifest.name());
        List<PolicyStatement> policy = manifest.defaultPolicy().isEmpty() ? List.of(PRESETS.get("production-flags"))
                : manifest.defaultPolicy();
        form.setStatements(new java.util.ArrayList<>(policy.stream().map(StatementRow::of).toList()));
        model.addAttribute("integrationForm", form);
        FormSpec spec = integrations.configForm(manifest, user);
        FormValues values = FormValues.empty();
        java.util.Optional<MultiValueMap<String, String>> sent = signedOut.take(request);
        if (sent.isPresent()) {
            form.setStatements(new java.util.ArrayList<>());
            WebDataBinder binder = new WebDataBinder(form, "integrationForm");
            allowedFields(binder);
            binder.bind(new org.springframework.beans.MutablePropertyValues(sent.get().toSingleValueMap()));
            values = FormValues.fromParameters(sent.get(), CONFIG).withoutSecrets(spec);
            model.addAttribute(SignedOutForms.RESTORED, true);
        }
        return showForm(manifest, chosen, spec, values, Map.of(), model);
    }

    /** "Change something" on the review page: the form again, filled, its secrets still kept. */
    @PostMapping(value = "/{key}/new", params = { ReviewPages.REVISE })
    String revise(@PathVariable String key, @RequestParam(name = "type", required = false) String type,
            @ModelAttribute IntegrationForm integrationForm, @RequestParam MultiValueMap<String, String> parameters,
            @RequestParam(name = KeptSecrets.DRAFT, required = false) String draft, Model model, HttpSession session,
            Authentication authentication) {
        Manifest manifest = manifest(key);
        IntegrationType chosen = type(manifest, type);
        CurrentUser user = allowed(manifest, chosen, authentication);
        FormSpec spec = integrations.configForm(manifest, user);
        return showForm(manifest, chosen, spec, kept(session, draft, spec, parameters, model), Map.of(), model);
    }

    /** The policy editor's buttons, which work without JavaScript: add a row, remove one, apply a preset. */
    @PostMapping(value = "/{key}/new", params = { "editPolicy" })
    String editPolicy(@PathVariable String key, @RequestParam(name = "type", required = false) String type,
            @RequestParam("editPolicy") String edit, @ModelAttribute IntegrationForm integrationForm,
            @RequestParam MultiValueMap<String, String> parameters,
            @RequestParam(name = KeptSecrets.DRAFT, required = false) String draft, Model model, HttpSession session,
            Authentication authentication) {
        Manifest manifest = manifest(key);
        CurrentUser user = allowed(manifest, type(manifest, type), authentication);
        applyPolicyEdit(integrationForm.getStatements(), edit);
        FormSpec spec = integrations.configForm(manifest, user);
        return showForm(manifest, type(manifest, type), spec, kept(session, draft, spec, parameters, model), Map.of(), model);
    }

    @PostMapping("/{key}/new")
    String processCreationForm(@PathVariable String key, @RequestParam(name = "type", required = false) String type,
            @Valid @ModelAttribute IntegrationForm integrationForm, BindingResult result,
            @RequestParam MultiValueMap<String, String> parameters,
            @RequestParam(name = SubmissionPages.TOKEN, required = false) String token,
            @RequestParam(name = KeptSecrets.DRAFT, required = false) String draft, Model model,
            Authentication authentication, RedirectAttributes redirect, HttpSession session) {
        Manifest manifest = manifest(key);
        IntegrationType chosen = type(manifest, type);
        CurrentUser user = allowed(manifest, chosen, authentication);
        FormSpec spec = integrations.configForm(manifest, user);
        FormValues values = kept(session, draft, spec, parameters, model);
        FormValidation validation = validator.validate(spec, values);
        if (chosen.hasPolicy(manifest) && integrationForm.getStatements().stream().allMatch(StatementRow::isEmpty)) {
            result.rejectValue("statements", "statements", "Add at least one statement: which resources' changes are sent.");
        }
        else if (chosen.hasPolicy(manifest)) {
            PolicyCheck.check(integrationForm.getStatements(), result);
        }
        String tagProblem = Tags.parse(integrationForm.getTags()).problem();
        if (tagProblem != null) {
            result.rejectValue("tags", "tag", tagProblem);
        }
        String approvalsProblem = manifest.allowsAdditionalApprovalFormVariables()
                ? integrations.additionalFormVariablesProblem(integrationForm.getAdditionalFormVariables()) : null;
        if (approvalsProblem != null) {
            result.rejectValue("additionalFormVariables", "json", approvalsProblem);
        }
        if (result.hasErrors() || !validation.isValid()) {
            return showForm(manifest, chosen, spec, values, validation.errors(), model);
        }
        PendingChange pending = approvalRequests.pending(manifest, chosen, integrationForm, validation.cleaned(),
                values.secretValues(spec));
        java.util.Optional<ApprovalRules.Requirement> approval = approvals.required(pending);
        if (reviews.reviewFirst(parameters, approval.isPresent())) {
            MultiValueMap<String, String> carried = new org.springframework.util.LinkedMultiValueMap<>(parameters);
            carried.set(KeptSecrets.DRAFT, (String) model.getAttribute(KeptSecrets.DRAFT));
            // The type travels in the address; carried twice it would bind as "subscription,subscription".
            java.util.Set<String> leftOut = new java.util.HashSet<>(java.util.Set.of("type"));
            spec.secretKeys().forEach(secret -> leftOut.add(CONFIG + "[" + secret + "]"));
            return reviews.show(model, integrations.review(manifest, chosen, integrationForm, spec, validation.cleaned(),
                    values.secretValues(spec)), "/integrations/" + manifest.key() + "/new?type=" + chosen.parameter(), carried,
                    leftOut, approval.map(ApprovalRules.Requirement::inWords).orElse(null));
        }
        if (approval.isPresent()) {
            java.util.OptionalLong requested = approvals.request(token, user, pending, approval.get(),
                    integrations.review(manifest, chosen, integrationForm, spec, validation.cleaned(), values.secretValues(spec)));
            if (requested.isEmpty()) {
                SubmissionPages.outOfDate(result);
                return showForm(manifest, chosen, spec, values, Map.of(), model);
            }
            keptSecrets.forget(session, (String) model.getAttribute(KeptSecrets.DRAFT));
            return ApprovalPages.requested(requested.getAsLong(), redirect);
        }
        Submissions.Claim<CreatedIntegration> claim = submissions.claim(token, user, CreatedIntegration.class);
        if (claim instanceof Submissions.Claim.Missing<CreatedIntegration>) {
            SubmissionPages.outOfDate(result);
            return showForm(manifest, chosen, spec, values, Map.of(), model);
        }
        String repeated = SubmissionPages.repeated(claim, model, redirect, "created", "/integrations/created");
        if (repeated != null) {
            return repeated;
        }
        java.util.function.Function<IntegrationService.Created, CreatedIntegration> resultPage = created ->
                new CreatedIntegration(manifest.name(), chosen.words(), integrationForm.getName(), created.id(),
                        links.integration(manifest.key()), created.generated());
        ChangeResult<IntegrationService.Created> attempt = submissions.send(token, () -> integrations.create(manifest, chosen,
                integrationForm, spec, validation.cleaned(), values.secretValues(spec), user), resultPage);
        if (attempt instanceof ChangeResult.Succeeded<IntegrationService.Created> created) {
            keptSecrets.forget(session, (String) model.getAttribute(KeptSecrets.DRAFT));
            redirect.addFlashAttribute("created", resultPage.apply(created.resource()));
            return "redirect:/integrations/created";
        }
        return showForm(manifest, chosen, spec, values, FormRefusals.apply(attempt, result, model), model);
    }

    @GetMapping("/created")
    String showCreated(Model model) {
        return model.containsAttribute("created") ? "integrations/created" : "redirect:/integrations";
    }

    /** The person, once the access rules let them set up the account's integrations (else 403, recorded). */
    private CurrentUser allowed(Manifest manifest, IntegrationType type, Authentication authentication) {
        CurrentUser user = CurrentUser.from(authentication);
        guard.require(AuditAttempt.by(user, ChangeAction.CREATE, type.resourceType()).at(Place.integration(manifest.key())),
                PortalRole.EDITOR);
        return user;
    }

    private String showForm(Manifest manifest, IntegrationType type, FormSpec spec, FormValues values, Map<String, String> errors,
            Model model) {
        model.addAttribute(SubmissionPages.TOKEN, SubmissionPages.newToken());
        model.addAttribute("manifest", manifest);
        model.addAttribute("type", type);
        model.addAttribute("otherType", type == IntegrationType.CONFIGURATION && manifest.hasAuditLogHook()
                ? IntegrationType.SUBSCRIPTION : type == IntegrationType.SUBSCRIPTION && manifest.allowsConfigurations()
                        ? IntegrationType.CONFIGURATION : null);
        KeptSecrets.newDraft(model);
        model.addAttribute("configForm", FormView.of(spec, CONFIG, values, errors, KeptSecrets.keysIn(model)));
        model.addAttribute("showPolicy", type.hasPolicy(manifest));
        model.addAttribute("presets", PRESETS_JSON);
        model.addAttribute("showApprovals", type == IntegrationType.CONFIGURATION && manifest.allowsAdditionalApprovalFormVariables());
        return "integrations/new";
    }

    /** The values typed, with the secrets kept for this form filled into its empty secret fields (and kept again). */
    private FormValues kept(HttpSession session, String draft, FormSpec spec, MultiValueMap<String, String> parameters,
            Model model) {
        return keptSecrets.mergeInto(model, session, draft, spec, FormValues.fromParameters(parameters, CONFIG));
    }

    private Manifest manifest(String key) {
        return catalog.find(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The type asked for, if the manifest offers it and can be set up here; otherwise there is no such form. */
    private static IntegrationType type(Manifest manifest, String parameter) {
        IntegrationType type = IntegrationType.from(parameter, manifest);
        if (type == null || manifest.configurationBlockedBecause() != null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return type;
    }
}
