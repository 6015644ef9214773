package org.ldportal.notification;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for Slack's incoming webhooks, as Slack's documentation describes them: a
 * POST of JSON with a {@code text} is answered 200 {@code ok}; it can be told to fail the
 * next calls (500, as Slack does now and then) and records every call it took.
 */
final class SlackStandIn {

    /** One POST: the path (the webhook's secret part) and the JSON body. */
    record Call(String path, String body, int answered) {
    }

    private final HttpServer server;

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    private final AtomicInteger failures = new AtomicInteger();

    private SlackStandIn(HttpServer server) {
        this.server = server;
    }

    static SlackStandIn start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            SlackStandIn slack = new SlackStandIn(server);
            server.createContext("/services/", slack::answer);
            server.start();
            return slack;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String webhook(String secret) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/services/T0PORTAL/B0TEST/" + secret;
    }

    void failNext(int times) {
        failures.set(times);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> accepted() {
        return calls.stream().filter(call -> call.answered() == 200).toList();
    }

    void reset() {
        calls.clear();
        failures.set(0);
    }

    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean json = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))
            .startsWith("application/json");
        int status;
        String answer;
        if (!exchange.getRequestMethod().equals("POST") || !json || !body.contains("\"text\"")) {
            status = 400;
            answer = "invalid_payload";
        }
        else if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            status = 500;
            answer = "internal_error";
        }
        else {
            status = 200;
            answer = "ok";
        }
        calls.add(new Call(exchange.getRequestURI().getPath(), body, status));
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

}
