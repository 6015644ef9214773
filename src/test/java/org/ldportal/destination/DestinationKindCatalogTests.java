package org.ldportal.destination;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ldportal.form.FieldSpec;
import org.ldportal.form.FieldType;
import org.ldportal.form.FormValidator;
import org.ldportal.form.FormValues;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DestinationKindCatalogTests {

    private static final Path SPEC_KINDS = Path.of("..", "shared", "ld", "destination-kinds.json");

    private final JsonMapper json = JsonMapper.builder().build();

    private final DestinationKindCatalog catalog = new DestinationKindCatalog(json);

    private final FormValidator validator = new FormValidator(json);

    @Test
    void allThenTheNineKindsInOrder() {
        assertThat(catalog.all()).extracting(DestinationKind::kind)
            .containsExactly("google-pubsub", "kinesis", "azure-event-hubs", "mparticle", "segment", "snowflake-v2",
                    "databricks", "bigquery", "redshift");
    }

    @Test
    void fieldsThenNamedExactlyAsTheApiConfigExpects() {
        assertThat(keys("google-pubsub")).containsExactly("project", "topic");
        assertThat(keys("kinesis")).containsExactly("region", "roleArn", "streamName");
        assertThat(keys("azure-event-hubs")).containsExactly("namespace", "name", "policyName", "policyKey");
        assertThat(keys("mparticle")).containsExactly("apiKey", "secret", "userIdentity", "anonymousUserIdentity",
                "environment");
        assertThat(keys("segment")).startsWith("writeKey");
        assertThat(keys("snowflake-v2")).contains("snowflakeHostAddress");
        assertThat(keys("redshift")).contains("clusterIdentifier", "clusterRegion", "clusterAwsAccountId");
    }

    @Test
    void fieldsWhenSpecReferencePresentThenEveryDocumentedRequiredFieldIsOffered() throws Exception {
        assumeTrue(Files.isRegularFile(SPEC_KINDS), "Skipped: " + SPEC_KINDS.toAbsolutePath()
                + " is absent (the shared " + "reference folder beside the checkout)");
        JsonNode reference = json.readTree(Files.readString(SPEC_KINDS));
        for (JsonNode kind : reference.get("kinds")) {
            DestinationKind ours = catalog.find(kind.get("kind").asString()).orElseThrow();
            JsonNode required = kind.get("requiredConfigFields");
            if (required == null || required.isNull()) {
                continue;
            }
            for (JsonNode field : required) {
                String name = field.get("name").asString();
                if (ours.flow() == DestinationKind.Flow.SNOWFLAKE && name.equals("publicKey")) {
                    continue; // comes from the set-up step, not from the person
                }
                assertThat(ours.form().field(name)).as("%s.%s", ours.kind(), name)
                    .hasValueSatisfying(spec -> assertThat(spec.required()).isTrue());
            }
        }
    }

    @Test
    void secretsThenFlaggedWhereTheApiTakesCredentials() {
        assertThat(catalog.find("azure-event-hubs").orElseThrow().form().secretKeys()).containsExactly("policyKey");
        assertThat(catalog.find("mparticle").orElseThrow().form().secretKeys()).containsExactlyInAnyOrder("apiKey",
                "secret");
        assertThat(catalog.find("segment").orElseThrow().form().secretKeys()).containsExactly("writeKey");
        assertThat(catalog.find("kinesis").orElseThrow().form().secretKeys()).isEmpty();
    }

    @Test
    void kinesisThenRegionFromAwsRegionsAndArnPatternChecked() {
        DestinationKind kinesis = catalog.find("kinesis").orElseThrow();
        FieldSpec region = kinesis.form().field("region").orElseThrow();
        assertThat(region.type()).isEqualTo(FieldType.SELECT);
        assertThat(region.options()).extracting(option -> option.value()).contains("us-east-1", "eu-west-1");

        assertThat(validator
            .validate(kinesis.form(),
                    values("region", "eu-west-1", "roleArn", "arn:aws:iam::12:role/x", "streamName", "s"))
            .errors()).containsOnlyKeys("roleArn");
        assertThat(
                validator
                    .validate(kinesis.form(),
                            values("region", "mars-1", "roleArn", "arn:aws:iam::123456789012:role/x", "streamName",
                                    "s"))
                    .errors())
            .containsOnlyKeys("region");
        assertThat(
                validator
                    .validate(kinesis.form(),
                            values("region", "eu-west-1", "roleArn", "arn:aws:iam::123456789012:role/x", "streamName",
                                    "s"))
                    .isValid())
            .isTrue();
    }

    @Test
    void validationPerKindWhenEmptyThenEveryRequiredFieldReported() {
        assertThat(validator.validate(catalog.find("google-pubsub").orElseThrow().form(), values("x", "y")).errors())
            .containsOnlyKeys("project", "topic");
        assertThat(validator.validate(catalog.find("azure-event-hubs").orElseThrow().form(), values("x", "y")).errors())
            .containsOnlyKeys("namespace", "name", "policyName", "policyKey");
        assertThat(validator.validate(catalog.find("mparticle").orElseThrow().form(), values("x", "y")).errors())
            .containsOnlyKeys("apiKey", "secret", "userIdentity", "anonymousUserIdentity", "environment");
        assertThat(validator.validate(catalog.find("segment").orElseThrow().form(), values("x", "y")).errors())
            .containsOnlyKeys("writeKey");
        assertThat(validator.validate(catalog.find("snowflake-v2").orElseThrow().form(), values("x", "y")).errors())
            .containsOnlyKeys("snowflakeHostAddress");
        assertThat(
                validator.validate(catalog.find("redshift").orElseThrow().form(), values("clusterAwsAccountId", "12"))
                    .errors())
            .containsOnlyKeys("clusterIdentifier", "clusterRegion", "clusterAwsAccountId");
        assertThat(validator.validate(catalog.find("databricks").orElseThrow().form(), values("x", "y")).errors())
            .containsOnlyKeys("config");
    }

    @Test
    void warehouseKindsThenGuidedFlows() {
        assertThat(catalog.find("snowflake-v2").orElseThrow().flow()).isEqualTo(DestinationKind.Flow.SNOWFLAKE);
        assertThat(catalog.find("redshift").orElseThrow().flow()).isEqualTo(DestinationKind.Flow.REDSHIFT);
        assertThat(catalog.find("bigquery").orElseThrow().notice()).contains("documents no configuration fields");
    }

    private List<String> keys(String kind) {
        return catalog.find(kind).orElseThrow().form().fields().stream().map(FieldSpec::key).toList();
    }

    private static FormValues values(String... pairs) {
        Map<String, List<String>> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], List.of(pairs[i + 1]));
        }
        return new FormValues(map);
    }

}
