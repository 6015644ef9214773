package org.ldportal.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
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

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.PlainHttp;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ldportal.testsupport.PlainHttp.REQUEST_TIMEOUT;
import static org.ldportal.testsupport.PlainHttp.client;
import static org.ldportal.testsupport.PlainHttp.formEncoded;
import static org.ldportal.testsupport.PlainHttp.get;
import static org.ldportal.testsupport.PlainHttp.percentile;

/**
 * How fast the form pages answer and how much a create costs in the portal itself, with
 * the whole portal on a real port, the local identity provider and the LaunchDarkly
 * sandbox (the same set-up as every full-context test).
 * <ul>
 * <li>Pages: signed in through the real OIDC flow, each form page is loaded by
 * {@value #DEFAULT_CLIENTS} concurrent clients for a fixed time after a warm-up; prints
 * requests per second and p50/p99 latency.</li>
 * <li>Creates: environments created through the portal's form (POST to its redirect)
 * against the same POST sent straight to the sandbox, interleaved one by one so both see
 * the same machine load; prints median and p99 of each and the portal's share.</li>
 * </ul>
 * Figures only: timings depend on the machine and are never asserted. Correctness is:
 * every page answer is a 200 with its form, every create a redirect to the result page
 * (or a 201 from the sandbox). Only localhost traffic.
 * <p>
 * Run: {@code ./mvnw -Pbenchmark -Dtest=PageSpeedBenchmarkTests test}. Settings (system
 * properties): {@code ldportal.bench.seconds} (measured seconds per page, 10),
 * {@code ldportal.bench.warmup-seconds} (3, just before a page is measured),
 * {@code ldportal.bench.jit-warmup-seconds} (8, each page in turn before any is
 * measured), {@code ldportal.bench.clients} (16), {@code ldportal.bench.creates} (200),
 * {@code ldportal.bench.create-warmups} (2000), {@code ldportal.bench.pages} (only the
 * pages whose path contains one of these comma-separated words, e.g. to profile one
 * page). The figures are also appended to {@code target/benchmark/page-speed.txt}.
 */
