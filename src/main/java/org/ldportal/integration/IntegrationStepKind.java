package org.ldportal.integration;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.ldportal.form.FieldSpec;
import org.ldportal.form.FieldType;
import org.ldportal.form.FormSpec;
import org.ldportal.plan.StepKind;
import org.ldportal.resource.ResourceType;

/**
 * An integration configuration or an audit-log subscription as a template's step: its
 * name, whether it is on, its tags, and the manifest's formVariables under
 * {@code config.}. The subscription's policy is the manifest's default.
 */
class IntegrationStepKind implements StepKind {

    static final String CONFIG = "config.";

    private final IntegrationType type;

    private final ManifestCatalog catalog;

    IntegrationStepKind(IntegrationType type, ManifestCatalog catalog) {
        this.type = type;
        this.catalog = catalog;
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
        // No call out from a check: a dynamic list's value is typed.
        ManifestFormMapper.configForm(manifest, ManifestFormMapper.NONE)
            .fields()
            .forEach(field -> fields.add(field.renamed(CONFIG + field.key())));
        return new FormSpec(fields);
    }

}
