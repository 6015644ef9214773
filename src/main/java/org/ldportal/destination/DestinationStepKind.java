package org.ldportal.destination;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Validator;

import org.jspecify.annotations.Nullable;
import org.ldportal.change.PreparedChange;
import org.ldportal.form.FieldSpec;
import org.ldportal.form.FieldType;
import org.ldportal.form.FormSpec;
import org.ldportal.form.FormValidation;
import org.ldportal.form.FormValidator;
import org.ldportal.form.FormValues;
import org.ldportal.launchdarkly.Destination;
import org.ldportal.launchdarkly.LaunchDarklyApiException;
import org.ldportal.plan.StepKind;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * A Data Export destination as a template's step: its name, whether it is on, and its
 * kind's config fields under {@code config.}, as the kind catalog describes them.
 */
@Component
class DestinationStepKind implements StepKind {

    static final String CONFIG = "config.";

    private final DestinationKindCatalog catalog;

    private final DestinationService destinations;

    private final DestinationApprovals changes;

    private final DestinationManagement management;

    private final FormValidator formValidator;

    private final SpringValidatorAdapter validator;

    DestinationStepKind(DestinationKindCatalog catalog, DestinationService destinations, DestinationApprovals changes,
            DestinationManagement management, FormValidator formValidator, Validator validator) {
        this.catalog = catalog;
        this.destinations = destinations;
        this.changes = changes;
        this.management = management;
        this.formValidator = formValidator;
        this.validator = new SpringValidatorAdapter(validator);
    }

    /**
     * The form filled in from the step, checked as the form is (its own rules and the
     * kind's fields), but not whether the environment is there: an earlier step may make
     * it.
     */
    @Override
    @SuppressWarnings("unchecked")
    public StepChange<?> prepare(Target.Where where, FormValues values, CurrentUser user) {
        DestinationKind kind = catalog.find(Objects.requireNonNull(where.variant())).orElseThrow();
        DestinationForm form = new DestinationForm();
        form.setProjectKey(where.project());
        form.setEnvironmentKey(where.environment());
        form.setKind(kind.kind());
        form.setName(values.first("name"));
        form.setOn(!"false".equals(values.first("on")));
        FormValues config = values.within(CONFIG);
        BeanPropertyBindingResult result = new BeanPropertyBindingResult(form, "destinationForm");
        validator.validate(form, result);
        FormValidation validation = formValidator.validate(kind.form(), config);
        Map<String, String> errors = StepKind.messages(result, field -> field);
        validation.errors().forEach((key, message) -> errors.put(CONFIG + key, message));
        if (!errors.isEmpty()) {
            return new StepChange.Invalid<>(errors);
        }
        // Not a warehouse (fields() refuses those), so a success answers the destination.
        PreparedChange<Destination> change = (PreparedChange<Destination>) destinations.creation(form, kind,
                validation.cleaned(), config.secretValues(kind.form()));
        return new StepChange.Ready<>(change, Destination::id);
    }

    @Override
    public Optional<PreparedChange<?>> undo(Target.Where where, String made, CurrentUser user) {
        try {
            return Optional.of(changes.deleting(management.find(user, Objects.requireNonNull(where.project()),
                    Objects.requireNonNull(where.environment()), made)));
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
     * Turning a destination on or off ({@code project/environment/id}) as the person saw
     * it: the patch tests the version seen when it was chosen, so one changed since is
     * refused by LaunchDarkly, not overwritten.
     */
    @Override
    public Optional<Managed<?>> manage(ChangeAction action, String subject, FormValues seen, CurrentUser user) {
        if (!changes().contains(action)) {
            return Optional.empty();
        }
        String[] parts = subject.split("/", -1);
        if (parts.length != 3 || Arrays.stream(parts).anyMatch(String::isBlank)) {
            return Optional.of(Managed.refused(new Target.Where(null, null, null), subject,
                    "It is not a destination of the list."));
        }
        boolean on = action == ChangeAction.TURN_ON;
        return Optional.of(Managed.turning(on, subject, seen, new Target.Where(parts[0], parts[1], null),
                () -> management.findToChange(user, action, parts[0], parts[1], parts[2]),
                row -> new Managed.State(String.valueOf(row.destination().name()), row.on(),
                        row.destination().version(), management.mayChange(user, row)),
                (row, tested) -> changes.turning(DestinationManagement.withVersion(row, tested), on)));
    }

    @Override
    public ResourceType type() {
        return ResourceType.DESTINATION;
    }

    @Override
    public Target target() {
        return Target.ENVIRONMENT;
    }

    @Override
    public String variant() {
        return "kind";
    }

    @Override
    public FormSpec fields(@Nullable String variant) {
        DestinationKind kind = (variant == null ? Optional.<DestinationKind>empty() : catalog.find(variant))
            .orElseThrow(() -> new IllegalArgumentException("Say which kind of destination: one of "
                    + String.join(", ", catalog.all().stream().map(DestinationKind::kind).toList()) + "."));
        if (kind.isWarehouse()) {
            // Its set-up is two steps with a script someone runs in the warehouse between
            // them: not something a plan can do by itself.
            throw new IllegalArgumentException(kind.title() + " is set up in two steps, with a script run in the "
                    + "warehouse between them: it is made from the Data Export form, not from a template.");
        }
        List<FieldSpec> fields = new ArrayList<>();
        fields.add(FieldSpec.builder("name", "Name", FieldType.TEXT).required(true).maxLength(256).build());
        fields.add(FieldSpec.builder("on", "On", FieldType.BOOLEAN).defaultValue("true").build());
        kind.form().fields().forEach(field -> fields.add(field.renamed(CONFIG + field.key())));
        return new FormSpec(fields);
    }

}
