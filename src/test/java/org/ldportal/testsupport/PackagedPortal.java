package org.ldportal.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.ldportal.sandbox.LaunchDarklySandbox;

/**
 * The packaged portal ({@code target/ld-portal-*.jar}) started as production starts it,
 * as a process of its own, wired by command-line arguments (which win over the packaged
 * application.yml) to this JVM's identity provider and LaunchDarkly sandbox, with an H2
 * file database and a log in a directory of its own.
 */
public final class PackagedPortal implements AutoCloseable {

    /** The start script docker-compose runs. */
    public static final Path START_SCRIPT = Path.of("src", "main", "docker", "portal-start.sh");

    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    private final Process process;

    private final Path home;

    private final URI root;

    private final URI management;

    private final long launched;

    private PackagedPortal(Process process, Path home, int port, int managementPort, long launched) {
        this.process = process;
        this.home = home;
        this.root = URI.create("http://localhost:" + port + "/");
        this.management = URI.create("http://localhost:" + managementPort + "/");
        this.launched = launched;
    }

    /**
     * The executable jar {@code ./mvnw package} made (not Boot's {@code .original}), or
     * null when there is none.
     */
    public static Path jar() throws IOException {
        Path target = Path.of("target");
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("ld-portal-.*\\.jar"))
                .findFirst()
                .map(Path::toAbsolutePath)
                .orElse(null);
        }
    }

    /**
     * Launches {@code command} (java or the start script) with the portal's arguments
     * appended; does not wait.
     */
    public static PackagedPortal start(List<String> command, Map<String, String> environment, Path home)
            throws IOException {
        Path directory = Files.createDirectories(home).toAbsolutePath();
        int port = freePort();
        int managementPort = freePort();
        LocalIdentityProvider idp = LocalIdentityProvider.shared();
        LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of("--server.port=" + port, "--management.server.port=" + managementPort,
                "--spring.datasource.url=jdbc:h2:file:" + directory.resolve("data").resolve("ldportal"),
                "--spring.security.oauth2.client.provider.sso.issuer-uri=" + idp.issuerUri(),
                "--spring.security.oauth2.client.registration.sso.client-id=" + LocalIdentityProvider.CLIENT_ID,
                "--spring.security.oauth2.client.registration.sso.client-secret=" + LocalIdentityProvider.CLIENT_SECRET,
                "--portal.launchdarkly.base-url=" + sandbox.baseUrl(),
                "--portal.launchdarkly.api-token=" + sandbox.token(),
                "--portal.integrations.allow-private-addresses=true"));
        ProcessBuilder builder = new ProcessBuilder(full).directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("portal.log").toFile());
        builder.environment().putAll(environment);
        long launched = System.nanoTime();
        return new PackagedPortal(builder.start(), directory, port, managementPort, launched);
    }

    /**
     * Waits for the first 200 of {@code /livez}; answers the time since launch. Fails
     * with the log's tail if none.
     */
    public Duration awaitHealth() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest livez = HttpRequest.newBuilder(root.resolve("/livez")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the portal stopped before answering; its log:\n" + logTail());
            }
            try {
                if (http.send(livez, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - launched);
                }
            }
            catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no answer from /livez within " + START_LIMIT + "; the log:\n" + logTail());
    }

    public URI root() {
        return root;
    }

    public URI management() {
        return management;
    }

    public Path log() {
        return home.resolve("portal.log");
    }

    /** The process's resident memory (VmRSS), from /proc. */
    public long residentKilobytes() throws IOException {
        for (String line : Files.readAllLines(proc("status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new AssertionError("no VmRSS in " + proc("status"));
    }

    /**
     * Whether the process has a class-data-sharing archive named {@code app.jsa} mapped:
     * the JVM ignores an archive whose class path differs from its training run's without
     * a word, and then it is not mapped.
     */
    public boolean mapsArchive() throws IOException {
        return Files.readAllLines(proc("maps")).stream().anyMatch(mapping -> mapping.endsWith("/app.jsa"));
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
        catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops the portal as a container stop would (SIGTERM, then SIGKILL after 30 s). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private Path proc(String file) {
        return Path.of("/proc", Long.toString(process.pid()), file);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
