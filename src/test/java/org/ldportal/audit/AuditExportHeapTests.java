package org.ldportal.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trail cannot exhaust an instance's memory through an export: 1,400 entries with the
 * longest bodies the portal keeps (about 45 million characters in all, more than the
 * heap) are exported by a JVM with a 40 MB heap, which holds only a page of them at a
 * time. With bodies kept whole (a million characters) and read 500 at a time, as before,
 * the same export of only 100 entries ran out of memory (tried).
 */
class AuditExportHeapTests {

    private static final int ENTRIES = 1_400;

    @Test
    void exportWhenEveryEntryHasTheLongestBodyKeptThenASmallHeapExportsThemAll(@TempDir Path directory)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process export = new ProcessBuilder(java.toString(), "-Xmx40m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), ExportUnderSmallHeap.class.getName(), directory.toString(),
                String.valueOf(ENTRIES))
            .redirectErrorStream(true)
            // To a file: a pipe nobody reads while waiting fills up and stops the child.
            .redirectOutput(directory.resolve("export.log").toFile())
            .start();
        boolean ended = export.waitFor(5, TimeUnit.MINUTES);
        String output = Files.readString(directory.resolve("export.log"), StandardCharsets.UTF_8);
        if (!ended) {
            export.destroyForcibly();
        }
        System.out.println(output.lines().filter(line -> line.startsWith("exported")).findFirst().orElse(output));

        assertThat(ended).as("the export ended").isTrue();
        assertThat(export.exitValue()).as("exit of the export under a 40 MB heap:%n%s", tail(output)).isZero();
        assertThat(output).contains("exported " + ENTRIES + " entries");
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

}
