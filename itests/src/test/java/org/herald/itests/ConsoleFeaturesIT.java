package org.herald.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.itests.Json.uniqueEmail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each domain's console commands come and go with the domain's feature: uninstalling
 * {@code herald-bounces} takes {@code herald:bounce-classify} away and leaves the contacts commands
 * working; installing it again brings the command back. {@code herald-web} goes with it, because the
 * REST API's bounce resource requires the classifier and the processor, and so does
 * {@code herald-bounce-routes} (the mailbox route needs the processor). Runs after the other console tests and before
 * {@link LifecycleIT}, and always leaves both features installed.
 */
@Order(90)
@ExtendWith(HeraldExtension.class)
class ConsoleFeaturesIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void uninstallingTheBouncesFeatureRemovesOnlyTheBounceCommands(HeraldContainer herald) throws Exception {
        Path sample = herald.importFolder().resolve("console-features-" + System.nanoTime() + ".eml");
        Files.writeString(sample, BounceIT.HARD_BOUNCE);
        String classify = "herald:bounce-classify " + sample;
        assertThat(herald.console(classify)).contains("nobody@example.net").contains("HARD");

        try {
            String bundles = herald.console("feature:uninstall herald-bounce-routes herald-form-routes herald-web herald-bounces",
                    "bundle:list -s -t 0 | grep herald");
            assertThat(hasBundle(bundles, "org.herald.bounces.shell")).as(bundles).isFalse();
            assertThat(hasBundle(bundles, "org.herald.bounces")).as(bundles).isFalse();
            assertThat(hasBundle(bundles, "org.herald.bounces.processing")).as(bundles).isFalse();
            assertThat(hasBundle(bundles, "org.herald.routes.bounces")).as(bundles).isFalse();
            assertThat(hasBundle(bundles, "org.herald.contacts.shell")).as(bundles).isTrue();
            assertThat(hasBundle(bundles, "org.herald.shell")).as(bundles).isTrue();
            HeraldContainer.await("herald:bounce-classify to be gone", DEADLINE,
                    () -> console(herald, classify).contains("Command not found"));

            String email = uniqueEmail("console-features");
            String added = herald.console("herald:contact-add " + email);
            assertThat(added).contains("Created contact").contains(email);
            assertThat(herald.console("herald:contact-show " + email)).contains(email);
            assertThat(herald.console("herald:contact-count --search " + email).trim()).endsWith("1");
        } finally {
            herald.console("feature:install herald-bounces herald-web herald-bounce-routes herald-form-routes");
            HeraldContainer.await("the REST API to be back", DEADLINE, () -> healthy(herald));
        }

        String bundles = herald.console("bundle:list -s -t 0 | grep herald");
        assertThat(hasBundle(bundles, "org.herald.bounces.shell")).as(bundles).isTrue();
        assertThat(hasBundle(bundles, "org.herald.routes.bounces")).as(bundles).isTrue();
        HeraldContainer.await("herald:bounce-classify to be back", DEADLINE,
                () -> console(herald, classify).contains("nobody@example.net"));
        assertThat(herald.console(classify)).contains("HARD");
    }

    /** Whether {@code bundle:list -s} output has a line for the bundle with this symbolic name. */
    private static boolean hasBundle(String bundleList, String bsn) {
        return bundleList.lines().anyMatch(l -> l.contains(" " + bsn + " ") || l.endsWith(" " + bsn));
    }

    private static boolean healthy(HeraldContainer herald) {
        try {
            return herald.get(HeraldContainer.PUBLIC_HEALTH, null, null).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static String console(HeraldContainer herald, String command) {
        try {
            return herald.console(command);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
