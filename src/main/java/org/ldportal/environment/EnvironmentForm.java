package org.ldportal.environment;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.NullUnmarked;
import org.ldportal.launchdarkly.Tags;
import org.ldportal.launchdarkly.ValidTags;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the "new environment" form binds. A mutable bean: Spring MVC binds and re-renders
 * it field by field.
 */
// Bound by Spring MVC field by field: any property may be null until bound, so not
// checked.
@NullUnmarked
public class EnvironmentForm {

    @NotBlank(message = "Choose the project the environment belongs to.")
    private String projectKey;

    @NotBlank(message = "Give the environment a name.")
    @Size(max = 256, message = "Keep the name to 256 characters or fewer.")
    private String name;

    @Size(max = EnvironmentKeys.MAX_LENGTH, message = "Keep the key to 255 characters or fewer.")
    @Pattern(regexp = "^$|" + EnvironmentKeys.API_PATTERN,
            message = "Use letters, digits, '.', '_' or '-', starting with a letter or digit.")
    private String key;

    @NotBlank(message = "Choose a colour.")
    @Pattern(regexp = "^[0-9a-fA-F]{6}$", message = "Enter the colour as 6 hexadecimal digits, like 417505.")
    private String color;

    @Min(value = 0, message = "Enter a whole number of minutes from 0 to 60.")
    @Max(value = 60, message = "Enter a whole number of minutes from 0 to 60.")
    private Integer defaultTtl = 0;

    private boolean secureMode;

    private boolean defaultTrackEvents;

    private boolean requireComments;

    private boolean confirmChanges;

    private boolean critical;

    @ValidTags
    private String tags;

    private String sourceKey;

    /**
     * The day the portal deletes the environment; none for one that stays. Checked
     * against today and {@code portal.environments.longest-lifetime} by the service.
     */
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate deleteAfter;

    // Approval settings: edited, never created (LaunchDarkly's create takes none). Null
    // where the page showed none, so that an edit leaves them as they are.

    private Boolean approvalsRequired;

    @ValidTags
    private String approvalTags;

    @Min(value = 1, message = "Enter a whole number of approvals from 1 to 5.")
    @Max(value = 5, message = "Enter a whole number of approvals from 1 to 5.")
    private Integer minNumApprovals;

    private Boolean canReviewOwnRequest;

    private Boolean canApplyDeclinedChanges;

    /** The tags typed, separated by commas ({@link Tags}: nothing split silently). */
    List<String> tagList() {
        return Tags.parse(tags).tags();
    }

    /**
     * The key to create: the one typed, or the one derived from the name when the field
     * was left empty.
     */
    String effectiveKey() {
        return key == null || key.isBlank() ? EnvironmentKeys.derive(name) : key.trim();
    }

    public String getProjectKey() {
        return projectKey;
    }

    public void setProjectKey(String projectKey) {
        this.projectKey = projectKey;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? null : name.trim();
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key == null ? null : key.trim();
    }

    public String getColor() {
        return color;
    }

    /** Accepts "#417505" too: people paste colours with the hash. */
    public void setColor(String color) {
        this.color = color == null ? null : color.trim().replaceFirst("^#", "");
    }

    public Integer getDefaultTtl() {
        return defaultTtl;
    }

    public void setDefaultTtl(Integer defaultTtl) {
        this.defaultTtl = defaultTtl;
    }

    public boolean isSecureMode() {
        return secureMode;
    }

    public void setSecureMode(boolean secureMode) {
        this.secureMode = secureMode;
    }

    public boolean isDefaultTrackEvents() {
        return defaultTrackEvents;
    }

    public void setDefaultTrackEvents(boolean defaultTrackEvents) {
        this.defaultTrackEvents = defaultTrackEvents;
    }

    public boolean isRequireComments() {
        return requireComments;
    }

    public void setRequireComments(boolean requireComments) {
        this.requireComments = requireComments;
    }

    public boolean isConfirmChanges() {
        return confirmChanges;
    }

    public void setConfirmChanges(boolean confirmChanges) {
        this.confirmChanges = confirmChanges;
    }

    public boolean isCritical() {
        return critical;
    }

    public void setCritical(boolean critical) {
        this.critical = critical;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public String getSourceKey() {
        return sourceKey;
    }

    public void setSourceKey(String sourceKey) {
        this.sourceKey = sourceKey;
    }

    public LocalDate getDeleteAfter() {
        return deleteAfter;
    }

    public void setDeleteAfter(LocalDate deleteAfter) {
        this.deleteAfter = deleteAfter;
    }

    public Boolean getApprovalsRequired() {
        return approvalsRequired;
    }

    public void setApprovalsRequired(Boolean approvalsRequired) {
        this.approvalsRequired = approvalsRequired;
    }

    public String getApprovalTags() {
        return approvalTags;
    }

    public void setApprovalTags(String approvalTags) {
        this.approvalTags = approvalTags;
    }

    public Integer getMinNumApprovals() {
        return minNumApprovals;
    }

    public void setMinNumApprovals(Integer minNumApprovals) {
        this.minNumApprovals = minNumApprovals;
    }

    public Boolean getCanReviewOwnRequest() {
        return canReviewOwnRequest;
    }

    public void setCanReviewOwnRequest(Boolean canReviewOwnRequest) {
        this.canReviewOwnRequest = canReviewOwnRequest;
    }

    public Boolean getCanApplyDeclinedChanges() {
        return canApplyDeclinedChanges;
    }

    public void setCanApplyDeclinedChanges(Boolean canApplyDeclinedChanges) {
        this.canApplyDeclinedChanges = canApplyDeclinedChanges;
    }

}
