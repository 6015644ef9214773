package org.ldportal.form;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class FormValidatorTests {

    private final FormValidator validator = new FormValidator(JsonMapper.builder().build());

    private static FormValues values(String... pairs) {
        Map<String, List<String>> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return new FormValues(map);
    }

    @Test
    void validateWhenRequiredEmptyThenMessageNamesTheField() {
        FormSpec spec = new FormSpec(
                List.of(FieldSpec.builder("topic", "Pub/Sub topic ID", FieldType.TEXT).required(true).build(),
                        FieldSpec.builder("region", "AWS region", FieldType.SELECT)
                            .required(true)
                            .options(List.of(FieldOption.of("us-east-1")))
                            .build()));

        FormValidation result = validator.validate(spec, values("topic", "  "));

        assertThat(result.errors()).containsEntry("topic", "Fill in Pub/Sub topic ID.")
            .containsEntry("region", "Choose an option for AWS region.");
    }

    @Test
    void validateWhenBooleanRequiredAndUntickedThenFalseNotAnError() {
        FormSpec spec = new FormSpec(
                List.of(FieldSpec.builder("skip-ca-verification", "Skip", FieldType.BOOLEAN).required(true).build()));

        FormValidation result = validator.validate(spec, values("other", "x"));

        assertThat(result.isValid()).isTrue();
        assertThat(result.cleaned()).containsEntry("skip-ca-verification", false);
        assertThat(validator.validate(spec, values("skip-ca-verification", "true")).cleaned())
            .containsEntry("skip-ca-verification", true);
    }

    @Test
    void validateWhenUrlNotHttpThenRefused() {
        FormSpec spec = new FormSpec(
                List.of(FieldSpec.builder("URL", "Receiver URL", FieldType.URL).required(true).build()));

        assertThat(validator.validate(spec, values("URL", "ftp://x.example")).errors()).containsKey("URL");
        assertThat(validator.validate(spec, values("URL", "hooks.example.com")).errors()).containsKey("URL");
        assertThat(validator.validate(spec, values("URL", "https://hooks.example.com/a")).cleaned())
            .containsEntry("URL", "https://hooks.example.com/a");
    }

    @Test
    void validateWhenNumberOutOfRangeOrNotANumberThenRefused() {
        FormSpec spec = new FormSpec(List.of(FieldSpec.builder("ttl", "TTL", FieldType.NUMBER).range(0L, 60L).build()));

        assertThat(validator.validate(spec, values("ttl", "61")).errors()).containsEntry("ttl",
                "Enter a whole number from 0 to 60.");
        assertThat(validator.validate(spec, values("ttl", "ten")).errors()).containsEntry("ttl",
                "Enter a whole number.");
        assertThat(validator.validate(spec, values("ttl", "5")).cleaned()).containsEntry("ttl", 5L);
    }

    @Test
    void validateWhenValueNotAmongOptionsThenRefused() {
        FormSpec spec = new FormSpec(List.of(
                FieldSpec.builder("severity", "Severity", FieldType.SELECT)
                    .options(List.of(FieldOption.of("error"), FieldOption.of("info")))
                    .build(),
                FieldSpec.builder("events", "Events", FieldType.MULTISELECT)
                    .required(true)
                    .options(List.of(FieldOption.of("a"), FieldOption.of("b")))
                    .build()));

        FormValidation result = validator.validate(spec, values("severity", "panic", "events", "a", "events", "z"));

        assertThat(result.errors()).containsKeys("severity", "events");
        assertThat(validator.validate(spec, values("severity", "info", "events", "a", "events", "b")).cleaned())
            .containsEntry("events", List.of("a", "b"));
        assertThat(validator.validate(spec, values("severity", "info")).errors()).containsEntry("events",
                "Choose at least one option for Events.");
    }

    @Test
    void validateWhenPatternOrLengthBrokenThenTheFieldsMessage() {
        FormSpec spec = new FormSpec(List.of(FieldSpec.builder("account", "Account", FieldType.TEXT)
            .pattern("^\\d{12}$", "Enter the 12-digit AWS account ID.")
            .maxLength(12)
            .build()));

        assertThat(validator.validate(spec, values("account", "12ab")).errors()).containsEntry("account",
                "Enter the 12-digit AWS account ID.");
        assertThat(validator.validate(spec, values("account", "1234567890123")).errors().get("account"))
            .contains("12 characters");
    }

    @Test
    void validateWhenJsonObjectThenMapElseMessage() {
        FormSpec spec = new FormSpec(
                List.of(FieldSpec.builder("config", "Config", FieldType.JSON_OBJECT).required(true).build()));

        assertThat(validator.validate(spec, values("config", "{\"a\": 1}")).cleaned()).containsEntry("config",
                Map.of("a", 1));
        assertThat(validator.validate(spec, values("config", "[1]")).errors().get("config")).contains("JSON object");
        assertThat(validator.validate(spec, values("config", "{a")).errors().get("config")).contains("not valid JSON");
    }

    @Test
    void validateWhenHiddenWithoutConditionThenDefaultSentAndRequestIgnored() {
        FormSpec spec = new FormSpec(
                List.of(FieldSpec.builder("region", "Region", FieldType.TEXT).hidden(true).defaultValue("us").build()));

        assertThat(validator.validate(spec, values("region", "tampered")).cleaned()).containsEntry("region", "us");
    }

    @Test
    void validateWhenConditionalFieldShownThenRequiredElseNeitherValidatedNorSent() {
        FieldCondition whenEscalating = new FieldCondition("escalate", FieldCondition.Action.SHOW,
                List.of(new FieldCondition.Condition(FieldCondition.Operator.EQUAL_TO, "true")));
        FormSpec spec = new FormSpec(List.of(FieldSpec.builder("escalate", "Escalate", FieldType.BOOLEAN).build(),
                FieldSpec.builder("policy", "Escalation policy", FieldType.TEXT)
                    .required(true)
                    .hidden(true)
                    .conditions(List.of(whenEscalating))
                    .build()));

        assertThat(validator.validate(spec, values("escalate", "true")).errors()).containsEntry("policy",
                "Fill in Escalation policy.");
        FormValidation unticked = validator.validate(spec, values("policy", "sneaked-in"));
        assertThat(unticked.isValid()).isTrue();
        assertThat(unticked.cleaned()).doesNotContainKey("policy");
    }

    @Test
    void validateWhenHideConditionHoldsThenFieldSkipped() {
        FieldCondition hideWhenCritical = new FieldCondition("severity", FieldCondition.Action.HIDE,
                List.of(new FieldCondition.Condition(FieldCondition.Operator.EQUAL_TO, "critical")));
        FormSpec spec = new FormSpec(List.of(FieldSpec.builder("severity", "Severity", FieldType.TEXT).build(),
                FieldSpec.builder("quiet", "Quiet hours", FieldType.TEXT)
                    .required(true)
                    .conditions(List.of(hideWhenCritical))
                    .build()));

        assertThat(validator.validate(spec, values("severity", "critical")).isValid()).isTrue();
        assertThat(validator.validate(spec, values("severity", "info")).errors()).containsKey("quiet");
    }

    private static FieldCondition when(String key, FieldCondition.Action action, String equalTo) {
        return new FieldCondition(key, action,
                List.of(new FieldCondition.Condition(FieldCondition.Operator.EQUAL_TO, equalTo)));
    }

    /**
     * escalate (a checkbox), severity (default "error") and a note that depends on both.
     */
    private static FormSpec escalation(FieldCondition... noteConditions) {
        return new FormSpec(List.of(FieldSpec.builder("escalate", "Escalate", FieldType.BOOLEAN).build(),
                FieldSpec.builder("severity", "Severity", FieldType.SELECT)
                    .defaultValue("error")
                    .options(List.of(FieldOption.of("critical"), FieldOption.of("error"), FieldOption.of("info")))
                    .build(),
                FieldSpec.builder("note", "Note", FieldType.TEXT)
                    .required(true)
                    .hidden(true)
                    .conditions(List.of(noteConditions))
                    .build()));
    }

    @Test
    void isShownWhenTwoShowConditionsThenShownOnlyWhileBothHold() {
        FormSpec spec = escalation(when("escalate", FieldCondition.Action.SHOW, "true"),
                when("severity", FieldCondition.Action.SHOW, "critical"));
        FieldSpec note = spec.field("note").orElseThrow();

        assertThat(FormValidator.isShown(note, spec, values("escalate", "true", "severity", "critical"))).isTrue();
        assertThat(FormValidator.isShown(note, spec, values("escalate", "true", "severity", "error"))).isFalse();
        assertThat(FormValidator.isShown(note, spec, values("severity", "critical"))).as("unticked").isFalse();
        assertThat(FormValidator.isShown(note, spec, values("severity", "info"))).isFalse();
        assertThat(FormValidator.isShown(note, spec, FormValues.empty())).as("first display: the defaults").isFalse();
    }

    @Test
    void isShownWhenShowAndHideConditionsThenHiddenWhenTheHideOneHoldsWhateverTheOther() {
        FormSpec spec = escalation(when("escalate", FieldCondition.Action.SHOW, "true"),
                when("severity", FieldCondition.Action.HIDE, "critical"));
        FieldSpec note = spec.field("note").orElseThrow();

        assertThat(FormValidator.isShown(note, spec, values("escalate", "true", "severity", "error"))).isTrue();
        assertThat(FormValidator.isShown(note, spec, values("escalate", "true", "severity", "critical"))).isFalse();
        assertThat(FormValidator.isShown(note, spec, values("severity", "error"))).isFalse();
        assertThat(FormValidator.isShown(note, spec, values("escalate", "true"))).as("severity absent: its default")
            .isTrue();
        // The order of the entries does not matter.
        FormSpec reversed = escalation(when("severity", FieldCondition.Action.HIDE, "critical"),
                when("escalate", FieldCondition.Action.SHOW, "true"));
        assertThat(FormValidator.isShown(reversed.field("note").orElseThrow(), reversed,
                values("escalate", "true", "severity", "critical")))
            .isFalse();
    }

    @Test
    void validateWhenSeveralConditionsThenRequiredAndSentOnlyWhileEveryOneAllowsIt() {
        FormSpec spec = escalation(when("escalate", FieldCondition.Action.SHOW, "true"),
                when("severity", FieldCondition.Action.SHOW, "critical"),
                when("severity", FieldCondition.Action.HIDE, "info"));

        assertThat(validator.validate(spec, values("escalate", "true", "severity", "critical")).errors())
            .containsEntry("note", "Fill in Note.");
        assertThat(validator.validate(spec, values("escalate", "true", "severity", "critical", "note", "call Ada"))
            .cleaned()).containsEntry("note", "call Ada");
        for (FormValues oneFails : List.of(values("severity", "critical", "note", "sneaked-in"),
                values("escalate", "true", "severity", "error", "note", "sneaked-in"),
                values("escalate", "true", "severity", "info", "note", "sneaked-in"))) {
            FormValidation result = validator.validate(spec, oneFails);
            assertThat(result.isValid()).as("%s", oneFails).isTrue();
            assertThat(result.cleaned()).as("%s", oneFails).doesNotContainKey("note");
        }
    }

    @Test
    void isShownWhenDependedOnFieldTakesNoInputOrIsAbsentThenItsDefaultOrEmptyIsCompared() {
        FormSpec spec = new FormSpec(
                List.of(FieldSpec.builder("region", "Region", FieldType.TEXT).hidden(true).defaultValue("eu").build(),
                        FieldSpec.builder("gdpr", "GDPR contact", FieldType.TEXT)
                            .conditions(List.of(when("region", FieldCondition.Action.SHOW, "eu")))
                            .build(),
                        FieldSpec.builder("other", "Other", FieldType.TEXT)
                            .conditions(List.of(when("nowhere", FieldCondition.Action.SHOW, "")))
                            .build()));

        assertThat(FormValidator.isShown(spec.field("gdpr").orElseThrow(), spec, values("region", "us"))).as("tampered")
            .isTrue();
        assertThat(FormValidator.isShown(spec.field("other").orElseThrow(), spec, values("nowhere", "x"))).isTrue();
    }

    @Test
    void isShownWhenDependedOnMultiselectThenItsFirstChosenOptionInListedOrder() {
        FormSpec spec = new FormSpec(List.of(
                FieldSpec.builder("events", "Events", FieldType.MULTISELECT)
                    .options(List.of(FieldOption.of("a"), FieldOption.of("b")))
                    .defaultValues(List.of("b"))
                    .build(),
                FieldSpec.builder("why", "Why", FieldType.TEXT)
                    .conditions(List.of(when("events", FieldCondition.Action.SHOW, "b")))
                    .build()));
        FieldSpec why = spec.field("why").orElseThrow();

        assertThat(FormValidator.isShown(why, spec, FormValues.empty())).isTrue();
        assertThat(FormValidator.isShown(why, spec, values("events", "b", "events", "a"))).as("a is listed first")
            .isFalse();
        assertThat(FormValidator.isShown(why, spec, values("events", "b"))).isTrue();
    }

    @Test
    void validateWhenReadOnlyOrNoticeThenNeverTakenFromRequest() {
        FormSpec spec = new FormSpec(
                List.of(FieldSpec.builder("externalId", "External ID", FieldType.READ_ONLY).required(true).build(),
                        FieldSpec.builder("connection", "Connection", FieldType.NOTICE).required(true).build()));

        FormValidation result = validator.validate(spec, values("externalId", "forged", "connection", "x"));

        assertThat(result.isValid()).isTrue();
        assertThat(result.cleaned()).isEmpty();
    }

    @Test
    void conditionOperatorsThenCompareStringsAndNumbers() {
        assertThat(new FieldCondition.Condition(FieldCondition.Operator.GREATER_THAN, "10").holdsFor("9")).isFalse();
        assertThat(new FieldCondition.Condition(FieldCondition.Operator.LESS_THAN, "10").holdsFor("9")).isTrue();
        assertThat(new FieldCondition.Condition(FieldCondition.Operator.CONTAINS, "prod").holdsFor("preprod")).isTrue();
        assertThat(new FieldCondition.Condition(FieldCondition.Operator.STARTS_WITH, "https").holdsFor("http://"))
            .isFalse();
        assertThat(new FieldCondition.Condition(FieldCondition.Operator.NOT_EQUAL, "a").holdsFor(null)).isTrue();
    }

    @Test
    void validateWhenAFieldNamesNoLimitThenFreeFormJsonAndTextStillStopAt64Kilobytes() {
        FormSpec spec = new FormSpec(
                List.of(FieldSpec.builder("key", "Service account key", FieldType.JSON_OBJECT).required(true).build(),
                        FieldSpec.builder("note", "Note", FieldType.TEXT).build()));
        String json = "{\"k\":\"" + "x".repeat(FormValidator.MAX_LENGTH) + "\"}";

        FormValidation validation = validator.validate(spec, values("key", json, "note", "y".repeat(70_000)));

        assertThat(validation.errors()).containsEntry("key", "Keep Service account key to 65,536 characters or fewer.")
            .containsEntry("note", "Keep Note to 65,536 characters or fewer.");
        assertThat(validator.validate(spec, values("key", "{\"k\":\"" + "x".repeat(60_000) + "\"}")).isValid())
            .isTrue();
    }

    @Test
    void conditionWhenAValueIsNoPlainNumberOfSensibleLengthThenComparedAsTextAtOnce() {
        String millionDigits = "9".repeat(1_000_000);
        long started = System.nanoTime();

        boolean huge = new FieldCondition.Condition(FieldCondition.Operator.GREATER_THAN, "5").holdsFor(millionDigits);
        boolean exponent = new FieldCondition.Condition(FieldCondition.Operator.LESS_THAN, "1e999999999").holdsFor("5");

        // As text: "999..." sorts after "5"; "5" after "1e9...". Numbers would say the
        // same for the first, not the
        // second; what matters is that neither is parsed as a number.
        assertThat(huge).isTrue();
        assertThat(exponent).isFalse();
        assertThat(new FieldCondition.Condition(FieldCondition.Operator.GREATER_THAN, "10.5").holdsFor("9.75"))
            .isFalse();
        assertThat(new FieldCondition.Condition(FieldCondition.Operator.GREATER_THAN, "-3").holdsFor("+2")).isTrue();
        System.out.printf("two hostile comparisons took %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

}
