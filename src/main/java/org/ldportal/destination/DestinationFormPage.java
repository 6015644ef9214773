package org.ldportal.destination;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.ldportal.audit.AuditAttempt;
import org.ldportal.access.AccessGuard;
import org.ldportal.change.pages.ChangeForm;
import org.ldportal.change.KeptSecrets;
import org.ldportal.change.pages.SubmissionPages;
import org.ldportal.form.FormValidation;
import org.ldportal.form.FormValidator;
import org.ldportal.form.FormValues;
import org.ldportal.form.FormView;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.ldportal.change.pages.KnownKeys;
import org.ldportal.change.pages.PageLookups;
import org.ldportal.access.PermittedPlaces;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;

/**
 * The destination form as its pages need it: who may use it where, the values typed with
 * the secrets kept for it, the checks beyond Bean Validation, what the review page
 * carries, and the model the template reads.
 */
@Component
class DestinationFormPage {

    /** The prefix of the kind's own fields ({@code config[roleArn]}). */
    static final String CONFIG = "config";

    /** The one field of a kind whose config is free-form JSON. */
    static final String JSON_CONFIG = "config";

    private final DestinationKindCatalog catalog;

    private final DestinationService destinations;

    private final FormValidator validator;

    private final PageLookups lookups;

    private final KnownKeys keys;

    private final KeptSecrets keptSecrets;

    private final PermittedPlaces places;

    private final AccessGuard guard;

    DestinationFormPage(DestinationKindCatalog catalog, DestinationService destinations, FormValidator validator,
            PageLookups lookups, KnownKeys keys, KeptSecrets keptSecrets, PermittedPlaces places, AccessGuard guard) {
        this.catalog = catalog;
        this.destinations = destinations;
        this.validator = validator;
        this.lookups = lookups;
        this.keys = keys;
        this.keptSecrets = keptSecrets;
        this.places = places;
        this.guard = guard;
    }

    /**
     * The person, once the access rules let them act where the form points (else 403,
     * recorded).
     */
    CurrentUser allowed(DestinationForm form, CurrentUser user) {
        guard.requireInProject(AuditAttempt.by(user, ChangeAction.CREATE, ResourceType.DESTINATION)
            .at(Place.environment(form.getProjectKey(), form.getEnvironmentKey())), PortalRole.EDITOR);
        return user;
    }

    Optional<DestinationKind> kind(DestinationForm form) {
        return catalog.find(form.getKind());
    }

    /** A form that passed every check: its kind and its checked config. */
    record Checked(DestinationKind kind, FormValidation validation) {
    }

    /**
     * The checks beyond Bean Validation (keys that exist, a known kind, the kind's own
     * fields), each at its field; empty when any failed, {@code configErrors} then
     * holding those at the kind's fields.
     */
    Optional<Checked> check(DestinationForm form, FormValues values, BindingResult result,
            Map<String, String> configErrors) {
        keys.checkProject(form.getProjectKey(), "projectKey", result);
        if (!result.hasFieldErrors("projectKey")) {
            keys.checkEnvironment(form.getProjectKey(), form.getEnvironmentKey(), "environmentKey", result);
        }
        DestinationKind kind = kind(form).orElse(null);
        if (kind == null && !result.hasFieldErrors("kind")) {
            result.rejectValue("kind", "kind", "Choose one of the kinds listed.");
        }
        if (kind == null) {
            return Optional.empty();
        }
        FormValidation validation = validator.validate(kind.form(), values);
        configErrors.putAll(validation.errors());
        return result.hasErrors() || !configErrors.isEmpty() ? Optional.empty()
                : Optional.of(new Checked(kind, validation));
    }

