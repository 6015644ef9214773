package org.ldportal.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ldportal.approval.Approvals;
import org.ldportal.change.PendingChange;
import org.ldportal.change.Review;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.ldportal.testsupport.EmbeddedPostgresDatabase;
import org.ldportal.testsupport.PortalInstances;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notification whose instance stops mid-delivery: two instances on one PostgreSQL. The
 * first publishes "a request waits" and is stuck talking to an SMTP server that never
 * answers, then stops; the second leaves it alone while the first may still finish it,
 * then takes it over and delivers it through a real SMTP server (GreenMail), once, and
 * the registry is then empty.
 */
class NotificationsAcrossInstancesTests {

    /** Shorter than the test, longer than a round: what the first instance has. */
    private static final Duration ABANDONED_AFTER = Duration.ofSeconds(5);

    private static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private static final SilentSmtp SILENT = new SilentSmtp();

    private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    private static String database;

    @BeforeAll
    static void startTheSmtpServers() {
        SMTP.start();
        SILENT.start();
        database = EmbeddedPostgresDatabase.newDatabaseUrl();
    }

    @AfterAll
    static void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
        SMTP.stop();
        SILENT.stop();
    }

    @Test
    void deliveryWhenItsInstanceStopsMidwayThenTheOtherDeliversItOnceAfterItIsAbandoned() {
        ConfigurableApplicationContext second = start(SMTP.getSmtp().getPort());
        ConfigurableApplicationContext first = start(SILENT.port());

        first.getBean(Approvals.class)
            .requestApproval(UUID.randomUUID().toString().replace("-", ""), EDDIE, change(), review());
        awaitUntil(Duration.ofSeconds(20), () -> SILENT.connections() == 1);

        // The first may still finish it: the second's rounds (every second) leave it be.
        pause(Duration.ofSeconds(3));
        assertThat(SMTP.getReceivedMessages()).as("nothing delivered while the first is at it").isEmpty();

        first.close();
        awaitUntil(Duration.ofSeconds(30), () -> SMTP.getReceivedMessages().length > 0);
        // More rounds of the second: nothing is delivered again.
        pause(Duration.ofSeconds(3));
        assertThat(SMTP.getReceivedMessages()).singleElement()
            .satisfies(message -> assertThat(message.getSubject()).contains("Waiting for your approval"));
        assertThat(second.getBean(JdbcClient.class)
            .sql("SELECT COUNT(*) FROM event_publication")
            .query(Integer.class)
            .single()).as("the registry holds nothing undelivered").isZero();
    }

    private static ConfigurableApplicationContext start(int smtpPort) {
        List<String> settings = new ArrayList<>(List.of("--server.port=0", PortalInstances.SHARED_SECRETS_KEY,
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                "--portal.web.public-url=http://localhost:8080",

                "--portal.notifications.retry-after=1s",
                "--portal.notifications.abandoned-after=" + ABANDONED_AFTER.toSeconds() + "s",
                "--portal.approval.rules[0].name=Production needs a second person",
                "--portal.approval.rules[0].resources=environment", "--portal.approval.rules[0].environments=prod*",
                "--portal.approval.rules[0].approvers=ld-portal-admins",
                "--portal.approval.rules[0].emails=platform-team@example.com"));
        settings.addAll(PortalInstances.onPostgres(database));
        ConfigurableApplicationContext portal = PortalInstances.start(settings);
        instances.add(portal);
        return portal;
    }

    private static final CurrentUser EDDIE = new CurrentUser("eddie", "Eddie Editor", "eddie@example.com",
            Set.of(PortalRole.EDITOR), Set.of(), Set.of("ld-portal-editors"));

    private static PendingChange change() {
        return PendingChange.create(ResourceType.ENVIRONMENT, Place.environment("web-store", "prod-eu"),
                "Production EU", "prod-eu", false, "{\"format\":2,\"projectKey\":\"web-store\"}");
    }

    private static Review review() {
        return new Review("Create an environment", List.of(new Review.Line("Project", "Web Store (web-store)")),
                List.of(new Review.Line("Key", "prod-eu")), "POST", "/api/v2/projects/web-store/environments", "{}",
                List.of());
    }

    private static void awaitUntil(Duration atMost, BooleanSupplier condition) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + atMost + " in vain").isLessThan(deadline);
            pause(Duration.ofMillis(100));
        }
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * An SMTP server that accepts connections and never says a word: a delivery to it
     * hangs until the client's timeout, as one to a server that went away mid-session
     * does.
     */
    private static final class SilentSmtp {

        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        private ServerSocket server;

        void start() {
            try {
                server = new ServerSocket(0);
            }
            catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        accepted.add(server.accept());
                    }
                    catch (IOException closed) {
                        return;
                    }
                }
            }, "silent-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int connections() {
            return accepted.size();
        }

        void stop() {
            try {
                server.close();
                for (Socket socket : accepted) {
                    socket.close();
                }
            }
            catch (IOException e) {
                // Closing at the end of the test.
            }
        }

    }

}
