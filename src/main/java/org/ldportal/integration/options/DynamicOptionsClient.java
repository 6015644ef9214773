package org.ldportal.integration.options;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.netty.channel.ChannelOption;
import io.netty.util.NetUtil;
import org.jspecify.annotations.Nullable;
import org.ldportal.form.FieldOption;
import org.ldportal.launchdarkly.RefreshingCache;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Fetches a dynamicEnum's choices from the third-party endpoint its manifest names. The
 * URL is the manifest's own (nothing a person types goes into it); only https; a short
 * timeout; at most {@link #MAX_BYTES} of answer; no redirects; and loopback and private
 * addresses are refused unless explicitly allowed, so a manifest cannot make the portal
 * probe the internal network.
 */
public class DynamicOptionsClient {

    static final int MAX_BYTES = 256 * 1024;

    /**
     * Choices are used this long per request before they are fetched again (in the
     * background), so rendering a form twice, or by many people at once, asks the third
     * party once.
     */
    static final Duration CACHE_FOR = Duration.ofMinutes(1);

    /**
     * A failed fetch is answered from memory this long, so a third party that is down is
     * not asked by every page.
     */
    static final Duration RETRY_FAILURES_AFTER = Duration.ofSeconds(15);

    /** One endpoint's request, as the manifest describes it: the key of the cache. */
    private record Request(@Nullable String url, String method, Map<String, String> headers, String optionsPath,
            String labelPointer, String valuePointer) {
    }

    private final WebClient web;

    private final ObjectMapper json;

    private final boolean allowPrivateAddresses;

    private final Duration timeout;

    private final RefreshingCache<Request, List<FieldOption>> cache;

    public DynamicOptionsClient(WebClient.Builder builder, ObjectMapper json, boolean allowPrivateAddresses,
            Duration timeout) {
        HttpClient http = HttpClient.create()
            .followRedirect(false)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
            .responseTimeout(timeout);
        if (!allowPrivateAddresses) {
            // The address is checked by the resolver that connects, not looked up once
            // more beforehand.
            http = http.resolver(new PublicAddresses());
        }
        this.web = builder.clone()
            .clientConnector(new ReactorClientHttpConnector(http))
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_BYTES))
            .build();
        this.json = json;
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.timeout = timeout;
        this.cache = new RefreshingCache<>(CACHE_FOR, RETRY_FAILURES_AFTER, this::load);
    }

    /**
     * @param optionsPath JSON Pointer to the array of options in the answer ("" for the
     * root)
     * @param labelPointer JSON Pointer, relative to each option, to its label
     * @param valuePointer JSON Pointer, relative to each option, to its value
     * @throws DynamicOptionsException when the options cannot be had, with a reason fit
     * to show
     */
    public List<FieldOption> fetch(@Nullable String url, @Nullable String method, Map<String, String> headers,
            @Nullable String optionsPath, String labelPointer, String valuePointer) {
        String verb = method == null ? "GET" : method.toUpperCase(Locale.ROOT);
        if (!verb.equals("GET")) {
            // A list of choices is read, never sent: no manifest may have the portal POST
            // to a third party.
            throw new DynamicOptionsException("the choices may only be read with GET, not " + verb);
        }
        return cache.get(new Request(url, verb, Collections.unmodifiableMap(new LinkedHashMap<>(headers)),
                optionsPath == null ? "" : optionsPath, labelPointer, valuePointer));
    }

    private List<FieldOption> load(Request request) {
        String optionsPath = request.optionsPath();
        String labelPointer = request.labelPointer();
        String valuePointer = request.valuePointer();
        URI uri = checked(request.url());
        String body;
        try {
            body = web.method(HttpMethod.valueOf(request.method()))
                .uri(uri)
                .headers(h -> request.headers().forEach(h::set))
                .retrieve()
                .bodyToMono(String.class)
                .block(timeout.plusSeconds(1));
        }
        catch (RuntimeException e) {
            if (causedBy(e, PublicAddresses.NotPublicException.class)) {
                throw new DynamicOptionsException("the address for the choices is not a public one");
            }
            throw new DynamicOptionsException("the list of choices could not be loaded from " + uri.getHost());
        }
        JsonNode root;
        try {
            root = json.readTree(body == null ? "" : body);
        }
        catch (RuntimeException e) {
            throw new DynamicOptionsException(uri.getHost() + " did not answer with JSON");
        }
        JsonNode items = root == null ? null : root.at(optionsPath == null ? "" : optionsPath);
        if (items == null || !items.isArray()) {
            throw new DynamicOptionsException(uri.getHost() + " answered without a list of choices");
        }
        List<FieldOption> options = new ArrayList<>();
        for (JsonNode item : items) {
            JsonNode value = item.at(valuePointer);
            JsonNode label = item.at(labelPointer);
            if (value.isValueNode()) {
                options
                    .add(new FieldOption(value.asString(), label.isValueNode() ? label.asString() : value.asString()));
            }
        }
        return List.copyOf(options);
    }

    private URI checked(@Nullable String url) {
        if (url == null || url.contains("{{")) {
            throw new DynamicOptionsException("the list of choices depends on other fields");
        }
        URI uri;
        try {
            uri = URI.create(url);
        }
        catch (IllegalArgumentException e) {
            throw new DynamicOptionsException("the manifest's address for the choices is not valid");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || (allowPrivateAddresses && scheme.equals("http")))) {
            throw new DynamicOptionsException("the choices may only be loaded over https");
        }
        if (!allowPrivateAddresses) {
            // A name is checked when the connection resolves it; an address written as
            // such is never resolved.
            String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                    : uri.getHost();
            InetAddress literal = NetUtil.createInetAddressFromIpAddressString(host);
            if (literal != null && !PublicAddresses.isPublic(literal)) {
                throw new DynamicOptionsException("the address for the choices is not a public one");
            }
        }
        return uri;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** How the choices' cache has done, for the status page. */
    public RefreshingCache.Figures cacheFigures() {
        return cache.figures();
    }

}
