package org.ldportal.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.PlainHttp;
import org.ldportal.testsupport.PortalInstances;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ldportal.testsupport.PlainHttp.REQUEST_TIMEOUT;
import static org.ldportal.testsupport.PlainHttp.client;
import static org.ldportal.testsupport.PlainHttp.formEncoded;
import static org.ldportal.testsupport.PlainHttp.get;
import static org.ldportal.testsupport.PlainHttp.percentile;

/**
 * How fast the signed-in pages answer and how much a create costs in the portal itself,
 * on two portals started side by side in this JVM with the local identity provider and
 * the LaunchDarkly sandbox: one with its sessions in the database (the default, Spring
 * Session JDBC), one with them in memory. Each keeps its own H2 database and otherwise
 * the production settings (caches on).
 * <ul>
 * <li>Pages: signed in through the real OIDC flow, every page (home, the create forms,
 * the catalog, the audit trail, the requests, the manage lists and detail pages) is
 * loaded by {@value #DEFAULT_CLIENTS} concurrent clients for a fixed time after a
 * warm-up, on each portal in turn; prints requests per second, p50/p99 latency and the
 * CPU time and heap each answer cost the portal, database and memory sessions side by
 * side.</li>
 * <li>Creates: environments created through the portal's form (POST to its redirect)
 * against the same POST sent straight to the sandbox, interleaved one by one so both see
 * the same machine load; prints median and p99 of each and the portal's share.</li>
 * </ul>
 * Figures only: timings depend on the machine and are never asserted. Correctness is:
 * every page answer is a 200 with its content, every create a redirect to the result page
 * (or a 201 from the sandbox). Only localhost traffic.
 * <p>
 * Run: {@code ./mvnw -Pbenchmark -Dtest=PageSpeedBenchmarkTests test}. Settings (system
 * properties): {@code ldportal.bench.seconds} (measured seconds per page, 6),
 * {@code ldportal.bench.warmup-seconds} (2, just before a page is measured),
 * {@code ldportal.bench.jit-warmup-seconds} (4, each page in turn before any is
 * measured), {@code ldportal.bench.clients} (16), {@code ldportal.bench.creates} (200),
 * {@code ldportal.bench.create-warmups} (2000), {@code ldportal.bench.pages} (only the
 * pages whose path contains one of these comma-separated words, e.g. to profile one
 * page), {@code ldportal.bench.sessions} ({@code database}, {@code memory} or both). The
 * figures are also appended to {@code target/benchmark/page-speed.txt}.
 */
