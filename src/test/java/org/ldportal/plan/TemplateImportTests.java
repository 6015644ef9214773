package org.ldportal.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldportal.testsupport.GoldenPaths;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Templates kept as code: a folder's new templates are checked and saved as the portal's,
 * one the portal has is left as its admins keep it, one that fails its checks is not
 * saved; and the dev launcher's two samples pass the checks against the sandbox.
 */
class TemplateImportTests extends PortalIntegrationTest {

    @Autowired
    TemplateImports imports;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void noTemplates() {
        GoldenPaths.clear(jdbc);
        jdbc.sql("DELETE FROM audit_entry WHERE resource_type = 'template'").update();
    }

    @Test
    void importWhenNewThenSavedAsThePortalsAndWhenKnownOrInvalidThenNot(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("qa.json"), TemplateSamples.STARTER);
        Files.writeString(folder.resolve("broken.json"), "{ \"name\": \"Broken\", \"steps\": [] }");
        Files.writeString(folder.resolve("notes.txt"), "not a template");

        assertThat(imports.importFrom(folder)).containsExactly("qa");
        assertThat(jdbc.sql("SELECT template_key || ' ' || saved_by FROM template_version").query(String.class).list())
            .containsExactly("qa LD Portal (templates kept as code)");
        assertThat(jdbc
            .sql("SELECT action || ' ' || resource_key || ' ' || actor_name FROM audit_entry "
                    + "WHERE resource_type = 'template'")
            .query(String.class)
            .list()).containsExactly("create qa LD Portal (templates kept as code)");

        // Changed in the folder later: the portal's admins own it now, so it is left
        // alone.
        Files.writeString(folder.resolve("qa.json"), TemplateSamples.STARTER.replace("30", "7"));
        assertThat(imports.importFrom(folder)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM template_version").query(Integer.class).single()).isOne();
    }

    @Test
    void devLauncherSamplesWhenImportedThenBothPassTheirChecks() {
        assertThat(imports.importFrom(Path.of("src/test/resources/dev/templates")))
            .containsExactlyInAnyOrder("qa-environment-with-segment", "team-audit-trail-to-slack");
    }

}
