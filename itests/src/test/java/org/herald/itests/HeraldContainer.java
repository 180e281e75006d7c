package org.herald.itests;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One Herald distribution, copied from {@code karaf-assembly/target/assembly} into a fresh folder,
 * moved to free ports and started as a separate process with {@code bin/karaf server}: the way a user
 * runs it. Tests reach it over HTTP, the SSH console ({@code bin/client -b}) and AMQP.
 */
final class HeraldContainer implements AutoCloseable {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin";
    /** A user without the herald-admin role, for 403 checks. */
    static final String VIEWER = "viewer";
    static final String VIEWER_PASSWORD = "viewer-secret";

    /** The anonymous readiness check of the public application: status only. */
    static final String PUBLIC_HEALTH = "/herald/health";
    /** The admin API's health, with every bundle and component: needs a login. */
    static final String ADMIN_HEALTH = "/herald/api/v1/health";

    private static final Duration BOOT_DEADLINE = Duration.ofSeconds(Long.getLong("herald.itest.bootSeconds", 300));

    final Path home;
    final int httpPort;
    final int sshPort;
    final int amqpPort;
    final int corePort;
    final int rmiRegistryPort;
    final int rmiServerPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private int starts;

    private HeraldContainer(Path home) {
        this.home = home;
        int[] ports = freePorts(6);
        this.httpPort = ports[0];
        this.sshPort = ports[1];
        this.amqpPort = ports[2];
        this.corePort = ports[3];
        this.rmiRegistryPort = ports[4];
        this.rmiServerPort = ports[5];
    }

    /** Copies the built distribution into a fresh folder and configures it for this test run. */
    static HeraldContainer prepare() throws IOException {
        Path assembly = Paths.get(System.getProperty("herald.assembly.dir", "../karaf-assembly/target/assembly")).toAbsolutePath().normalize();
        if (!Files.isExecutable(assembly.resolve("bin/karaf"))) {
            throw new IllegalStateException("No built distribution at " + assembly + ": build karaf-assembly first (mvn install)");
        }
        Path work = Paths.get(System.getProperty("herald.itest.work", "target/containers"));
        Files.createDirectories(work);
        Path home = work.resolve("herald-" + System.currentTimeMillis()).toAbsolutePath();
        copyTree(assembly, home);
        HeraldContainer c = new HeraldContainer(home);
        c.configure();
        return c;
    }

    private void configure() throws IOException {
        Path etc = home.resolve("etc");
        // The ports are not written into any file: every process of this container gets them the documented
        // way, as HERALD_*_PORT environment variables (portEnvironment).
        // Retry quickly in tests: the defaults are tuned for production.
        setProperty(etc.resolve("org.herald.routes.contacts.cfg"), "redeliveryDelay", "100");
        setProperty(etc.resolve("org.herald.routes.contacts.cfg"), "maximumRedeliveries", "1");
        setProperty(etc.resolve("org.herald.routes.events.cfg"), "redeliveryDelay", "100");
        // The event publisher waits for the route at boot and, after a crash, for the dead node's lease
        // of its position: keep both waits short (production: 60 s back-off, 30 s lease).
        setProperty(etc.resolve("org.herald.events.cfg"), "delivery.maxBackoffMillis", "2000");
        setProperty(etc.resolve("org.herald.events.cfg"), "delivery.leaseSeconds", "5");
        // Campaigns: hand a message out again soon after a crash (production: 15 minutes), pace the outbox
        // so a campaign is still sending when CampaignIT kills the container.
        setProperty(etc.resolve("org.herald.campaigns.cfg"), "leaseSeconds", "5");
        // links in messages and on the pages point at this container's port
        setProperty(etc.resolve("org.herald.campaigns.cfg"), "baseUrl", "http://127.0.0.1:" + httpPort + "/herald");
        setProperty(etc.resolve("org.herald.campaigns.cfg"), "tickMillis", "200");
        setProperty(etc.resolve("org.herald.smtp.cfg"), "ratePerSecond", "150");
        Files.writeString(etc.resolve("users.properties"),
                Files.readString(etc.resolve("users.properties")) + "\n" + VIEWER + " = " + VIEWER_PASSWORD + ",viewer\n");
    }

