package org.ldportal.integration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ldportal.change.PatchPlan;
import org.ldportal.form.EditedValues;
import org.ldportal.form.FieldOption;
import org.ldportal.form.FieldSpec;
import org.ldportal.form.FieldType;
import org.ldportal.form.FormSpec;
import org.ldportal.form.FormValidator;
import org.ldportal.form.FormValues;
import org.ldportal.launchdarkly.PatchOperation;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an edit of an integration's values sends: only fields a person fills in and sees.
 * LaunchDarkly's generated values, notices and hidden fields are never removed or reset,
 * and a secret left empty is neither checked nor sent.
 */
class IntegrationEditPlanTests {

    private static final FormSpec FORM = new FormSpec(
            List.of(FieldSpec.builder("url", "Receiver URL", FieldType.URL).required(true).build(),
                    FieldSpec.builder("signingUrl", "Signed URL", FieldType.URL).required(true).secret(true).build(),
                    FieldSpec.builder("externalId", "External ID", FieldType.READ_ONLY).build(),
                    FieldSpec.builder("region", "Region", FieldType.TEXT).hidden(true).defaultValue("eu").build()));

    private final IntegrationManagement.Item current = new IntegrationManagement.Item(IntegrationType.CONFIGURATION,
            "c1", "Alerts", true, List.of(), Map.of("url", "https://a.example.com", "signingUrl", "********",
                    "externalId", "ld-generated-1", "region", "us"),
            3, null, List.of());

    @Test
    void planWhenOnlyTheUrlChangedThenGeneratedAndHiddenValuesAreLeftAlone() {
        FormValues sent = FormValues.empty().with("url", "https://b.example.com").with("signingUrl", "");
        EditedValues edited = EditedValues.of(FORM, sent);
        var validation = new FormValidator(JsonMapper.builder().build()).validate(edited.spec(), sent);
        assertThat(validation.errors()).as("a secret URL left empty is kept, not checked").isEmpty();

        PatchPlan plan = IntegrationManagement.plan(FORM, sent, current,
                IntegrationManagement.editableValues(FORM, current), "Alerts", List.of(), validation.cleaned(),
                edited.typedSecrets(), null);

        assertThat(plan.operations()).containsExactly(PatchOperation.test("/_version", 3),
                PatchOperation.test("/configValues/url", "https://a.example.com"),
                PatchOperation.replace("/configValues/url", "https://b.example.com"));
        assertThat(IntegrationManagement.editableValues(FORM, current)).containsOnlyKeys("name", "tags", "config.url");
    }

    @Test
    void editedValuesWhenASecretIsTypedThenItIsCheckedAndSent() {
        FormValues sent = FormValues.empty().with("url", "https://a.example.com").with("signingUrl", "not a url");
        EditedValues edited = EditedValues.of(FORM, sent);

        assertThat(edited.typedSecrets()).containsEntry("signingUrl", "not a url");
        assertThat(new FormValidator(JsonMapper.builder().build()).validate(edited.spec(), sent).errors())
            .containsKey("signingUrl");
    }

    private static final FormSpec CHOICES = new FormSpec(List.of(
            FieldSpec.builder("eventFilter", "Events", FieldType.MULTISELECT)
                .options(List.of(new FieldOption("a", "A"), new FieldOption("b", "B"), new FieldOption("c", "C")))
                .build(),
            FieldSpec.builder("projectAndEnv", "Environment", FieldType.SELECT)
                .options(List.of(new FieldOption("p/e", "P E"), new FieldOption("p/f", "P F")))
                .build(),
            FieldSpec.builder("escalate", "Escalate", FieldType.BOOLEAN).build()));

    private final IntegrationManagement.Item chosen = new IntegrationManagement.Item(
            IntegrationType.CONFIGURATION, "c2", "Pages", true, List.of(), Map.of("eventFilter", List.of("a", "c"),
                    "projectAndEnv", Map.of("projectKey", "p", "environmentKey", "e"), "escalate", true),
            4, null, List.of());

    @Test
    void planWhenChoicesAnEnvironmentAndABoxAreSentAsTheyWereShownThenNothingButTheName() {
        FormValues shown = IntegrationManagement.formValuesOf(CHOICES, chosen);
        assertThat(shown.all("eventFilter")).containsExactly("a", "c");
        assertThat(shown.first("projectAndEnv")).isEqualTo("p/e");
        assertThat(shown.first("escalate")).isEqualTo("true");
        var validation = new FormValidator(JsonMapper.builder().build()).validate(CHOICES, shown);
        // As the edit sends the environment: the object a create sends.
        Map<String, Object> cleaned = new LinkedHashMap<>(validation.cleaned());
        cleaned.put("projectAndEnv", Map.of("projectKey", "p", "environmentKey", "e"));

        PatchPlan plan = IntegrationManagement.plan(CHOICES, shown, chosen,
                IntegrationManagement.editableValues(CHOICES, chosen), "Pages EU", List.of(), cleaned, Map.of(), null);

        assertThat(plan.operations()).containsExactly(PatchOperation.test("/_version", 4),
                PatchOperation.test("/name", "Pages"), PatchOperation.replace("/name", "Pages EU"));
    }

    @Test
    void planWhenAChoiceIsUntickedThenTheListIsTestedAndReplacedAsLaunchDarklyKeepsIt() {
        FormValues sent = IntegrationManagement.formValuesOf(CHOICES, chosen).withAll("eventFilter", List.of("a"));
        var validation = new FormValidator(JsonMapper.builder().build()).validate(CHOICES, sent);
        Map<String, Object> cleaned = new LinkedHashMap<>(validation.cleaned());
        cleaned.put("projectAndEnv", Map.of("projectKey", "p", "environmentKey", "e"));

        PatchPlan plan = IntegrationManagement.plan(CHOICES, sent, chosen,
                IntegrationManagement.editableValues(CHOICES, chosen), "Pages", List.of(), cleaned, Map.of(), null);

        assertThat(plan.operations()).containsExactly(PatchOperation.test("/_version", 4),
                PatchOperation.test("/configValues/eventFilter", List.of("a", "c")),
                PatchOperation.replace("/configValues/eventFilter", List.of("a")));
    }

}
