package org.ldportal.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import tools.jackson.databind.ObjectMapper;

/**
 * Posts a message to a Slack incoming webhook, trying a few times with a growing wait
 * (Slack answers 429 or 5xx now and then). A webhook still failing after that throws: the
 * event stays in the registry and is tried again later. The webhook's address is a
 * secret: a failure names its host only.
 */
@Component
class SlackWebhook {

    private static final Logger log = LoggerFactory.getLogger(SlackWebhook.class);

    /** The waits before the second and the third attempt. */
    static final Duration[] BACKOFF = { Duration.ofSeconds(1), Duration.ofSeconds(2) };

    /** The latest failure, for the status page. */
    record Failure(Instant at, String host, String reason) {
    }

    private final RestClient http;

    private final ObjectMapper json;

    private final Clock clock;

    private final AtomicReference<@Nullable Failure> lastFailure = new AtomicReference<>();

    SlackWebhook(ObjectMapper json, Clock clock) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        requests.setReadTimeout(Duration.ofSeconds(10));
        this.http = RestClient.builder().requestFactory(requests).build();
        this.json = json;
        this.clock = clock;
    }

    /** Posts {@code text} (Slack's mrkdwn); throws when every attempt failed. */
    void post(URI webhook, String text) {
        String body = json.writeValueAsString(Map.of("text", text));
        String reason = "";
        for (int attempt = 0; attempt <= BACKOFF.length; attempt++) {
            if (attempt > 0) {
                pause(BACKOFF[attempt - 1]);
            }
            try {
                http.post()
                    .uri(webhook)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve()
                    .toBodilessEntity();
                return;
            }
            catch (RestClientResponseException e) {
                reason = "answered " + e.getStatusCode().value();
            }
            catch (RestClientException e) {
                reason = "did not answer (" + e.getClass().getSimpleName() + ")";
            }
            log.warn("Slack's webhook at {} {} (attempt {} of {})", webhook.getHost(), reason, attempt + 1,
                    BACKOFF.length + 1);
        }
        lastFailure.set(new Failure(clock.instant(), String.valueOf(webhook.getHost()), reason));
        throw new SlackUnreachableException(webhook.getHost() + " " + reason);
    }

    @Nullable Failure lastFailure() {
        return lastFailure.get();
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackUnreachableException("interrupted");
        }
    }

    /** Every attempt failed; the message names the host, never the address. */
    static class SlackUnreachableException extends RuntimeException {

        SlackUnreachableException(String message) {
            super(message);
        }

    }

}
