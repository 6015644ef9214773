package org.ldportal.launchdarkly;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The only place that speaks HTTP to LaunchDarkly. Every method either returns the answer
 * or throws {@link LaunchDarklyApiException} (a non-2xx answer) or
 * {@link LaunchDarklyUnreachableException} (no answer). GETs are retried on 429 and 5xx
 * (bounded in tries and total wait); POSTs never are: they are not idempotent. Logs
 * method, path, status and duration, never the token or a body (bodies may hold secrets).
 */
@Component
public class LaunchDarklyClient {

    private static final Logger log = LoggerFactory.getLogger(LaunchDarklyClient.class);

    /** The integration-configuration endpoints exist only in the beta API version. */
    static final String BETA = "beta";

    private static final int PAGE_SIZE = 50;

    /** The manifest list is large (well over WebClient's 256 KB default). */
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);

    private final WebClient web;

    private final LaunchDarklyProperties properties;

    private final RecentCalls recent;

    private final MeterRegistry meters;

    private final ObjectMapper json;

    private final List<Consumer<ListsChanged>> afterWrites = new CopyOnWriteArrayList<>();

    public LaunchDarklyClient(WebClient.Builder builder, LaunchDarklyProperties properties, ObjectMapper json) {
        this(builder, properties, json, new RecentCalls(Clock.systemUTC()), new SimpleMeterRegistry());
    }

    @Autowired
    public LaunchDarklyClient(WebClient.Builder builder, LaunchDarklyProperties properties, ObjectMapper json,
            RecentCalls recent, ObjectProvider<MeterRegistry> meters) {
        this(builder, properties, json, recent, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    private LaunchDarklyClient(WebClient.Builder builder, LaunchDarklyProperties properties, ObjectMapper json,
            RecentCalls recent, MeterRegistry meters) {
        this.recent = recent;
        this.meters = meters;
        if (properties.apiToken() == null || properties.apiToken().isBlank()) {
            throw new MissingApiTokenException();
        }
        this.properties = properties;
        this.json = json;
        HttpClient http = HttpClient.create()
            .proxyWithSystemProperties()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
            .responseTimeout(properties.responseTimeout());
        this.web = builder.clone()
            .baseUrl(properties.baseUrl().toString())
            .clientConnector(new ReactorClientHttpConnector(http))
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_BODY_BYTES))
            .defaultHeader(HttpHeaders.AUTHORIZATION, properties.apiToken())
            .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
            .build();
    }

    /**
     * Told after every write which lists it may have changed: the lists kept of
     * LaunchDarkly forget them.
     */
    void afterWrites(Consumer<ListsChanged> listener) {
        afterWrites.add(listener);
    }

    // ---- projects and environments

    /** One page of projects ({@code GET /api/v2/projects}). */
    public ApiPage<Project> listProjects(int limit, int offset) {
        return get(new ParameterizedTypeReference<ApiPage<Project>>() {
        }, null, "/api/v2/projects?limit={limit}&offset={offset}", limit, offset);
    }

    /** Every project, following the pages. */
    /** Who the token is ({@code GET /api/v2/caller-identity}), for the status page. */
    public CallerIdentity callerIdentity() {
        return get(CallerIdentity.class, null, "/api/v2/caller-identity");
    }

    public List<Project> listAllProjects() {
        return all((limit, offset) -> listProjects(limit, offset));
    }

    /**
     * One page of a project's environments; {@code filter} is LaunchDarkly's filter
     * expression or null.
     */
    public ApiPage<Environment> listEnvironments(String projectKey, @Nullable String filter, int limit, int offset) {
        String path = "/api/v2/projects/{projectKey}/environments?limit={limit}&offset={offset}"
                + (filter != null ? "&filter={filter}" : "");
        Object[] variables = filter != null ? new Object[] { projectKey, limit, offset, filter }
                : new Object[] { projectKey, limit, offset };
        return get(new ParameterizedTypeReference<ApiPage<Environment>>() {
        }, null, path, variables);
    }

    /** Every environment of a project, following the pages. */
    public List<Environment> listAllEnvironments(String projectKey) {
        return all((limit, offset) -> listEnvironments(projectKey, null, limit, offset));
    }

    /**
     * The paths of the creates, for the review page, which shows the call before it is
     * made.
     */
    public static final String ENVIRONMENTS = "/api/v2/projects/{projectKey}/environments";

    public static final String DESTINATIONS = "/api/v2/destinations/{projectKey}/{environmentKey}";

    private static final String WAREHOUSE = "/api/v2/destinations/projects/{projKey}/environments/{envKey}";

    public static final String WAREHOUSE_SETUP = WAREHOUSE + "/kinds/{kind}/setup";

    public static final String WAREHOUSE_COMPLETE = WAREHOUSE + "/kinds/{kind}/complete-setup";

    public static final String INTEGRATION_CONFIGURATIONS = "/api/v2/integration-configurations/keys/{integrationKey}";

    public static final String SUBSCRIPTIONS = "/api/v2/integrations/{integrationKey}";

    /**
     * A path of the API with its variables filled in and encoded, as the client sends it.
     */
    public static String path(String template, Object... variables) {
        return UriComponentsBuilder.fromPath(template).encode().buildAndExpand(variables).toUriString();
    }

    public Environment createEnvironment(String projectKey, EnvironmentPost body) {
        return writing(ListsChanged.environmentsOf(projectKey),
                () -> post(Environment.class, null, body, ENVIRONMENTS, projectKey));
    }

    public static final String ENVIRONMENT = ENVIRONMENTS + "/{environmentKey}";

    public Environment getEnvironment(String projectKey, String environmentKey) {
        return get(Environment.class, null, ENVIRONMENT, projectKey, environmentKey);
    }

    public Environment patchEnvironment(String projectKey, String environmentKey, List<PatchOperation> patch) {
        return writing(ListsChanged.environmentsOf(projectKey),
                () -> patch(Environment.class, null, patch, ENVIRONMENT, projectKey, environmentKey));
    }

    public void deleteEnvironment(String projectKey, String environmentKey) {
        writing(ListsChanged.environmentsOf(projectKey), () -> delete(null, ENVIRONMENT, projectKey, environmentKey));
    }

    // ---- Data Export destinations

    /**
     * Every Data Export destination of the account ({@code GET /api/v2/destinations}).
     */
    public List<Destination> listDestinations() {
        return get(new ParameterizedTypeReference<ApiPage<Destination>>() {
        }, null, "/api/v2/destinations").items();
    }

    public Destination createDestination(String projectKey, String environmentKey, DestinationPost body) {
        return writing(ListsChanged.destinations(),
                () -> post(Destination.class, null, body, DESTINATIONS, projectKey, environmentKey));
    }

    public static final String DESTINATION = DESTINATIONS + "/{id}";

    public Destination getDestination(String projectKey, String environmentKey, String id) {
        return get(Destination.class, null, DESTINATION, projectKey, environmentKey, id);
    }

    public Destination patchDestination(String projectKey, String environmentKey, String id,
            List<PatchOperation> patch) {
        return writing(ListsChanged.destinations(),
                () -> patch(Destination.class, null, patch, DESTINATION, projectKey, environmentKey, id));
    }

    public void deleteDestination(String projectKey, String environmentKey, String id) {
        writing(ListsChanged.destinations(), () -> delete(null, DESTINATION, projectKey, environmentKey, id));
    }

    /**
     * Stores a pending set-up and answers the SQL script to run (and the key or the IAM
     * policies).
     */
    public WarehouseSetupScript warehouseSetupScript(String projectKey, String environmentKey, String kind,
            WarehouseSetupRequest body) {
        return post(WarehouseSetupScript.class, null, body, WAREHOUSE_SETUP, projectKey, environmentKey, kind);
    }

    /** Creates the destination of a pending set-up (404 without one). */
    public Destination completeWarehouseSetup(String projectKey, String environmentKey, String kind, String publicKey) {
        // Redshift has no key: its body is empty.
        Map<String, Object> body = publicKey == null ? Map.of() : Map.of("publicKey", publicKey);
        return writing(ListsChanged.destinations(),
                () -> post(Destination.class, null, body, WAREHOUSE_COMPLETE, projectKey, environmentKey, kind));
    }

    // ---- integrations

    public IntegrationConfiguration createIntegrationConfiguration(String integrationKey,
            IntegrationConfigurationPost body) {
        return writing(ListsChanged.configurationsOf(integrationKey),
                () -> post(IntegrationConfiguration.class, BETA, body, INTEGRATION_CONFIGURATIONS, integrationKey));
    }

    /**
     * The integration's configurations (to settle whether a create whose answer was lost
     * happened).
     */
    public List<IntegrationConfiguration> listIntegrationConfigurations(String integrationKey) {
        return get(new ParameterizedTypeReference<ApiPage<IntegrationConfiguration>>() {
        }, BETA, "/api/v2/integration-configurations/keys/{integrationKey}", integrationKey).items();
    }

    public static final String INTEGRATION_CONFIGURATION = "/api/v2/integration-configurations/{id}";

    public IntegrationConfiguration getIntegrationConfiguration(String id) {
        return get(IntegrationConfiguration.class, BETA, INTEGRATION_CONFIGURATION, id);
    }

    public IntegrationConfiguration patchIntegrationConfiguration(String id, List<PatchOperation> patch) {
        return writing(ListsChanged.configurationsOf(null),
                () -> patch(IntegrationConfiguration.class, BETA, patch, INTEGRATION_CONFIGURATION, id));
    }

    public void deleteIntegrationConfiguration(String id) {
        writing(ListsChanged.configurationsOf(null), () -> delete(BETA, INTEGRATION_CONFIGURATION, id));
    }

    public static final String SUBSCRIPTION = SUBSCRIPTIONS + "/{id}";

    public Subscription getSubscription(String integrationKey, String id) {
        return get(Subscription.class, null, SUBSCRIPTION, integrationKey, id);
    }

    public Subscription patchSubscription(String integrationKey, String id, List<PatchOperation> patch) {
        return writing(ListsChanged.subscriptionsOf(integrationKey),
                () -> patch(Subscription.class, null, patch, SUBSCRIPTION, integrationKey, id));
    }

    public void deleteSubscription(String integrationKey, String id) {
        writing(ListsChanged.subscriptionsOf(integrationKey), () -> delete(null, SUBSCRIPTION, integrationKey, id));
    }

    /**
     * The integration's audit-log subscriptions ({@code GET
     * /api/v2/integrations/{integrationKey}}).
     */
    public List<Subscription> listSubscriptions(String integrationKey) {
        return get(new ParameterizedTypeReference<ApiPage<Subscription>>() {
        }, null, "/api/v2/integrations/{integrationKey}", integrationKey).items();
    }

    /** An audit-log subscription. */
    public Subscription createSubscription(String integrationKey, SubscriptionPost body) {
        return writing(ListsChanged.subscriptionsOf(integrationKey),
                () -> post(Subscription.class, null, body, SUBSCRIPTIONS, integrationKey));
    }

    /**
     * Every integration manifest ({@code {items: [...]}}; not in the OpenAPI spec, but
     * LaunchDarkly's Terraform provider reads it), each as raw JSON: the integration
     * package parses them, skipping one it cannot read.
     */
    public List<JsonNode> listIntegrationManifests() {
        JsonNode answer = get(JsonNode.class, null, "/api/v2/integration-manifests");
        List<JsonNode> manifests = new ArrayList<>();
        JsonNode items = answer == null ? null : answer.get("items");
        if (items != null && items.isArray()) {
            items.forEach(manifests::add);
        }
        return manifests;
    }

    // ---- the HTTP exchange

    /**
     * A write, then the lists it may have changed told, whether it was answered or not.
     */
    private <T> T writing(ListsChanged changed, Supplier<T> write) {
        try {
            return write.get();
        }
        finally {
            afterWrites.forEach(listener -> listener.accept(changed));
        }
    }

    private interface PageReader<T> {

        ApiPage<T> read(int limit, int offset);

    }

    private static <T> List<T> all(PageReader<T> reader) {
        List<T> all = new ArrayList<>();
        for (int offset = 0;; offset += PAGE_SIZE) {
            ApiPage<T> page = reader.read(PAGE_SIZE, offset);
            all.addAll(page.items());
            boolean more = page.totalCount() != null ? all.size() < page.totalCount()
                    : page.items().size() == PAGE_SIZE;
            if (!more || page.items().isEmpty()) {
                return all;
            }
        }
    }

    private <T> T get(Class<T> type, @Nullable String apiVersion, String path, Object... variables) {
        return withRetries(() -> exchange(HttpMethod.GET, path, variables, null, apiVersion,
                response -> response.bodyToMono(type)), path);
    }

    private <T> T get(ParameterizedTypeReference<T> type, @Nullable String apiVersion, String path,
            Object... variables) {
        return withRetries(() -> exchange(HttpMethod.GET, path, variables, null, apiVersion,
                response -> response.bodyToMono(type)), path);
    }

    /**
     * Tried once: a POST that timed out may have created the resource, and a second one
     * would make another.
     */
    private <T> T post(Class<T> type, @Nullable String apiVersion, Object body, String path, Object... variables) {
        return exchange(HttpMethod.POST, path, variables, body, apiVersion, response -> response.bodyToMono(type));
    }

    /**
     * Tried once, like a POST: the portal's patches carry {@code test} operations, so a
     * repeat of one that was applied would fail anyway, and the person decides again with
     * what is there now.
     */
    private <T> T patch(Class<T> type, @Nullable String apiVersion, List<PatchOperation> patch, String path,
            Object... variables) {
        return exchange(HttpMethod.PATCH, path, variables, patch, apiVersion, response -> response.bodyToMono(type));
    }

    /**
     * Tried once: the outcome of a delete whose answer was lost is settled by reading the
     * resource again.
     */
    private Boolean delete(@Nullable String apiVersion, String path, Object... variables) {
        return exchange(HttpMethod.DELETE, path, variables, null, apiVersion,
                response -> response.releaseBody().then(Mono.just(Boolean.TRUE)));
    }

    private interface Call<T> {

        T run();

    }

    private <T> T withRetries(Call<T> call, String path) {
        Duration waited = Duration.ZERO;
        for (int attempt = 1;; attempt++) {
            try {
                return call.run();
            }
            catch (LaunchDarklyApiException e) {
                boolean retryable = e.status() == 429 || e.status() >= 500;
                Duration wait = e.retryAfter().orElseGet(backoff(attempt));
                if (!retryable || attempt >= properties.maxAttempts()
                        || waited.plus(wait).compareTo(properties.maxRetryWait()) > 0) {
                    throw e;
                }
                log.info("LaunchDarkly answered {} to GET {}; trying again in {} ms", e.status(), path,
                        wait.toMillis());
                sleep(wait);
                waited = waited.plus(wait);
            }
        }
    }

    /** Exponential backoff with full jitter, so many portals do not retry in step. */
    private static Supplier<Duration> backoff(int attempt) {
        return () -> {
            long ceiling = FIRST_BACKOFF.toMillis() << (attempt - 1);
            return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
        };
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchDarklyUnreachableException("Interrupted while waiting to retry", false, e);
        }
    }

    private <T> T exchange(HttpMethod method, String path, Object[] variables, @Nullable Object body,
            @Nullable String apiVersion, Function<ClientResponse, Mono<T>> reader) {
        for (Object variable : variables) {
            // A path variable is encoded, but "." and ".." survive encoding and would
            // make the request another one.
            if (variable instanceof String text && (text.isBlank() || text.equals(".") || text.equals(".."))) {
                throw new NotAKeyException(text);
            }
        }
        String expanded = UriComponentsBuilder.fromUriString(path).buildAndExpand(variables).encode().toUriString();
        long started = System.nanoTime();
        WebClient.RequestBodySpec request = web.method(method)
            .uri(path, variables)
            .header("LD-API-Version", apiVersion != null ? apiVersion : properties.apiVersion());
        WebClient.RequestHeadersSpec<?> ready = body != null
                ? request.contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                : method == HttpMethod.POST ? request.contentType(MediaType.APPLICATION_JSON) : request;
        int[] status = { 0 };
        Integer[] remaining = { null };
        try {
            return answered(ready.exchangeToMono(response -> {
                status[0] = response.statusCode().value();
                remaining[0] = remaining(response.headers().asHttpHeaders());
                if (response.statusCode().is2xxSuccessful()) {
                    return reader.apply(response);
                }
                return response.bodyToMono(byte[].class)
                    .defaultIfEmpty(new byte[0])
                    .flatMap(bytes -> Mono
                        .error(toApiException(response.statusCode(), response.headers().asHttpHeaders(), bytes)));
            }), properties.responseTimeout().plus(properties.connectTimeout()).plusSeconds(1));
        }
        catch (WebClientRequestException e) {
            throw unreachable(method, e);
        }
        catch (IllegalStateException e) {
            if (e.getCause() instanceof TimeoutException) {
                throw new LaunchDarklyUnreachableException("LaunchDarkly did not answer in time", true, e);
            }
            throw e;
        }
        finally {
            long millis = (System.nanoTime() - started) / 1_000_000;
            log.info("LaunchDarkly {} {} -> {} in {} ms", method, strippedOfQuery(expanded),
                    status[0] == 0 ? "no answer" : status[0], millis);
            recent.record(method.name(), strippedOfQuery(expanded), status[0], millis, remaining[0]);
            // Tagged by the path's template, never its keys: a bounded set of series.
            Timer.builder("ldportal.launchdarkly.calls")
                .description("Calls to LaunchDarkly's API, by operation and answer")
                .tag("method", method.name())
                .tag("operation", strippedOfQuery(path))
                .tag("status", status[0] == 0 ? "none" : String.valueOf(status[0]))
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * The answer's body, waited for. {@link Mono#block} is null for a 2xx answer without
     * a body, which the calls made here are not answered with (the manifests' reader
     * checks anyway).
     */
    // block() is @Nullable for an empty Mono; T cannot say which calls have one.
    @SuppressWarnings("NullAway")
    private static <T> T answered(Mono<T> answer, Duration timeout) {
        return answer.block(timeout);
    }

    /**
     * The smaller of the route's and the account's rate-limit headroom LaunchDarkly
     * reported, if any.
     */
    private static @Nullable Integer remaining(HttpHeaders headers) {
        Integer lowest = null;
        for (String name : List.of("X-Ratelimit-Route-Remaining", "X-Ratelimit-Global-Remaining")) {
            String value = headers.getFirst(name);
            if (value != null && value.strip().matches("\\d{1,9}")) {
                int number = Integer.parseInt(value.strip());
                lowest = lowest == null ? number : Math.min(lowest, number);
            }
        }
        return lowest;
    }

    private LaunchDarklyUnreachableException unreachable(HttpMethod method, WebClientRequestException e) {
        Throwable cause = e.getMostSpecificCause();
        boolean neverSent = cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause instanceof ConnectTimeoutException;
        String what = neverSent ? "LaunchDarkly could not be reached" : "LaunchDarkly did not answer in time";
        return new LaunchDarklyUnreachableException(what + " (" + method + ")", !neverSent, e);
    }

    private LaunchDarklyApiException toApiException(HttpStatusCode status, HttpHeaders headers, byte[] body) {
        String code = null;
        String message = null;
        if (body.length > 0) {
            try {
                JsonNode error = json.readTree(body);
                code = text(error, "code");
                message = text(error, "message");
            }
            catch (RuntimeException notJson) {
                // A proxy or load balancer answered with its own page (HTML, usually):
                // that page is not LaunchDarkly's
                // message and must not be shown or stored as if it were. The status says
                // what there is to say.
                message = null;
            }
        }
        return new LaunchDarklyApiException(status.value(), code, message,
                status.value() == 429 ? RateLimitWait.from(headers, Instant.now()) : null);
    }

    private static @Nullable String text(@Nullable JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static String strippedOfQuery(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

}
