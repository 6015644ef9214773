package org.ldportal.benchmark;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.sandbox.SandboxRequest;
import org.ldportal.testsupport.PlainHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ldportal.testsupport.PlainHttp.REQUEST_TIMEOUT;
import static org.ldportal.testsupport.PlainHttp.client;
import static org.ldportal.testsupport.PlainHttp.formEncoded;
import static org.ldportal.testsupport.PlainHttp.get;

/**
 * A freshly started portal's first minutes, as its first users meet it: signing in, the
 * first signed-in page, then {@value #ROUNDS} rounds of one create of each kind (an
 * environment, a Kinesis destination in it, an integration configuration, an audit-log
 * subscription) through the forms, each followed by the same calls the portal made (the
 * read of what exists and the POST, to a twin place) sent straight to the sandbox: the
 * portal's share is the difference.
 *
 * @param signInNanos the whole sign-in: the portal, the provider's login form, back
 * @param firstPageNanos the first page after signing in
 * @param throughPortal per kind, each round's create through the portal (to its redirect)
 * @param straight per kind, each round's same calls straight to the sandbox
 */
record FirstMinutes(long signInNanos, long firstPageNanos, Map<String, long[]> throughPortal,
        Map<String, long[]> straight) {

    static final List<String> KINDS = List.of("environment", "destination", "integration configuration",
            "audit-log subscription");

    static final int ROUNDS = 50;

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    long share(String kind, int round) {
        return throughPortal.get(kind)[round] - straight.get(kind)[round];
    }

    long total(String kind, int round) {
        return throughPortal.get(kind)[round];
    }

    static FirstMinutes measure(URI root, String claims) throws Exception {
        long started = System.nanoTime();
        CookieManager cookies = PlainHttp.signIn(root, "bench-admin", claims, "Bench Admin");
        long signIn = System.nanoTime() - started;
        HttpClient portal = client(cookies);
        started = System.nanoTime();
        HttpResponse<String> form = portal.send(get(root.resolve("/environments/new?project=mobile-app")),
                HttpResponse.BodyHandlers.ofString());
        long firstPage = System.nanoTime() - started;
        assertThat(form.statusCode()).isEqualTo(200);
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).as("the form carries a CSRF token").isTrue();
        Creates creates = new Creates(root, portal, csrf.group(1));
        Map<String, long[]> throughPortal = new LinkedHashMap<>();
        Map<String, long[]> straight = new LinkedHashMap<>();
        KINDS.forEach(kind -> {
            throughPortal.put(kind, new long[ROUNDS]);
            straight.put(kind, new long[ROUNDS]);
        });
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        for (int round = 0; round < ROUNDS; round++) {
            String key = "first-" + run + "-" + round;
            for (String kind : KINDS) {
                Sent sent = creates.throughPortal(kind, key);
                throughPortal.get(kind)[round] = sent.nanos();
                straight.get(kind)[round] = creates.straight(kind, key, sent.calls());
            }
        }
        return new FirstMinutes(signIn, firstPage, throughPortal, straight);
    }

    /**
     * A create through the portal: how long to its redirect, and its calls to the
     * sandbox.
     */
    private record Sent(long nanos, List<SandboxRequest> calls) {
    }

    /** One create of each kind, through the portal's form or straight to the sandbox. */
    private record Creates(URI root, HttpClient portal, String csrf) {

        /**
         * Nanoseconds from sending the form (as "Create" on its review page sends it) to
         * the portal's redirect to the result page, which is then opened untimed, as a
         * browser would.
         */
        Sent throughPortal(String kind, String key) throws Exception {
            Map<String, String> fields = new LinkedHashMap<>();
            String path = switch (kind) {
                case "environment" -> {
                    fields.put("projectKey", "mobile-app");
                    fields.put("name", "First " + key);
                    fields.put("key", key);
                    fields.put("color", "417505");
                    fields.put("defaultTtl", "0");
                    yield "/environments/new";
                }
                case "destination" -> {
                    fields.put("projectKey", "mobile-app");
                    fields.put("environmentKey", key);
                    fields.put("name", "Events " + key);
                    fields.put("kind", "kinesis");
                    fields.put("on", "true");
                    fields.put("config[region]", "us-east-1");
                    fields.put("config[roleArn]", "arn:aws:iam::123456789012:role/first-minutes");
                    fields.put("config[streamName]", "events-" + key);
                    yield "/destinations/new";
                }
                case "integration configuration" -> {
                    fields.put("type", "configuration");
                    fields.put("name", "Alerts " + key);
                    fields.put("config[routingKey]", "rk-" + key);
                    fields.put("config[severity]", "error");
                    fields.put("config[projectAndEnv]", "mobile-app/production");
                    yield "/integrations/pager-alerts/new";
                }
                default -> {
                    fields.put("type", "subscription");
                    fields.put("name", "Logs " + key);
                    fields.put("config[base-url]", "https://logs.example.com/" + key);
                    fields.put("config[token]", "tok-" + key);
                    fields.put("statements[0].effect", "allow");
                    fields.put("statements[0].resources", "proj/*");
                    fields.put("statements[0].actions", "*");
                    yield "/integrations/log-stream/new";
                }
            };
            fields.put("_csrf", csrf);
            fields.put("submissionToken", UUID.randomUUID().toString().replace("-", ""));
            fields.put("confirm", "create");
            HttpRequest request = HttpRequest.newBuilder(root.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formEncoded(fields)))
                .build();
            int callsBefore = LaunchDarklySandbox.shared().requests().size();
            long sent = System.nanoTime();
            HttpResponse<String> answer = portal.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - sent;
            List<SandboxRequest> calls = LaunchDarklySandbox.shared().requests();
            calls = calls.subList(callsBefore, calls.size());
            assertThat(answer.statusCode()).as("%s %s through the portal: %s", kind, key, answer.body()).isEqualTo(302);
            String location = answer.headers().firstValue("Location").orElse("");
            assertThat(location).contains("/created");
            HttpResponse<String> result = portal.send(get(request.uri().resolve(location)),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(result.statusCode()).isEqualTo(200);
            return new Sent(took, calls);
        }

        /**
         * Nanoseconds of the calls the portal just made to the sandbox for one create
         * (the read of what exists, which lets an unclear outcome be settled later, and
         * the POST), sent again straight to it: the same bodies, for an environment with
         * the key {@code <key>-d} and a destination in that environment (one of a kind
         * per environment).
         */
        long straight(String kind, String key, List<SandboxRequest> calls) throws Exception {
            assertThat(calls).as("the portal's calls for %s %s", kind, key)
                .anyMatch(call -> call.method().equals("POST"));
            long total = 0;
            for (SandboxRequest call : calls) {
                total += resend(kind, key, call);
            }
            return total;
        }

        private long resend(String kind, String key, SandboxRequest sent) throws Exception {
            LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();
            String path = sent.path();
            String body = sent.body();
            boolean post = sent.method().equals("POST");
            if (post && kind.equals("environment")) {
                body = body.replace("\"key\":\"" + key + "\"", "\"key\":\"" + key + "-d\"");
                assertThat(body).contains(key + "-d");
            }
            else if (post && kind.equals("destination")) {
                path = path.replace("/" + key, "/" + key + "-d");
                assertThat(path).endsWith(key + "-d");
            }
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", sandbox.token())
                .header("LD-API-Version", apiVersionOf(sent))
                .header("Accept", "application/json");
            HttpRequest request = post ? builder.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build() : builder.method(sent.method(), HttpRequest.BodyPublishers.noBody()).build();
            long started = System.nanoTime();
            HttpResponse<String> answer = DIRECT.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - started;
            assertThat(answer.statusCode())
                .as("%s %s %s straight to the sandbox: %s", sent.method(), path, key, answer.body())
                .isBetween(200, 201);
            return took;
        }

        /** As the portal sent it: some endpoints take only the beta version. */
        private static String apiVersionOf(SandboxRequest sent) {
            return sent.headers()
                .entrySet()
                .stream()
                .filter(header -> header.getKey().equalsIgnoreCase("LD-API-Version"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("20240415");
        }

    }

    private static final HttpClient DIRECT = client(new CookieManager());

}