@Tag("benchmark")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PageSpeedBenchmarkTests extends PortalIntegrationTest {

    private static final int DEFAULT_CLIENTS = 16;

    private static final Duration MEASURED = Duration.ofSeconds(Long.getLong("ldportal.bench.seconds", 10));

    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("ldportal.bench.warmup-seconds", 3));

    /**
     * Every page is loaded this long before any is measured: on two cores the JIT
     * compilers take most of a core for the first half minute, and without this the page
     * measured first (the environment form) came out 2-3 times slower than when measured
     * last.
     */
    private static final Duration JIT_WARM_UP = Duration
        .ofSeconds(Long.getLong("ldportal.bench.jit-warmup-seconds", 8));

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

    /** The pages measured, each with text only its rendered form contains. */
    private static final Map<String, String> PAGES = new LinkedHashMap<>();
    static {
        PAGES.put("/environments/new?project=mobile-app",
                "<option value=\"production\">Production (production)</option>");
        PAGES.put("/destinations/new?project=mobile-app&kind=kinesis", "name=\"config[streamName]\"");
        // A configuration form of one of the sandbox's sample manifests (no third-party
        // options to fetch).
        PAGES.put("/integrations/pager-alerts/new?type=configuration", "name=\"config[routingKey]\"");
        PAGES.put("/audit", "aria-label=\"Filter the audit trail\"");
    }

    @LocalServerPort
    private int port;

    @Test
    @Order(1)
    void pagesWhenLoadedConcurrentlyThenPrintsThroughputAndLatency() throws Exception {
        List<HttpCookie> signedIn = signIn();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                "Pages: %d clients, %d s per page after %d s of warm-up (and %d s of each page before any is"
                        + " measured), one signed-in session",
                CLIENTS, MEASURED.toSeconds(), WARM_UP.toSeconds(), JIT_WARM_UP.toSeconds()));
        lines.add("  (cpu ms/req and KB/req: CPU time and heap allocated per answer on the portal's request threads)");
        lines.add(String.format("  %-52s %9s %9s %9s %9s %7s %10s %10s", "page", "requests", "req/s", "p50 ms",
                "p99 ms", "errors", "cpu ms/req", "KB/req"));
        Map<String, String> pages = new LinkedHashMap<>(PAGES);
        pages.keySet().removeIf(path -> !chosen(path));
        for (Map.Entry<String, String> page : pages.entrySet()) {
            load(signedIn, page.getKey(), page.getValue(), JIT_WARM_UP);
        }
        Map<String, Load> loads = new LinkedHashMap<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            load(signedIn, page.getKey(), page.getValue(), WARM_UP);
            Load measured = load(signedIn, page.getKey(), page.getValue(), MEASURED);
            loads.put(page.getKey(), measured);
            lines.add(String.format("  %-52s %9d %9.1f %9.2f %9.2f %7d %10.3f %10.1f", page.getKey(), measured.count(),
                    measured.perSecond(), millis(percentile(measured.nanos(), 50)),
                    millis(percentile(measured.nanos(), 99)), measured.errors(), measured.cpuMillisPerRequest(),
                    measured.kilobytesPerRequest()));
        }
        report(lines);

        loads.forEach((page, measured) -> {
            assertThat(measured.errors()).as("failed answers for %s, first: %s", page, measured.firstError()).isZero();
            assertThat(measured.count()).as("answers for %s", page).isPositive();
        });
    }

    @Test
    @Order(2)
    void createsWhenThroughPortalOrStraightToSandboxThenPrintsThePortalsShare() throws Exception {
        HttpClient portal = client(cookiesOf(signIn()));
        HttpResponse<String> form = portal.send(get(url("/environments/new?project=mobile-app")),
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
            createThroughPortal(portal, token, "bench-" + run + "-pw" + i);
            createDirectly(direct, "bench-" + run + "-dw" + i);
        }
        long[] throughPortal = new long[CREATES];
        long[] straight = new long[CREATES];
        RequestThreads portalUsed = new RequestThreads(0, 0);
        for (int i = 0; i < CREATES; i++) {
            PortalCreate create = createThroughPortal(portal, token, "bench-" + run + "-p" + i);
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
                String.format(
                        "Creates: %d environments each way, one after the other, interleaved (after %d warm-ups each)",
                        CREATES, CREATE_WARMUPS),
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
     * {@code http-nio-*}): what an answer costs the server, which the machine's other
     * load disturbs far less than the latencies.
     */
    private record RequestThreads(long cpuNanos, long allocatedBytes) {

        static RequestThreads now() {
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
                .getThreadMXBean();
            long cpu = 0;
            long allocated = 0;
            for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (thread != null && thread.getThreadName().startsWith("http-nio-")) {
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
    private Load load(List<HttpCookie> signedIn, String path, String marker, Duration duration) throws Exception {
        HttpRequest request = get(url(path));
        ExecutorService workers = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Samples>> futures = new ArrayList<>();
            RequestThreads before = RequestThreads.now();
            long started = System.nanoTime();
            long deadline = started + duration.toNanos();
            for (int c = 0; c < CLIENTS; c++) {
                HttpClient http = client(cookiesOf(signedIn));
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
            RequestThreads used = RequestThreads.now().since(before);
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
    private PortalCreate createThroughPortal(HttpClient portal, String token, String key) throws Exception {
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
        HttpRequest request = HttpRequest.newBuilder(url("/environments/new"))
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(formEncoded(fields)))
            .build();
        RequestThreads before = RequestThreads.now();
        long sent = System.nanoTime();
        HttpResponse<String> answer = portal.send(request, HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - sent;
        RequestThreads used = RequestThreads.now().since(before);
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

    private List<HttpCookie> signIn() throws Exception {
        return PlainHttp.signIn(url("/"), "bench-admin", CLAIMS, "Bench Admin").getCookieStore().get(url("/"));
    }

    // ---- helpers

    private CookieManager cookiesOf(List<HttpCookie> signedIn) {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        signedIn.forEach(cookie -> cookies.getCookieStore().add(url("/"), (HttpCookie) cookie.clone()));
        return cookies;
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
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
