package org.ldportal.destination;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;

import org.jspecify.annotations.NullUnmarked;

/**
 * The fixed part of the destination form; the kind's own fields come as
 * {@code config[...]} parameters and are checked by the form engine against the kind's
 * FormSpec.
 */
// Bound by Spring MVC field by field: any property may be null until bound, so not
// checked.
@NullUnmarked
public class DestinationForm {

    @NotBlank(message = "Choose the project.")
    private String projectKey;

    @NotBlank(message = "Choose the environment whose events are exported.")
    private String environmentKey;

    @NotBlank(message = "Give the destination a name.", groups = { Default.class, Edited.class })
    @Size(max = 256, message = "Keep the name to 256 characters or fewer.", groups = { Default.class, Edited.class })
    private String name;

    @NotBlank(message = "Choose where the events go.")
    private String kind;

    private boolean on = true;

    /** The checks of an edit, which changes the name only of these fields. */
    interface Edited {

    }

    public String getProjectKey() {
        return projectKey;
    }

    public void setProjectKey(String projectKey) {
        this.projectKey = projectKey;
    }

    public String getEnvironmentKey() {
        return environmentKey;
    }

    public void setEnvironmentKey(String environmentKey) {
        this.environmentKey = environmentKey;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? null : name.trim();
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public boolean isOn() {
        return on;
    }

    public void setOn(boolean on) {
        this.on = on;
    }

}
