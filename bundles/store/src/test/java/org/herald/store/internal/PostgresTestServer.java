package org.herald.store.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A private PostgreSQL server for the tests of one JVM: {@code initdb} into a fresh folder under
 * {@code /tmp}, {@code postgres} on a free loopback port (as the {@code postgres} user when the
 * tests run as root, which PostgreSQL refuses), stopped and deleted when the JVM ends. Each
 * {@link #freshDatabase()} is a new database on it.
 * <p>
 * The binaries are found under {@code /usr/lib/postgresql/<version>/bin} (Debian's
 * {@code postgresql} package), or in the folder named by {@code -Dherald.test.postgres.bin}. An
 * existing server can be used instead with {@code -Dherald.test.postgres.url=jdbc:postgresql://host:port/db}
 * (and {@code .user}/{@code .password}): its user must be allowed to create databases.
 * When no server can be had, {@link #get()} throws with the reason: the tests fail, never skip.
 */
public final class PostgresTestServer {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static PostgresTestServer instance;

    private final String host;
    private final int port;
    private final String adminDatabase;
    private final String user;
    private final String password;
    private final Process process;
    private final Path folder;
    private final List<String> stopCommand;

    private PostgresTestServer(String host, int port, String adminDatabase, String user, String password, Process process,
            Path folder, List<String> stopCommand) {
        this.host = host;
        this.port = port;
        this.adminDatabase = adminDatabase;
        this.user = user;
        this.password = password;
        this.process = process;
        this.folder = folder;
        this.stopCommand = stopCommand;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized PostgresTestServer get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** A new, empty database on the server. */
    public DataSource freshDatabase() {
        String name = "herald_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = dataSource(adminDatabase).getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name + " on PostgreSQL: " + e.getMessage(), e);
        }
        return dataSource(name);
    }

    /** Drops a database made by {@link #freshDatabase()}, closing the connections still open on it. */
    public void drop(DataSource database) {
        String name = ((PGSimpleDataSource) database).getDatabaseName();
        try (Connection c = dataSource(adminDatabase).getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the test database " + name + ": " + e.getMessage(), e);
        }
    }

    /** A DataSource on database {@code name} of this server. */
    public DataSource dataSource(String name) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {host});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName(name);
        ds.setUser(user);
        // as etc/org.ops4j.datasource-herald.cfg sets it: JDBC batches of inserts become multi-row inserts
        ds.setReWriteBatchedInserts(true);
        ds.setSslMode("disable"); // a loopback server without SSL: no SSL negotiation per connection
        if (password != null) {
            ds.setPassword(password);
        }
        return ds;
    }

    /** The JDBC URL of database {@code name}. */
    public String url(String name) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    public String user() {
        return user;
    }

    // ---- starting

    private static PostgresTestServer start() {
        String url = System.getProperty("herald.test.postgres.url");
        if (url != null && !url.isBlank()) {
            return external(url);
        }
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path folder = Files.createTempDirectory(Paths.get("/tmp"), "herald-pg-");
            Path data = folder.resolve("data");
            if (root) {
                run(List.of("chown", "postgres", folder.toString()), folder);
            } else {
                folder.toFile().setWritable(true, true);
            }
            run(asServerUser(root, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "herald",
                    "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C")), folder);
            int port = freePort();
            List<String> postgres = asServerUser(root, List.of(bin.resolve("postgres").toString(), "-D", data.toString(),
                    "-k", folder.toString(), "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1",
                    "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                    "-c", "max_connections=200", "-c", "shared_buffers=128MB"));
            Process process = new ProcessBuilder(postgres).redirectErrorStream(true)
                    .redirectOutput(folder.resolve("server.log").toFile()).start();
            List<String> stop = asServerUser(root, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(),
                    "stop", "-m", "immediate"));
            PostgresTestServer server = new PostgresTestServer("127.0.0.1", port, "postgres", "herald", null, process, folder,
                    stop);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "postgres-test-server-stop"));
            watchdog(stop, folder);
            server.awaitReady(Duration.ofSeconds(60));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL could not be started for the tests: " + e.getMessage(), e);
        }
    }

    private static PostgresTestServer external(String url) {
        // jdbc:postgresql://host:port/db
        String rest = url.substring("jdbc:postgresql://".length());
        String hostPort = rest.substring(0, rest.indexOf('/'));
        String db = rest.substring(rest.indexOf('/') + 1);
        String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
        int port = hostPort.contains(":") ? Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1)) : 5432;
        PostgresTestServer server = new PostgresTestServer(host, port, db,
                System.getProperty("herald.test.postgres.user", "postgres"), System.getProperty("herald.test.postgres.password"),
                null, null, null);
        server.awaitReady(Duration.ofSeconds(10));
        return server;
    }

    /** The folder of initdb and postgres: the property, else the newest Debian installation. */
    private static Path binaries() {
        String configured = System.getProperty("herald.test.postgres.bin");
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured);
        }
        Path base = Paths.get("/usr/lib/postgresql");
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(base)) {
            try (Stream<Path> versions = Files.list(base)) {
                versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb"))).forEach(found::add);
            } catch (IOException e) {
                throw new IllegalStateException("cannot list " + base, e);
            }
        }
        found.sort(Comparator.comparingInt(PostgresTestServer::majorVersion));
        if (found.isEmpty()) {
            throw new IllegalStateException("PostgreSQL is not installed (no /usr/lib/postgresql/<version>/bin/initdb): "
                    + "apt-get install postgresql, or set -Dherald.test.postgres.bin or -Dherald.test.postgres.url");
        }
        return found.get(found.size() - 1);
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static List<String> asServerUser(boolean root, List<String> command) {
        if (!root) {
            return command;
        }
        List<String> result = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        result.addAll(command);
        return result;
    }

    private static void run(List<String> command, Path folder) throws IOException {
        Path log = folder.resolve("setup.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): "
                    + Files.readString(log).strip());
        }
    }

    /** Stops the server and deletes its folder should this JVM die without running its shutdown hooks. */
    private static void watchdog(List<String> stop, Path folder) throws IOException {
        String script = "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 2; done; "
                + String.join(" ", stop) + " >/dev/null 2>&1; rm -rf " + folder;
        new ProcessBuilder("setsid", "sh", "-c", script).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("PostgreSQL exited at start (exit " + process.exitValue() + "): " + serverLog());
            }
            try (Connection c = dataSource(adminDatabase).getConnection()) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            try {
                Thread.sleep(100); // polling the server's start, with a deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stop();
        throw new IllegalStateException("PostgreSQL did not accept connections within " + timeout.toSeconds() + " s: "
                + (last == null ? "" : last.getMessage()) + " " + serverLog(), last);
    }

    private String serverLog() {
        try {
            return folder == null ? "" : Files.readString(folder.resolve("server.log")).strip();
        } catch (IOException e) {
            return "(no server log)";
        }
    }

    private void stop() {
        if (process == null) {
            return;
        }
        try {
            run(stopCommand, folder);
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (folder != null) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // left in /tmp
            }
        }
    }
}