    /**
     * The review page's form: the form's values carried along, but never its secret
     * fields (kept server-side for its draft) nor a free-form JSON config (which may hold
     * secrets anywhere: kept whole for the review instead).
     */
    ChangeForm.ReviewPost review(DestinationKind kind, FormValues values, MultiValueMap<String, String> parameters,
            HttpSession session, @Nullable String draft) {
        Set<String> leftOut = new HashSet<>();
        kind.form().secretKeys().forEach(key -> leftOut.add(CONFIG + "[" + key + "]"));
        if (kind.flow() == DestinationKind.Flow.JSON) {
            // Reviewed, the free-form config is there; without it this fails, as it did
            // in keepWhole().
            keptSecrets.keepWhole(session, draft, JSON_CONFIG, Objects.requireNonNull(values.first(JSON_CONFIG)));
            leftOut.add(CONFIG + "[" + JSON_CONFIG + "]");
        }
        MultiValueMap<String, String> carried = new LinkedMultiValueMap<>(parameters);
        carried.set(KeptSecrets.DRAFT, draft);
        return new ChangeForm.ReviewPost("/destinations/new", carried, leftOut);
    }

    /**
     * The values typed, with the secrets kept for this form filled into its empty secret
     * fields (and kept again).
     */
    FormValues kept(HttpSession session, @Nullable String draft, DestinationForm form,
            MultiValueMap<String, String> parameters, Model model) {
        FormValues typed = FormValues.fromParameters(parameters, CONFIG);
        DestinationKind kind = kind(form).orElse(null);
        if (kind == null) {
            return typed;
        }
        if (kind.flow() == DestinationKind.Flow.JSON
                && (typed.first(JSON_CONFIG) == null || typed.first(JSON_CONFIG).isBlank())) {
            // Back from the review page, which does not carry the JSON: the config as it
            // was reviewed.
            Optional<String> reviewed = keptSecrets.whole(session, draft, JSON_CONFIG);
            if (reviewed.isPresent()) {
                typed = typed.with(JSON_CONFIG, reviewed.get());
            }
        }
        return keptSecrets.mergeInto(model, session, draft, kind.form(), typed);
    }

    /**
     * The form page: a fresh token and draft, the permitted projects and environments,
     * the kind's fields.
     */
    String show(DestinationForm form, FormValues values, Map<String, String> configErrors, Model model,
            CurrentUser user) {
        KeptSecrets.newDraft(model);
        model.addAttribute(SubmissionPages.TOKEN, SubmissionPages.newToken());
        model.addAttribute("projects", lookups.listOrWarn(model, () -> places.projects(user)));
        environments(form, model, user);
        addKind(form, values, configErrors, model);
        return DestinationController.FORM;
    }

    /** The environment select's choices, for the chosen project. */
    void environments(DestinationForm form, Model model, CurrentUser user) {
        model.addAttribute("environments",
                lookups.listOrWarn(model, () -> places.environments(user, form.getProjectKey())));
    }

    /** The kinds, and the chosen kind's own fields with what was typed. */
    void addKind(DestinationForm form, FormValues values, Map<String, String> configErrors, Model model) {
        model.addAttribute("kinds", catalog.all());
        kind(form).ifPresent(kind -> {
            model.addAttribute("kind", kind);
            FormValues shown = values;
            Map<String, String> errors = configErrors;
            if (kind.flow() == DestinationKind.Flow.JSON && values.first(JSON_CONFIG) != null) {
                // Secrets are never written back, and in free-form JSON every value but
                // the kind's named ones may be one.
                String kept = destinations.configForForm(kind, values.first(JSON_CONFIG));
                shown = values.with(JSON_CONFIG, kept);
                if (!kept.equals(values.first(JSON_CONFIG).strip()) && !kept.isEmpty()) {
                    errors = new LinkedHashMap<>(configErrors);
                    errors.putIfAbsent(JSON_CONFIG,
                            "Values that may be secret were emptied: type them again. "
                                    + (kind.nonSecretConfigKeys().isEmpty() ? ""
                                            : "Kept: " + String.join(", ", kind.nonSecretConfigKeys()) + "."));
                }
            }
            model.addAttribute("configForm",
                    FormView.of(kind.form(), CONFIG, shown, errors, KeptSecrets.keysIn(model)));
        });
    }

}
