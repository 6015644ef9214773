package org.ldportal.integration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.ldportal.audit.AuditAttempt;
import org.ldportal.access.AccessGuard;
import org.ldportal.change.pages.ChangeForm;
import org.ldportal.change.KeptSecrets;
import org.ldportal.change.pages.SubmissionPages;
import org.ldportal.form.FormSpec;
import org.ldportal.form.FormValidation;
import org.ldportal.form.FormValidator;
import org.ldportal.form.FormValues;
import org.ldportal.form.FormView;
import org.ldportal.launchdarkly.PolicyStatement;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.ldportal.change.pages.SignedOutForms;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.server.ResponseStatusException;

/**
 * A manifest's form as its pages need it: the manifest and type asked for, who may use
 * it, the values typed with the secrets kept for it, the checks beyond the form engine's,
 * what the review page carries, and the model of the page.
 */
@Component
class IntegrationFormPage {

    /** The prefix of the manifest's own fields ({@code config[webhookUrl]}). */
    static final String CONFIG = "config";
    static final String FORM = "integrations/new";

    private final ManifestCatalog catalog;

    private final IntegrationService integrations;

    private final FormValidator validator;

    private final KeptSecrets keptSecrets;

    private final AccessGuard guard;

    private final SignedOutForms signedOut;

    IntegrationFormPage(ManifestCatalog catalog, IntegrationService integrations, FormValidator validator,
            KeptSecrets keptSecrets, AccessGuard guard, SignedOutForms signedOut) {
        this.signedOut = signedOut;
        this.catalog = catalog;
        this.integrations = integrations;
        this.validator = validator;
        this.keptSecrets = keptSecrets;
        this.guard = guard;
    }

