package org.ldportal.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.ldportal.change.PreparedChange;
import org.ldportal.form.FieldSpec;
import org.ldportal.form.FieldType;
import org.ldportal.form.FormSpec;
import org.ldportal.form.FormValidation;
import org.ldportal.form.FormValidator;
import org.ldportal.form.FormValues;
import org.ldportal.launchdarkly.LaunchDarklyApiException;
import org.ldportal.plan.StepKind;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * An integration configuration or an audit-log subscription as a template's step: its
 * name, whether it is on, its tags, and the manifest's formVariables under
 * {@code config.}. The subscription's policy is the manifest's default.
 */
class IntegrationStepKind implements StepKind {

    static final String CONFIG = "config.";

    /**
     * A subscription's policy in a template: the resources of one "allow every action"
     * statement.
     */
    static final String POLICY = "policy.resources";

    private final IntegrationType type;

    private final ManifestCatalog catalog;

    private final IntegrationService integrations;

    private final IntegrationApprovals changes;

    private final IntegrationManagement management;

    private final FormValidator formValidator;

    private final SpringValidatorAdapter validator;

    IntegrationStepKind(IntegrationType type, ManifestCatalog catalog, IntegrationService integrations,
            IntegrationApprovals changes, IntegrationManagement management, FormValidator formValidator,
            SpringValidatorAdapter validator) {
        this.type = type;
        this.catalog = catalog;
        this.integrations = integrations;
        this.changes = changes;
        this.management = management;
        this.formValidator = formValidator;
        this.validator = validator;
    }

    /**
     * The form filled in from the step, with the manifest's default policy, checked as
     * the form is (its fields with the choices the person is offered).
     */
    @Override
    public StepChange<?> prepare(Target.Where where, FormValues values, CurrentUser user) {
        Manifest manifest = catalog.find(Objects.requireNonNull(where.variant())).orElse(null);
        if (manifest == null) {
            return new StepChange.Invalid<>(Map.of("", "LaunchDarkly no longer offers the integration "
                    + where.variant() + ": ask the template's admins to mend it."));
        }
        IntegrationForm form = IntegrationFormPage.fresh(manifest);
        form.setName(values.first("name"));
        form.setEnabled(!"false".equals(values.first("enabled")));
        form.setTags(values.first("tags"));
        FormValues config = values.within(CONFIG);
        List<String> resources = values.all(POLICY).stream().filter(line -> !line.isBlank()).toList();
        if (type == IntegrationType.SUBSCRIPTION && !resources.isEmpty()) {
            StatementRow row = new StatementRow();
            row.setResources(String.join("\n", resources));
            form.setStatements(new ArrayList<>(List.of(row)));
        }
        FormSpec spec = integrations.configForm(manifest, user);
        FormValidation validation = IntegrationService.withOfferedEnvironments(manifest, spec, config,
                formValidator.validate(spec, config));
        BeanPropertyBindingResult result = new BeanPropertyBindingResult(form, "integrationForm");
        validator.validate(form, result);
        if (type == IntegrationType.SUBSCRIPTION) {
            PolicyCheck.check(form.getStatements(), result);
        }
        Map<String, String> errors = StepKind.messages(result,
                field -> field.startsWith("statements") ? POLICY : field);
        validation.errors().forEach((key, message) -> errors.put(CONFIG + key, message));
        if (!errors.isEmpty()) {
            return new StepChange.Invalid<>(errors);
        }
        return new StepChange.Ready<>(
                integrations.creation(manifest, type, form, spec, validation.cleaned(), config.secretValues(spec)),
                IntegrationService.Created::id);
    }

    @Override
    public Optional<PreparedChange<?>> undo(Target.Where where, String made, CurrentUser user) {
        Manifest manifest = catalog.find(Objects.requireNonNull(where.variant())).orElseThrow();
        try {
            return Optional.of(changes.deleting(manifest, management.find(user, manifest, type, made)));
        }
        catch (LaunchDarklyApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Set<ChangeAction> changes() {
        return Set.of(ChangeAction.TURN_ON, ChangeAction.TURN_OFF);
    }

    /**
     * Turning one on or off ({@code integration/id}) as the person saw it: the patch
     * tests the version (or the state) seen when it was chosen.
     */
    @Override
    public Optional<Managed<?>> manage(ChangeAction action, String subject, FormValues seen, CurrentUser user) {
        if (!changes().contains(action)) {
            return Optional.empty();
        }
        int slash = subject.indexOf('/');
        Manifest manifest = slash > 0 ? catalog.find(subject.substring(0, slash)).orElse(null) : null;
        if (manifest == null || slash == subject.length() - 1) {
            return Optional
                .of(Managed.refused(new Target.Where(null, null, null), subject, "It is not one of the list's."));
        }
        String id = subject.substring(slash + 1);
        boolean on = action == ChangeAction.TURN_ON;
        return Optional.of(Managed.turning(on, subject, seen, new Target.Where(null, null, manifest.key()),
                () -> management.findToChange(user, action, manifest, type, id),
                item -> new Managed.State(item.name(), item.on(), item.version(), management.mayChange(user)),
                (item, tested) -> changes.turning(manifest, tested == null ? item : item.withVersion(tested), on)));
    }

    @Override
    public ResourceType type() {
        return type.resourceType();
    }

    @Override
    public Target target() {
        return Target.ACCOUNT;
    }

    @Override
    public String variant() {
        return "integration";
    }

    @Override
    public FormSpec fields(@Nullable String variant) {
        Manifest manifest = (variant == null ? null : catalog.find(variant).orElse(null));
        if (manifest == null) {
            throw new IllegalArgumentException("Say which integration, by its key: slack, datadog, ...; "
                    + (variant == null ? "none is named." : "LaunchDarkly offers none called " + variant + "."));
        }
        if (IntegrationType.from(type.parameter(), manifest) != type
                || manifest.configurationBlockedBecause() != null) {
            throw new IllegalArgumentException(
                    manifest.name() + " offers no " + type.words() + " the portal can set up.");
        }
        List<FieldSpec> fields = new ArrayList<>();
        fields.add(FieldSpec.builder("name", "Name", FieldType.TEXT).required(true).maxLength(256).build());
        fields.add(FieldSpec.builder("enabled", "On", FieldType.BOOLEAN).defaultValue("true").build());
        fields.add(FieldSpec.builder("tags", "Tags", FieldType.TEXT).maxLength(1000).build());
        if (type == IntegrationType.SUBSCRIPTION) {
            fields.add(FieldSpec.builder(POLICY, "Resources sent", FieldType.TEXTAREA)
                .help("Resource specifiers, one per line, whose changes are sent (every action): "
                        + "proj/checkout:env/*:flag/*. Without them, the integration's default policy.")
                .maxLength(4000)
                .build());
        }
        // No call out from a check: a dynamic list's value is typed.
        ManifestFormMapper.configForm(manifest, ManifestFormMapper.NONE)
            .fields()
            .forEach(field -> fields.add(field.renamed(CONFIG + field.key())));
        return new FormSpec(fields);
    }

}
