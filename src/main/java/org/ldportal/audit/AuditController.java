package org.ldportal.audit;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.ObjectMapper;

/** The audit trail: the filtered list, one entry in full, and the exports. */
@Controller
@RequestMapping("/audit")
class AuditController {

    private final AuditQueries queries;

    private final AuditExport export;

    private final AuditLinks links;

    private final ObjectMapper json;

    private final ReadScopes access;

    AuditController(AuditQueries queries, AuditExport export, AuditLinks links, ObjectMapper json, ReadScopes access) {
        this.access = access;
        this.queries = queries;
        this.export = export;
        this.links = links;
        this.json = json;
    }

    @GetMapping
    String list(@ModelAttribute("filters") AuditFilterForm form, BindingResult errors, Model model, CurrentUser viewer,
            HttpServletRequest request) {
        if (hasEmptyFilters(request)) {
            // The filter form sends every field, set or not: answer with the address of
            // what is set, to share or bookmark.
            return "redirect:" + addressOf(form);
        }
        ReadScope scope = access.readScope(viewer);
        AuditFilter filter = AuditQueries.visibleTo(scope, form.toFilter(errors));
        AuditPage page = queries.page(filter, form.getBefore(), form.getAfter(), form.pageSize());
        AuditFilter visibility = AuditQueries.visibleTo(scope, AuditFilter.none());
        boolean othersVisible = scope.whole() || scope.account() || !scope.areas().isEmpty();

        model.addAttribute("rows",
                page.entries().stream().map(entry -> new AuditRow(entry, links.linkFor(entry))).toList());
        model.addAttribute("page", page);
        model.addAttribute("wholeTrail", viewer.canReadWholeAuditTrail());
        model.addAttribute("scopedTrail", !scope.whole() && othersVisible);
        addChoices(model, visibility, othersVisible);
        addPaging(model, form, page);
        return "audit/list";
    }

    private static boolean hasEmptyFilters(HttpServletRequest request) {
        return request.getParameterMap()
            .values()
            .stream()
            .anyMatch(values -> Arrays.stream(values).anyMatch(String::isBlank));
    }

    /** What the filters offer: only what the viewer may see. */
    private void addChoices(Model model, AuditFilter visibility, boolean othersVisible) {
        model.addAttribute("outcomes", Arrays.asList(AuditOutcome.values()));
        model.addAttribute("types", queries.distinct("resource_type", visibility));
        model.addAttribute("actions", queries.distinct("action", visibility));
        model.addAttribute("projects", queries.distinct("project_key", visibility));
        model.addAttribute("environments", queries.distinct("environment_key", visibility));
        model.addAttribute("actors", othersVisible ? queries.actors(visibility) : List.of());
        model.addAttribute("pageSizes", AuditFilterForm.PAGE_SIZES);
    }

    /**
     * The addresses of the pages around this one and of the exports, each carrying the
     * filters.
     */
    private static void addPaging(Model model, AuditFilterForm form, AuditPage page) {
        model.addAttribute("newerUrl",
                page.newerThan() == null ? null
                        : filtered("/audit", form).queryParam("size", form.pageSize())
                            .queryParam("after", page.newerThan())
                            .toUriString());
        model.addAttribute("olderUrl",
                page.olderThan() == null ? null
                        : filtered("/audit", form).queryParam("size", form.pageSize())
                            .queryParam("before", page.olderThan())
                            .toUriString());
        model.addAttribute("newestUrl", filtered("/audit", form).queryParam("size", form.pageSize()).toUriString());
        model.addAttribute("csvUrl", filtered("/audit/export.csv", form).toUriString());
        model.addAttribute("jsonlUrl", filtered("/audit/export.jsonl", form).toUriString());
    }