    /**
     * This container's ports as the environment variables of {@code etc/custom.system.properties}, the one
     * place the distribution's listeners and clients (bin/karaf, bin/client, bin/herald) read them from.
     */
    void portEnvironment(Map<String, String> env) {
        env.put("HERALD_HTTP_PORT", String.valueOf(httpPort));
        env.put("HERALD_SSH_PORT", String.valueOf(sshPort));
        env.put("HERALD_JMX_REGISTRY_PORT", String.valueOf(rmiRegistryPort));
        env.put("HERALD_JMX_SERVER_PORT", String.valueOf(rmiServerPort));
        env.put("HERALD_BROKER_CORE_PORT", String.valueOf(corePort));
        env.put("HERALD_BROKER_AMQP_PORT", String.valueOf(amqpPort));
    }

    /** Starts Karaf and waits until {@link #PUBLIC_HEALTH} says UP. */
    void start() throws IOException {
        launch();
        awaitHealthy();
    }

    /** Starts Karaf ({@code bin/karaf server}) and returns at once, before anything listens. */
    void launch() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        starts++;
        Path log = consoleLog();
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        portEnvironment(pb.environment());
        pb.environment().remove("KARAF_HOME");
        pb.environment().remove("KARAF_BASE");
        pb.environment().remove("KARAF_DATA");
        pb.environment().remove("KARAF_ETC");
        process = pb.start();
    }

    /** Waits until {@link #PUBLIC_HEALTH} answers 200, failing if Karaf exits or the boot deadline passes. */
    void awaitHealthy() throws IOException {
        Instant deadline = Instant.now().plus(BOOT_DEADLINE);
        while (true) {
            assertRunning();
            try {
                HttpResponse<String> health = get(PUBLIC_HEALTH, null, null);
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (Instant.now().isAfter(deadline)) {
                String lastHealth = "";
                try {
                    // the details need a login; the anonymous check says only DOWN
                    lastHealth = get(ADMIN_HEALTH, ADMIN, ADMIN_PASSWORD).body();
                } catch (IOException e) {
                    lastHealth = e.toString();
                }
                throw new IllegalStateException("Herald not healthy within " + BOOT_DEADLINE + ": " + lastHealth
                        + "\n--- karaf.log ---\n" + tail(home.resolve("data/log/karaf.log")));
            }
            pause(500);
        }
    }

    /** Fails, with the end of the console output, if the Karaf process has ended. */
    void assertRunning() {
        if (!process.isAlive()) {
            Path log = consoleLog();
            throw new IllegalStateException("Karaf exited during start; see " + log + "\n" + tail(log));
        }
    }

    /** How long {@link #start()} waits for Herald to be healthy. */
    static Duration bootDeadline() {
        return BOOT_DEADLINE;
    }

    private Path consoleLog() {
        return home.resolve("karaf-console-" + starts + ".log");
    }

    /** Stops Karaf the way an admin would (bin/stop) and waits for the process to end. */
    void stop() throws IOException {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            ProcessBuilder stop = new ProcessBuilder(home.resolve("bin/stop").toString()).directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            stop.environment().put("JAVA_HOME", System.getProperty("java.home"));
            portEnvironment(stop.environment());
            stop.start()
                    .waitFor(60, TimeUnit.SECONDS);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                killTree();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killTree();
        }
    }

    /**
     * Kills Karaf at once, as a power cut or {@code kill -9} would: no shutdown hook runs, nothing is
     * flushed or closed. {@link #start()} boots it again on the same data.
     */
    void kill() {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        killTree();
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("Karaf process " + p.pid() + " did not die", e);
            }
        }
    }

    /** The pid of Karaf's JVM ({@code bin/karaf server} execs it, or runs it as its child). */
    long pid() {
        return process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .map(ProcessHandle::pid).findFirst().orElse(process.pid());
    }

    void restart() throws IOException {
        stop();
        start();
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    /** SIGKILL to the JVM and the script around it (destroyForcibly is kill -9 on Unix). */
    private void killTree() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    // ---- HTTP ----

    HttpResponse<String> get(String path, String user, String password) throws IOException {
        return send("GET", path, null, null, user, password);
    }

    HttpResponse<String> admin(String method, String path, String body) throws IOException {
        return send(method, path, body, "application/json", ADMIN, ADMIN_PASSWORD);
    }

    HttpResponse<String> send(String method, String path, String body, String contentType, String user, String password)
            throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null && body != null) {
            b.header("Content-Type", contentType);
        }
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(UTF_8)));
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    // ---- Console ----

    /** The folder console commands read and write files in ({@code data/import/}, created at boot). */
    Path importFolder() {
        return home.resolve("data/import");
    }

    /**
     * Runs console commands over SSH as admin, the way scripts do ({@code bin/client -b}, commands on
     * standard input), and returns everything printed.
     */
    String console(String... commands) throws IOException {
        // no -a: bin/client takes the SSH port from HERALD_SSH_PORT, as the README says
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/client").toString(), "-h", "127.0.0.1",
                "-u", ADMIN, "-p", ADMIN_PASSWORD, "-r", "3", "-d", "2", "-b")
                .directory(home.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        portEnvironment(pb.environment());
        Process p = pb.start();
        p.getOutputStream().write((String.join("\n", commands) + "\n").getBytes(UTF_8));
        p.getOutputStream().close();
        try {
            String out = new String(p.getInputStream().readAllBytes(), UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("console did not finish: " + out);
            }
            // as printed: bin/client removes Karaf's ANSI sequences (help, grep colours) when not on a terminal
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    // ---- Polling ----

    /** Waits until the condition holds, checking every 200 ms, failing after the deadline. */
    /**
     * The first system message (a confirmation; file {@code s<id>…eml}) to {@code email} that reaches
     * {@code data/outbox/}, waiting up to a minute for it.
     */
    String systemMessageTo(String email) {
        Path outbox = home.resolve("data/outbox");
        String[] eml = new String[1];
        await("the confirmation message to " + email + " in the outbox", Duration.ofSeconds(60), () -> {
            try (Stream<Path> files = Files.list(outbox)) {
                for (Path f : files.filter(x -> x.getFileName().toString().startsWith("s")).toList()) {
                    String text = Files.readString(f);
                    if (text.contains("To: " + email)) {
                        eml[0] = text;
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        return eml[0];
    }

    static void await(String what, Duration deadline, BooleanSupplier condition) {
        Instant end = Instant.now().plus(deadline);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("Timed out after " + deadline + " waiting for " + what);
            }
            pause(200);
        }
    }

    String karafLog() throws IOException {
        return tail(home.resolve("data/log/karaf.log"));
    }

    // ---- helpers ----

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // polling interval of a deadline loop, not synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tail(Path file) {
        try {
            if (!Files.exists(file)) {
                return "(no " + file + ")";
            }
            List<String> lines = Files.readAllLines(file, UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 150), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    static void setProperty(Path cfg, String key, String value) throws IOException {
        List<String> lines = Files.exists(cfg) ? new ArrayList<>(Files.readAllLines(cfg, UTF_8)) : new ArrayList<>();
        Pattern p = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*[=:].*$");
        boolean found = false;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = p.matcher(lines.get(i));
            if (m.matches()) {
                lines.set(i, key + " = " + value);
                found = true;
            }
        }
        if (!found) {
            lines.add(key + " = " + value);
        }
        Files.write(cfg, lines, UTF_8);
    }

    private static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket s = new ServerSocket(0);
                sockets.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket s : sockets) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing a probe socket
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path src : (Iterable<Path>) paths::iterator) {
                Path rel = from.relativize(src);
                if (rel.startsWith("data")) {
                    continue; // a fresh container starts with no data
                }
                Path dst = to.resolve(rel.toString());
                if (Files.isDirectory(src)) {
                    Files.createDirectories(dst);
                } else {
                    Files.copy(src, dst, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
