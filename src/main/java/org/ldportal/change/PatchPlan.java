package org.ldportal.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.ldportal.launchdarkly.PatchOperation;

/**
 * An edit as LaunchDarkly receives it: only the fields that changed, each as a
 * {@code test} of the value the person saw and a {@code replace} with the new one, so the
 * patch applies only if nobody changed that field meanwhile (a 409 otherwise). A secret
 * is sent only when a new one was typed (left empty, the current one stays) and never
 * tested: LaunchDarkly does not show it. {@link #changes()} says in words what changes,
 * for the page and the trail.
 */
public final class PatchPlan {

    /** One changed field, as people read it: secrets as {@link #HIDDEN}. */
    public record FieldChange(String label, String before, String after) {
    }

    public static final String HIDDEN = "hidden";

    private final List<PatchOperation> operations = new ArrayList<>();

    private final List<FieldChange> changes = new ArrayList<>();

    private final List<String> secretValues = new ArrayList<>();

    /**
     * A field whose value the person saw ({@code before}) and may have changed
     * ({@code after}).
     */
    public PatchPlan field(String pointer, String label, @Nullable Object before, @Nullable Object after) {
        if (Objects.equals(normal(before), normal(after))) {
            return this;
        }
        if (before != null) {
            operations.add(PatchOperation.test(pointer, before));
            operations.add(after == null ? PatchOperation.remove(pointer) : PatchOperation.replace(pointer, after));
        }
        else if (after != null) {
            operations.add(PatchOperation.add(pointer, after));
        }
        changes.add(new FieldChange(label, words(before), words(after)));
        return this;
    }

    /**
     * A value sent whole without a test of its own (a list whose stored form may differ
     * from how the page reads it); only the version test guards it, so use it where the
     * resource has a version.
     */
    public PatchPlan replaced(String pointer, String label, String before, Object after, String afterInWords) {
        operations.add(PatchOperation.replace(pointer, after));
        changes.add(new FieldChange(label, before.isEmpty() ? "(none)" : before,
                afterInWords.isEmpty() ? "(none)" : afterInWords));
        return this;
    }

    /**
     * A value sent whole (a list whose stored form may differ from how the page reads
     * it), tested first against {@code seen}, the value exactly as LaunchDarkly answered
     * it when the page was shown.
     */
    public PatchPlan replacedTested(String pointer, String label, String before, Object seen, Object after,
            String afterInWords) {
        operations.add(PatchOperation.test(pointer, seen));
        return replaced(pointer, label, before, after, afterInWords);
    }

    /** A secret field: replaced when something was typed, else left as it is. */
    public PatchPlan secret(String pointer, String label, @Nullable String typed, boolean wasSet) {
        if (typed == null || typed.isEmpty()) {
            return this;
        }
        operations.add(wasSet ? PatchOperation.replace(pointer, typed) : PatchOperation.add(pointer, typed));
        secretValues.add(typed);
        changes.add(new FieldChange(label, wasSet ? "set, " + HIDDEN : "not set", "new value, " + HIDDEN));
        return this;
    }

    /**
     * This plan with a test of the resource's version first (when there is one to test):
     * any change meanwhile, even of a field the person did not touch, then refuses the
     * whole patch. An empty plan stays empty.
     */
    public PatchPlan versioned(@Nullable PatchOperation versionTest) {
        if (versionTest != null && !operations.isEmpty()) {
            operations.add(0, versionTest);
        }
        return this;
    }

    public boolean isEmpty() {
        return operations.isEmpty();
    }

    public List<PatchOperation> operations() {
        return List.copyOf(operations);
    }

    public List<FieldChange> changes() {
        return List.copyOf(changes);
    }

    /** The secrets typed, which the audited body and any message must not contain. */
    public List<String> secretValues() {
        return List.copyOf(secretValues);
    }

    /**
     * Empty text and no value are the same to a form: a field left empty that had no
     * value has not changed.
     */
    private static @Nullable Object normal(@Nullable Object value) {
        return value instanceof String text && text.isEmpty() ? null : value;
    }

    private static String words(@Nullable Object value) {
        if (value == null || (value instanceof String text && text.isEmpty())) {
            return "(none)";
        }
        if (value instanceof Boolean flag) {
            return flag ? "yes" : "no";
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "(none)" : String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

}