@Tag("benchmark")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PageSpeedBenchmarkTests {

    private static final int DEFAULT_CLIENTS = 16;

    private static final Duration MEASURED = Duration.ofSeconds(Long.getLong("ldportal.bench.seconds", 6));

    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("ldportal.bench.warmup-seconds", 2));

    /**
     * Every page is loaded this long before any is measured: on two cores the JIT
     * compilers take most of a core for the first half minute, and without this the page
     * measured first (the environment form) came out 2-3 times slower than when measured
     * last.
     */
    private static final Duration JIT_WARM_UP = Duration
        .ofSeconds(Long.getLong("ldportal.bench.jit-warmup-seconds", 4));

    private static final int CLIENTS = Integer.getInteger("ldportal.bench.clients", DEFAULT_CLIENTS);

    private static final int CREATES = Integer.getInteger("ldportal.bench.creates", 200);

    /**
     * Creates each way before any is timed. The create path (binding, checks, four
     * statements, the WebClient call) is compiled by the JIT only after some thousand
     * runs: after 50 warm-ups the portal's share measured 7.7 ms median (4.3 ms of CPU
     * per create, mostly interpreted code), after 2000 it measured 2.8 ms (1.8 ms of
     * CPU), which is what a portal that has been up for a while spends. Set it to 50 to
     * see the cold figure.
     */
    private static final int CREATE_WARMUPS = Integer.getInteger("ldportal.bench.create-warmups", 2000);

    /** Bound on one worker's samples, so a very fast machine cannot exhaust the heap. */
    private static final int MAX_SAMPLES_PER_CLIENT = 2_000_000;

    private static final Path REPORT = Path.of("target", "benchmark", "page-speed.txt");

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private static final String CLAIMS = "{\"name\": \"Bench Admin\", \"email\": \"bench-admin@example.com\", "
            + "\"groups\": [\"ld-portal-admins\"]}";

    /**
     * The pages measured, each with text only its rendered page contains; the detail
     * pages' ids are those of what {@link #seedWhatThePagesShow()} made.
     */
    private static final Map<String, String> PAGES = new LinkedHashMap<>();

    /** The two portals, by how they keep sessions. */
    private static final Map<String, Portal> PORTALS = new LinkedHashMap<>();

    private record Portal(String sessions, ConfigurableApplicationContext context, int port) {
    }

    @BeforeAll
    static void startBothPortals() {
        String chosen = System.getProperty("ldportal.bench.sessions", "database,memory");
        for (String sessions : List.of("database", "memory")) {
            if (chosen.contains(sessions)) {
                PORTALS.put(sessions, start(sessions));
            }
        }
        seedWhatThePagesShow();
    }

    @AfterAll
    static void stopBothPortals() {
        PORTALS.values().forEach(portal -> portal.context().close());
    }

    private static Portal start(String sessions) {
        // A port of its own, not 0: Tomcat names its request threads after the port it
        // was given (http-nio-auto-1-* for 0), and the figures are read by those names.
        List<String> settings = new ArrayList<>(List.of("--server.port=" + freePort(),
                "--spring.datasource.url=jdbc:h2:mem:bench-" + sessions + ";DB_CLOSE_DELAY=-1"));
        if (sessions.equals("memory")) {
            settings.add("--spring.autoconfigure.exclude="
                    + "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration");
        }
        ConfigurableApplicationContext context = PortalInstances.start(settings);
        return new Portal(sessions, context, PortalInstances.portOf(context));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A destination, an integration configuration, for the lists and detail pages. */
    private static void seedWhatThePagesShow() {
        LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();
        sandbox.reset();
        String destination = sandbox
            .seedDestination("mobile-app", "production", "Bench events", "kinesis", Map.of("region", "us-east-1",
                    "roleArn", "arn:aws:iam::123456789012:role/bench", "streamName", "bench-events"))
            .get("_id")
            .asString();
        String configuration = sandbox
            .seedConfiguration("pager-alerts", "Bench alerts",
                    Map.of("routingKey", "bench-routing-key", "severity", "error", "eventFilter",
                            List.of("rollout-regression"), "projectAndEnv",
                            Map.of("projectKey", "mobile-app", "environmentKey", "production"), "escalate", false))
            .get("_id")
            .asString();
        PAGES.put("/", "Welcome, <span>Bench Admin</span>");
        PAGES.put("/environments/new?project=mobile-app",
                "<option value=\"production\">Production (production)</option>");
        PAGES.put("/destinations/new?project=mobile-app&kind=kinesis", "name=\"config[streamName]\"");
        // Configuration and subscription forms of the sandbox's sample manifests (no
        // third-party options to fetch).
        PAGES.put("/integrations/pager-alerts/new?type=configuration", "name=\"config[routingKey]\"");
        PAGES.put("/integrations/log-stream/new?type=subscription", "name=\"config[base-url]\"");
        PAGES.put("/integrations", "<h1>Integrations</h1>");
        PAGES.put("/audit", "aria-label=\"Filter the audit trail\"");
        PAGES.put("/requests", "<h1>Requests for approval</h1>");
        PAGES.put("/environments?project=mobile-app", "<h1>Environments</h1>");
        PAGES.put("/destinations", "Bench events");
        PAGES.put("/integrations/pager-alerts", "Bench alerts");
        PAGES.put("/environments/mobile-app/production", "data-testid=\"detail-name\"");
        PAGES.put("/destinations/mobile-app/production/" + destination, "data-testid=\"detail-name\">Bench events<");
        PAGES.put("/integrations/pager-alerts/configurations/" + configuration,
                "data-testid=\"detail-name\">Bench alerts<");
    }

    @Test
    @Order(1)
    void pagesWhenLoadedConcurrentlyThenPrintsThroughputLatencyAndCostWithEachSessionStore() throws Exception {
        Map<String, List<HttpCookie>> signedIn = new LinkedHashMap<>();
        for (Portal portal : PORTALS.values()) {
            signedIn.put(portal.sessions(), signIn(portal));
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                "Pages: %d clients, %d s per page and portal after %d s of warm-up (and %d s of each page on each"
                        + " before any is measured), one signed-in session",
                CLIENTS, MEASURED.toSeconds(), WARM_UP.toSeconds(), JIT_WARM_UP.toSeconds()));
        lines.add("  (cpu ms and KB: CPU time and heap allocated per answer on the portal's request threads and"
                + " WebClient's; targets: 0.5 ms, 100 KB, p99 25 ms)");
        StringBuilder header = new StringBuilder(String.format("  %-58s", "page"));
        for (String sessions : PORTALS.keySet()) {
            header.append(String.format(" | %-8s %7s %7s %7s %7s %7s", sessions, "req/s", "p50 ms", "p99 ms", "cpu ms",
                    "KB"));
        }
        lines.add(header.toString());
        Map<String, String> pages = new LinkedHashMap<>(PAGES);
        pages.keySet().removeIf(path -> !chosen(path));
        for (Map.Entry<String, String> page : pages.entrySet()) {
            for (Portal portal : PORTALS.values()) {
                load(portal, signedIn.get(portal.sessions()), page.getKey(), page.getValue(), JIT_WARM_UP);
            }
        }
        Map<String, Load> loads = new LinkedHashMap<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            StringBuilder line = new StringBuilder(String.format("  %-58s", abbreviated(page.getKey())));
            for (Portal portal : PORTALS.values()) {
                List<HttpCookie> cookies = signedIn.get(portal.sessions());
                load(portal, cookies, page.getKey(), page.getValue(), WARM_UP);
                Load measured = load(portal, cookies, page.getKey(), page.getValue(), MEASURED);
                loads.put(portal.sessions() + " " + page.getKey(), measured);
                line.append(String.format(" | %-8s %7.0f %7.2f %7.2f %7.3f %7.1f", "", measured.perSecond(),
                        millis(percentile(measured.nanos(), 50)), millis(percentile(measured.nanos(), 99)),
                        measured.cpuMillisPerRequest(), measured.kilobytesPerRequest()));
            }
            lines.add(line.toString());
        }
        report(lines);

        loads.forEach((page, measured) -> {
            assertThat(measured.errors()).as("failed answers for %s, first: %s", page, measured.firstError()).isZero();
            assertThat(measured.count()).as("answers for %s", page).isPositive();
        });
    }

    /** Detail pages' ids are long; the table keeps one line a page. */
    private static String abbreviated(String path) {
        return path.length() <= 58 ? path : path.substring(0, 55) + "...";
    }

    @Test
    @Order(2)
    void createsWhenThroughPortalOrStraightToSandboxThenPrintsThePortalsShare() throws Exception {
        Portal measured = PORTALS.values().iterator().next();
        HttpClient portal = client(cookiesOf(measured, signIn(measured)));
        HttpResponse<String> form = portal.send(get(url(measured, "/environments/new?project=mobile-app")),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(200);
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).as("the form carries a CSRF token").isTrue();
        // One token serves the whole session (Spring Security masks it differently per
        // page, the token stays).
        String token = csrf.group(1);
        HttpClient direct = client(new CookieManager(null, CookiePolicy.ACCEPT_NONE));
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

        for (int i = 0; i < CREATE_WARMUPS; i++) {
            createThroughPortal(measured, portal, token, "bench-" + run + "-pw" + i);
            createDirectly(direct, "bench-" + run + "-dw" + i);
        }
        long[] throughPortal = new long[CREATES];
        long[] straight = new long[CREATES];
        RequestThreads portalUsed = new RequestThreads(0, 0);
        for (int i = 0; i < CREATES; i++) {
            PortalCreate create = createThroughPortal(measured, portal, token, "bench-" + run + "-p" + i);
            throughPortal[i] = create.nanos();
            portalUsed = new RequestThreads(portalUsed.cpuNanos() + create.used().cpuNanos(),
                    portalUsed.allocatedBytes() + create.used().allocatedBytes());
            straight[i] = createDirectly(direct, "bench-" + run + "-d" + i);
        }

        long portalMedian = percentile(throughPortal, 50);
        long portalP99 = percentile(throughPortal, 99);
        long directMedian = percentile(straight, 50);
        long directP99 = percentile(straight, 99);
        report(List.of(
                String.format("Creates (sessions in the %s): %d environments each way, one after the other, interleaved"
                        + " (after %d warm-ups each)", measured.sessions(), CREATES, CREATE_WARMUPS),
                String.format(
                        "  through the portal (form POST -> 302 to the result page): median %7.2f ms, p99 %7.2f ms",
                        millis(portalMedian), millis(portalP99)),
                String.format(
                        "  straight to the sandbox (API POST -> 201):                 median %7.2f ms, p99 %7.2f ms",
                        millis(directMedian), millis(directP99)),
                String.format(
                        "  the portal's share (portal minus direct):                  median %7.2f ms, p99 %7.2f ms",
                        millis(portalMedian - directMedian), millis(portalP99 - directP99)),
                String.format("  the portal's request thread per create: %.3f ms CPU, %.1f KB allocated",
                        portalUsed.cpuNanos() / 1e6 / CREATES, portalUsed.allocatedBytes() / 1024.0 / CREATES)));

        assertThat(LaunchDarklySandbox.shared().environmentsOf("mobile-app"))
            .filteredOn(environment -> environment.get("key").asString().startsWith("bench-" + run + "-"))
            .hasSize(2 * (CREATES + CREATE_WARMUPS));
    }

    // ---- pages

    /**
     * {@code -Dldportal.bench.pages=environments,audit} measures only the pages whose
     * path contains one of those.
     */
    private static boolean chosen(String path) {
        String pages = System.getProperty("ldportal.bench.pages", "");
        return pages.isBlank() || Arrays.stream(pages.split(",")).map(String::trim).anyMatch(path::contains);
    }

    private record Load(long[] nanos, long count, long errors, String firstError, double perSecond,
            RequestThreads used) {

        double cpuMillisPerRequest() {
            return used.cpuNanos() / 1e6 / Math.max(1, count + errors);
        }

        double kilobytesPerRequest() {
            return used.allocatedBytes() / 1024.0 / Math.max(1, count + errors);
        }
    }

    /**
     * CPU time and heap allocated so far by the portal's request threads (Tomcat's
     * {@code http-nio-<port>-*}) and WebClient's ({@code reactor-http-*}, for the pages
     * that read LaunchDarkly): what an answer costs the server, which the machine's other
     * load disturbs far less than the latencies.
     */
    private record RequestThreads(long cpuNanos, long allocatedBytes) {

        static RequestThreads now(Portal portal) {
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
                .getThreadMXBean();
            long cpu = 0;
            long allocated = 0;
            String requestThreads = "http-nio-" + portal.port() + "-";
            for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
                // WebClient's threads are shared by both portals; only one is loaded at a
                // time.
                if (thread != null && (thread.getThreadName().startsWith(requestThreads)
                        || thread.getThreadName().startsWith("reactor-http-"))) {
                    cpu += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
                    allocated += Math.max(0, threads.getThreadAllocatedBytes(thread.getThreadId()));
                }
            }
            return new RequestThreads(cpu, allocated);
        }

        RequestThreads since(RequestThreads before) {
            return new RequestThreads(cpuNanos - before.cpuNanos, allocatedBytes - before.allocatedBytes);
        }
    }

    /** One worker's figures: latencies of its good answers, its failures. */
    private static final class Samples {

        long[] nanos = new long[4096];

        int count;

        long errors;

        String firstError;

        void add(long value) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, nanos.length * 2);
            }
            nanos[count++] = value;
        }

        void fail(String why) {
            errors++;
            if (firstError == null) {
                firstError = why;
            }
        }

    }

    /**
     * {@link #CLIENTS} clients, each with its own connection and a copy of the signed-in
     * cookies, for {@code duration}.
     */
    private Load load(Portal portal, List<HttpCookie> signedIn, String path, String marker, Duration duration)
            throws Exception {
        HttpRequest request = get(url(portal, path));
        ExecutorService workers = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Samples>> futures = new ArrayList<>();
            RequestThreads before = RequestThreads.now(portal);
            long started = System.nanoTime();
            long deadline = started + duration.toNanos();
            for (int c = 0; c < CLIENTS; c++) {
                HttpClient http = client(cookiesOf(portal, signedIn));
                futures.add(workers.submit(() -> {
                    Samples samples = new Samples();
                    while (System.nanoTime() < deadline && samples.count < MAX_SAMPLES_PER_CLIENT) {
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                            long took = System.nanoTime() - sent;
                            if (answer.statusCode() != 200) {
                                samples.fail(
                                        answer.statusCode() + " " + answer.headers().firstValue("Location").orElse(""));
                            }
                            else if (!answer.body().contains(marker)) {
                                samples.fail("200 without the form (" + marker + ")");
                            }
                            else {
                                samples.add(took);
                            }
                        }
                        catch (IOException e) {
                            samples.fail(e.toString());
                        }
                    }
                    return samples;
                }));
            }
            List<Samples> all = new ArrayList<>();
            for (Future<Samples> future : futures) {
                all.add(future.get(duration.plus(REQUEST_TIMEOUT).toSeconds() + 5, TimeUnit.SECONDS));
            }
            double elapsedSeconds = (System.nanoTime() - started) / 1e9;
            RequestThreads used = RequestThreads.now(portal).since(before);
            long[] nanos = new long[all.stream().mapToInt(s -> s.count).sum()];
            int at = 0;
            for (Samples samples : all) {
                System.arraycopy(samples.nanos, 0, nanos, at, samples.count);
                at += samples.count;
            }
            Arrays.sort(nanos);
            long errors = all.stream().mapToLong(s -> s.errors).sum();
            String firstError = all.stream().map(s -> s.firstError).filter(e -> e != null).findFirst().orElse(null);
            return new Load(nanos, nanos.length, errors, firstError, (nanos.length + errors) / elapsedSeconds, used);
        }
        finally {
            workers.shutdownNow();
        }
    }

    // ---- creates

    /** How long a create took to its redirect, and what it cost the request threads. */
    private record PortalCreate(long nanos, RequestThreads used) {
    }

    /**
     * Nanoseconds from sending the form to the portal's redirect to the result page. The
     * result page is then opened, untimed, as a browser would: it takes the flash
     * attribute out of the session, where otherwise one per create would pile up and make
     * every later request scan them all.
     */
    private PortalCreate createThroughPortal(Portal measured, HttpClient portal, String token, String key)
            throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("projectKey", "mobile-app");
        fields.put("name", "Bench " + key);
        fields.put("key", key);
        fields.put("color", "417505");
        fields.put("defaultTtl", "0");
        // What a browser sends for the unchecked checkboxes (Thymeleaf's hidden markers)
        // and the empty fields.
        for (String checkbox : List.of("secureMode", "defaultTrackEvents", "requireComments", "confirmChanges",
                "critical")) {
            fields.put("_" + checkbox, "on");
        }
        fields.put("tags", "");
        fields.put("sourceKey", "");
        fields.put("_csrf", token);
        // Each create as from a freshly rendered form: its own one-time submission token
        // (claimed in the database).
        fields.put("submissionToken", java.util.UUID.randomUUID().toString().replace("-", ""));
        // As sent by "Create" on the review page.
        fields.put("confirm", "create");
        HttpRequest request = HttpRequest.newBuilder(url(measured, "/environments/new"))
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(formEncoded(fields)))
            .build();
        RequestThreads before = RequestThreads.now(measured);
        long sent = System.nanoTime();
        HttpResponse<String> answer = portal.send(request, HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - sent;
        RequestThreads used = RequestThreads.now(measured).since(before);
        assertThat(answer.statusCode()).as("portal create of %s", key).isEqualTo(302);
        String location = answer.headers().firstValue("Location").orElse("");
        assertThat(location).endsWith("/environments/created");
        HttpResponse<String> result = portal.send(get(request.uri().resolve(location)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.body()).contains("data-testid=\"created-key\">" + key + "<");
        return new PortalCreate(took, used);
    }

    /**
     * Nanoseconds of the same create sent straight to the sandbox's API with its token.
     */
    private long createDirectly(HttpClient direct, String key) throws Exception {
        LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();
        String body = "{\"name\":\"Bench " + key + "\",\"key\":\"" + key + "\",\"color\":\"417505\",\"defaultTtl\":0,"
                + "\"secureMode\":false,\"defaultTrackEvents\":false,\"confirmChanges\":false,\"requireComments\":false}";
        HttpRequest request = HttpRequest
            .newBuilder(URI.create(sandbox.baseUrl() + "/api/v2/projects/mobile-app/environments"))
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", sandbox.token())
            .header("LD-API-Version", "20240415")
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
        long sent = System.nanoTime();
        HttpResponse<String> answer = direct.send(request, HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - sent;
        assertThat(answer.statusCode()).as("direct create of %s: %s", key, answer.body()).isEqualTo(201);
        return took;
    }

    // ---- signing in through the identity provider's login form

    private static List<HttpCookie> signIn(Portal portal) throws Exception {
        return PlainHttp.signIn(url(portal, "/"), "bench-admin", CLAIMS, "Bench Admin")
            .getCookieStore()
            .get(url(portal, "/"));
    }

    // ---- helpers

    private static CookieManager cookiesOf(Portal portal, List<HttpCookie> signedIn) {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        signedIn.forEach(cookie -> cookies.getCookieStore().add(url(portal, "/"), (HttpCookie) cookie.clone()));
        return cookies;
    }

    private static URI url(Portal portal, String path) {
        return URI.create("http://localhost:" + portal.port() + path);
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static void report(List<String> lines) {
        String text = String.join(System.lineSeparator(), lines) + System.lineSeparator();
        System.out.println();
        System.out.print(text);
        System.out.println();
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, "# " + Instant.now() + System.lineSeparator() + text, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
