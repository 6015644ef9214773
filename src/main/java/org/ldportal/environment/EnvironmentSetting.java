package org.ldportal.environment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The environment's settings, described once. From this list come the fields the forms
 * bind and show, the review lines of a create, the patch of an edit, the detail rows, and
 * where LaunchDarkly's 400s are placed. Each setting's label and help are in
 * {@code messages.properties} under {@code environment.<property>}.
 *
 * <p>
 * The {@code property} is the form's ({@link EnvironmentForm}); the {@code pointer} is
 * where LaunchDarkly keeps the value (schema {@code Environment}), as a JSON Pointer.
 * Adding a setting: a line here, a property of the form, a label.
 */
enum EnvironmentSetting {

    NAME("name", "/name", Kind.TEXT, Use.CREATE_AND_EDIT),

    COLOR("color", "/color", Kind.COLOUR, Use.CREATE_AND_EDIT),

    DEFAULT_TTL("defaultTtl", "/defaultTtl", Kind.NUMBER, Use.CREATE_AND_EDIT),

    SECURE_MODE("secureMode", "/secureMode", Kind.SWITCH, Use.CREATE_AND_EDIT),

    DEFAULT_TRACK_EVENTS("defaultTrackEvents", "/defaultTrackEvents", Kind.SWITCH, Use.CREATE_AND_EDIT),

    REQUIRE_COMMENTS("requireComments", "/requireComments", Kind.SWITCH, Use.CREATE_AND_EDIT),

    CONFIRM_CHANGES("confirmChanges", "/confirmChanges", Kind.SWITCH, Use.CREATE_AND_EDIT),

    /** Shown only to those who may mark it ({@code mayMarkCritical}). */
    CRITICAL("critical", "/critical", Kind.SWITCH, Use.CREATE_AND_EDIT),

    TAGS("tags", "/tags", Kind.TAGS, Use.CREATE_AND_EDIT),

    // LaunchDarkly's approval settings: not accepted by a create (EnvironmentPost has no
    // such field), editable by a patch, and answered only where the account has
    // approvals. The service (serviceKind) is not editable, so it is only shown.

    APPROVALS_REQUIRED("approvalsRequired", "/approvalSettings/required", Kind.SWITCH, Use.EDIT),

    APPROVAL_TAGS("approvalTags", "/approvalSettings/requiredApprovalTags", Kind.TAGS, Use.EDIT),

    MIN_APPROVALS("minNumApprovals", "/approvalSettings/minNumApprovals", Kind.NUMBER, Use.EDIT),

    CAN_REVIEW_OWN_REQUEST("canReviewOwnRequest", "/approvalSettings/canReviewOwnRequest", Kind.SWITCH, Use.EDIT),

    CAN_APPLY_DECLINED_CHANGES("canApplyDeclinedChanges", "/approvalSettings/canApplyDeclinedChanges", Kind.SWITCH,
            Use.EDIT),

    APPROVAL_SERVICE("approvalService", "/approvalSettings/serviceKind", Kind.TEXT, Use.SHOWN);

    /** How a value is typed, shown and compared. */
    enum Kind {

        TEXT, COLOUR, NUMBER, SWITCH,
        /** Typed as text separated by commas, kept and sent as a list. */
        TAGS

    }

    /** Where a setting appears: every setting is on the detail page. */
    enum Use {

        CREATE_AND_EDIT, EDIT, SHOWN

    }

    private final String property;

    private final String pointer;

    private final Kind kind;

    private final Use use;

    EnvironmentSetting(String property, String pointer, Kind kind, Use use) {
        this.property = property;
        this.pointer = pointer;
        this.kind = kind;
        this.use = use;
    }

    public String property() {
        return property;
    }

    public String pointer() {
        return pointer;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The key of its label in {@code messages.properties}; its help adds {@code .help}.
     */
    public String labelKey() {
        return "environment." + property;
    }

    /**
     * The name LaunchDarkly's error messages give it: "approvalSettings.minNumApprovals".
     */
    String apiName() {
        return pointer.substring(1).replace('/', '.');
    }

    boolean onCreate() {
        return use == Use.CREATE_AND_EDIT;
    }

    boolean editable() {
        return use != Use.SHOWN;
    }

    /** The key of its help text, where it has one. */
    public String helpKey() {
        return labelKey() + ".help";
    }

    /**
     * A plain box of the settings fieldset; critical has its own (admins only), the
     * approval settings theirs.
     */
    public boolean plainSwitch() {
        return kind == Kind.SWITCH && use == Use.CREATE_AND_EDIT && this != CRITICAL;
    }

    /** Set apart on the pages: LaunchDarkly answers them only where approvals are on. */
    public boolean approval() {
        return pointer.startsWith("/approvalSettings/");
    }

    static List<EnvironmentSetting> creatable() {
        return Arrays.stream(values()).filter(EnvironmentSetting::onCreate).toList();
    }

    static List<EnvironmentSetting> editableOnes() {
        return Arrays.stream(values()).filter(EnvironmentSetting::editable).toList();
    }

    /** The form properties a create binds, the ones described and those of a create. */
    static String[] createFields(String... more) {
        return fields(creatable(), more);
    }

    /** The form properties an edit binds: project and key come from the path. */
    static String[] editFields() {
        return fields(editableOnes());
    }

    private static String[] fields(List<EnvironmentSetting> settings, String... more) {
        List<String> names = new ArrayList<>(settings.stream().map(EnvironmentSetting::property).toList());
        names.addAll(List.of(more));
        return names.toArray(String[]::new);
    }

}
