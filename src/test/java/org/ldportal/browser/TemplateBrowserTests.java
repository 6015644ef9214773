package org.ldportal.browser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.browser.pages.TemplateEditPage;
import org.ldportal.testsupport.GoldenPaths;
import org.ldportal.testsupport.Axe;
import org.ldportal.testsupport.BrowserTest;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin writes a template in a real browser: from the Templates link, a first try that
 * cannot be saved (each problem listed at the text, which is kept), the mended one saved,
 * a second version, and retiring it.
 */
class TemplateBrowserTests extends BrowserTest {

    private static final String TEMPLATE = """
            { "name": "Team QA",
              "questions": [ { "key": "project", "label": "Project", "type": "project" },
                             { "key": "team", "label": "Team", "required": true } ],
              "steps": [ { "type": "environment", "project": "${project}",
                           "values": { "name": "${team} QA", "key": "${team}-qa", "colour": "f5a623" } } ] }
            """;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void signIn() {
        GoldenPaths.clear(jdbc);
        signInOnce("ada", "Ada Admin", "ld-portal-admins");
    }

    @Test
    void adminWhenWritingATemplateThenProblemsShownThenSavedVersionedAndRetired() {
        browser.get(portal() + "/");
        browser.findElement(By.linkText("Golden paths")).click();
        browser.findElement(By.linkText("Manage templates")).click();
        browser.findElement(By.linkText("Write a template")).click();

        TemplateEditPage edit = new TemplateEditPage(browser).key("team-qa").text(TEMPLATE).save();
        assertThat(edit.problems()).singleElement()
            .asString()
            .contains("steps[0].values.colour", "The form has no field colour");
        assertThat(edit.text()).contains("\"colour\": \"f5a623\"");
        Axe.assertNoSeriousViolations(browser, "a template that cannot be saved");

        edit = edit.text(TEMPLATE.replace("\"colour\"", "\"color\"")).save();
        assertThat(edit.saved()).isEqualTo("Saved as version 1.");
        edit = edit.text(TEMPLATE.replace("\"colour\"", "\"color\"").replace("f5a623", "417505")).save();
        assertThat(edit.saved()).isEqualTo("Saved as version 2.");
        assertThat(edit.versions()).hasSize(2).first().asString().startsWith("Version 2: Team QA, saved by Ada Admin");
        Axe.assertNoSeriousViolations(browser, "a template's page");

        edit.retire();
        assertThat(browser.findElement(By.cssSelector("[data-testid=retired]")).getText())
            .startsWith("Team QA is retired");
        assertThat(browser.findElement(By.cssSelector("[data-key=team-qa] [data-testid=state]")).getText())
            .isEqualTo("Retired by Ada Admin");
        Axe.assertNoSeriousViolations(browser, "the admins' list of templates");
    }

}
