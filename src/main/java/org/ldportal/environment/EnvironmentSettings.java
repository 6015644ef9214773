package org.ldportal.environment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.ldportal.change.FieldNames;
import org.ldportal.change.PatchPlan;
import org.ldportal.change.RefusalTarget;
import org.ldportal.change.Review;
import org.ldportal.change.ReviewLines;
import org.ldportal.launchdarkly.Environment;
import org.ldportal.launchdarkly.Tags;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What the portal derives from the {@link EnvironmentSetting} description: the values of
 * a form, the form of an environment as it is, the patch from what the person saw to what
 * they sent, the review lines of a create, the detail rows, and the field that one of
 * LaunchDarkly's 400s is about. Labels come from {@code messages.properties}, so a
 * setting is called the same on every page.
 */
@Component
class EnvironmentSettings {

    /** One line of the detail page: {@code property} names it for tests and links. */
    record Row(String property, String label, String value) {
    }

    private final MessageSource messages;

    private final ObjectMapper json;

    EnvironmentSettings(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    String label(EnvironmentSetting setting) {
        String label = messages.getMessage(setting.labelKey(), null, setting.property(), Locale.ENGLISH);
        // Never null: a missing message answers the default given.
        return label != null ? label : setting.property();
    }

    /**
     * The label of a form field beside the settings: the key, the source to copy from.
     */
    String label(String property) {
        String label = messages.getMessage("environment." + property, null, property, Locale.ENGLISH);
        return label != null ? label : property;
    }

    /**
     * The editable values of a form, as the page carries what the person saw and as the
     * patch compares them. An approval setting the form did not send (the page had none
     * to show) is left out, and so is never changed.
     */
    Map<String, Object> values(EnvironmentForm form) {
        BeanWrapper bean = PropertyAccessorFactory.forBeanPropertyAccess(form);
        Map<String, Object> values = new LinkedHashMap<>();
        for (EnvironmentSetting setting : EnvironmentSetting.editableOnes()) {
            Object value = bean.getPropertyValue(setting.property());
            if (value == null && setting.approval()) {
                continue;
            }
            values.put(setting.property(), normal(setting, value));
        }
        return values;
    }

    /** The edit form filled with the environment as LaunchDarkly answered it. */
    EnvironmentForm formOf(String projectKey, Environment environment) {
        EnvironmentForm form = new EnvironmentForm();
        form.setProjectKey(projectKey);
        form.setKey(environment.key());
        BeanWrapper bean = PropertyAccessorFactory.forBeanPropertyAccess(form);
        JsonNode answered = json.valueToTree(environment);
        for (EnvironmentSetting setting : EnvironmentSetting.editableOnes()) {
            Object value = valueIn(setting, answered);
            if (value == null && setting.approval()) {
                continue;
            }
            bean.setPropertyValue(setting.property(), formValue(setting, value));
        }
        return form;
    }

    /**
     * What would change from what the person saw to what the form says
     * ({@link #values(EnvironmentForm)}): each changed setting tested against what the
     * page showed, then replaced.
     */
    PatchPlan plan(Map<String, Object> seen, Map<String, Object> values) {
        PatchPlan plan = new PatchPlan();
        for (EnvironmentSetting setting : EnvironmentSetting.editableOnes()) {
            String property = setting.property();
            boolean shown = !setting.approval() || seen.containsKey(property);
            if (values.containsKey(property) && shown) {
                plan.field(setting.pointer(), label(setting), seen.get(property), values.get(property));
            }
        }
        return plan;
    }

    /** The settings of a create, as its review shows them. */
    List<Review.Line> createLines(EnvironmentForm form) {
        BeanWrapper bean = PropertyAccessorFactory.forBeanPropertyAccess(form);
        return EnvironmentSetting.creatable()
            .stream()
            .map(setting -> new Review.Line(label(setting),
                    words(setting, normal(setting, bean.getPropertyValue(setting.property())))))
            .toList();
    }

    /**
     * The environment's settings as its page lists them, the name aside (it is the
     * heading). Without approval settings (LaunchDarkly answers them only where the
     * account has approvals) one row says so.
     */
    List<Row> detailRows(Environment environment) {
        JsonNode answered = json.valueToTree(environment);
        List<Row> rows = new ArrayList<>();
        boolean approvals = answered.has("approvalSettings") && answered.get("approvalSettings").isObject();
        for (EnvironmentSetting setting : EnvironmentSetting.values()) {
            if (setting == EnvironmentSetting.NAME || (setting.approval() && !approvals)) {
                continue;
            }
            rows.add(new Row(setting.property(), label(setting), words(setting, valueIn(setting, answered))));
        }
        if (!approvals) {
            rows.add(new Row("approvalSettings", messages.getMessage("environment.approvals", null, Locale.ENGLISH),
                    messages.getMessage("environment.approvals.absent", null, Locale.ENGLISH)));
        }
        return rows;
    }

    /**
     * The form field one of LaunchDarkly's 400s is about, by the names it gives: a
     * setting's own ("approvalSettings.minNumApprovals", or "minNumApprovals" alone where
     * that is distinctive), "source" for the form's "copy settings from", or the whole
     * form.
     */
    static RefusalTarget locate(@Nullable String detail) {
        String named = FieldNames.namedIn(detail, API_NAMES.keySet());
        return named == null ? RefusalTarget.WHOLE_FORM : RefusalTarget.field(API_NAMES.getOrDefault(named, named));
    }

    /** LaunchDarkly's names for the form's fields, made once from the description. */
    private static final Map<String, String> API_NAMES = apiNames();

    private static Map<String, String> apiNames() {
        Map<String, String> fields = new LinkedHashMap<>();
        for (EnvironmentSetting setting : EnvironmentSetting.values()) {
            fields.put(setting.apiName(), setting.property());
            String last = setting.apiName().substring(setting.apiName().lastIndexOf('.') + 1);
            // A camel-case name is distinctive alone; "required" is a word of any
            // message.
            if (!last.equals(setting.apiName()) && !last.equals(last.toLowerCase(Locale.ROOT))) {
                fields.put(last, setting.property());
            }
        }
        fields.put("source.key", "sourceKey");
        fields.put("source", "sourceKey");
        fields.put("key", "key");
        return Map.copyOf(fields);
    }

    private static @Nullable Object valueIn(EnvironmentSetting setting, JsonNode answered) {
        JsonNode node = answered.at(setting.pointer());
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            return node.asInt();
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asString()));
            return items;
        }
        return node.asString();
    }

    /** A value as the form holds it: tags as text, no value as the form's default. */
    private static @Nullable Object formValue(EnvironmentSetting setting, @Nullable Object value) {
        return switch (setting.kind()) {
            case TAGS ->
                value instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList()) : "";
            case SWITCH -> Boolean.TRUE.equals(value);
            case NUMBER -> value == null ? 0 : value;
            default -> value;
        };
    }

    /**
     * A value as it is compared and sent: tags as a list, the colour without its hash, a
     * switch as true or false.
     */
    private static @Nullable Object normal(EnvironmentSetting setting, @Nullable Object value) {
        return switch (setting.kind()) {
            case TAGS -> Tags.parse(value == null ? null : value.toString()).tags();
            case COLOUR -> value == null ? null : value.toString().replace("#", "");
            case SWITCH -> Boolean.TRUE.equals(value);
            case NUMBER -> value == null ? 0 : value;
            default -> value;
        };
    }

    private static String words(EnvironmentSetting setting, @Nullable Object value) {
        return switch (setting.kind()) {
            case SWITCH -> ReviewLines.yesNo(Boolean.TRUE.equals(value));
            case TAGS -> value instanceof List<?> list && !list.isEmpty()
                    ? String.join(", ", list.stream().map(String::valueOf).toList()) : "\u2014";
            case COLOUR -> value == null ? "\u2014" : "#" + value.toString().toLowerCase(Locale.ROOT);
            default -> value == null ? "\u2014" : value.toString();
        };
    }

}
