package org.ldportal.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes entries as CSV or JSON lines, one at a time, so an export of the whole trail
 * streams.
 */
@Component
public class AuditExport {

    static final List<String> HEADER = List.of("id", "occurred_at", "actor_subject", "actor_name", "actor_email",
            "action", "resource_type", "project_key", "environment_key", "integration_key", "resource_name",
            "resource_key", "resource_id", "outcome", "http_status", "error_code", "error_message", "duration_ms",
            "attempt_id", "approved_by", "request_id", "request_body");

    private final ObjectMapper json;

    public AuditExport(ObjectMapper json) {
        this.json = json;
    }

    public void csvHeader(Writer out) {
        write(out, String.join(",", HEADER) + "\r\n");
    }

    public void csvRow(Writer out, AuditEntry entry) {
        StringBuilder line = new StringBuilder();
        List<Object> values = values(entry);
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(csvCell(values.get(i)));
        }
        write(out, line.append("\r\n").toString());
    }

    public void jsonLine(Writer out, AuditEntry entry) {
        Map<String, Object> object = new LinkedHashMap<>();
        List<Object> values = values(entry);
        for (int i = 0; i < HEADER.size() - 1; i++) {
            object.put(HEADER.get(i), values.get(i));
        }
        object.put("request_body", requestBody(entry.requestBody()));
        write(out, json.writeValueAsString(object) + "\n");
    }

    /**
     * A CSV cell, quoted when needed; a text that a spreadsheet would take for a formula
     * (it begins with =, +, -,
     * @, a tab or a carriage return) gets a leading apostrophe, so opening the export
     * never runs anything.
     */
    static String csvCell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                || text.startsWith("'")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private @Nullable Object requestBody(@Nullable String body) {
        if (body == null) {
            return null;
        }
        try {
            JsonNode tree = json.readTree(body);
            return tree;
        }
        catch (RuntimeException notJson) {
            return body;
        }
    }

    private static List<Object> values(AuditEntry e) {
        return Arrays.asList(e.id(), e.occurredAt() == null ? null : e.occurredAt().toString(), e.actorSubject(),
                e.actorName(), e.actorEmail(), e.action(), e.resourceType(), e.projectKey(), e.environmentKey(),
                e.integrationKey(), e.resourceName(), e.resourceKey(), e.resourceId(), e.outcome().name(),
                e.httpStatus(), e.errorCode(), e.errorMessage(), e.durationMs(), e.attemptId(), e.approvedBy(),
                e.requestId(), e.requestBody());
    }

    private static void write(Writer out, String text) {
        try {
            out.write(text);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
