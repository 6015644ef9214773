package org.ldportal.testsupport;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal over plain HTTP, as the benchmarks and the packaged-jar test use it: clients
 * that follow no redirect on their own, signing in through the identity provider's login
 * form, percentiles.
 */
public final class PlainHttp {

    /** No single request may take longer; a stuck one is an error, not a figure. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private PlainHttp() {
    }

    /**
     * A page reached after following redirects: where it was served from, and its body.
     */
    public record Page(URI uri, String body) {
    }

    /**
     * Opens the portal at {@code root}, follows the redirects to the identity provider's
     * login form, posts it with the user name and claims (JSON, e.g. groups) and follows
     * the redirects back; answers the cookies of the signed-in session.
     */
    public static CookieManager signIn(URI root, String username, String claims, String expectedName) throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient http = client(cookies);
        Page login = follow(http, get(root));
        assertThat(login.body()).as("the identity provider's login form")
            .contains("name=\"username\"", "name=\"claims\"");
        // The form has no action: it posts back to the authorize URL it was served from.
        HttpRequest post = HttpRequest.newBuilder(login.uri())
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(formEncoded(Map.of("username", username, "claims", claims))))
            .build();
        Page home = follow(http, post);
        assertThat(home.uri().getPort()).isEqualTo(root.getPort());
        assertThat(home.body()).as("signed in").contains("data-testid=\"user-name\"", expectedName);
        return cookies;
    }

    /**
     * Sends the request and follows redirects (as GETs) until an answer that is not one,
     * which must be a 200.
     */
    public static Page follow(HttpClient http, HttpRequest first) throws Exception {
        HttpRequest request = first;
        for (int hop = 0; hop < 10; hop++) {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 3) {
                assertThat(answer.statusCode()).as("answer of %s", request.uri()).isEqualTo(200);
                return new Page(request.uri(), answer.body());
            }
            URI next = request.uri().resolve(answer.headers().firstValue("Location").orElseThrow());
            request = get(next);
        }
        throw new AssertionError("more than 10 redirects from " + first.uri());
    }

    /**
     * HTTP/1.1 (no h2c upgrade attempt), keep-alive, redirects never followed on its own.
     */
    public static HttpClient client(CookieManager cookies) {
        return HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .cookieHandler(cookies)
            .build();
    }

    public static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
    }

    public static String formEncoded(Map<String, String> fields) {
        return fields.entrySet()
            .stream()
            .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    }

    /** Nearest-rank percentile of the samples (sorted here if they are not yet). */
    public static long percentile(long[] samples, int percent) {
        if (samples.length == 0) {
            return 0;
        }
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

}
