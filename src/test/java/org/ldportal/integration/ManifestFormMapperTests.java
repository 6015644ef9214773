package org.ldportal.integration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.ldportal.form.FieldCondition;
import org.ldportal.form.FieldSpec;
import org.ldportal.form.FieldType;
import org.ldportal.form.FormSpec;
import org.ldportal.form.FormValidation;
import org.ldportal.form.FormValidator;
import org.ldportal.form.FormValues;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every manifest maps onto the form engine without error, and the manifest format's rules
 * are kept.
 */
class ManifestFormMapperTests {

    static final Path FIXTURES = Path.of("src", "test", "resources", "manifests");
    static final Path SHARED = Path.of("..", "shared", "ld", "manifests");

    private final JsonMapper json = JsonMapper.builder().build();

    private final ManifestParser parser = new ManifestParser();

    @Test
    void fixturesThenEveryManifestMapsAndEveryVisibleVariableIsALabelledField() throws IOException {
        List<Manifest> manifests = read(FIXTURES);
        assertThat(manifests).hasSizeGreaterThanOrEqualTo(6);
        manifests.forEach(this::mapsCompletely);
    }

    @Test
    void sharedManifestsThenEveryManifestMapsAndEveryVisibleVariableIsALabelledField() throws IOException {
        assumeTrue(Files.isDirectory(SHARED), "Skipped: the real manifests are not at " + SHARED.toAbsolutePath()
                + " (the shared reference folder beside the checkout is absent)");
        List<Manifest> manifests = read(SHARED);
        assertThat(manifests).hasSize(18);
        manifests.forEach(this::mapsCompletely);
    }

