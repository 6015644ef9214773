package org.ldportal.benchmark;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.PackagedPortal;
import org.ldportal.testsupport.PlainHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.ldportal.testsupport.PlainHttp.client;
import static org.ldportal.testsupport.PlainHttp.get;

/**
 * How fast the packaged portal starts and how much memory it keeps after a fixed load,
 * started as production starts it: as a separate process, from
 * {@code target/ld-portal-*.jar}, against the local identity provider and the
 * LaunchDarkly sandbox of this JVM, on an H2 file database of its own per start.
 * <ul>
 * <li><b>Before</b>: {@code java -jar} of the fat jar with the JVM's defaults.</li>
 * <li><b>After</b>: {@code src/main/docker/portal-start.sh}, which docker-compose runs:
 * the extracted jar, Spring AOT's bean definitions, a class-data-sharing archive made by
 * a training run on the first start, and the memory settings. The first start (extraction
 * and training run included) is shown on a line of its own.</li>
 * </ul>
 * Each start is timed from launching the process to the first 200 of {@code /livez}. Then
 * its first minutes ({@link FirstMinutes}): signing in, the first signed-in page, and
 * {@value FirstMinutes#ROUNDS} rounds of creates of each kind, the first and the last
 * printed as the portal's share over the same POST sent straight to the sandbox. Then the
 * load: signed in through the real OIDC flow, {@value #CLIENTS} clients load each of four
 * pages {@value #LOADS_PER_PAGE} times in all, and the process's resident memory (VmRSS)
 * is read. Figures only, never asserted; what is asserted is that every start answers and
 * every page of the load is a 200 with its form.
 * <p>
 * Run:
 * {@code ./mvnw -DskipTests package && ./mvnw -Pbenchmark -Dtest=StartupBenchmarkTests test}.
 * Settings (system properties): {@code ldportal.bench.starts} (starts per line, 3),
 * {@code ldportal.bench.java-options} (JVM options for the script, instead of its memory
 * settings). The figures are also appended to {@code target/benchmark/startup.txt}.
 */
@Tag("benchmark")
class StartupBenchmarkTests {

    private static final int STARTS = Integer.getInteger("ldportal.bench.starts", 3);

    /**
     * JVM options for the start script instead of its own memory settings, to try others.
     */
    private static final String JAVA_OPTIONS = System.getProperty("ldportal.bench.java-options");

    private static final int CLIENTS = 4;

    private static final int LOADS_PER_PAGE = 500;

    private static final Path WORK = Path.of("target", "benchmark", "startup");

    private static final Path REPORT = Path.of("target", "benchmark", "startup.txt");

    private static final String CLAIMS = "{\"name\": \"Bench Admin\", \"email\": \"bench-admin@example.com\", "
            + "\"groups\": [\"ld-portal-admins\"]}";

    /** The pages of the load, each with text only its rendered form contains. */
    private static final Map<String, String> PAGES = Map.of("/environments/new?project=mobile-app",
            "<option value=\"production\">Production (production)</option>",
            "/destinations/new?project=mobile-app&kind=kinesis", "name=\"config[streamName]\"",
            "/integrations/pager-alerts/new?type=configuration", "name=\"config[routingKey]\"", "/audit",
            "aria-label=\"Filter the audit trail\"");

