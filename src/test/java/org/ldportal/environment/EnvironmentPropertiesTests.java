package org.ldportal.environment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The guardrail settings as an operator sets them: through environment variables. */
class EnvironmentPropertiesTests {

    @Test
    void bindWhenReadmeExampleGivenAsEnvironmentVariablesThenReservedKeysApply() throws IOException {
        EnvironmentProperties properties = bind(readmeExample());

        assertThat(properties.reservedIn("mobile-app")).containsExactlyInAnyOrder("production", "prod",
                "sandbox-admin");
        assertThat(properties.reservedIn("web-store")).containsExactly("sandbox-admin");
    }

    @Test
    void reservedInWhenProjectKeyDiffersInCaseThenStillReserved() {
        EnvironmentProperties properties = bind(Map.of("PORTAL_ENVIRONMENTS_RESERVEDKEYS_0_PROJECT", "Mobile-App",
                "PORTAL_ENVIRONMENTS_RESERVEDKEYS_0_KEYS", "production"));

        assertThat(properties.reservedIn("mobile-app")).containsExactly("production");
        assertThat(properties.reservedIn("MOBILE-APP")).containsExactly("production");
    }

    @Test
    void bindWhenKeyPatternFromEnvironmentThenUsed() {
        EnvironmentProperties properties = bind(Map.of("PORTAL_ENVIRONMENTS_KEYPATTERN", "^team-[a-z]+$",
                "PORTAL_ENVIRONMENTS_KEYPATTERNMESSAGE", "Start the key with team-."));

        assertThat(properties.keyPattern()).isEqualTo("^team-[a-z]+$");
        assertThat(properties.keyPatternMessage()).isEqualTo("Start the key with team-.");
        assertThat(properties.reservedKeys()).isEmpty();
    }

    private static EnvironmentProperties bind(Map<String, Object> environment) {
        // Named as the real one, so Boot maps the variables' names as it does for the
        // process environment.
        Binder binder = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)));
        return binder.bindOrCreate("portal.environments", EnvironmentProperties.class);
    }

    /** The README's ```env block, as NAME=value pairs. */
    private static Map<String, Object> readmeExample() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```env\n");
        assertThat(start).as("an env example in the README").isNotNegative();
        String block = readme.substring(start + "```env\n".length(), readme.indexOf("```", start + 3));
        Map<String, Object> variables = new LinkedHashMap<>();
        for (String line : List.of(block.strip().split("\n"))) {
            variables.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        return variables;
    }

}