    @Test
    void fixturesThenTogetherUseEveryTypeAndAttribute() throws IOException {
        List<FormVariable> variables = read(FIXTURES).stream().flatMap(m -> m.formVariables().stream()).toList();
        assertThat(variables).extracting(FormVariable::type)
            .contains("string", "boolean", "uri", "enum", "dynamicEnum", "generated", "environmentSelector",
                    "multiselect", "publicKey", "oauth");
        assertThat(variables).anyMatch(FormVariable::secret)
            .anyMatch(FormVariable::optional)
            .anyMatch(FormVariable::hidden)
            .anyMatch(v -> v.defaultValue() != null)
            .anyMatch(v -> v.placeholder() != null)
            .anyMatch(v -> !v.allowedValues().isEmpty())
            .anyMatch(v -> v.dynamicOptions() != null)
            .anyMatch(v -> v.hidden() && v.dependsOn().isEmpty())
            .anyMatch(v -> v.hidden() && !v.dependsOn().isEmpty())
            .anyMatch(v -> v.dependsOn().stream().anyMatch(d -> d.action().equals("hideField")))
            .anyMatch(v -> v.dependsOn().size() >= 2)
            .anyMatch(v -> v.description() != null && v.description().contains("]("));
        List<Manifest> manifests = read(FIXTURES);
        assertThat(manifests.stream().filter(Manifest::allowsConfigurations).count()).isGreaterThanOrEqualTo(2);
        assertThat(manifests.stream().filter(Manifest::hasAuditLogHook).count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void isOptionalAbsentThenRequired() {
        FieldSpec field = field("log-stream", "base-url");
        assertThat(field.required()).isTrue();
        assertThat(field.type()).as("a plain string, not a URL, although it looks like one").isEqualTo(FieldType.TEXT);
    }

    @Test
    void booleanWithoutDefaultAndNotOptionalThenNeverRequiredToBeTicked() {
        FieldSpec field = field("log-stream", "skip-ca-verification");
        assertThat(field.type()).isEqualTo(FieldType.BOOLEAN);
        assertThat(field.required()).isFalse();
        FormSpec form = form("log-stream");
        assertThat(new FormValidator(json)
            .validate(form, new FormValues(Map.of("base-url", List.of("https://x"), "token", List.of("t"))))
            .cleaned()).containsEntry("skip-ca-verification", false);
    }

    @Test
    void hiddenWithoutDependsOnThenNotShownAndSentWithDefault() {
        FieldSpec region = field("pager-alerts", "region");
        assertThat(region.hidden()).isTrue();
        assertThat(new FormValidator(json)
            .validate(form("pager-alerts"),
                    new FormValues(Map.of("routingKey", List.of("rk"), "severity", List.of("error"))))
            .cleaned()).containsEntry("region", "us");
    }

    @Test
    void hiddenWithDependsOnShowFieldThenAppearsAndIsRequiredWhenConditionHolds() {
        FormValidator validator = new FormValidator(json);
        FormSpec form = form("pager-alerts");
        Map<String, List<String>> base = Map.of("routingKey", List.of("rk"), "severity", List.of("error"));

        assertThat(validator.validate(form, new FormValues(base)).errors()).doesNotContainKey("escalationPolicy");
        Map<String, List<String>> escalating = new java.util.HashMap<>(base);
        escalating.put("escalate", List.of("true"));
        assertThat(validator.validate(form, new FormValues(escalating)).errors()).containsKey("escalationPolicy");
    }

    @Test
    void dependsOnWhenTwoEntriesThenBothMappedInOrder() {
        FieldSpec note = field("pager-alerts", "escalationNote");

        assertThat(note.hidden()).isTrue();
        assertThat(note.required()).isTrue();
        assertThat(note.conditions()).containsExactly(
                new FieldCondition("escalate", FieldCondition.Action.SHOW,
                        List.of(new FieldCondition.Condition(FieldCondition.Operator.EQUAL_TO, "true"))),
                new FieldCondition("severity", FieldCondition.Action.HIDE,
                        List.of(new FieldCondition.Condition(FieldCondition.Operator.EQUAL_TO, "critical"))));
    }

    @Test
    void dependsOnWhenTwoEntriesThenRequiredOnlyWhileShowFieldHoldsAndHideFieldDoesNot() {
        FormValidator validator = new FormValidator(json);
        FormSpec form = form("pager-alerts");
        Map<String, List<String>> values = new java.util.HashMap<>(
                Map.of("routingKey", List.of("rk"), "escalationPolicy", List.of("primary")));

        values.put("severity", List.of("error"));
        assertThat(validator.validate(form, new FormValues(values)).errors()).as("not escalating").isEmpty();
        values.put("escalate", List.of("true"));
        assertThat(validator.validate(form, new FormValues(values)).errors()).containsOnlyKeys("escalationNote");
        values.put("severity", List.of("critical"));
        values.put("escalationNote", List.of("sneaked-in"));
        FormValidation critical = validator.validate(form, new FormValues(values));
        assertThat(critical.errors()).as("critical: hidden by the hideField entry").isEmpty();
        assertThat(critical.cleaned()).doesNotContainKey("escalationNote").containsEntry("escalationPolicy", "primary");
    }

    @Test
    void typesThenMappedAsTheFormatMeans() {
        assertThat(field("acme-webhooks", "URL").type()).isEqualTo(FieldType.URL);
        assertThat(field("acme-webhooks", "format").options()).extracting(o -> o.value())
            .containsExactly("json", "text");
        assertThat(field("pager-alerts", "eventFilter").type()).isEqualTo(FieldType.MULTISELECT);
        assertThat(field("pager-alerts", "eventFilter").defaultValues()).containsExactly("rollout-regression",
                "rollout-reverted");
        assertThat(field("pager-alerts", "externalId").type()).isEqualTo(FieldType.READ_ONLY);
        assertThat(field("pager-alerts", "publicKey").type()).isEqualTo(FieldType.READ_ONLY);
        assertThat(field("oauth-connector", "connection").type()).isEqualTo(FieldType.NOTICE);
        assertThat(field("acme-webhooks", "signingSecret").secret()).isTrue();
        assertThat(field("acme-webhooks", "color").help()).as("dynamic choices unavailable: a text field with a note")
            .contains("could not be loaded");
    }

    @Test
    void blockedManifestsThenSayWhy() throws IOException {
        Map<String, Manifest> byKey = new java.util.HashMap<>();
        read(FIXTURES).forEach(m -> byKey.put(m.key(), m));
        assertThat(byKey.get("edge-store").configurationBlockedBecause()).contains("managed by the integration itself");
        assertThat(byKey.get("edge-store").setUpElsewhereUrl()).startsWith("https://edge-store.example.com");
        assertThat(byKey.get("oauth-connector").configurationBlockedBecause()).contains("OAuth");
        assertThat(byKey.get("log-stream").configurationBlockedBecause()).isNull();
        assertThat(byKey.get("log-stream").defaultPolicy()).singleElement()
            .satisfies(statement -> assertThat(statement.resources()).containsExactly("proj/*:env/production:flag/*"));
    }

    private void mapsCompletely(Manifest manifest) {
        // Every group of formVariables as its own form, wherever the variables live: each
        // must map.
        Map<String, List<FormVariable>> groups = new LinkedHashMap<>();
        manifest.formVariables()
            .forEach(variable -> groups.computeIfAbsent(variable.location(), k -> new ArrayList<>()).add(variable));
        Map<String, FormSpec> forms = new LinkedHashMap<>();
        groups.forEach((location, variables) -> forms.put(location,
                ManifestFormMapper.form(variables, ManifestFormMapper.NONE)));
        for (FormVariable variable : manifest.formVariables()) {
            FormSpec form = forms.get(variable.location());
            FieldSpec field = form.field(variable.key())
                .orElseThrow(() -> new AssertionError(
                        manifest.key() + ": " + variable.location() + "." + variable.key() + " was not mapped"));
            assertThat(field.label()).as("%s.%s label", manifest.key(), variable.key()).isNotBlank();
            assertThat(field.hidden()).as("%s.%s hidden", manifest.key(), variable.key()).isEqualTo(variable.hidden());
            assertThat(field.conditions()).as("%s.%s dependsOn", manifest.key(), variable.key())
                .extracting(FieldCondition::fieldKey)
                .containsExactlyElementsOf(
                        variable.dependsOn().stream().map(FormVariable.Dependency::variableKey).toList());
        }
    }

    private FieldSpec field(String manifest, String key) {
        return form(manifest).field(key).orElseThrow();
    }

    private FormSpec form(String key) {
        try {
            Manifest manifest = parser
                .parse(json.readTree(Files.readString(FIXTURES.resolve(key).resolve("manifest.json"))), key);
            return ManifestFormMapper.configForm(manifest, ManifestFormMapper.NONE);
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<Manifest> read(Path folder) throws IOException {
        List<Manifest> manifests = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.sorted().toList()) {
                Path file = Files.isDirectory(entry) ? entry.resolve("manifest.json") : entry;
                if (file.toString().endsWith(".json") && Files.isRegularFile(file)) {
                    String key = Files.isDirectory(entry) ? entry.getFileName().toString()
                            : entry.getFileName().toString().replace(".json", "");
                    manifests.add(parser.parse(json.readTree(Files.readString(file)), key));
                }
            }
        }
        return manifests;
    }

}
