package org.ldportal.destination;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.ldportal.form.FieldSpec;
import org.ldportal.form.FieldType;
import org.ldportal.form.FormSpec;
import org.ldportal.plan.StepKind;
import org.ldportal.resource.ResourceType;
import org.springframework.stereotype.Component;

/**
 * A Data Export destination as a template's step: its name, whether it is on, and its
 * kind's config fields under {@code config.}, as the kind catalog describes them.
 */
@Component
class DestinationStepKind implements StepKind {

    static final String CONFIG = "config.";

    private final DestinationKindCatalog catalog;

    DestinationStepKind(DestinationKindCatalog catalog) {
        this.catalog = catalog;
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
