package org.ldportal.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small stand-in for LaunchDarkly's REST API, over real HTTP on its own port, with
 * in-memory state: the endpoints the portal uses, checking the token and validating raw
 * request bodies (an unknown field is a 400, as a binding that silently ignored it would
 * hide a misspelt field), answering 201 with bodies shaped like LaunchDarkly's, 409 for
 * duplicates and {@code {code, message}} 400s that name the field. Tests can make it
 * answer 429, 500 or slowly. One instance per JVM ({@link #shared()}); {@link #reset()}
 * restores the seed.
 */
public final class LaunchDarklySandbox {

    public static final String TOKEN = "api-sandbox-token-0000";

    private static final Pattern ENVIRONMENT_KEY = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_.-]*$");

    private static final Pattern TAG = Pattern.compile("^[a-zA-Z0-9_.-]{1,64}$");

    private static final Pattern COLOR = Pattern.compile("^[0-9a-fA-F]{6}$");

    private static final Pattern ROLE_ARN = Pattern.compile("^arn:aws[a-zA-Z-]*:iam::\\d{12}:role/.+$");

    private static final Map<String, List<String>> DESTINATION_CONFIG = Map.of("google-pubsub",
            List.of("project", "topic"), "kinesis", List.of("region", "roleArn", "streamName"), "azure-event-hubs",
            List.of("namespace", "name", "policyName", "policyKey"), "mparticle",
            List.of("apiKey", "secret", "userIdentity", "anonymousUserIdentity", "environment"), "segment",
            List.of("writeKey"), "snowflake-v2", List.of("publicKey", "snowflakeHostAddress"), "databricks", List.of(),
            "bigquery", List.of(), "redshift", List.of());

    private static final Map<String, String> SNOWFLAKE_DEFAULT_NAMES = Map.of("databaseName", "LAUNCHDARKLY",
            "schemaName", "EVENTS", "userName", "LAUNCHDARKLY_USER", "roleName", "LAUNCHDARKLY_ROLE", "warehouseName",
            "LAUNCHDARKLY_WH");

    private static final Set<String> SECRET_CONFIG = Set.of("policyKey", "apiKey", "secret", "writeKey");

    private static final Set<String> ENVIRONMENT_EDITABLE = Set.of("name", "color", "defaultTtl", "secureMode",
            "defaultTrackEvents", "requireComments", "confirmChanges", "tags", "critical", "approvalSettings");

    /**
     * Of an environment's approval settings, the ones a patch may change (the spec's
     * patchEnvironment says so); the service, its configuration and the rest are read
     * only.
     */
    private static final Set<String> APPROVAL_EDITABLE = Set.of("required", "requiredApprovalTags", "minNumApprovals",
            "canReviewOwnRequest", "canApplyDeclinedChanges");

    static {
        // The JDK's HttpServer keeps Nagle's algorithm on unless told otherwise, and
        // writes an answer's headers and
        // body separately: on a kept-alive connection the body then waits for the
        // client's delayed ACK (40 ms on
        // Linux), which made every sandbox call look 40 ms slow. Read once, when the
        // first HttpServer is made.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static LaunchDarklySandbox shared;

    private final JsonMapper json = JsonMapper.builder().build();

    private final HttpServer server;

    private final Deque<SandboxFault> faults = new ConcurrentLinkedDeque<>();

    private final List<SandboxRequest> requests = Collections.synchronizedList(new ArrayList<>());

    private final Map<String, ObjectNode> projects = new LinkedHashMap<>();

    private final Map<String, Map<String, ObjectNode>> environments = new LinkedHashMap<>();

    private final List<ObjectNode> destinations = new ArrayList<>();

    private final Map<String, ObjectNode> pendingSetups = new HashMap<>();

    private final Map<String, List<ObjectNode>> configurations = new LinkedHashMap<>();

    private final Map<String, List<ObjectNode>> subscriptions = new LinkedHashMap<>();

    private final Map<String, ObjectNode> manifests = new LinkedHashMap<>();

    /**
     * Requests carried out after they were answered ({@link #failNextThenCreate}), still
     * running.
     */
    private final List<Thread> lateWork = Collections.synchronizedList(new ArrayList<>());

    /**
     * Whether environments, integration configurations and subscriptions carry
     * {@code _version}: the spec's schemas (Environment, IntegrationConfigurationsRep,
     * Integration) have none, so by default they do not.
     */
    private boolean versions;

    /**
     * Whether a destination's {@code parent} link names its project and environment (an
     * older shape; the spec's example does not).
     */
    private boolean destinationParentNamesPlace;

    private LaunchDarklySandbox(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("localhost"), port), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "ld-sandbox");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
        reset();
    }

    /** The sandbox for tests, on a free port, started the first time it is asked for. */
    public static synchronized LaunchDarklySandbox shared() {
        if (shared == null) {
            shared = new LaunchDarklySandbox(0);
        }
        return shared;
    }

    /** The sandbox for the dev launcher, on a fixed port. */
    public static synchronized LaunchDarklySandbox startOn(int port) {
        if (shared == null) {
            shared = new LaunchDarklySandbox(port);
        }
        return shared;
    }

    public String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public String token() {
        return TOKEN;
    }

    // ---- test controls

    /** What the caller identity says the token may do. */
    private List<String> tokenScopes = List.of("writer");

    /**
     * Back to the seed: two projects with environments, no destinations or integrations,
     * no faults.
     */
    public synchronized void reset() {
        tokenScopes = List.of("writer");
        versions = false;
        destinationParentNamesPlace = false;
        faults.clear();
        requests.clear();
        projects.clear();
        environments.clear();
        destinations.clear();
        pendingSetups.clear();
        configurations.clear();
        subscriptions.clear();
        seedProject("mobile-app", "Mobile App", "production", "Production", "test", "Test");
        seedProject("web-store", "Web Store", "production", "Production", "staging", "Staging", "test", "Test");
        loadManifests();
    }

    /**
     * The next request (whose path contains {@code pathPart}, or any when null) gets this
     * error.
     */
    public void failNext(String pathPart, int status, String code, String message) {
        faults.add(new SandboxFault(pathPart, status, code, message, Map.of(), null));
    }

    /**
     * The next POST (a create) to a path containing {@code pathPart} gets this error;
     * reads of that path do not.
     */
    public void failNextPost(String pathPart, int status) {
        failNextPost(pathPart, status, null, null);
    }

    /**
     * The next POST to a path containing {@code pathPart} gets this error, with
     * LaunchDarkly's code and message.
     */
    public void failNextPost(String pathPart, int status, String code, String message) {
        faults.add(new SandboxFault(pathPart, status, code, message, Map.of(), null).only("POST"));
    }

    /**
     * The next PATCH to a path containing {@code pathPart} is carried out, but answered
     * with {@code status} and no body, as a failing gateway would.
     */
    public void failNextPatchAfterHandling(String pathPart, int status) {
        faults.add(new SandboxFault(pathPart, status, null, null, Map.of(), null, true).only("PATCH"));
    }

    /**
     * The next PATCH (a change) to a path containing {@code pathPart} gets this error,
     * with LaunchDarkly's code and message; reads of that path do not.
     */
    public void failNextPatch(String pathPart, int status, String code, String message) {
        faults.add(new SandboxFault(pathPart, status, code, message, Map.of(), null).only("PATCH"));
    }

    /**
     * The next POST to a path containing {@code pathPart} is answered normally, but only
     * after {@code delay}.
     */
    public void delayNextPost(String pathPart, Duration delay) {
        faults.add(new SandboxFault(pathPart, 0, null, null, Map.of(), delay).only("POST"));
    }

    /**
     * The reads (GET) of a path containing {@code pathPart} after the next
     * {@code skipping} ones get this error, {@code times} times: a check after the call,
     * once the read before it has passed.
     */
    public void failReadsAfter(String pathPart, int skipping, int times, int status) {
        for (int i = 0; i < times; i++) {
            faults.add(new SandboxFault(pathPart, status, null, null, Map.of(), null).only("GET")
                .after(i == 0 ? skipping : 0));
        }
    }

    /** The next request gets a 429 with {@code Retry-After} in seconds. */
    public void rateLimitNext(String pathPart, long retryAfterSeconds) {
        faults.add(new SandboxFault(pathPart, 429, "rate_limited", "You have made too many requests",
                Map.of("Retry-After", Long.toString(retryAfterSeconds)), null));
    }

    /** The next request gets a 429 with {@code X-Ratelimit-Reset} at the given moment. */
    public void rateLimitNextUntil(String pathPart, Instant reset) {
        faults.add(new SandboxFault(pathPart, 429, "rate_limited", "You have made too many requests",
                Map.of("X-Ratelimit-Reset", Long.toString(reset.toEpochMilli())), null));
    }

    /**
     * The next create (POST) is carried out, but answered with {@code status} and no
     * body, as a failing gateway would; the page's reads of the same path are not
     * touched.
     */
    public void failNextAfterHandling(String pathPart, int status) {
        faults.add(new SandboxFault(pathPart, status, null, null, Map.of(), null, true).only("POST"));
    }

    /**
     * The next request is answered {@code status} at once, as a gateway that gave up
     * would, and carried out only {@code after} that: LaunchDarkly was still working on
     * it when the portal heard back.
     */
    public void failNextThenCreate(String pathPart, int status, Duration after) {
        faults.add(new SandboxFault(pathPart, status, null, null, Map.of(), after, false, true, "POST"));
    }

    /**
     * Waits until every request carried out late ({@link #failNextThenCreate}) is done.
     */
    public void awaitLateWork() {
        for (Thread thread : List.copyOf(lateWork)) {
            try {
                thread.join(10_000);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * From now on environments, integration configurations and subscriptions carry a
     * {@code _version}.
     */
    public synchronized void answerVersions() {
        versions = true;
        environments.values()
            .forEach(inProject -> inProject.values().forEach(e -> e.put("_version", e.path("_version").asInt(1))));
        configurations.values().forEach(list -> list.forEach(c -> c.put("_version", c.path("_version").asInt(1))));
        subscriptions.values().forEach(list -> list.forEach(s -> s.put("_version", s.path("_version").asInt(1))));
    }

    /**
     * From now on a destination's {@code parent} link names its project and environment,
     * as an older answer did.
     */
    public synchronized void answerDestinationParentsWithTheirPlace() {
        destinationParentNamesPlace = true;
        destinations.forEach(
                destination -> destination.withObject("_links").putObject("parent").put("href", placeOf(destination)));
    }

    /** The next request is answered normally, but only after {@code delay}. */
    public void delayNext(String pathPart, Duration delay) {
        faults.add(new SandboxFault(pathPart, 0, null, null, Map.of(), delay));
    }

    /** Every request received since the last reset, oldest first. */
    public List<SandboxRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public synchronized List<ObjectNode> environmentsOf(String projectKey) {
        return List.copyOf(environments.getOrDefault(projectKey, Map.of()).values());
    }

    public synchronized List<ObjectNode> destinations() {
        return List.copyOf(destinations);
    }

    public synchronized List<ObjectNode> integrationConfigurations(String integrationKey) {
        return List.copyOf(configurations.getOrDefault(integrationKey, List.of()));
    }

    public synchronized List<ObjectNode> subscriptions(String integrationKey) {
        return List.copyOf(subscriptions.getOrDefault(integrationKey, List.of()));
    }

    /**
     * A destination as if made in LaunchDarkly itself (not through the portal); answers
     * it as the API would.
     */
    public synchronized ObjectNode seedDestination(String projectKey, String environmentKey, String name, String kind,
            Map<String, String> config) {
        ObjectNode values = json.createObjectNode();
        config.forEach(values::put);
        return addDestination(projectKey, environmentKey, name, kind, values, true)
            .put("createdAt", System.currentTimeMillis() - 3_600_000)
            .deepCopy();
    }

    /**
     * The environment as an account without approvals answers it: LaunchDarkly then
     * leaves out its approval settings.
     */
    public synchronized void withoutApprovals(String projectKey, String environmentKey) {
        environment(projectKey, environmentKey).remove("approvalSettings");
    }

    /**
     * What {@code GET /api/v2/caller-identity} says the token's scopes are (until the
     * next reset: {@code writer}).
     */
    public synchronized void tokenScopes(String... scopes) {
        tokenScopes = List.of(scopes);
    }

    /** An environment deleted in LaunchDarkly itself (not through the portal). */
    public synchronized void deleteEnvironmentMeanwhile(String projectKey, String environmentKey) {
        environments.get(projectKey).remove(environmentKey);
    }

    /** LaunchDarkly no longer offers the integration (until the next reset). */
    public synchronized void withdrawManifest(String integrationKey) {
        manifests.remove(integrationKey);
    }

    /** An environment as if made in LaunchDarkly itself (not through the portal). */
    public synchronized ObjectNode seedEnvironment(String projectKey, String key, String name) {
        project(projectKey);
        return createEnvironment(projectKey,
                json.createObjectNode().put("key", key).put("name", name).put("color", "417505"))
            .deepCopy();
    }

    /**
     * An integration configuration as if made in LaunchDarkly itself; answered as the API
     * would.
     */
    public synchronized ObjectNode seedConfiguration(String integrationKey, String name, Map<String, Object> values) {
        ObjectNode post = json.createObjectNode().put("name", name);
        post.set("configValues", json.valueToTree(values));
        // Made before the test's own requests: an hour ago.
        return createConfiguration(integrationKey, post).put("_createdAt", System.currentTimeMillis() - 3_600_000)
            .deepCopy();
    }

    /**
     * An audit-log subscription as if made in LaunchDarkly itself, with the deliveries
     * LaunchDarkly reports.
     */
    public synchronized ObjectNode seedSubscription(String integrationKey, String name, Map<String, Object> config,
            int delivered, int failed) {
        ObjectNode post = json.createObjectNode().put("name", name);
        post.set("config", json.valueToTree(config));
        ObjectNode subscription = createSubscription(integrationKey, post);
        subscription.putObject("_status").put("successCount", delivered).put("errorCount", failed);
        return subscription.deepCopy();
    }

    /** Someone changes the subscription in LaunchDarkly itself: a new version. */
    public synchronized void changeSubscriptionMeanwhile(String integrationKey, String id) {
        subscriptions.getOrDefault(integrationKey, List.of())
            .stream()
            .filter(s -> s.get("_id").asString().equals(id))
            .findFirst()
            .ifPresent(subscription -> {
                subscription.withArray("tags").add("changed-in-launchdarkly");
                versioned(subscription, "_version");
            });
    }

    /** Someone changes the subscription's policy in LaunchDarkly itself. */
    public synchronized void changeSubscriptionPolicyMeanwhile(String integrationKey, String id, String resources) {
        subscriptions.getOrDefault(integrationKey, List.of())
            .stream()
            .filter(s -> s.get("_id").asString().equals(id))
            .findFirst()
            .ifPresent(subscription -> {
                ArrayNode statements = subscription.putArray("statements");
                ObjectNode statement = statements.addObject().put("effect", "allow");
                statement.putArray("resources").add(resources);
                statement.putArray("actions").add("*");
                versioned(subscription, "_version");
            });
    }

    /** Someone marks the environment critical in LaunchDarkly itself. */
    public synchronized void markCritical(String projectKey, String environmentKey) {
        versioned(environment(projectKey, environmentKey).put("critical", true), "_version");
    }

    /** Someone deletes the destination in LaunchDarkly itself. */
    public synchronized void deleteDestinationMeanwhile(String id) {
        destinations.removeIf(destination -> destination.get("_id").asString().equals(id));
    }

    /** Someone renames the environment in LaunchDarkly itself. */
    public synchronized void renameEnvironmentMeanwhile(String projectKey, String environmentKey, String name) {
        ObjectNode environment = environment(projectKey, environmentKey);
        environment.put("name", name);
        versioned(environment, "_version");
    }

    /**
     * Someone changes the destination in LaunchDarkly: its version moves on, as after any
     * accepted patch.
     */
    public synchronized void changeDestinationMeanwhile(String id) {
        destinations.stream()
            .filter(d -> d.get("_id").asString().equals(id))
            .findFirst()
            .ifPresent(d -> versioned(d, "version"));
    }

    // ---- HTTP

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders()
            .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        requests.add(new SandboxRequest(method, path + (query != null ? "?" + query : ""), headers, body));
        try {
            SandboxFault fault = takeFault(method, path);
            if (fault != null && fault.handleLater()) {
                Map<String, String> query0 = parameters(query);
                Thread late = new Thread(() -> {
                    sleep(fault.delay());
                    try {
                        route(method, path, query0, headers, body);
                    }
                    catch (RuntimeException refused) {
                        // As LaunchDarkly would: a request it refuses late changes
                        // nothing.
                    }
                }, "ld-sandbox-late");
                late.setDaemon(true);
                lateWork.add(late);
                late.start();
                throw new SandboxException(fault.status(), null, null);
            }
            if (fault != null && fault.delay() != null) {
                sleep(fault.delay());
            }
            if (fault != null && fault.status() > 0 && !fault.afterHandling()) {
                fault.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                throw new SandboxException(fault.status(), fault.code(), fault.message());
            }
            if (path.startsWith("/third-party/")) {
                respond(exchange, 200, thirdParty(path));
                return;
            }
            if (!TOKEN.equals(headers.get("authorization"))) {
                throw new SandboxException(401, "unauthorized", "Invalid account ID header");
            }
            Object[] answer;
            try {
                answer = route(method, path, parameters(query), headers, body);
            }
            catch (SandboxException refused) {
                if (fault != null && fault.afterHandling()) {
                    // A gateway that failed after LaunchDarkly answered hides a refusal
                    // (a 409) as well.
                    respond(exchange, fault.status(), json.createObjectNode());
                    return;
                }
                throw refused;
            }
            if (fault != null && fault.afterHandling()) {
                respond(exchange, fault.status(), json.createObjectNode());
                return;
            }
            respond(exchange, (Integer) answer[0], (JsonNode) answer[1]);
        }
        catch (SandboxException e) {
            ObjectNode error = json.createObjectNode();
            if (e.code != null) {
                error.put("code", e.code);
            }
            if (e.getMessage() != null) {
                error.put("message", e.getMessage());
            }
            respond(exchange, e.status, error);
        }
        catch (RuntimeException e) {
            ObjectNode error = json.createObjectNode()
                .put("code", "internal_server_error")
                .put("message", "sandbox: " + e);
            respond(exchange, 500, error);
        }
    }

    private synchronized SandboxFault takeFault(String method, String path) {
        for (Iterator<SandboxFault> it = faults.iterator(); it.hasNext();) {
            SandboxFault fault = it.next();
            if (fault.matches(method, path)) {
                if (fault.skips()) {
                    // The first fault for this request waits past it: the request passes
                    // untouched.
                    return null;
                }
                it.remove();
                return fault;
            }
        }
        return null;
    }

    private void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        // As LaunchDarkly does: how many calls are left this window, for the route and
        // the account.
        if (!exchange.getResponseHeaders().containsKey("X-Ratelimit-Route-Remaining")) {
            exchange.getResponseHeaders().set("X-Ratelimit-Route-Remaining", "97");
            exchange.getResponseHeaders().set("X-Ratelimit-Global-Remaining", "4990");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private synchronized Object[] route(String method, String path, Map<String, String> query,
            Map<String, String> headers, String body) {
        Matcher m;
        if (method.equals("GET") && path.equals("/api/v2/projects")) {
            return ok(page(new ArrayList<>(projects.values()), query));
        }
        if (method.equals("GET") && path.equals("/api/v2/caller-identity")) {
            ObjectNode identity = json.createObjectNode()
                .put("accountId", "acct-sandbox")
                .put("tokenName", "LD Portal (sandbox)")
                .put("tokenKind", "service")
                .put("authKind", "token")
                .put("serviceToken", true);
            tokenScopes.forEach(identity.putArray("scopes")::add);
            return ok(identity);
        }
        if ((m = match("/api/v2/projects/([^/]+)/environments/([^/]+)", path)) != null) {
            ObjectNode environment = environment(m.group(1), m.group(2));
            if (method.equals("GET")) {
                return ok(environment);
            }
            if (method.equals("PATCH")) {
                JsonNode patch = patchOf(body);
                checkApprovalPaths(patch);
                ObjectNode patched = SandboxPatch.apply(environment, patch, ENVIRONMENT_EDITABLE,
                        Set.of("_version", "key", "_id"));
                checkEnvironmentSettings(patched);
                return ok(replaceVersioned(environments.get(decode(m.group(1))), decode(m.group(2)), patched,
                        "_version"));
            }
            if (method.equals("DELETE")) {
                environments.get(decode(m.group(1))).remove(decode(m.group(2)));
                return noContent();
            }
        }
        if ((m = match("/api/v2/projects/([^/]+)/environments", path)) != null) {
            project(m.group(1));
            if (method.equals("GET")) {
                return ok(page(new ArrayList<>(environments.get(m.group(1)).values()), query));
            }
            if (method.equals("POST")) {
                return created(createEnvironment(m.group(1), object(body)));
            }
        }
        if (method.equals("GET") && path.equals("/api/v2/destinations")) {
            ObjectNode answer = json.createObjectNode();
            answer.set("items", json.valueToTree(destinations));
            answer.putObject("_links").putObject("self").put("href", "/api/v2/destinations");
            return ok(answer);
        }
        if ((m = match("/api/v2/destinations/([^/]+)/([^/]+)/([^/]+)", path)) != null
                && !m.group(1).equals("projects")) {
            ObjectNode destination = destination(m.group(1), m.group(2), m.group(3));
            if (method.equals("GET")) {
                return ok(destination);
            }
            if (method.equals("PATCH")) {
                ObjectNode patched = SandboxPatch.apply(destination, patchOf(body), Set.of("name", "on", "config"),
                        Set.of("version", "kind", "_id"));
                checkDestination(patched.path("kind").asString(), patched);
                masked(patched.get("config"), SECRET_CONFIG);
                destinations.set(destinations.indexOf(destination), versioned(patched, "version"));
                return ok(patched);
            }
            if (method.equals("DELETE")) {
                destinations.remove(destination);
                return noContent();
            }
        }
        if ((m = match("/api/v2/destinations/([^/]+)/([^/]+)", path)) != null && method.equals("POST")) {
            return created(createDestination(m.group(1), m.group(2), object(body)));
        }
        String warehouse = "/api/v2/destinations/projects/([^/]+)/environments/([^/]+)";
        if ((m = match(warehouse + "/kinds/([^/]+)/setup", path)) != null && method.equals("POST")) {
            return created(
                    setup(m.group(1), m.group(2), m.group(3), body.isBlank() ? json.createObjectNode() : object(body)));
        }
        if ((m = match(warehouse + "/kinds/([^/]+)/complete-setup", path)) != null && method.equals("POST")) {
            return created(completeSetup(m.group(1), m.group(2), m.group(3), object(body)));
        }
        if ((m = match("/api/v2/integration-configurations/([^/]+)", path)) != null && !m.group(1).equals("keys")) {
            if (!"beta".equals(headers.get("ld-api-version"))) {
                throw SandboxException.invalid("This endpoint requires the LD-API-Version header to be beta");
            }
            String id = decode(m.group(1));
            List<ObjectNode> owner = configurations.values()
                .stream()
                .filter(list -> list.stream().anyMatch(c -> c.get("_id").asString().equals(id)))
                .findFirst()
                .orElseThrow(() -> SandboxException.notFound("Integration configuration " + id));
            ObjectNode configuration = owner.stream()
                .filter(c -> c.get("_id").asString().equals(id))
                .findFirst()
                .orElseThrow();
            if (method.equals("GET")) {
                return ok(configuration);
            }
            if (method.equals("PATCH")) {
                ObjectNode manifest = manifest(configuration.get("_integrationKey").asString());
                ObjectNode patched = SandboxPatch.apply(configuration, patchOf(body),
                        Set.of("name", "enabled", "tags", "configValues", "capabilityConfig"),
                        Set.of("_version", "_id", "_integrationKey"));
                requiredText(patched, "name", "");
                checkConfig(manifest, (ObjectNode) patched.get("configValues"), "configValues.");
                patched.set("configValues", obfuscated(manifest, (ObjectNode) patched.get("configValues")));
                owner.set(owner.indexOf(configuration), versioned(patched, "_version"));
                return ok(patched);
            }
            if (method.equals("DELETE")) {
                owner.remove(configuration);
                return noContent();
            }
        }
        if ((m = match("/api/v2/integrations/([^/]+)/([^/]+)", path)) != null) {
            String key = decode(m.group(1));
            String id = decode(m.group(2));
            List<ObjectNode> owner = subscriptions.getOrDefault(key, new ArrayList<>());
            ObjectNode subscription = owner.stream()
                .filter(c -> c.get("_id").asString().equals(id))
                .findFirst()
                .orElseThrow(() -> SandboxException.notFound("Audit log subscription " + id));
            if (method.equals("GET")) {
                return ok(subscription);
            }
            if (method.equals("PATCH")) {
                ObjectNode manifest = manifest(key);
                ObjectNode patched = SandboxPatch.apply(subscription, patchOf(body),
                        Set.of("name", "on", "tags", "config", "statements", "url", "apiKey"),
                        Set.of("_version", "_id", "kind"));
                requiredText(patched, "name", "");
                checkConfig(manifest, (ObjectNode) patched.get("config"), "config.");
                checkStatements(patched.get("statements"), "statements");
                patched.set("config", obfuscated(manifest, (ObjectNode) patched.get("config")));
                owner.set(owner.indexOf(subscription), versioned(patched, "_version"));
                return ok(patched);
            }
            if (method.equals("DELETE")) {
                owner.remove(subscription);
                return noContent();
            }
        }
        if ((m = match("/api/v2/integration-configurations/keys/([^/]+)", path)) != null) {
            if (!"beta".equals(headers.get("ld-api-version"))) {
                throw SandboxException.invalid("This endpoint requires the LD-API-Version header to be beta");
            }
            if (method.equals("POST")) {
                return created(createConfiguration(m.group(1), object(body)));
            }
            if (method.equals("GET")) {
                return ok(items(integrationConfigurations(decode(m.group(1)))));
            }
        }
        if ((m = match("/api/v2/integrations/([^/]+)", path)) != null && method.equals("POST")) {
            return created(createSubscription(m.group(1), object(body)));
        }
        if ((m = match("/api/v2/integrations/([^/]+)", path)) != null && method.equals("GET")) {
            return ok(items(subscriptions(decode(m.group(1)))));
        }
        if (method.equals("GET") && path.equals("/api/v2/integration-manifests")) {
            ObjectNode answer = json.createObjectNode();
            ArrayNode items = answer.putArray("items");
            manifests.values().forEach(items::add);
            return ok(answer);
        }
        throw new SandboxException(404, "not_found", "No such endpoint in the sandbox: " + method + " " + path);
    }

    // ---- projects and environments

    /**
     * A project more, with its environments (key, name, key, name, ...), until the next
     * {@link #reset}.
     */
    public synchronized void addProject(String key, String name, String... environmentKeysAndNames) {
        seedProject(key, name, environmentKeysAndNames);
    }

    private void seedProject(String key, String name, String... environmentKeysAndNames) {
        ObjectNode project = json.createObjectNode()
            .put("_id", id())
            .put("key", key)
            .put("name", name)
            .put("includeInSnippetByDefault", false);
        project.putArray("tags");
        project.putObject("_links").putObject("self").put("href", "/api/v2/projects/" + key);
        projects.put(key, project);
        environments.put(key, new LinkedHashMap<>());
        for (int i = 0; i < environmentKeysAndNames.length; i += 2) {
            ObjectNode post = json.createObjectNode()
                .put("key", environmentKeysAndNames[i])
                .put("name", environmentKeysAndNames[i + 1])
                .put("color", i == 0 ? "3a3af0" : "417505");
            createEnvironment(key, post);
        }
    }

    private ObjectNode project(String key) {
        ObjectNode project = projects.get(decode(key));
        if (project == null) {
            throw SandboxException.notFound("Project " + decode(key));
        }
        return project;
    }

    private ObjectNode environment(String projectKey, String environmentKey) {
        project(projectKey);
        ObjectNode environment = environments.get(decode(projectKey)).get(decode(environmentKey));
        if (environment == null) {
            throw SandboxException.notFound("Environment " + decode(environmentKey));
        }
        return environment;
    }

    private ObjectNode createEnvironment(String projectKey, ObjectNode post) {
        allowOnly(post, "", "name", "key", "color", "defaultTtl", "secureMode", "defaultTrackEvents", "confirmChanges",
                "requireComments", "tags", "source", "critical");
        String name = requiredText(post, "name", "");
        String key = requiredText(post, "key", "");
        String color = requiredText(post, "color", "");
        if (!ENVIRONMENT_KEY.matcher(key).matches()) {
            throw SandboxException
                .invalid("key: must start with a letter or digit and contain only letters, digits, '.', '_' or '-'");
        }
        checkEnvironmentSettings(post);
        Map<String, ObjectNode> inProject = environments.get(projectKey);
        if (post.has("source")) {
            JsonNode source = post.get("source");
            allowOnly(source, "source.", "key", "version");
            if (!source.has("key") || !inProject.containsKey(source.get("key").asString())) {
                throw SandboxException.invalid("source.key: no environment with that key in this project");
            }
        }
        if (inProject.containsKey(key)) {
            throw SandboxException.conflict("An environment with the key " + key + " already exists in this project");
        }
        ObjectNode source = post.has("source") ? inProject.get(post.get("source").get("key").asString()) : null;
        ObjectNode environment = json.createObjectNode();
        environment.put("_id", id().substring(0, 24));
        if (versions) {
            environment.put("_version", 1);
        }
        environment.put("key", key).put("name", name).put("color", color);
        environment.put("apiKey", "sdk-" + UUID.randomUUID());
        environment.put("mobileKey", "mob-" + UUID.randomUUID());
        for (String setting : List.of("defaultTtl", "secureMode", "defaultTrackEvents", "confirmChanges",
                "requireComments", "critical")) {
            JsonNode value = post.has(setting) ? post.get(setting) : source != null ? source.get(setting) : null;
            if (value != null) {
                environment.set(setting, value);
            }
            else if (setting.equals("defaultTtl")) {
                environment.put(setting, 0);
            }
            else {
                environment.put(setting, false);
            }
        }
        environment.set("tags", post.has("tags") ? post.get("tags") : json.createArrayNode());
        // As the spec's example answers them: an account with approvals, none required
        // yet.
        ObjectNode approvals = environment.putObject("approvalSettings")
            .put("required", false)
            .put("bypassApprovalsForPendingChanges", false)
            .put("minNumApprovals", 1)
            .put("canReviewOwnRequest", false)
            .put("canApplyDeclinedChanges", true)
            .put("serviceKind", "launchdarkly");
        approvals.putArray("requiredApprovalTags");
        approvals.putObject("serviceConfig");
        environment.putObject("_links")
            .putObject("self")
            .put("href", "/api/v2/projects/" + projectKey + "/environments/" + key);
        inProject.put(key, environment);
        return environment;
    }

    /** A patch may reach into the approval settings only at the fields the spec names. */
    private static void checkApprovalPaths(JsonNode patch) {
        if (patch == null || !patch.isArray()) {
            return;
        }
        for (int i = 0; i < patch.size(); i++) {
            String path = patch.get(i).path("path").asString("");
            String op = patch.get(i).path("op").asString("");
            if (path.equals("/approvalSettings") && !op.equals("test")) {
                throw SandboxException
                    .invalid("patch[" + i + "].path: change the approval settings one field at a time");
            }
            if (path.startsWith("/approvalSettings/") && !op.equals("test")) {
                String field = path.substring("/approvalSettings/".length()).split("/")[0];
                if (!APPROVAL_EDITABLE.contains(field)) {
                    throw SandboxException
                        .invalid("patch[" + i + "].path: " + path + " is not a field that can be changed");
                }
            }
        }
    }

    /** The checks of an environment's settings, on a create and after a patch. */
    private static void checkEnvironmentSettings(ObjectNode post) {
        requiredText(post, "name", "");
        String color = requiredText(post, "color", "");
        if (!COLOR.matcher(color).matches()) {
            throw SandboxException.invalid("color: must be 6 hexadecimal digits");
        }
        if (post.has("defaultTtl") && (!post.get("defaultTtl").isIntegralNumber() || post.get("defaultTtl").asInt() < 0
                || post.get("defaultTtl").asInt() > 60)) {
            throw SandboxException.invalid("defaultTtl: must be a whole number of minutes from 0 to 60");
        }
        for (String flag : List.of("secureMode", "defaultTrackEvents", "confirmChanges", "requireComments",
                "critical")) {
            if (post.has(flag) && !post.get(flag).isBoolean()) {
                throw SandboxException.invalid(flag + ": must be a boolean");
            }
        }
        if (post.has("tags")) {
            for (JsonNode tag : arrayOf(post, "tags")) {
                if (!tag.isString() || !TAG.matcher(tag.asString()).matches()) {
                    throw SandboxException
                        .invalid("tags: each tag must be 1-64 characters of letters, digits, '.', '_' or '-'");
                }
            }
        }
        if (post.has("approvalSettings")) {
            checkApprovalSettings(post.get("approvalSettings"));
        }
    }

    private static void checkApprovalSettings(JsonNode approvals) {
        for (String flag : List.of("required", "canReviewOwnRequest", "canApplyDeclinedChanges")) {
            if (!approvals.path(flag).isBoolean()) {
                throw SandboxException.invalid("approvalSettings." + flag + ": must be a boolean");
            }
        }
        JsonNode minimum = approvals.path("minNumApprovals");
        if (!minimum.isIntegralNumber() || minimum.asInt() < 1 || minimum.asInt() > 5) {
            throw SandboxException.invalid("approvalSettings.minNumApprovals: must be a whole number from 1 to 5");
        }
        JsonNode tags = approvals.path("requiredApprovalTags");
        if (!tags.isArray()) {
            throw SandboxException.invalid("approvalSettings.requiredApprovalTags: must be an array of tags");
        }
        for (JsonNode tag : tags) {
            if (!tag.isString() || !TAG.matcher(tag.asString()).matches()) {
                throw SandboxException.invalid("approvalSettings.requiredApprovalTags: each tag must be 1-64 "
                        + "characters of letters, digits, '.', '_' or '-'");
            }
        }
        if (approvals.get("required").asBoolean() && !tags.isEmpty()) {
            // The spec: "either required approvals for all flags in an environment or
            // those with specific tags, but not both".
            throw SandboxException.invalid("approvalSettings: set either required or requiredApprovalTags, not both");
        }
    }

    // ---- destinations

    private ObjectNode createDestination(String projectKey, String environmentKey, ObjectNode post) {
        environment(projectKey, environmentKey);
        allowOnly(post, "", "name", "kind", "config", "on");
        String kind = requiredText(post, "kind", "");
        List<String> required = DESTINATION_CONFIG.get(kind);
        if (required == null) {
            throw SandboxException.invalid("kind: unknown Data Export destination kind " + kind);
        }
        checkDestination(kind, post);
        ObjectNode config = ((ObjectNode) post.get("config")).deepCopy();
        if (kind.equals("snowflake-v2")) {
            // The older path knows no set-up: the destination gets the default names,
            // whatever a script made.
            SNOWFLAKE_DEFAULT_NAMES.forEach((name, value) -> {
                if (!config.has(name)) {
                    config.put(name, value);
                }
            });
        }
        return addDestination(projectKey, environmentKey, post.has("name") ? post.get("name").asString() : kind, kind,
                config, !post.has("on") || post.get("on").asBoolean());
    }

    /** The checks of a destination's config and switch, on a create and after a patch. */
    private static void checkDestination(String kind, ObjectNode post) {
        List<String> required = DESTINATION_CONFIG.get(kind);
        JsonNode config = post.get("config");
        if (config == null || !config.isObject()) {
            throw SandboxException.invalid("config: must be an object");
        }
        for (String field : required) {
            JsonNode value = config.get(field);
            if (value == null || !value.isString() || value.asString().isBlank()) {
                throw SandboxException.invalid("config." + field + ": is required for " + kind);
            }
        }
        if (kind.equals("kinesis") && !ROLE_ARN.matcher(config.get("roleArn").asString()).matches()) {
            throw SandboxException
                .invalid("config.roleArn: must be an IAM role ARN such as arn:aws:iam::123456789012:role/name");
        }
        if (post.has("on") && !post.get("on").isBoolean()) {
            throw SandboxException.invalid("on: must be a boolean");
        }
    }

    private ObjectNode addDestination(String projectKey, String environmentKey, String name, String kind,
            ObjectNode config, boolean on) {
        String place = "/api/v2/projects/" + projectKey + "/environments/" + environmentKey;
        boolean taken = destinations.stream().anyMatch(d -> place.equals(placeOf(d)));
        if (taken) {
            throw SandboxException.conflict("A Data Export destination already exists for this environment");
        }
        ObjectNode destination = json.createObjectNode();
        String id = id();
        destination.put("_id", id)
            .put("name", name)
            .put("kind", kind)
            .put("on", on)
            .put("version", 1)
            .put("createdAt", System.currentTimeMillis());
        ObjectNode shown = config.deepCopy();
        masked(shown, SECRET_CONFIG);
        destination.set("config", shown);
        ObjectNode links = destination.putObject("_links");
        links.putObject("self").put("href", "/api/v2/destinations/" + projectKey + "/" + environmentKey + "/" + id);
        // As the spec's example answers: the parent is the list; the project and
        // environment are only in self.
        links.putObject("parent").put("href", destinationParentNamesPlace ? place : "/api/v2/destinations");
        destinations.add(destination);
        return destination;
    }

    private ObjectNode setup(String projectKey, String environmentKey, String kind, ObjectNode body) {
        environment(projectKey, environmentKey);
        allowOnly(body, "", "name", "snowflakeHostAddress", "databaseName", "warehouseName", "roleName", "schemaName",
                "userName", "includeNetworkPolicy", "clusterIdentifier", "clusterRegion", "clusterAwsAccountId");
        if (!List.of("snowflake-v2", "redshift", "databricks", "bigquery").contains(kind)) {
            throw SandboxException.invalid("kind: " + kind + " is not a warehouse destination kind");
        }
        String database = text(body, "databaseName", "LAUNCHDARKLY");
        String schema = text(body, "schemaName", "EVENTS");
        String user = text(body, "userName", "LAUNCHDARKLY_USER");
        ObjectNode answer = json.createObjectNode();
        StringBuilder script = new StringBuilder("-- LaunchDarkly Data Export setup for ").append(kind)
            .append('\n')
            .append("CREATE DATABASE IF NOT EXISTS ")
            .append(database)
            .append(";\n")
            .append("CREATE SCHEMA IF NOT EXISTS ")
            .append(database)
            .append('.')
            .append(schema)
            .append(";\n")
            .append("CREATE USER IF NOT EXISTS ")
            .append(user)
            .append(";\n");
        if (kind.equals("snowflake-v2")) {
            String publicKey = fakeKey("PUBLIC");
            script.append("ALTER USER ").append(user).append(" SET RSA_PUBLIC_KEY='").append(publicKey).append("';\n");
            answer.put("publicKey", publicKey).put("publicKeyPkcs8", fakeKey("PKCS8"));
            body.put("publicKey", publicKey);
        }
        if (kind.equals("redshift") && body.has("clusterIdentifier") && body.has("clusterRegion")
                && body.has("clusterAwsAccountId")) {
            String bucket = "ld-export-" + body.get("clusterIdentifier").asString() + "-" + id().substring(0, 8);
            answer.put("s3BucketName", bucket);
            answer.put("redshiftIAMTrustPolicy", json.writeValueAsString(trustPolicy()));
            answer.put("redshiftIAMPermissionsPolicy",
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":[\"arn:aws:s3:::" + bucket
                            + "\",\"arn:aws:s3:::" + bucket + "/*\"]}]}");
        }
        answer.put("script", script.toString());
        pendingSetups.put(projectKey + "/" + environmentKey + "/" + kind, body);
        return answer;
    }

    private ObjectNode completeSetup(String projectKey, String environmentKey, String kind, ObjectNode body) {
        environment(projectKey, environmentKey);
        allowOnly(body, "", "publicKey");
        ObjectNode pending = pendingSetups.remove(projectKey + "/" + environmentKey + "/" + kind);
        if (pending == null) {
            throw SandboxException.notFound("Pending " + kind + " setup for this environment");
        }
        if (pending.has("publicKey") && !pending.get("publicKey").equals(body.get("publicKey"))) {
            pendingSetups.put(projectKey + "/" + environmentKey + "/" + kind, pending);
            throw SandboxException.invalid("publicKey: is not the key of the pending set-up");
        }
        // The custom names are read from the stored configuration, as the spec's
        // complete-setup says.
        ObjectNode config = json.createObjectNode();
        pending.properties()
            .stream()
            .filter(field -> !field.getKey().equals("name"))
            .forEach(field -> config.set(field.getKey(), field.getValue()));
        return addDestination(projectKey, environmentKey, text(pending, "name", kind), kind, config, true);
    }

    private ObjectNode trustPolicy() {
        try {
            return (ObjectNode) json.readTree("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:role/launchdarkly-data-export\"},"
                    + "\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"sandbox-external-id\"}}}]}");
        }
        catch (RuntimeException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- integrations

    private void loadManifests() {
        manifests.clear();
        try {
            Resource[] found = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:manifests/*/manifest.json");
            List<Resource> sorted = new ArrayList<>(List.of(found));
            sorted.sort((a, b) -> String.valueOf(a.getDescription()).compareTo(String.valueOf(b.getDescription())));
            for (Resource resource : sorted) {
                String url = resource.getURL().toString();
                String key = url.substring(0, url.lastIndexOf('/'));
                key = key.substring(key.lastIndexOf('/') + 1);
                String text = new String(resource.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{sandboxBaseUrl}}", baseUrl());
                ObjectNode manifest = (ObjectNode) json.readTree(text);
                manifest.put("key", key);
                manifests.put(key, manifest);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode manifest(String key) {
        ObjectNode manifest = manifests.get(decode(key));
        if (manifest == null) {
            throw SandboxException.notFound("Integration " + decode(key));
        }
        return manifest;
    }

    private ObjectNode createConfiguration(String key, ObjectNode post) {
        ObjectNode manifest = manifest(key);
        if (!manifest.path("allowIntegrationConfigurations").asBoolean(false)) {
            throw SandboxException.invalid("Integration " + key + " does not support integration configurations");
        }
        allowOnly(post, "", "name", "enabled", "tags", "configValues", "capabilityConfig");
        String name = requiredText(post, "name", "");
        JsonNode values = post.get("configValues");
        if (values == null || !values.isObject()) {
            throw SandboxException.invalid("configValues: must be an object");
        }
        checkConfig(manifest, (ObjectNode) values, "configValues.");
        if (post.has("capabilityConfig")) {
            JsonNode capability = post.get("capabilityConfig");
            allowOnly(capability, "capabilityConfig.", "approvals", "auditLogEventsHook");
            if (capability.has("auditLogEventsHook")) {
                checkStatements(capability.get("auditLogEventsHook").get("statements"),
                        "capabilityConfig.auditLogEventsHook.statements");
            }
        }
        ObjectNode configuration = json.createObjectNode()
            .put("_id", id())
            .put("name", name)
            .put("_integrationKey", key)
            .put("enabled", !post.has("enabled") || post.get("enabled").asBoolean())
            .put("_createdAt", System.currentTimeMillis());
        if (versions) {
            configuration.put("_version", 1);
        }
        configuration.set("tags", post.has("tags") ? post.get("tags") : json.createArrayNode());
        configuration.set("configValues", obfuscated(manifest, (ObjectNode) values));
        if (post.has("capabilityConfig")) {
            configuration.set("capabilityConfig", post.get("capabilityConfig"));
        }
        configuration.putObject("_links")
            .putObject("self")
            .put("href", "/api/v2/integration-configurations/" + configuration.get("_id").asString());
        configurations.computeIfAbsent(key, k -> new ArrayList<>()).add(configuration);
        return configuration;
    }

    private ObjectNode createSubscription(String key, ObjectNode post) {
        ObjectNode manifest = manifest(key);
        if (!manifest.path("capabilities").has("auditLogEventsHook")) {
            throw SandboxException.invalid("Integration " + key + " does not support audit log subscriptions");
        }
        allowOnly(post, "", "name", "config", "statements", "on", "tags", "url", "apiKey");
        String name = requiredText(post, "name", "");
        JsonNode config = post.get("config");
        if (config == null || !config.isObject()) {
            throw SandboxException.invalid("config: must be an object");
        }
        checkConfig(manifest, (ObjectNode) config, "config.");
        if (post.has("statements")) {
            checkStatements(post.get("statements"), "statements");
        }
        ObjectNode subscription = json.createObjectNode()
            .put("_id", id())
            .put("kind", key)
            .put("name", name)
            .put("on", !post.has("on") || post.get("on").asBoolean());
        if (versions) {
            subscription.put("_version", 1);
        }
        // What LaunchDarkly reports of the deliveries so far (setDeliveryStatus changes
        // it).
        subscription.putObject("_status").put("successCount", 0).put("errorCount", 0);
        subscription.set("config", obfuscated(manifest, (ObjectNode) config));
        subscription.set("statements", post.has("statements") ? post.get("statements") : json.createArrayNode());
        subscription.set("tags", post.has("tags") ? post.get("tags") : json.createArrayNode());
        subscription.putObject("_links")
            .putObject("self")
            .put("href", "/api/v2/integrations/" + key + "/" + subscription.get("_id").asString());
        subscriptions.computeIfAbsent(key, k -> new ArrayList<>()).add(subscription);
        return subscription;
    }

    /**
     * What LaunchDarkly's Terraform provider checks of a config against the manifest:
     * unknown keys and missing required keys are errors, booleans are real booleans, enum
     * values are among allowedValues.
     */
    private void checkConfig(ObjectNode manifest, ObjectNode config, String prefix) {
        Map<String, JsonNode> variables = new LinkedHashMap<>();
        manifest.path("formVariables").forEach(variable -> variables.put(variable.get("key").asString(), variable));
        for (String key : config.propertyNames()) {
            if (!variables.containsKey(key)) {
                throw SandboxException.invalid(prefix + key + ": is not a field of this integration");
            }
        }
        for (JsonNode variable : variables.values()) {
            String key = variable.get("key").asString();
            String type = variable.path("type").asString("string");
            JsonNode value = config.get(key);
            boolean optional = variable.path("isOptional").asBoolean(false);
            boolean filledByLaunchDarkly = type.equals("generated") || type.equals("publicKey") || type.equals("oauth");
            boolean hidden = hasDependencies(variable) ? !visibleByDependency(variable, config)
                    : variable.path("isHidden").asBoolean(false);
            if (value == null || value.isNull() || (value.isString() && value.asString().isEmpty())) {
                if (!optional && !filledByLaunchDarkly && !hidden && !type.equals("boolean")) {
                    throw SandboxException.invalid(prefix + key + ": is required");
                }
                continue;
            }
            if (type.equals("boolean") && !value.isBoolean()) {
                throw SandboxException.invalid(prefix + key + ": must be a boolean");
            }
            if (type.equals("enum") && !containsText(variable.get("allowedValues"), value.asString())) {
                throw SandboxException.invalid(prefix + key + ": must be one of " + variable.get("allowedValues"));
            }
            if (type.equals("uri") && !value.asString().matches("^https?://.+")) {
                throw SandboxException.invalid(prefix + key + ": must be an http or https URL");
            }
            if (type.equals("multiselect") && !value.isArray()) {
                throw SandboxException.invalid(prefix + key + ": must be an array");
            }
        }
    }

    private static boolean hasDependencies(JsonNode variable) {
        JsonNode dependsOn = variable.get("dependsOn");
        return dependsOn != null && dependsOn.isArray() && !dependsOn.isEmpty();
    }

    /**
     * LaunchDarkly does not document how several dependsOn entries combine; the sandbox
     * takes the portal's reading (FormValidator.isShown): visible when every entry allows
     * it.
     */
    private boolean visibleByDependency(JsonNode variable, ObjectNode config) {
        for (JsonNode dependency : variable.get("dependsOn")) {
            JsonNode other = config.get(dependency.path("variableKey").asString());
            String actual = other == null ? "" : other.isString() ? other.asString() : other.toString();
            boolean holds = true;
            for (JsonNode condition : dependency.path("conditions")) {
                if (condition.path("operator").asString().equals("equalTo")) {
                    holds &= actual.equals(condition.path("value").asString());
                }
            }
            boolean show = dependency.path("action").asString().equals("showField");
            if (show != holds) {
                return false;
            }
        }
        return true;
    }

    private void checkStatements(JsonNode statements, String where) {
        if (statements == null || !statements.isArray()) {
            throw SandboxException.invalid(where + ": must be an array of policy statements");
        }
        for (JsonNode statement : statements) {
            allowOnly(statement, where + ".", "effect", "resources", "notResources", "actions", "notActions");
            String effect = statement.path("effect").asString("");
            if (!effect.equals("allow") && !effect.equals("deny")) {
                throw SandboxException.invalid(where + ".effect: must be allow or deny");
            }
            if (!statement.has("resources") && !statement.has("notResources")) {
                throw SandboxException.invalid(where + ".resources: each statement needs resources or notResources");
            }
        }
    }

    /**
     * The values as LaunchDarkly answers them: secrets masked, and the values it
     * generates filled in.
     */
    private ObjectNode obfuscated(ObjectNode manifest, ObjectNode values) {
        ObjectNode copy = values.deepCopy();
        manifest.path("formVariables").forEach(variable -> {
            String key = variable.get("key").asString();
            String type = variable.path("type").asString("string");
            if (variable.path("isSecret").asBoolean(false) && copy.has(key)) {
                copy.put(key, "********");
            }
            else if (type.equals("generated") && !copy.has(key)) {
                copy.put(key, "ld-generated-" + id());
            }
            else if (type.equals("publicKey") && !copy.has(key)) {
                copy.put(key, fakeKey("PUBLIC"));
            }
        });
        return copy;
    }

    private JsonNode thirdParty(String path) {
        if (path.equals("/third-party/options/colors")) {
            ObjectNode answer = json.createObjectNode();
            ArrayNode data = answer.putArray("data");
            data.addObject().put("name", "Cerulean").put("color", "#98B2D1");
            data.addObject().put("name", "Fuchsia rose").put("color", "#C74375");
            data.addObject().put("name", "True red").put("color", "#BF1932");
            return answer;
        }
        throw new SandboxException(404, "not_found", "No such third-party endpoint");
    }

    // ---- the resources as patches and deletes find them

    private ObjectNode destination(String projectKey, String environmentKey, String id) {
        environment(projectKey, environmentKey);
        String self = "/api/v2/destinations/" + decode(projectKey) + "/" + decode(environmentKey) + "/" + decode(id);
        return destinations.stream()
            .filter(d -> self.equals(d.get("_links").get("self").get("href").asString()))
            .findFirst()
            .orElseThrow(() -> SandboxException.notFound("Destination " + decode(id)));
    }

    /**
     * The project and environment of a destination as a path
     * ({@code /api/v2/projects/p/environments/e}), from self.
     */
    private static String placeOf(JsonNode destination) {
        String[] self = destination.get("_links").get("self").get("href").asString().split("/");
        // /api/v2/destinations/{project}/{environment}/{id}
        return "/api/v2/projects/" + self[4] + "/environments/" + self[5];
    }

    private JsonNode patchOf(String body) {
        try {
            return json.readTree(body);
        }
        catch (RuntimeException e) {
            throw SandboxException.invalid("The request body is not valid JSON");
        }
    }

    /**
     * The patched resource with its version one higher: every accepted change makes a new
     * version.
     */
    private static ObjectNode versioned(ObjectNode patched, String field) {
        // Only what has a version gets a new one (destinations always; the others only
        // with answerVersions()).
        if (patched.has(field)) {
            patched.put(field, patched.path(field).asInt(1) + 1);
        }
        return patched;
    }

    private static ObjectNode replaceVersioned(Map<String, ObjectNode> owner, String key, ObjectNode patched,
            String field) {
        owner.put(key, versioned(patched, field));
        return patched;
    }

    /** LaunchDarkly obfuscates secret config values in its answers. */
    private static void masked(JsonNode config, Set<String> secrets) {
        if (config instanceof ObjectNode object) {
            secrets.forEach(secret -> {
                if (object.has(secret)) {
                    object.put(secret, "********");
                }
            });
        }
    }

    // ---- helpers

    private ObjectNode page(List<ObjectNode> all, Map<String, String> query) {
        int limit = Integer.parseInt(query.getOrDefault("limit", "20"));
        int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
        ObjectNode answer = json.createObjectNode();
        ArrayNode items = answer.putArray("items");
        all.stream().skip(offset).limit(limit).forEach(items::add);
        answer.put("totalCount", all.size());
        answer.putObject("_links");
        return answer;
    }

    private ObjectNode object(String body) {
        JsonNode node;
        try {
            node = json.readTree(body);
        }
        catch (RuntimeException e) {
            throw SandboxException.invalid("The request body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw SandboxException.invalid("The request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    private static void allowOnly(JsonNode node, String prefix, String... fields) {
        List<String> allowed = List.of(fields);
        for (String field : node.propertyNames()) {
            if (!allowed.contains(field)) {
                throw SandboxException.invalid(prefix + field + ": unknown field");
            }
        }
    }

    private static String requiredText(JsonNode node, String field, String prefix) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw SandboxException.invalid(prefix + field + ": is required");
        }
        return value.asString();
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || !value.isString() || value.asString().isBlank() ? fallback : value.asString();
    }

    private static List<JsonNode> arrayOf(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw SandboxException.invalid(field + ": must be an array");
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    private static boolean containsText(JsonNode array, String text) {
        if (array == null) {
            return false;
        }
        for (JsonNode item : array) {
            if (item.asString().equals(text)) {
                return true;
            }
        }
        return false;
    }

    private static Matcher match(String regex, String path) {
        Matcher matcher = Pattern.compile("^" + regex + "$").matcher(path);
        return matcher.matches() ? matcher : null;
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
                }
            }
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String id() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static String fakeKey(String label) {
        return "MIIB" + label + UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
    }

    private ObjectNode items(List<ObjectNode> list) {
        ObjectNode answer = json.createObjectNode();
        ArrayNode items = answer.putArray("items");
        list.forEach(items::add);
        return answer;
    }

    private static Object[] ok(JsonNode body) {
        return new Object[] { 200, body };
    }

    private static Object[] noContent() {
        return new Object[] { 204, null };
    }

    private static Object[] created(JsonNode body) {
        return new Object[] { 201, body };
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
