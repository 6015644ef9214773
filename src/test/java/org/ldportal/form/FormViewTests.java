package org.ldportal.form;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormViewTests {

    private final FormSpec spec = new FormSpec(List.of(
            FieldSpec.builder("writeKey", "Write key", FieldType.TEXT)
                .secret(true)
                .required(true)
                .help("From Segment.")
                .build(),
            FieldSpec.builder("kind", "Context kind", FieldType.TEXT).defaultValue("user").build(),
            FieldSpec.builder("region", "Region", FieldType.TEXT).hidden(true).defaultValue("us").build()));

    @Test
    void ofWhenFirstShownThenDefaultsAndHiddenFieldsLeftOut() {
        FormView view = FormView.of(spec, "config", FormValues.empty(), Map.of());

        assertThat(view.fields()).extracting(field -> field.spec().key()).containsExactly("writeKey", "kind");
        assertThat(view.fields().get(1).value()).isEqualTo("user");
        assertThat(view.fields().get(0).name()).isEqualTo("config[writeKey]");
        assertThat(view.fields().get(0).describedBy()).isEqualTo("config-writeKey-help");
    }

    @Test
    void ofWhenSecretTypedAndFormFailedThenSecretNeverInThePageButSaidToBeKept() {
        FormValues typed = new FormValues(Map.of("writeKey", List.of("wk-123"), "kind", List.of("member")));

        FormView view = FormView.of(spec, "config", typed, Map.of("writeKey", "Rejected"),
                java.util.Set.of("writeKey"));

        FieldView secret = view.fields().get(0);
        assertThat(secret.value()).isNull();
        assertThat(secret.values()).isEmpty();
        assertThat(secret.secretKept()).isTrue();
        assertThat(secret.describedBy()).isEqualTo("config-writeKey-help config-writeKey-kept config-writeKey-error");
        assertThat(FormView.of(spec, "config", typed, Map.of()).fields().get(0).secretKept()).as("not kept: not said")
            .isFalse();
        assertThat(view.fields().get(1).value()).isEqualTo("member");
        assertThat(typed.secretValues(spec)).containsExactly("wk-123");
    }

    @Test
    void ofWhenFieldHasSeveralConditionsThenAllRenderedForTheScriptAndShownAsTheServerDecides() {
        FieldCondition whenTicked = new FieldCondition("escalate", FieldCondition.Action.SHOW,
                List.of(new FieldCondition.Condition(FieldCondition.Operator.EQUAL_TO, "true")));
        FieldCondition unlessCritical = new FieldCondition("severity", FieldCondition.Action.HIDE,
                List.of(new FieldCondition.Condition(FieldCondition.Operator.EQUAL_TO, "critical")));
        FieldCondition whenInUs = new FieldCondition("region", FieldCondition.Action.SHOW,
                List.of(new FieldCondition.Condition(FieldCondition.Operator.STARTS_WITH, "us")));
        FormSpec conditional = new FormSpec(
                List.of(FieldSpec.builder("escalate", "Escalate", FieldType.BOOLEAN).build(),
                        FieldSpec.builder("severity", "Severity", FieldType.TEXT).defaultValue("error").build(),
                        FieldSpec.builder("region", "Region", FieldType.TEXT).hidden(true).defaultValue("us").build(),
                        FieldSpec.builder("events", "Events", FieldType.MULTISELECT)
                            .options(List.of(FieldOption.of("a")))
                            .build(),
                        FieldSpec.builder("note", "Note", FieldType.TEXT)
                            .hidden(true)
                            .conditions(List.of(whenTicked, unlessCritical, whenInUs,
                                    new FieldCondition("events", FieldCondition.Action.SHOW, List.of())))
                            .build()));

        FieldView first = FormView.of(conditional, "config", FormValues.empty(), Map.of()).fields().get(3);
        FieldView ticked = FormView
            .of(conditional, "config", new FormValues(Map.of("escalate", List.of("true"), "severity", List.of("info"))),
                    Map.of())
            .fields()
            .get(3);
        FieldView critical = FormView
            .of(conditional, "config",
                    new FormValues(Map.of("escalate", List.of("true"), "severity", List.of("critical"))), Map.of())
            .fields()
            .get(3);

        assertThat(first.spec().key()).isEqualTo("note");
        assertThat(first.shown()).isFalse();
        assertThat(ticked.shown()).isTrue();
        assertThat(critical.shown()).isFalse();
        assertThat(first.conditionsJson())
            .isEqualTo("[" + "{\"field\":\"config[escalate]\",\"read\":\"checkbox\",\"action\":\"SHOW\","
                    + "\"conditions\":[{\"operator\":\"EQUAL_TO\",\"value\":\"true\"}]},"
                    + "{\"field\":\"config[severity]\",\"read\":\"value\",\"action\":\"HIDE\","
                    + "\"conditions\":[{\"operator\":\"EQUAL_TO\",\"value\":\"critical\"}]},"
                    + "{\"field\":\"config[region]\",\"fixedValue\":\"us\",\"action\":\"SHOW\","
                    + "\"conditions\":[{\"operator\":\"STARTS_WITH\",\"value\":\"us\"}]},"
                    + "{\"field\":\"config[events]\",\"read\":\"choices\",\"action\":\"SHOW\",\"conditions\":[]}]");
        assertThat(FormView.of(conditional, "config", FormValues.empty(), Map.of()).fields().get(0).conditionsJson())
            .isNull();
    }

    @Test
    void helpHtmlWhenMarkdownLinkAndHtmlThenLinkRenderedAndHtmlEscaped() {
        assertThat(FormText.html("See [the guide](https://example.com/a?b=1&c=2) <script>alert(1)</script>"))
            .isEqualTo("See <a href=\"https://example.com/a?b=1&amp;c=2\" rel=\"noopener noreferrer\">the guide</a> "
                    + "&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(FormText.html("[x](javascript:alert(1))")).doesNotContain("<a");
    }

}