    @Test
    void startsWhenPackagedThenPrintsTimeToHealthAndMemoryAfterLoad() throws Exception {
        Path jar = PackagedPortal.jar();
        assumeTrue(jar != null, "no packaged jar in target/: build it first with ./mvnw -DskipTests package");
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "resident memory is read from /proc (Linux only)");
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "the start script needs /bin/sh");
        deleteRecursively(WORK);
        Files.createDirectories(WORK);
        Path cache = Files.createDirectories(WORK.resolve("cache"));

        List<String> plainJar = List.of("java", "-jar", jar.toAbsolutePath().toString());
        List<String> script = List.of("/bin/sh", PackagedPortal.START_SCRIPT.toAbsolutePath().toString());
        Map<String, String> scriptEnvironment = new HashMap<>(Map.of("PORTAL_JAR", jar.toAbsolutePath().toString(),
                "PORTAL_CACHE_DIR", cache.toAbsolutePath().toString()));
        if (JAVA_OPTIONS != null) {
            scriptEnvironment.put("PORTAL_JAVA_OPTIONS", JAVA_OPTIONS);
        }

        List<String> lines = new ArrayList<>();
        lines.add(
                String.format("Start of %s (%d MB), %d starts per line; load: %d clients, %d loads of each of %d pages",
                        jar.getFileName(), Files.size(jar) >> 20, STARTS, CLIENTS, LOADS_PER_PAGE, PAGES.size()));
        lines.add("  start script's JVM options: " + (JAVA_OPTIONS == null ? "its own" : JAVA_OPTIONS));
        lines.add(String.format("  %-62s %14s %14s %16s", "how", "to health ms", "(min-max)", "RSS after load MB"));

        List<Start> before = measure("plain", plainJar, Map.of(), STARTS);
        lines.add(line("before: java -jar, JVM defaults", before));
        lines.add(line("after: portal-start.sh, first start (extract, training run)",
                measure("first", script, scriptEnvironment, 1)));
        try (Stream<Path> cached = Files.walk(cache)) {
            assertThat(cached.anyMatch(file -> file.endsWith("app.jsa")))
                .as("the first start left a class-data-sharing archive (see %s)", cache)
                .isTrue();
        }
        List<Start> after = measure("after", script, scriptEnvironment, STARTS);
        lines.add(line("after: portal-start.sh (CDS archive, AOT, memory settings)", after));
        lines.add("  (targets: to health under 2,000 ms, under 256 MB resident after the load with the script)");
        lines.addAll(firstMinutes("before: java -jar", before));
        lines.addAll(firstMinutes("after: portal-start.sh", after));
        report(lines);
        // The JVM ignores an archive whose class path differs from its training run's,
        // silently: then it is unmapped.
        assertThat(after).as("later starts use the archive").allMatch(Start::archiveMapped);
    }

    // ---- one line of figures

    /**
     * One start's figures, and whether the process had a class-data-sharing archive of
     * the portal mapped.
     */
    private record Start(long millisToHealth, long residentKilobytes, boolean archiveMapped,
            FirstMinutes firstMinutes) {
    }

    private List<Start> measure(String name, List<String> command, Map<String, String> environment, int starts)
            throws Exception {
        List<Start> figures = new ArrayList<>();
        for (int i = 0; i < starts; i++) {
            figures.add(startLoadAndStop(name + "-" + i, command, environment));
        }
        return figures;
    }

    private static String line(String how, List<Start> starts) {
        long[] millis = starts.stream().mapToLong(Start::millisToHealth).sorted().toArray();
        long[] resident = starts.stream().mapToLong(Start::residentKilobytes).sorted().toArray();
        return String.format("  %-62s %14d %14s %16d", how, millis[millis.length / 2],
                millis[0] + "-" + millis[millis.length - 1], resident[resident.length / 2] >> 10);
    }

    /** The first minutes of each start of a line, median over the starts. */
    private static List<String> firstMinutes(String how, List<Start> starts) {
        List<String> lines = new ArrayList<>();
        lines.add("  " + how + ": the first minutes (median of the starts, ms)");
        lines.add(String.format("    %-46s %10.1f", "sign-in through the identity provider, to home",
                median(starts, first -> first.signInNanos())));
        lines.add(String.format("    %-46s %10.1f   (target 150)", "the first signed-in page (environment form)",
                median(starts, first -> first.firstPageNanos())));
        lines.add(String.format("    %-46s %10s %10s %12s %12s", "create: the portal's share over the sandbox", "1st",
                "50th", "1st total", "50th total"));
        for (String kind : FirstMinutes.KINDS) {
            lines.add(String.format("    %-46s %10.1f %10.1f %12.1f %12.1f", "  " + kind,
                    median(starts, first -> first.share(kind, 0)),
                    median(starts, first -> first.share(kind, FirstMinutes.ROUNDS - 1)),
                    median(starts, first -> first.total(kind, 0)),
                    median(starts, first -> first.total(kind, FirstMinutes.ROUNDS - 1))));
        }
        lines.add("    (targets: a first create's share under 50 ms, the 50th's under 5 ms)");
        return lines;
    }

    private static double median(List<Start> starts, java.util.function.ToLongFunction<FirstMinutes> figure) {
        long[] values = starts.stream().map(Start::firstMinutes).mapToLong(figure).sorted().toArray();
        return values[values.length / 2] / 1e6;
    }

    // ---- one start of the packaged portal

    private Start startLoadAndStop(String name, List<String> command, Map<String, String> environment)
            throws Exception {
        LaunchDarklySandbox.shared().reset();
        try (PackagedPortal portal = PackagedPortal.start(command, environment, WORK.resolve(name))) {
            long millisToHealth = portal.awaitHealth().toMillis();
            FirstMinutes firstMinutes = FirstMinutes.measure(portal.root(), CLAIMS);
            load(portal.root());
            return new Start(millisToHealth, portal.residentKilobytes(), portal.mapsArchive(), firstMinutes);
        }
    }

    /**
     * The fixed load: {@link #CLIENTS} clients in one signed-in session, each page
     * {@link #LOADS_PER_PAGE} times.
     */
    private static void load(URI root) throws Exception {
        CookieManager signedIn = PlainHttp.signIn(root, "bench-admin", CLAIMS, "Bench Admin");
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<List<String>>> failures = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                HttpClient http = client(signedIn);
                failures.add(clients.submit(() -> {
                    List<String> failed = new ArrayList<>();
                    for (int i = 0; i < LOADS_PER_PAGE / CLIENTS; i++) {
                        for (Map.Entry<String, String> page : PAGES.entrySet()) {
                            HttpResponse<String> answer = http.send(get(root.resolve(page.getKey())),
                                    HttpResponse.BodyHandlers.ofString());
                            if (answer.statusCode() != 200 || !answer.body().contains(page.getValue())) {
                                failed.add(page.getKey() + " answered " + answer.statusCode());
                            }
                        }
                    }
                    return failed;
                }));
            }
            for (Future<List<String>> failed : failures) {
                assertThat(failed.get(5, TimeUnit.MINUTES)).as("failed answers of the load").isEmpty();
            }
        }
        finally {
            clients.shutdownNow();
        }
    }

    // ---- helpers

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static void report(List<String> lines) throws IOException {
        String text = String.join(System.lineSeparator(), lines) + System.lineSeparator();
        System.out.println();
        System.out.print(text);
        System.out.println();
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, "# " + Instant.now() + System.lineSeparator() + text, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

}
