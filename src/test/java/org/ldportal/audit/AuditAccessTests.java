package org.ldportal.audit;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who sees which entries, through every door: the list, the detail URL and both exports;
 * and no secret anywhere.
 */
class AuditAccessTests extends PortalIntegrationTest {

    private static final String SECRET = "wk_live_9f8e7d6c5b4a";

    @Autowired
    private MockMvc mvc;

    @Autowired
    private AuditTrail trail;

    @Autowired
    private SecretRedactor redactor;

    @Autowired
    private JdbcClient jdbc;

    private long eddies;

    private long adas;

    @BeforeEach
    void entries() {
        jdbc.sql("DELETE FROM audit_entry").update();
        CurrentUser eddie = new CurrentUser("eddie", "Eddie Editor", "eddie@example.com",
                EnumSet.of(PortalRole.EDITOR));
        CurrentUser ada = new CurrentUser("ada", "Ada Admin", "ada@example.com", EnumSet.allOf(PortalRole.class));
        // As a create service records a failed destination: the secret typed went through
        // the redactor, and
        // LaunchDarkly's message echoing it was scrubbed.
        Map<String, Object> body = Map.of("name", "Eddie's Segment", "kind", "segment", "config",
                Map.of("writeKey", SECRET));
        eddies = trail
            .record(AuditAttempt.by(eddie, ChangeAction.CREATE, ResourceType.DESTINATION)
                .at(Place.environment("mobile-app", "production"))
                .withResource("Eddie's Segment", null, null)
                .withRequestBody(redactor.redactToJson(body, Set.of("writeKey"), List.of(SECRET)))
                .withOutcome(AuditOutcome.REJECTED, 400, "invalid_request",
                        redactor.scrub("writeKey " + SECRET + " is not valid", List.of(SECRET)), null))
            .id();
        adas = trail
            .record(AuditAttempt.by(ada, ChangeAction.CREATE, ResourceType.ENVIRONMENT)
                .at(Place.project("web-store"))
                .withResource("Ada's QA", "ada-qa", "cid-1")
                .withRequestBody("{\"key\":\"ada-qa\"}")
                .withOutcome(AuditOutcome.SUCCEEDED, 201, null, null, null))
            .id();
    }

    @Test
    void listWhenWholeTrailThenPeopleShownByNameInFilterAndRowsWithLoginIdAsTitle() throws Exception {
        mvc.perform(get("/audit").with(TestUsers.admin()))
            .andExpect(status().isOk())
            .andExpect(content()
                .string(allOf(containsString("<option value=\"eddie\" title=\"eddie\">Eddie Editor</option>"),
                        containsString("<option value=\"ada\" title=\"ada\">Ada Admin</option>"),
                        containsString("title=\"eddie\">Eddie Editor</td>"))));
    }