    /** The manifest of the address, or 404. */
    Manifest manifest(String key) {
        return catalog.find(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /**
     * The type asked for, if the manifest offers it and can be set up here; otherwise
     * there is no such form.
     */
    static IntegrationType type(Manifest manifest, @Nullable String parameter) {
        IntegrationType type = IntegrationType.from(parameter, manifest);
        if (type == null || manifest.configurationBlockedBecause() != null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return type;
    }

    /**
     * The form's model once the person may set up the account's integrations (else 403,
     * recorded).
     */
    Form allowed(String key, @Nullable String typeParameter, CurrentUser user) {
        Manifest manifest = manifest(key);
        IntegrationType type = type(manifest, typeParameter);
        guard.require(
                AuditAttempt.by(user, ChangeAction.CREATE, type.resourceType()).at(Place.integration(manifest.key())),
                PortalRole.EDITOR);
        return new Form(manifest, type, integrations.configForm(manifest, user), user);
    }

    /**
     * One manifest's form for one person: its manifest, the type of what it sets up, and
     * the fields it shows them.
     */
    record Form(Manifest manifest, IntegrationType type, FormSpec spec, CurrentUser user) {
    }

    /**
     * A new form's values: the manifest's name and its default policy (or the production
     * flags preset).
     */
    static IntegrationForm fresh(Manifest manifest) {
        IntegrationForm form = new IntegrationForm();
        form.setName(manifest.name());
        List<PolicyStatement> policy = manifest.defaultPolicy().isEmpty()
                ? List.of(PolicyPresets.PRESETS.get("production-flags")) : manifest.defaultPolicy();
        form.setStatements(new ArrayList<>(policy.stream().map(StatementRow::of).toList()));
        return form;
    }

    /** The fields the form binds. */
    static void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("name", "enabled", "tags", "additionalFormVariables", "statements*");
        // A row number past the bound answers 400 (BadRequestAdvice) instead of growing
        // the list without end.
        binder.setAutoGrowCollectionLimit(PolicyCheck.MAX_STATEMENTS + 1);
    }

    /**
     * A form sent after the person's session ended, restored into {@code form} once they
     * signed in again (its secrets left out); no values when there is none.
     */
    FormValues restored(HttpServletRequest request, Form page, IntegrationForm form, Model model) {
        Optional<MultiValueMap<String, String>> sent = signedOut.take(request);
        if (sent.isEmpty()) {
            return FormValues.empty();
        }
        form.setStatements(new ArrayList<>());
        WebDataBinder binder = new WebDataBinder(form, "integrationForm");
        allowedFields(binder);
        binder.bind(new MutablePropertyValues(sent.get().toSingleValueMap()));
        model.addAttribute(SignedOutForms.RESTORED, true);
        return FormValues.fromParameters(sent.get(), CONFIG).withoutSecrets(page.spec());
    }

    /**
     * The values typed, with the secrets kept for this form filled into its empty secret
     * fields (and kept again).
     */
    FormValues kept(HttpSession session, @Nullable String draft, FormSpec spec,
            MultiValueMap<String, String> parameters, Model model) {
        return keptSecrets.mergeInto(model, session, draft, spec, FormValues.fromParameters(parameters, CONFIG));
    }

    /**
     * The checks beyond Bean Validation (a policy, its resources, the tags, the approval
     * form variables) and the manifest's own fields; the valid values, or empty with
     * every error placed.
     */
    Optional<FormValidation> check(Form page, IntegrationForm form, FormValues values, BindingResult result) {
        FormValidation validation = validate(page, values);
        if (page.type().hasPolicy(page.manifest()) && form.getStatements().stream().allMatch(StatementRow::isEmpty)) {
            result.rejectValue("statements", "statements",
                    "Add at least one statement: which resources' changes are sent.");
        }
        else if (page.type().hasPolicy(page.manifest())) {
            PolicyCheck.check(form.getStatements(), result);
        }
        String approvalsProblem = page.manifest().allowsAdditionalApprovalFormVariables()
                ? integrations.additionalFormVariablesProblem(form.getAdditionalFormVariables()) : null;
        if (approvalsProblem != null) {
            result.rejectValue("additionalFormVariables", "json", approvalsProblem);
        }
        return result.hasErrors() || !validation.isValid() ? Optional.empty() : Optional.of(validation);
    }

    /** The manifest's fields that fail their checks, with why. */
    Map<String, String> errors(Form page, FormValues values) {
        return validate(page, values).errors();
    }

    private FormValidation validate(Form page, FormValues values) {
        return IntegrationService.withOfferedEnvironments(page.manifest(), page.spec(), values,
                validator.validate(page.spec(), values));
    }

    /**
     * The review page's form: the form's values carried, never its secrets (kept for its
     * draft) nor the type twice.
     */
    ChangeForm.ReviewPost review(Form page, MultiValueMap<String, String> parameters, @Nullable String draft) {
        MultiValueMap<String, String> carried = new LinkedMultiValueMap<>(parameters);
        carried.set(KeptSecrets.DRAFT, draft);
        // The type travels in the address; carried twice it would bind as
        // "subscription,subscription".
        Set<String> leftOut = new HashSet<>(Set.of("type"));
        page.spec().secretKeys().forEach(secret -> leftOut.add(CONFIG + "[" + secret + "]"));
        return new ChangeForm.ReviewPost(
                "/integrations/" + page.manifest().key() + "/new?type=" + page.type().parameter(), carried, leftOut);
    }

    /**
     * The form page: a fresh token and draft, the manifest's fields with what was typed
     * and where it went wrong.
     */
    String show(Form page, FormValues values, Map<String, String> errors, Model model) {
        Manifest manifest = page.manifest();
        IntegrationType type = page.type();
        model.addAttribute(SubmissionPages.TOKEN, SubmissionPages.newToken());
        model.addAttribute("manifest", manifest);
        model.addAttribute("type", type);
        model.addAttribute("otherType",
                type == IntegrationType.CONFIGURATION && manifest.hasAuditLogHook() ? IntegrationType.SUBSCRIPTION
                        : type == IntegrationType.SUBSCRIPTION && manifest.allowsConfigurations()
                                ? IntegrationType.CONFIGURATION : null);
        KeptSecrets.newDraft(model);
        model.addAttribute("configForm", FormView.of(page.spec(), CONFIG, values, errors, KeptSecrets.keysIn(model)));
        model.addAttribute("showPolicy", type.hasPolicy(manifest));
        model.addAttribute("presets", PolicyPresets.PRESETS_JSON);
        model.addAttribute("showApprovals",
                type == IntegrationType.CONFIGURATION && manifest.allowsAdditionalApprovalFormVariables());
        return FORM;
    }

}
