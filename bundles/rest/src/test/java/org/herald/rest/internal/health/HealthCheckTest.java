package org.herald.rest.internal.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.herald.json.HeraldJson;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

import com.fasterxml.jackson.databind.JsonNode;

/** Readiness from what SCR reports. */
class HealthCheckTest {

    private static ComponentDescriptionDTO description(String name) {
        ComponentDescriptionDTO d = new ComponentDescriptionDTO();
        d.name = name;
        d.configurationPolicy = "optional";
        d.configurationPid = new String[] { name };
        return d;
    }

    private static ComponentConfigurationDTO configuration(int state, String... unsatisfied) {
        ComponentConfigurationDTO c = new ComponentConfigurationDTO();
        c.state = state;
        c.id = 7;
        c.unsatisfiedReferences = new UnsatisfiedReferenceDTO[unsatisfied.length];
        for (int i = 0; i < unsatisfied.length; i++) {
            UnsatisfiedReferenceDTO ref = new UnsatisfiedReferenceDTO();
            ref.name = unsatisfied[i];
            c.unsatisfiedReferences[i] = ref;
        }
        return c;
    }

    @Test
    void allActiveOrSatisfiedIsUp() {
        HealthCheck check = new HealthCheck();
        check.bundle("org.herald.contacts", Bundle.ACTIVE);
        check.component("org.herald.contacts", description("ContactServiceImpl"), true,
                List.of(configuration(ComponentConfigurationDTO.ACTIVE)));
        check.component("org.herald.contacts", description("Purge"), true,
                List.of(configuration(ComponentConfigurationDTO.SATISFIED)));
        HealthCheck.Report report = check.report();
        assertThat(report.up()).isTrue();
        JsonNode json = HeraldJson.mapper().valueToTree(report);
        assertThat(json.get("status").asText()).isEqualTo("UP");
        assertThat(json.get("components").get("ContactServiceImpl").get("state").asText()).isEqualTo("ACTIVE");
        assertThat(json.has("notReady")).isFalse();
    }

    @Test
    void unsatisfiedReferenceIsDownNamingTheReference() {
        HealthCheck check = new HealthCheck();
        check.bundle("org.herald.rest", Bundle.ACTIVE);
        check.component("org.herald.rest", description("ContactResource"), true,
                List.of(configuration(ComponentConfigurationDTO.UNSATISFIED_REFERENCE, "contacts")));
        HealthCheck.Report report = check.report();
        assertThat(report.status()).isEqualTo("DOWN");
        assertThat(report.notReady()).containsExactly("ContactResource");
        HealthCheck.ComponentHealth c = report.components().get("ContactResource");
        assertThat(c.state()).isEqualTo("UNSATISFIED_REFERENCE");
        assertThat(c.unsatisfiedReferences()).containsExactly("contacts");
        assertThat(c.reason()).contains("contacts");
    }

    @Test
    void failedActivationDisabledAndMissingRequiredConfigurationAreDown() {
        HealthCheck check = new HealthCheck();
        ComponentConfigurationDTO failed = configuration(ComponentConfigurationDTO.FAILED_ACTIVATION);
        failed.failure = "java.lang.IllegalStateException: no database\n\tat x.y.Z";
        check.component("org.herald.store", description("Store"), true, List.of(failed));
        check.component("org.herald.store", description("Off"), false, List.of());
        ComponentDescriptionDTO needsConfig = description("Mailer");
        needsConfig.configurationPolicy = "require";
        check.component("org.herald.store", needsConfig, true, List.of());
        HealthCheck.Report report = check.report();
        assertThat(report.up()).isFalse();
        assertThat(report.notReady()).containsExactlyInAnyOrder("Store", "Off", "Mailer");
        assertThat(report.components().get("Store").reason()).isEqualTo("activation failed: java.lang.IllegalStateException: no database");
        assertThat(report.components().get("Mailer").reason()).contains("Mailer");
    }

    @Test
    void bundleThatIsNotActiveIsDown() {
        HealthCheck check = new HealthCheck();
        check.bundle("org.herald.store", Bundle.RESOLVED);
        HealthCheck.Report report = check.report();
        assertThat(report.up()).isFalse();
        assertThat(report.bundles()).containsEntry("org.herald.store", "RESOLVED");
        assertThat(report.notReady()).containsExactly("bundle org.herald.store is RESOLVED");
    }
}
