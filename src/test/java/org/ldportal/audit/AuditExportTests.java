package org.ldportal.audit;

import java.io.StringWriter;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class AuditExportTests {

    private final JsonMapper json = JsonMapper.builder().build();

    private final AuditExport export = new AuditExport(json);

    @Test
    void csvCellWhenTextLooksLikeFormulaThenApostropheAndQuoted() {
        assertThat(AuditExport.csvCell("=HYPERLINK(\"http://evil\")"))
            .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(AuditExport.csvCell("+1")).isEqualTo("\"'+1\"");
        assertThat(AuditExport.csvCell("-2")).isEqualTo("\"'-2\"");
        assertThat(AuditExport.csvCell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
    }

    @Test
    void csvCellWhenPlainOrNumberThenUnchanged() {
        assertThat(AuditExport.csvCell("qa-europe")).isEqualTo("qa-europe");
        assertThat(AuditExport.csvCell(-5)).isEqualTo("-5");
        assertThat(AuditExport.csvCell(null)).isEmpty();
    }

    @Test
    void csvCellWhenCommaQuoteOrNewlineThenQuotedWithQuotesDoubled() {
        assertThat(AuditExport.csvCell("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditExport.csvCell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditExport.csvCell("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void csvRowThenOneCellPerHeaderColumn() {
        StringWriter out = new StringWriter();
        export.csvHeader(out);
        export.csvRow(out, entry("=cmd()"));
        String[] lines = out.toString().split("\r\n");

        assertThat(lines[0]).startsWith("id,occurred_at,actor_subject");
        assertThat(lines[1]).startsWith("7,2026-03-14T09:26:53Z,eddie,Eddie,").contains("\"'=cmd()\"");
    }

    @Test
    void jsonLineThenOneObjectWithRequestBodyAsJson() {
        StringWriter out = new StringWriter();
        export.jsonLine(out, entry("QA"));

        assertThat(out.toString()).endsWith("\n").doesNotContain("\n{");
        JsonNode line = json.readTree(out.toString());
        assertThat(line.get("resource_name").asString()).isEqualTo("QA");
        assertThat(line.get("request_body").get("key").asString()).isEqualTo("qa");
        assertThat(line.get("outcome").asString()).isEqualTo("SUCCEEDED");
    }

    private static AuditEntry entry(String name) {
        return new AuditEntry(7L, Instant.parse("2026-03-14T09:26:53Z"), "eddie", "Eddie", null, "create",
                "environment", "mobile-app", null, null, name, "qa", "id-1", AuditOutcome.SUCCEEDED, 201, null, null,
                "{\"key\":\"qa\"}", 12L, 6L, null, "req-7f3k2m9q");
    }

}
