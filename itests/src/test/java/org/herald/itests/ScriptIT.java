package org.herald.itests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.itests.Json.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code bin/herald}, the console for scripts and cron: exit 0 only when every command ran to its end,
 * 1 when one failed, 3 when the server died in the middle (where {@code bin/client -b} alone exits 0).
 * Runs late: it kills the container.
 */
@Order(195)
@ExtendWith(HeraldExtension.class)
class ScriptIT {

    private record Run(int exit, String output) {
    }

    private static Process start(HeraldContainer herald, String... commands) throws IOException {
        // no -a: the port comes from HERALD_SSH_PORT, the documented way
        List<String> cmd = new ArrayList<>(List.of(herald.home.resolve("bin/herald").toString(), "-h", "127.0.0.1",
                "-r", "3", "-d", "2"));
        cmd.addAll(List.of(commands));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(herald.home.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        herald.portEnvironment(pb.environment());
        pb.environment().put("HERALD_USER", HeraldContainer.ADMIN);
        pb.environment().put("HERALD_PASSWORD", HeraldContainer.ADMIN_PASSWORD);
        Process p = pb.start();
        p.getOutputStream().close();
        return p;
    }

    private static Run finish(Process p) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("bin/herald finished").isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void aScriptLearnsWhetherItsCommandsCompletedFailedOrWereCutShortByACrash(HeraldContainer herald) throws Exception {
        Run ok = finish(start(herald, "herald:list-list", "herald:contact-count"));
        assertThat(ok.exit()).as(ok.output()).isZero();
        assertThat(ok.output()).doesNotContain("herald-batch-complete");

        Run help = finish(start(herald, "herald:contact-import --help"));
        assertThat(help.exit()).as(help.output()).isZero();
        assertThat(help.output()).contains("DESCRIPTION").contains("--preset").doesNotContain("\u001b");

        Run failed = finish(start(herald, "herald:contact-show nobody-" + System.nanoTime() + "@script.test"));
        assertThat(failed.exit()).as(failed.output()).isEqualTo(1);
        assertThat(failed.output()).contains("Error: no contact");

        // an import the server dies in the middle of: bin/client -b would exit 0
        Path csv = Files.createTempFile(herald.importFolder(), "herald-script", ".csv");
        StringBuilder rows = new StringBuilder("email\n");
        String run = Long.toString(System.nanoTime(), 36);
        for (int i = 0; i < 200_000; i++) {
            rows.append("s").append(i).append('-').append(run).append("@script.test\n");
        }
        Files.writeString(csv, rows.toString());
        long before = count(herald);
        Process importing = start(herald, "herald:contact-import " + csv);
        HeraldContainer.await("part of the import committed", Duration.ofSeconds(120), () -> {
            try {
                return count(herald) > before + 2000;
            } catch (IOException e) {
                return false;
            }
        });
        herald.kill();
        Run cut = finish(importing);
        herald.start();
        assertThat(cut.exit()).as(cut.output()).isEqualTo(3);
        assertThat(cut.output()).contains("the connection ended before the commands completed");
        assertThat(count(herald) - before).isLessThan(200_000);
        Files.delete(csv);
    }

    /**
     * Progress lines reach a batch client while the import runs, through bin/herald and through
     * bin/client -b alike: when the first one is read, the import has not committed every row yet.
     */
    @Test
    void progressReachesABatchClientAsTheWorkGoes(HeraldContainer herald) throws Exception {
        int total = 60_000;
        String run = Long.toString(System.nanoTime(), 36);
        for (String client : List.of("bin/herald", "bin/client")) {
            Path csv = herald.importFolder().resolve("progress-" + run + "-" + client.substring(4) + ".csv");
            StringBuilder rows = new StringBuilder("email\n");
            for (int i = 0; i < total; i++) {
                rows.append("p").append(i).append('-').append(run).append('-').append(client.substring(4)).append("@script.test\n");
            }
            Files.writeString(csv, rows.toString());
            long before = count(herald);
            Process p;
            if (client.equals("bin/herald")) {
                p = start(herald, "herald:contact-import " + csv.getFileName());
            } else {
                ProcessBuilder pb = new ProcessBuilder(herald.home.resolve("bin/client").toString(), "-h", "127.0.0.1",
                        "-u", HeraldContainer.ADMIN, "-p", HeraldContainer.ADMIN_PASSWORD, "-r", "3", "-d", "2", "-b")
                        .directory(herald.home.toFile()).redirectErrorStream(true);
                pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
                herald.portEnvironment(pb.environment());
                p = pb.start();
                p.getOutputStream().write(("herald:contact-import " + csv.getFileName() + "\n").getBytes(UTF_8));
                p.getOutputStream().close();
            }
            StringBuilder seen = new StringBuilder();
            Long committedAtFirstProgress = null;
            try (java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    seen.append(line).append('\n');
                    if (committedAtFirstProgress == null && line.startsWith("Progress:")) {
                        committedAtFirstProgress = count(herald) - before;
                        assertThat(seen.toString()).as(client).doesNotContain("Import finished");
                    }
                }
            }
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(seen.toString()).as(client).contains("Import finished: created=" + total);
            assertThat(committedAtFirstProgress).as("%s: rows committed when the first progress line arrived%n%s", client, seen)
                    .isNotNull().isLessThan((long) total);
            Files.delete(csv);
        }
    }

    private static long count(HeraldContainer herald) throws IOException {
        return parse(herald.admin("GET", "/herald/api/v1/contacts/count", null).body()).path("count").asLong();
    }
}
