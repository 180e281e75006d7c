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

    @Test
    void listenersAreBoundToLoopbackOnly(HeraldContainer herald) throws Exception {
        String shell = java.nio.file.Files.readString(herald.home.resolve("etc/org.apache.karaf.shell.cfg"));
        assertThat(shell).containsPattern("(?m)^sshHost\\s*=\\s*127\\.0\\.0\\.1");
        String web = java.nio.file.Files.readString(herald.home.resolve("etc/org.ops4j.pax.web.cfg"));
        assertThat(web).containsPattern("(?m)^org\\.ops4j\\.pax\\.web\\.listening\\.addresses\\s*=\\s*127\\.0\\.0\\.1");
    }
}
