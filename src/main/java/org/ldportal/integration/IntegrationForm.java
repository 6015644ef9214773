package org.ldportal.integration;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.NullUnmarked;
import org.ldportal.launchdarkly.Tags;
import org.ldportal.launchdarkly.ValidTags;

/**
 * The fixed part of an integration form; the manifest's own fields come as
 * {@code config[...]} parameters.
 */
// Bound by Spring MVC field by field: any property may be null until bound, so not
// checked.
@NullUnmarked
public class IntegrationForm {

    @NotBlank(message = "Give it a name.")
    @Size(max = 256, message = "Keep the name to 256 characters or fewer.")
    private String name;

    private boolean enabled = true;

    @ValidTags
    private String tags;

    private List<StatementRow> statements = new ArrayList<>();

    private String additionalFormVariables;

    /** The tags typed, separated by commas ({@link Tags}: nothing split silently). */
    List<String> tagList() {
        return Tags.parse(tags).tags();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? null : name.trim();
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public List<StatementRow> getStatements() {
        return statements;
    }

    public void setStatements(List<StatementRow> statements) {
        this.statements = statements;
    }

    public String getAdditionalFormVariables() {
        return additionalFormVariables;
    }

    public void setAdditionalFormVariables(String additionalFormVariables) {
        this.additionalFormVariables = additionalFormVariables;
    }

}