    @GetMapping("/{id:\\d+}")
    String detail(@PathVariable long id, Model model, CurrentUser viewer) {
        // Someone else's entry answers 404, as a missing one does: ids cannot be probed.
        AuditFilter visibility = AuditQueries.visibleTo(access.readScope(viewer), AuditFilter.none());
        AuditEntry entry = queries.find(id, visibility)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("entry", entry);
        // Every step of the attempt: what LaunchDarkly answered, and what the checks
        // after an unclear answer found.
        List<AuditEntry> steps = queries.steps(entry.attemptId() != null ? entry.attemptId() : entry.id(), visibility);
        model.addAttribute("steps", steps.size() > 1 ? steps : List.of());
        model.addAttribute("link", links.linkFor(entry));
        // An attempt whose outcome is unknown, and that nothing has settled since, can be
        // checked with LaunchDarkly.
        // Only whether something was created can be checked; an unclear edit or delete is
        // for LaunchDarkly's own page.
        model.addAttribute("checkable",
                mayCheck(viewer, entry) && ("create".equals(entry.action()) || "complete-setup".equals(entry.action()))
                        && queries.isUnsettled(entry));
        model.addAttribute("requestBody", pretty(entry.requestBody()));
        model.addAttribute("changes", PatchChanges.of(json, entry.requestBody()));
        return "audit/detail";
    }

    /**
     * Global editors may settle any entry they can read; people whose roles come from
     * rules, their own.
     */
    static boolean mayCheck(CurrentUser viewer, AuditEntry entry) {
        return viewer.hasRole(PortalRole.EDITOR)
                || (viewer.canCreate() && viewer.subject().equals(entry.actorSubject()));
    }

    @GetMapping("/export.csv")
    void exportCsv(@ModelAttribute("filters") AuditFilterForm form, BindingResult errors, CurrentUser viewer,
            HttpServletResponse response) throws IOException {
        AuditFilter filter = AuditQueries.visibleTo(access.readScope(viewer), form.toFilter(errors));
        if (refused(errors, response)) {
            return;
        }
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-" + LocalDate.now() + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        export.csvHeader(out);
        queries.stream(filter, entry -> export.csvRow(out, entry));
        out.flush();
    }

    @GetMapping("/export.jsonl")
    void exportJsonLines(@ModelAttribute("filters") AuditFilterForm form, BindingResult errors, CurrentUser viewer,
            HttpServletResponse response) throws IOException {
        AuditFilter filter = AuditQueries.visibleTo(access.readScope(viewer), form.toFilter(errors));
        if (refused(errors, response)) {
            return;
        }
        response.setContentType("application/jsonl; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-" + LocalDate.now() + ".jsonl\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        queries.stream(filter, entry -> export.jsonLine(out, entry));
        out.flush();
    }

    /**
     * A filter that cannot be read is not left out of an export (that would export more
     * than asked): the export is refused, with the messages the page shows at the
     * filters.
     */
    private static boolean refused(BindingResult errors, HttpServletResponse response) throws IOException {
        if (!errors.hasErrors()) {
            return false;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("text/plain; charset=UTF-8");
        StringBuilder text = new StringBuilder("Nothing was exported: correct the filters and export again.\n");
        errors.getFieldErrors()
            .forEach(
                    error -> text.append(error.getField()).append(": ").append(error.getDefaultMessage()).append('\n'));
        response.getWriter().write(text.toString());
        return true;
    }

    private @Nullable String pretty(@Nullable String body) {
        if (body == null) {
            return null;
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(body));
        }
        catch (RuntimeException notJson) {
            return body;
        }
    }

    /**
     * A URL carrying the filters as given, so a filtered view, its pages and its exports
     * can be shared.
     */
    /**
     * The trail's address with what the form sets, encoded: a "{...}" typed into a filter
     * is text, never a template to expand.
     */
    private static String addressOf(AuditFilterForm form) {
        return filtered("/audit", form).queryParamIfPresent("size", Optional.ofNullable(form.getSize()))
            .build()
            .encode()
            .toUriString();
    }

    private static UriComponentsBuilder filtered(String path, AuditFilterForm form) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
        String[][] filters = { { "type", form.getType() }, { "action", form.getAction() },
                { "outcome", form.getOutcome() }, { "actor", form.getActor() }, { "project", form.getProject() },
                { "environment", form.getEnvironment() }, { "from", form.getFrom() }, { "to", form.getTo() },
                { "q", form.getQ() } };
        for (String[] filter : filters) {
            if (filter[1] != null && !filter[1].isBlank()) {
                url.queryParam(filter[0], filter[1]);
            }
        }
        return url;
    }

}
