package org.ldportal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of the code (DESIGN.md), checked on the compiled classes: each top-level
 * package is a Spring Modulith module that uses only what its package-info.java allows,
 * with no cycles; only launchdarkly/ speaks to LaunchDarkly. Also writes the module
 * diagram that the README shows.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(PortalApplication.class);

    @Test
    void modulesThenDependOnlyOnWhatTheyDeclareWithoutCycles() {
        MODULES.verify();
    }

    @Test
    void modulesThenTheFifteenOfTheDesign() {
        assertThat(MODULES.stream().map(module -> module.getIdentifier().toString()).sorted().toList()).containsExactly(
                "access", "approval", "audit", "change", "destination", "environment", "form", "integration",
                "launchdarkly", "notification", "plan", "resource", "security", "status", "web");
    }

    @Test
    void webWhenAnyModuleIsReadThenNoneDependsOnIt() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ldportal");
        // The frame of the pages is a leaf: a feature's page helpers live in change/ and
        // access/.
        noClasses().that()
            .resideOutsideOfPackage("org.ldportal.web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.ldportal.web..")
            .check(classes);
    }

    @Test
    void changeWhenAPageHelperIsUsedThenThroughItsNamedInterface() {
        // Declared where used ("change :: pages"): a module that only changes things
        // cannot reach the pages' helpers.
        assertThat(MODULES.getModuleByName("change").orElseThrow().getNamedInterfaces().getByName("pages"))
            .hasValueSatisfying(pages -> assertThat(pages.asJavaClasses().map(type -> type.getSimpleName()).toList())
                .contains("ChangePages", "ManagePage", "FormRefusals", "SubmissionPages"));
    }

    @Test
    void changeWhenOtherModulesUseItThenNotItsInternals() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ldportal");
        assertThat(classes.stream().filter(type -> type.getPackageName().equals("org.ldportal.change.internal")))
            .as("the change flow's internals")
            .hasSizeGreaterThanOrEqualTo(10);
        noClasses().that()
            .resideOutsideOfPackage("org.ldportal.change..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.ldportal.change.internal..")
            .check(classes);
    }

    @Test
    void webClientWhenUsedThenOnlyByTheLaunchDarklyClientAndDynamicOptions() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ldportal");
        // Third-party dynamic options are the one other outbound call (DESIGN.md,
        // "Outbound HTTP").
        noClasses().that()
            .resideOutsideOfPackages("org.ldportal.launchdarkly..", "org.ldportal.integration.options..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.web.reactive.function.client..", "reactor.netty..")
            .check(classes);
    }

    @Test
    void apiPathsWhenNamedThenOnlyInTheLaunchDarklyClient() throws IOException {
        // A string literal leaves no trace in a class's dependencies, so this one rule
        // reads the source.
        Path main = Path.of("src", "main", "java", "org", "ldportal");
        try (Stream<Path> files = Files.walk(main)) {
            List<String> offenders = files.filter(path -> path.toString().endsWith(".java"))
                .filter(path -> !path.startsWith(main.resolve("launchdarkly")))
                .filter(path -> read(path).contains("/api/v2"))
                .map(Path::toString)
                .toList();
            assertThat(offenders).as("files outside launchdarkly/ that name an API path").isEmpty();
        }
    }

    @Test
    void documenterWhenRunThenWritesTheModuleDiagrams() throws IOException {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        Path diagram = Path.of("target", "spring-modulith-docs", "components.puml");
        assertThat(Files.readString(diagram)).contains("Changes").contains("LaunchDarkly client");
    }

    @Test
    void readmeWhenShowingTheModulesThenTheirDependenciesAsTheyAre() throws IOException {
        String actual = mermaid();
        System.out.println(actual);
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```mermaid\n");
        assertThat(start).as("a mermaid block in the README").isNotNegative();
        String shown = readme.substring(start + "```mermaid\n".length(), readme.indexOf("```", start + 3)).strip();
        // When the modules change, paste what this test prints into the README.
        assertThat(shown).as("the README's module diagram").isEqualTo(actual);
    }

    @Test
    void readmeWhenDescribingTheLayoutThenEveryModuleHasItsLine() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int diagram = readme.indexOf("```mermaid\n");
        int start = readme.indexOf("\n```\n", readme.indexOf("```", diagram + 3) + 3);
        assertThat(start).as("a layout block after the README's module diagram").isPositive();
        String layout = readme.substring(start + 5, readme.indexOf("```", start + 5));
        List<String> described = layout.lines()
            .filter(line -> line.matches("[a-z]+/ .*"))
            .map(line -> line.substring(0, line.indexOf('/')))
            .sorted()
            .toList();
        assertThat(described).as("the modules the README's layout text describes, one line each")
            .isEqualTo(MODULES.stream().map(module -> module.getIdentifier().toString()).sorted().toList());
    }

    /**
     * The module graph as Mermaid, which the README's host renders; sorted, so it changes
     * only when the modules do.
     */
    private static String mermaid() {
        StringBuilder graph = new StringBuilder("flowchart TD");
        MODULES.stream()
            .sorted(Comparator.comparing(module -> module.getIdentifier().toString()))
            .forEach(module -> graph.append("\n  ")
                .append(module.getIdentifier())
                .append("[\"")
                .append(module.getDisplayName())
                .append("\"]"));
        MODULES.stream()
            .sorted(Comparator.comparing(module -> module.getIdentifier().toString()))
            .forEach(module -> module.getDirectDependencies(MODULES)
                .uniqueModules()
                .map(target -> target.getIdentifier().toString())
                .sorted()
                .forEach(target -> graph.append("\n  ").append(module.getIdentifier()).append(" --> ").append(target)));
        return graph.toString();
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
