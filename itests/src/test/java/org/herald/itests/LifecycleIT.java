package org.herald.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.itests.Json.uniqueEmail;

import java.time.Duration;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs last: hot-undeploying and redeploying the routes on a running container, and a restart that
 * keeps data and queued work.
 */
@Order(100)
@ExtendWith(HeraldExtension.class)
class LifecycleIT {

    @Test
    void routesCanBeUninstalledAndReinstalledAndQueuedWorkSurvivesARestart(HeraldContainer herald) throws Exception {
        String kept = uniqueEmail("before-restart");
        assertThat(herald.admin("POST", "/herald/api/v1/contacts", "{\"email\":\"" + kept + "\"}").statusCode()).isEqualTo(201);

        // the bounce mailbox and form routes need the routes' Camel runtime: they go with them
        String uninstall = herald.console("feature:uninstall herald-bounce-routes herald-form-routes herald-routes",
                "bundle:list -s -t 0 | grep herald");
        assertThat(uninstall).doesNotContain("org.herald.routes.contacts").doesNotContain("org.herald.camel.runtime")
                .doesNotContain("org.herald.routes.bounces").doesNotContain("org.herald.routes.forms");

        // Sent while nothing consumes the queue: it must wait in the broker's journal, across a restart.
        String queued = uniqueEmail("queued-while-down");
        QueueIT.sendContact(herald, "{\"email\":\"" + queued + "\"}");
        assertThat(QueueIT.contactExists(herald, queued)).isFalse();

        herald.restart();
        assertThat(QueueIT.contactExists(herald, kept)).as("contact created before the restart").isTrue();
        assertThat(herald.console("bundle:list -s -t 0 | grep herald")).doesNotContain("org.herald.routes.contacts");

        String install = herald.console("feature:install herald-routes herald-bounce-routes herald-form-routes",
                "bundle:list -s -t 0 | grep herald");
        assertThat(install).contains("org.herald.routes.contacts").contains("org.herald.routes.bounces")
                .contains("org.herald.routes.forms");
        HeraldContainer.await("the queued upsert after reinstalling the routes", Duration.ofSeconds(90),
                () -> QueueIT.contactExists(herald, queued));
    }
}
