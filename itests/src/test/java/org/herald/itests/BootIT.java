package org.herald.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The distribution boots on its embedded defaults with every Herald bundle and component ready. */
@Order(1)
@ExtendWith(HeraldExtension.class)
class BootIT {

    static final List<String> HERALD_BUNDLES = List.of("org.apache.derby.herald", "org.herald.api", "org.herald.store",
            "org.herald.contacts", "org.herald.bounces", "org.herald.shell", "org.herald.contacts.shell",
            "org.herald.bounces.shell", "org.herald.rest",
            "org.herald.camel.runtime", "org.herald.routes.contacts");

    @Test
    void everyHeraldBundleIsActive(HeraldContainer herald) throws Exception {
        String out = herald.console("bundle:list -s -t 0 | grep herald");
        for (String bsn : HERALD_BUNDLES) {
            assertThat(out.lines().filter(l -> l.contains(" " + bsn + " ") || l.endsWith(" " + bsn)).toList())
                    .as("bundle %s in:%n%s", bsn, out)
                    .singleElement().asString().contains("Active");
        }
    }

    @Test
    void noBundleIsLeftUnresolved(HeraldContainer herald) throws Exception {
        String out = herald.console("bundle:list -s -t 0 | grep -v ZZZ");
        assertThat(out).contains("org.herald.api");
        assertThat(out.lines().filter(l -> l.contains("│ Installed") || l.contains("│ Failure")).toList())
                .as("bundles not resolved:%n%s", out).isEmpty();
    }

    @Test
    void anonymousHealthSaysOnlyUp(HeraldContainer herald) throws Exception {
        HttpResponse<String> health = herald.get(HeraldContainer.PUBLIC_HEALTH, null, null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(health.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }

    @Test
    void healthDetailsNeedALogin(HeraldContainer herald) throws Exception {
        HttpResponse<String> anonymous = herald.get(HeraldContainer.ADMIN_HEALTH, null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("org.herald");
        HttpResponse<String> details = herald.get(HeraldContainer.ADMIN_HEALTH, HeraldContainer.ADMIN,
                HeraldContainer.ADMIN_PASSWORD);
        assertThat(details.statusCode()).isEqualTo(200);
        assertThat(details.body()).contains("\"UP\"").contains("org.herald.contacts").contains("PublicHealthServlet");
    }

    @Test
    void databaseAndBrokerJournalLiveUnderData(HeraldContainer herald) {
        assertThat(herald.home.resolve("data/derby/herald")).isDirectory();
        assertThat(herald.home.resolve("data/artemis/journal")).isDirectory();
    }

    /**
     * HeraldContainer gives the container its free ports only as HERALD_*_PORT environment variables:
     * every listener (and the console client) must have followed them, none may sit on its default.
     */
    @Test
    void everyListenerTakesItsPortFromTheEnvironment(HeraldContainer herald) throws Exception {
        // HTTP and SSH: the health wait and every console call already go to the container's ports
        assertThat(herald.get(HeraldContainer.PUBLIC_HEALTH, null, null).statusCode()).isEqualTo(200);
        assertThat(herald.console("echo ports-ok")).contains("ports-ok");
        // the broker's acceptors, and the routes' broker URL: a contact sent over AMQP arrives (QueueIT);
        // here the CORE and AMQP acceptors answer on the container's ports
        for (int port : new int[] { herald.corePort, herald.amqpPort }) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                assertThat(socket.isConnected()).as("broker acceptor on %d", port).isTrue();
            }
        }
        String routes = herald.console("config:property-get -p org.herald.messaging broker.url");
        assertThat(routes).contains("amqp://127.0.0.1:" + herald.amqpPort);
        // JMX over RMI: registry and server port
        javax.management.remote.JMXServiceURL url = new javax.management.remote.JMXServiceURL(
                "service:jmx:rmi://127.0.0.1:" + herald.rmiServerPort + "/jndi/rmi://127.0.0.1:" + herald.rmiRegistryPort
                        + "/karaf-root");
        try (javax.management.remote.JMXConnector jmx = javax.management.remote.JMXConnectorFactory.connect(url,
                java.util.Map.of(javax.management.remote.JMXConnector.CREDENTIALS,
                        new String[] { HeraldContainer.ADMIN, HeraldContainer.ADMIN_PASSWORD }))) {
            assertThat(jmx.getMBeanServerConnection().getMBeanCount()).isPositive();
        }
    }

    /** Every configuration file the README tells a user to edit is in the distribution before its first boot. */
    @Test
    void everyFileTheReadmeNamesExistsBeforeTheFirstBoot() throws Exception {
        java.nio.file.Path readme = java.nio.file.Path.of("../README.md");
        java.util.Set<String> named = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("`(?:etc/)?([a-z0-9.-]+\\.(?:cfg|xml|properties))`")
                .matcher(java.nio.file.Files.readString(readme));
        while (m.find()) {
            named.add(m.group(1));
        }
        assertThat(named).contains("org.herald.messaging.cfg", "custom.system.properties", "org.ops4j.datasource-herald.cfg");
        // the archive is never booted (target/assembly may have been, by hand)
        java.nio.file.Path zip;
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of("../karaf-assembly/target"))) {
            zip = files.filter(f -> f.getFileName().toString().matches("herald-assembly-.*\\.zip")).findFirst()
                    .orElseThrow(() -> new AssertionError("no distribution archive in karaf-assembly/target"));
        }
        java.util.Set<String> inEtc = new java.util.TreeSet<>();
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            z.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.matches("[^/]+/etc/[^/]+"))
                    .forEach(n -> inEtc.add(n.substring(n.lastIndexOf('/') + 1)));
        }
        assertThat(inEtc).as("etc/ of %s", zip).containsAll(named);
    }

    @Test
    void listenersAreBoundToLoopbackOnly(HeraldContainer herald) throws Exception {
        String shell = java.nio.file.Files.readString(herald.home.resolve("etc/org.apache.karaf.shell.cfg"));
        assertThat(shell).containsPattern("(?m)^sshHost\\s*=\\s*127\\.0\\.0\\.1");
        String web = java.nio.file.Files.readString(herald.home.resolve("etc/org.ops4j.pax.web.cfg"));
        assertThat(web).containsPattern("(?m)^org\\.ops4j\\.pax\\.web\\.listening\\.addresses\\s*=\\s*127\\.0\\.0\\.1");
    }
}
