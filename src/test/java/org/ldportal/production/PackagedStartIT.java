package org.ldportal.production;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ldportal.testsupport.PackagedPortal;
import org.ldportal.testsupport.PlainHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The jar {@code ./mvnw package} made, started by the script docker-compose runs, with
 * Spring AOT's bean definitions and a class-data-sharing archive from the first start's
 * training run. Run by failsafe after packaging (part of {@code ./mvnw verify}), because
 * only then is there a jar: a bean that AOT fixes differently from a normal start (a
 * condition on a setting) shows here, not in production.
 */
class PackagedStartIT {

    private static final Path WORK = Path.of("target", "packaged-start");

    private static final String CLAIMS = "{\"name\": \"Jar Admin\", \"email\": \"jar-admin@example.com\", "
            + "\"groups\": [\"ld-portal-admins\"]}";

    @Test
    void startsWhenFirstStartedByTheScriptThenServesSignedInPagesWithTheArchiveAndMetrics() throws Exception {
        Path jar = PackagedPortal.jar();
        assumeTrue(jar != null,
                "no packaged jar in target/: this test runs after ./mvnw package (failsafe, in verify)");
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "the start script needs /bin/sh");
        assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "whether the archive is used is read from /proc");
        Path cache = WORK.resolve("cache").toAbsolutePath();
        List<String> script = List.of("/bin/sh", PackagedPortal.START_SCRIPT.toAbsolutePath().toString());
        Map<String, String> environment = Map.of("PORTAL_JAR", jar.toString(), "PORTAL_CACHE_DIR", cache.toString());

        try (PackagedPortal portal = PackagedPortal.start(script, environment, WORK.resolve("portal"))) {
            portal.awaitHealth();
            assertThat(Files.readString(portal.log())).as("the script's report")
                .contains("class-data-sharing archive made by a training run");
            assertThat(portal.mapsArchive()).as("the start uses the archive the training run made").isTrue();

            CookieManager signedIn = PlainHttp.signIn(portal.root(), "jar-admin", CLAIMS, "Jar Admin");
            HttpClient http = PlainHttp.client(signedIn);
            HttpResponse<String> form = http.send(
                    PlainHttp.get(portal.root().resolve("/environments/new?project=mobile-app")),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.body()).contains("<option value=\"production\">Production (production)</option>");

            HttpClient anonymous = PlainHttp.client(new CookieManager());
            HttpResponse<String> metrics = anonymous.send(
                    PlainHttp.get(portal.management().resolve("/actuator/prometheus")),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).as("metrics on the management port").isEqualTo(200);
            assertThat(metrics.body()).contains("ldportal_launchdarkly_calls_seconds");
            HttpResponse<String> publicMetrics = anonymous.send(
                    PlainHttp.get(portal.root().resolve("/actuator/prometheus")), HttpResponse.BodyHandlers.ofString());
            assertThat(publicMetrics.statusCode()).as("no metrics on the public port").isNotEqualTo(200);
        }
    }

}
