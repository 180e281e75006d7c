package org.herald.rest.internal.health;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Judges Herald's readiness from what Declarative Services reports: every component of every
 * Herald bundle must be satisfied or active, and every Herald bundle active. Pure logic over the
 * SCR DTOs so each case is testable without a framework.
 */
public final class HealthCheck {

    /** Bundles whose symbolic name starts with this are Herald's. */
    public static final String PREFIX = "org.herald.";

    private final SortedMap<String, String> bundles = new TreeMap<>();
    private final SortedMap<String, ComponentHealth> components = new TreeMap<>();
    private final List<String> notReady = new ArrayList<>();

    /** One component's state; the reason and unsatisfied references only when it is not ready. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ComponentHealth(String bundle, String state, String reason, List<String> unsatisfiedReferences) {
    }

    /** The body of {@code GET /health}. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Report(String status, Map<String, ComponentHealth> components, Map<String, String> bundles,
            List<String> notReady) {
        public boolean up() {
            return "UP".equals(status);
        }
    }

    public void bundle(String symbolicName, int state) {
        String name = stateName(state);
        bundles.put(symbolicName, name);
        if (state != Bundle.ACTIVE) {
            notReady.add("bundle " + symbolicName + " is " + name);
        }
    }

    /** Records one component description with its configurations, as SCR reports them. */
    public void component(String bundle, ComponentDescriptionDTO description, boolean enabled,
            Collection<ComponentConfigurationDTO> configurations) {
        String name = description.name;
        if (!enabled) {
            put(name, new ComponentHealth(bundle, "DISABLED", "the component is disabled", List.of()));
            return;
        }
        if (configurations.isEmpty()) {
            if (description.factory != null) {
                components.put(name, new ComponentHealth(bundle, "FACTORY", null, List.of()));
            } else if ("require".equals(description.configurationPolicy)) {
                put(name, new ComponentHealth(bundle, "UNSATISFIED_CONFIGURATION",
                        "waiting for configuration " + Arrays.toString(description.configurationPid), List.of()));
            } else {
                put(name, new ComponentHealth(bundle, "NOT_STARTED", "no configuration of the component is running",
                        List.of()));
            }
            return;
        }
        // A component with several configurations (factory PIDs) is ready when all of them are.
        for (ComponentConfigurationDTO configuration : configurations) {
            String key = configurations.size() == 1 ? name : name + "#" + configuration.id;
            ComponentHealth health = of(bundle, description, configuration);
            if (health.reason() == null) {
                components.put(key, health);
            } else {
                put(key, health);
            }
        }
    }

    public Report report() {
        return new Report(notReady.isEmpty() ? "UP" : "DOWN", components, bundles, List.copyOf(notReady));
    }

    private void put(String key, ComponentHealth health) {
        components.put(key, health);
        notReady.add(key);
    }

    private static ComponentHealth of(String bundle, ComponentDescriptionDTO description,
            ComponentConfigurationDTO configuration) {
        switch (configuration.state) {
            case ComponentConfigurationDTO.ACTIVE:
                return new ComponentHealth(bundle, "ACTIVE", null, List.of());
            case ComponentConfigurationDTO.SATISFIED:
                return new ComponentHealth(bundle, "SATISFIED", null, List.of());
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE: {
                List<String> refs = new ArrayList<>();
                if (configuration.unsatisfiedReferences != null) {
                    for (UnsatisfiedReferenceDTO ref : configuration.unsatisfiedReferences) {
                        refs.add(ref.name);
                    }
                }
                return new ComponentHealth(bundle, "UNSATISFIED_REFERENCE",
                        "waiting for the services of references " + refs, refs);
            }
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION:
                return new ComponentHealth(bundle, "UNSATISFIED_CONFIGURATION",
                        "waiting for configuration " + Arrays.toString(description.configurationPid), List.of());
            case ComponentConfigurationDTO.FAILED_ACTIVATION:
                return new ComponentHealth(bundle, "FAILED_ACTIVATION",
                        configuration.failure == null ? "activation failed: see the log"
                                : "activation failed: " + firstLine(configuration.failure),
                        List.of());
            default:
                return new ComponentHealth(bundle, "UNKNOWN_" + configuration.state, "unexpected state", List.of());
        }
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).strip();
    }

    static String stateName(int state) {
        switch (state) {
            case Bundle.ACTIVE:
                return "ACTIVE";
            case Bundle.RESOLVED:
                return "RESOLVED";
            case Bundle.INSTALLED:
                return "INSTALLED";
            case Bundle.STARTING:
                return "STARTING";
            case Bundle.STOPPING:
                return "STOPPING";
            default:
                return "UNINSTALLED";
        }
    }
}
