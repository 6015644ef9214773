package org.ldportal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's settings table and the portal's settings are the same list: every
 * {@code portal.*} property the configuration processor found in the
 * {@code @ConfigurationProperties} records has a row, every row names one, the
 * environment variable is the one Spring's relaxed binding reads, and the default shown
 * is the record's.
 */
class SettingsDocumentedTests {

    /** {@code | `portal.x.y` | `PORTAL_X_Y` | default | meaning |} */
    private static final Pattern ROW = Pattern.compile("^\\| `(portal\\.[^`]+)` \\| `([^`]+)` \\| ([^|]+) \\|",
            Pattern.MULTILINE);

    @Test
    void readmeSettingsTableWhenComparedWithTheRecordsThenTheSameSettings() throws IOException {
        Map<String, JsonNode> known = portalProperties();
        Map<String, String[]> documented = readmeRows();

        assertThat(known).as("settings found by the configuration processor").isNotEmpty();
        assertThat(documented.keySet()).as("README rows").containsExactlyInAnyOrderElementsOf(known.keySet());
    }

    @Test
    void readmeSettingsTableThenEnvironmentVariablesAsRelaxedBindingReadsThem() throws IOException {
        readmeRows().forEach((property, row) -> assertThat(row[0]).as(property).isEqualTo(environmentVariable(row[2])));
    }

    @Test
    void readmeSettingsTableThenDefaultsAsTheRecordsGiveThem() throws IOException {
        Map<String, JsonNode> known = portalProperties();
        readmeRows().forEach((property, row) -> {
            JsonNode metadata = known.get(property);
            JsonNode defaultValue = metadata == null ? null : metadata.get("defaultValue");
            if (defaultValue == null || defaultValue.isNull()) {
                assertThat(row[1]).as("default of %s, which has none in its record", property).doesNotStartWith("`");
                return;
            }
            String expected = defaultValue.isArray()
                    ? String.join(",", defaultValue.valueStream().map(JsonNode::asString).toList())
                    : defaultValue.asString();
            if (expected.startsWith("[") && expected.endsWith("]")) {
                // The processor writes a record's list default of several values as "[a,
                // b]"; the README as a variable would hold it.
                expected = expected.substring(1, expected.length() - 1).replace(", ", ",");
            }
            // A note in words may follow the value: `^[a-z]+$` (LaunchDarkly's own rule).
            assertThat(row[1]).as("default of %s", property).startsWith("`" + expected + "`");
        });
    }

    /**
     * {@code portal.*} properties by name; a map property (reserved-keys) is documented
     * as {@code name.<key>}.
     */
    private static Map<String, JsonNode> portalProperties() throws IOException {
        Map<String, JsonNode> properties = new TreeMap<>();
        List<URL> files = Collections.list(SettingsDocumentedTests.class.getClassLoader()
            .getResources("META-INF/spring-configuration-metadata.json"));
        for (URL file : files) {
            try (InputStream in = file.openStream()) {
                for (JsonNode property : JsonMapper.builder().build().readTree(in).path("properties")) {
                    String name = property.path("name").asString();
                    if (name.startsWith("portal.")) {
                        properties.put(
                                property.path("type").asString().startsWith("java.util.Map<") ? name + ".<key>" : name,
                                property);
                    }
                }
            }
        }
        return properties;
    }

    /**
     * Rows by property (with a map's {@code <project>} read as {@code <key>}): variable,
     * default, property as written.
     */
    private static Map<String, String[]> readmeRows() throws IOException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(Files.readString(Path.of("README.md")));
        while (row.find()) {
            // A map's <project> is read as <key>; a list's [N].part documents the list
            // itself.
            String property = row.group(1).replaceAll("\\.<[^>]+>$", ".<key>").replaceAll("\\[N\\]\\..*$", "");
            rows.put(property, new String[] { row.group(2), row.group(3).strip(), row.group(1) });
        }
        return rows;
    }

    /**
     * portal.launchdarkly.api-token is PORTAL_LAUNCHDARKLY_APITOKEN; a list index is _N_:
     * ...RESERVEDKEYS_N_KEYS.
     */
    private static String environmentVariable(String property) {
        return property.replace("-", "").replace("[", "_").replace("]", "").replace('.', '_').toUpperCase(Locale.ROOT);
    }

}