    @Test
    void listWhenFilterFormSendsEmptyFieldsThenRedirectedToTheFiltersThatAreSet() throws Exception {
        mvc.perform(get("/audit").param("type", "")
            .param("outcome", "REJECTED")
            .param("actor", "")
            .param("q", "segment")
            .with(TestUsers.admin()))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrl("/audit?outcome=REJECTED&q=segment"));
    }

    @Test
    void exportWhenAFilterCannotBeReadThenRefusedWithThePagesMessage() throws Exception {
        for (String export : new String[] { "/audit/export.csv", "/audit/export.jsonl" }) {
            mvc.perform(get(export).param("to", "yesterday").with(TestUsers.admin()))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                    .string(allOf(containsString("Nothing was exported"), containsString("Enter a date as YYYY-MM-DD"),
                            not(containsString("Ada&#39;s QA")), not(containsString("ada-qa")))));
        }
        mvc.perform(get("/audit").param("to", "yesterday").with(TestUsers.admin()))
            .andExpect(content().string(containsString("Enter a date as YYYY-MM-DD")));
    }

    @Test
    void listWhenEditorThenOnlyOwnEntriesAndNoActorFilter() throws Exception {
        mvc.perform(get("/audit").with(TestUsers.editor()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Eddie&#39;s Segment"),
                    not(containsString("Ada&#39;s QA")), not(containsString("id=\"actor\"")))));
    }

    @Test
    void listWhenEditorAsksForSomeoneElseThenStillOnlyOwn() throws Exception {
        mvc.perform(get("/audit").param("actor", "ada").with(TestUsers.editor()))
            .andExpect(content()
                .string(allOf(containsString("Eddie&#39;s Segment"), not(containsString("Ada&#39;s QA")))));
    }

    @Test
    void listWhenViewerOrAdminThenEveryonesEntries() throws Exception {
        for (var user : List.of(TestUsers.viewer(), TestUsers.admin())) {
            mvc.perform(get("/audit").with(user))
                .andExpect(content().string(allOf(containsString("Eddie&#39;s Segment"), containsString("Ada&#39;s QA"),
                        containsString("id=\"actor\""))));
        }
    }

    @Test
    void detailWhenSomeoneElsesEntryThenNotFoundForEditor() throws Exception {
        mvc.perform(get("/audit/" + adas).with(TestUsers.editor())).andExpect(status().isNotFound());
        mvc.perform(get("/audit/" + eddies).with(TestUsers.editor())).andExpect(status().isOk());
        mvc.perform(get("/audit/" + adas).with(TestUsers.viewer()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("ada-qa")));
    }

    @Test
    void exportsWhenEditorThenOnlyOwnEntries() throws Exception {
        String csv = mvc.perform(get("/audit/export.csv").with(TestUsers.editor()))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", containsString("text/csv")))
            .andReturn()
            .getResponse()
            .getContentAsString();
        String jsonl = mvc.perform(get("/audit/export.jsonl").param("actor", "ada").with(TestUsers.editor()))
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(csv.lines()).hasSize(2);
        assertThat(csv).contains("Eddie's Segment").doesNotContain("Ada's QA");
        assertThat(jsonl.lines()).hasSize(1);
        assertThat(jsonl).contains("Eddie's Segment").doesNotContain("ada-qa");
    }

    @Test
    void exportsWhenAdminFiltersThenFilterApplies() throws Exception {
        String csv = mvc.perform(get("/audit/export.csv").param("outcome", "SUCCEEDED").with(TestUsers.admin()))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(csv.lines()).hasSize(2);
        assertThat(csv).contains("Ada's QA").doesNotContain("Eddie's Segment");
    }

    @Test
    void secretTypedIntoCreateFormThenNowhereInAuditPagesOrExports() throws Exception {
        String list = mvc.perform(get("/audit").with(TestUsers.admin())).andReturn().getResponse().getContentAsString();
        String detail = mvc.perform(get("/audit/" + eddies).with(TestUsers.admin()))
            .andReturn()
            .getResponse()
            .getContentAsString();
        String csv = mvc.perform(get("/audit/export.csv").with(TestUsers.admin()))
            .andReturn()
            .getResponse()
            .getContentAsString();
        String jsonl = mvc.perform(get("/audit/export.jsonl").with(TestUsers.admin()))
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(detail).contains("[REDACTED]").contains("writeKey");
        for (String output : List.of(list, detail, csv, jsonl)) {
            assertThat(output).doesNotContain(SECRET);
        }
    }

    @Test
    void listWhenFilterValueBadThenMessageAtTheFilterNotAnError() throws Exception {
        mvc.perform(get("/audit").param("from", "14/03/2026").param("outcome", "MAYBE").with(TestUsers.admin()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Enter a date as YYYY-MM-DD"),
                    containsString("Choose one of the outcomes listed."), containsString("Ada&#39;s QA"))));
    }

    @Test
    void listWhenNothingMatchesThenEmptyState() throws Exception {
        mvc.perform(get("/audit").param("q", "no-such-thing").with(TestUsers.admin()))
            .andExpect(content().string(containsString("No attempts match these filters.")));
    }

    @Test
    void listWhenMorePagesThenOlderLinkKeepsFilters() throws Exception {
        mvc.perform(get("/audit").param("size", "25").param("project", "").with(TestUsers.admin()))
            .andExpect(content().string(not(containsString("data-testid=\"older\""))));
        for (int i = 0; i < 30; i++) {
            trail.record(AuditAttempt
                .by(new CurrentUser("ada", "Ada", null, EnumSet.allOf(PortalRole.class)), ChangeAction.CREATE,
                        ResourceType.ENVIRONMENT)
                .at(Place.project("web-store"))
                .withResource("Bulk " + i, "bulk-" + i, null)
                .withOutcome(AuditOutcome.SUCCEEDED, 201, null, null, null));
        }
        mvc.perform(get("/audit").param("project", "web-store").with(TestUsers.admin()))
            .andExpect(content().string(allOf(containsString("data-testid=\"older\""),
                    containsString("project=web-store&amp;size=25&amp;before="))));
    }

    @Test
    void listWhenAFilterHoldsBracesThenRedirectedToItsAddressAsTextNotExpanded() throws Exception {
        String location = mvc.perform(get("/audit").param("q", "{id}-${x}").param("action", "").with(TestUsers.admin()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();

        assertThat(location).isEqualTo("/audit?q=%7Bid%7D-$%7Bx%7D");
        mvc.perform(get(java.net.URI.create(location)).with(TestUsers.admin()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("value=\"{id}-${x}\"")));
    }

}
