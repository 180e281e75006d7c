package org.herald.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The anonymous health check answers from the moment the HTTP port accepts connections: on a fresh
 * distribution, and again after a restart, {@code /herald/health} and its root alias {@code /health}
 * answer only 503 {@code {"status":"DOWN"}} until the first 200 (never Jetty's 404 page), then both
 * say UP while unknown paths stay 404. A container of its own, watched from its launch.
 */
class HealthWindowIT {

    private static final List<String> HEALTH_PATHS = List.of(HeraldContainer.PUBLIC_HEALTH, "/health");
    private static final String UP = "{\"status\":\"UP\"}";
    private static final String DOWN = "{\"status\":\"DOWN\"}";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void healthAnswers503FromTheFirstConnectionUntilReadyAndAgainAfterARestart() throws Exception {
        try (HeraldContainer herald = HeraldContainer.prepare()) {
            herald.launch();
            Window fresh = watch(herald);
            assertWindow("fresh distribution", fresh);
            assertReady(herald);

            herald.stop();
            herald.launch();
            Window restarted = watch(herald);
            assertWindow("restart", restarted);
            assertReady(herald);

            System.out.printf("HealthWindowIT: fresh: first answer %d ms after launch, 503 for %d ms (%d answers); "
                    + "restart: first answer %d ms after launch, 503 for %d ms (%d answers)%n",
                    fresh.firstAnswerMillis(), fresh.windowMillis(), fresh.answers.size() - 1,
                    restarted.firstAnswerMillis(), restarted.windowMillis(), restarted.answers.size() - 1);
        }
    }

    /** One answer to a health path, at a time counted from the launch. */
    private record Answer(long millis, String path, int status, String contentType, String body) {
        @Override
        public String toString() {
            return millis + " ms " + path + " -> " + status + " " + contentType + " " + body.replaceAll("\\s+", " ")
                    .substring(0, Math.min(body.length(), 120));
        }
    }

    /** Every answer from the first accepted connection up to and including the first 200. */
    private record Window(long launchNanos, List<Answer> answers) {
        long firstAnswerMillis() {
            return answers.get(0).millis();
        }

        long windowMillis() {
            return answers.get(answers.size() - 1).millis() - firstAnswerMillis();
        }
    }

    /**
     * Asks both health paths in turn, from the launch (a refused connection is no answer) until the
     * first 200. The pause between rounds is the polling interval, not a synchronisation.
     */
    private Window watch(HeraldContainer herald) throws Exception {
        long launch = System.nanoTime();
        long deadline = launch + HeraldContainer.bootDeadline().toNanos();
        List<Answer> answers = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            herald.assertRunning();
            for (String path : HEALTH_PATHS) {
                HttpResponse<String> r;
                try {
                    r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + herald.httpPort + path))
                            .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    continue; // not listening yet
                }
                Answer a = new Answer((System.nanoTime() - launch) / 1_000_000, path, r.statusCode(),
                        r.headers().firstValue("Content-Type").orElse(""), r.body());
                answers.add(a);
                if (a.status() == 200) {
                    return new Window(launch, answers);
                }
            }
            Thread.sleep(25); // polling interval
        }
        throw new AssertionError("no 200 from " + HEALTH_PATHS + " within " + HeraldContainer.bootDeadline()
                + "; answers: " + answers + "\n" + herald.karafLog());
    }

    private static void assertWindow(String when, Window window) {
        List<Answer> answers = window.answers();
        Answer first200 = answers.get(answers.size() - 1);
        List<Answer> before = answers.subList(0, answers.size() - 1);
        assertThat(before).as("%s: answers before the first 200", when)
                .allSatisfy(a -> {
                    assertThat(a.status()).as("%s: %s", when, a).isEqualTo(503);
                    assertThat(a.body()).as("%s: %s", when, a).isEqualTo(DOWN);
                    assertThat(a.contentType()).as("%s: %s", when, a).startsWith("application/json");
                });
        // the window was seen on both paths: HTTP listens seconds before Herald is ready
        for (String path : HEALTH_PATHS) {
            assertThat(before).as("%s: a 503 on %s before the first 200; answers %s", when, path, answers)
                    .anyMatch(a -> a.path().equals(path));
        }
        assertThat(first200.body()).as("%s: %s", when, first200).isEqualTo(UP);
    }

    private static void assertReady(HeraldContainer herald) throws IOException {
        for (String path : HEALTH_PATHS) {
            HttpResponse<String> r = herald.get(path, null, null);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).isEqualTo(UP);
            assertThat(r.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        }
        // unknown paths of the public context stay its plain 404
        for (String path : List.of("/herald/no-such-page", "/herald/health/more")) {
            HttpResponse<String> r = herald.get(path, null, null);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).isEqualTo("Not found.");
        }
        // paths beside the alias are not health checks (at the root they get whatever the root answers)
        for (String path : List.of("/no-such-page", "/health/more", "/healthz")) {
            HttpResponse<String> r = herald.get(path, null, null);
            assertThat(r.statusCode()).as(path).isNotIn(200, 503);
            assertThat(r.body()).as(path).doesNotContain("\"status\"");
        }
        // the admin health still needs a login
        assertThat(herald.get(HeraldContainer.ADMIN_HEALTH, null, null).statusCode()).isEqualTo(401);
    }
}
