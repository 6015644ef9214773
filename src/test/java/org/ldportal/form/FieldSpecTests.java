package org.ldportal.form;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FieldSpecTests {

    private static final FieldCondition WHEN_ON = new FieldCondition("on", FieldCondition.Action.SHOW,
            List.of(new FieldCondition.Condition(FieldCondition.Operator.EQUAL_TO, "true")));

    /** Every component set to something other than its start value. */
    private final FieldSpec full = fullBuilder().build();

    private static FieldSpec.Builder fullBuilder() {
        return FieldSpec.builder("port", "Port", FieldType.NUMBER)
            .required(true)
            .secret(true)
            .hidden(true)
            .defaultValue("6379")
            .defaultValues(List.of("a"))
            .options(List.of(FieldOption.of("a")))
            .placeholder("6379")
            .help("The port.")
            .pattern("^\\d+$", "Digits only.")
            .maxLength(5)
            .range(1L, 65535L)
            .conditions(List.of(WHEN_ON));
    }

    @Test
    void builderWhenNothingSetThenOptionalFieldWithEmptyChoices() {
        FieldSpec field = FieldSpec.builder("host", "Host", FieldType.TEXT).build();

        assertThat(field).isEqualTo(new FieldSpec("host", "Host", FieldType.TEXT, false, false, false, null, List.of(),
                List.of(), null, null, null, null, null, null, null, null));
    }

    @Test
    void builderWhenEverySetThenEveryComponentKept() {
        assertThat(full).isEqualTo(new FieldSpec("port", "Port", FieldType.NUMBER, true, true, true, "6379",
                List.of("a"), List.of(FieldOption.of("a")), "6379", "The port.", "^\\d+$", "Digits only.", 5, 1L,
                65535L, List.of(WHEN_ON)));
    }

    @Test
    void builderWhenOneComponentSetLastThenOnlyThatComponentDiffersAndEarlierBuildUnchanged() throws Exception {
        Map<String, UnaryOperator<FieldSpec.Builder>> changes = new LinkedHashMap<>();
        changes.put("type", b -> b.type(FieldType.TEXT));
        changes.put("required", b -> b.required(false));
        changes.put("secret", b -> b.secret(false));
        changes.put("hidden", b -> b.hidden(false));
        changes.put("defaultValue", b -> b.defaultValue("6380"));
        changes.put("defaultValues", b -> b.defaultValues(List.of("b")));
        changes.put("options", b -> b.options(List.of(FieldOption.of("b"))));
        changes.put("placeholder", b -> b.placeholder("6380"));
        changes.put("help", b -> b.help("Another port."));
        changes.put("pattern", b -> b.pattern("^\\d{4}$", "Digits only."));
        changes.put("patternMessage", b -> b.pattern("^\\d+$", "Only digits."));
        changes.put("maxLength", b -> b.maxLength(6));
        changes.put("min", b -> b.range(2L, 65535L));
        changes.put("max", b -> b.range(1L, 1024L));
        changes.put("conditions", b -> b.conditions(List.of(WHEN_ON, WHEN_ON)));
        RecordComponent[] components = FieldSpec.class.getRecordComponents();
        assertThat(changes.keySet()).as("one change per component the builder sets (key and label are its arguments)")
            .containsExactlyElementsOf(Arrays.stream(components)
                .map(RecordComponent::getName)
                .filter(name -> !name.equals("key") && !name.equals("label"))
                .toList());

        for (Map.Entry<String, UnaryOperator<FieldSpec.Builder>> change : changes.entrySet()) {
            FieldSpec.Builder builder = fullBuilder();
            FieldSpec earlier = builder.build();
            FieldSpec changed = change.getValue().apply(builder).build();
            List<String> differing = new ArrayList<>();
            for (RecordComponent component : components) {
                if (!Objects.equals(component.getAccessor().invoke(changed), component.getAccessor().invoke(full))) {
                    differing.add(component.getName());
                }
            }
            assertThat(differing).as("setting %s", change.getKey()).containsExactly(change.getKey());
            assertThat(earlier).as("built before setting %s", change.getKey()).isEqualTo(full);
        }
    }

    @Test
    void builderWhenListsNullOrChangedLaterThenFieldKeepsItsOwnCopy() {
        List<String> defaults = new ArrayList<>(List.of("a"));
        List<FieldCondition> conditions = new ArrayList<>(List.of(WHEN_ON));
        FieldSpec field = FieldSpec.builder("events", "Events", FieldType.MULTISELECT)
            .defaultValues(defaults)
            .options(null)
            .conditions(conditions)
            .build();
        defaults.add("b");
        conditions.clear();

        assertThat(field.defaultValues()).containsExactly("a");
        assertThat(field.options()).isEmpty();
        assertThat(field.conditions()).containsExactly(WHEN_ON);
        assertThat(FieldSpec.builder("x", "X", FieldType.TEXT)
            .conditions((List<FieldCondition>) null)
            .build()
            .conditions()).isEmpty();
    }

}
