package org.ldportal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of the code's shape that a compiler does not check (DESIGN.md). */
class ArchitectureTests {

    private static final Path MAIN = Path.of("src", "main", "java", "org", "ldportal");
    private static final List<String> BASE_PACKAGES = List.of("form", "launchdarkly", "audit", "security", "web");
    private static final List<String> FEATURE_PACKAGES = List.of("destination", "integration", "environment");

    @Test
    void launchDarklyApiWhenSpokenToThenOnlyFromTheLaunchdarklyPackage() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<String> offenders = files.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> !path.startsWith(MAIN.resolve("launchdarkly")))
                    .filter(path -> read(path).contains("/api/v2")
                            // Third-party dynamic options are the one other outbound call (DESIGN.md, "Outbound HTTP").
                            || (read(path).contains("WebClient") && !path.startsWith(MAIN.resolve("integration").resolve("options"))))
                    .map(Path::toString).toList();
            assertThat(offenders).as("files outside launchdarkly/ that use WebClient or name an API path").isEmpty();
        }
    }

    @Test
    void basePackagesThenNeverImportAFeaturePackage() throws IOException {
        for (String base : BASE_PACKAGES) {
            Path folder = MAIN.resolve(base);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder)) {
                List<String> offenders = files.filter(path -> path.toString().endsWith(".java"))
                        .filter(path -> FEATURE_PACKAGES.stream().anyMatch(feature -> read(path).contains("import org.ldportal." + feature + ".")))
                        .map(Path::toString).toList();
                assertThat(offenders).as("%s/ importing a feature package", base).isEmpty();
            }
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
