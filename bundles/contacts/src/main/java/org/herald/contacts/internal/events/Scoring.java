package org.herald.contacts.internal.events;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scoring rules from {@code org.herald.scoring}: points per event type, decay, and the stage
 * of a score. Immutable rules, replaced as a whole on reconfiguration.
 */
@Component(service = Scoring.class, configurationPid = "org.herald.scoring")
@Designate(ocd = ScoringConfig.class)
public class Scoring {

    private static final Logger LOG = LoggerFactory.getLogger(Scoring.class);
    private static final Duration PERIOD = Duration.ofDays(30);

    /** One stage: its label and the lowest score it applies from. */
    public record Stage(String label, long from) {
    }

    /** Parsed rules. */
    public record Rules(Map<String, Integer> points, int decayPercent, LocalTime decayTime, List<Stage> stages) {

        public int pointsOf(String type) {
            return points.getOrDefault(type, 0);
        }

        public Set<String> scoredTypes() {
            return points.keySet();
        }

        /** The stage of a score: the last whose threshold it reaches; the first stage below every threshold. */
        public String stageOf(long score) {
            if (stages.isEmpty()) {
                return null;
            }
            String stage = stages.get(0).label();
            for (Stage s : stages) {
                if (score >= s.from()) {
                    stage = s.label();
                }
            }
            return stage;
        }

        /** The points an event gives {@code now}, after decay. */
        public long decayed(int points, Instant occurredAt, Instant now) {
            if (decayPercent == 0 || points == 0) {
                return points;
            }
            long periods = Math.max(0, Duration.between(occurredAt, now).toDays() / PERIOD.toDays());
            double factor = Math.pow(1 - decayPercent / 100.0, periods);
            return (long) Math.floor(points * factor);
        }
    }

    private volatile Rules rules;

    @Activate
    public Scoring(ScoringConfig config) {
        modified(config);
    }

    @Modified
    void modified(ScoringConfig config) {
        this.rules = parse(config);
    }

    public Rules rules() {
        return rules;
    }

    /** A .cfg file gives a list as one comma-separated string: either form is accepted. */
    private static List<String> entries(String[] values) {
        List<String> result = new ArrayList<>();
        for (String v : values) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    result.add(part.strip());
                }
            }
        }
        return result;
    }

    static Rules parse(ScoringConfig config) {
        Map<String, Integer> points = new LinkedHashMap<>();
        for (String entry : entries(config.points())) {
            String[] kv = entry.split("=", 2);
            try {
                points.put(kv[0].strip(), Integer.parseInt(kv[1].strip()));
            } catch (RuntimeException e) {
                LOG.error("org.herald.scoring points: '{}' is not type=points; ignored", entry);
            }
        }
        List<Stage> stages = new ArrayList<>();
        for (String entry : entries(config.stages())) {
            String[] kv = entry.split("=", 2);
            try {
                stages.add(new Stage(kv[0].strip(), Long.parseLong(kv[1].strip())));
            } catch (RuntimeException e) {
                LOG.error("org.herald.scoring stages: '{}' is not label=score; ignored", entry);
            }
        }
        stages.sort(Comparator.comparingLong(Stage::from));
        LocalTime decayTime;
        try {
            decayTime = LocalTime.parse(config.decay_time().strip());
        } catch (DateTimeParseException e) {
            LOG.error("org.herald.scoring decay.time '{}' is not a time like 03:00; using 03:00", config.decay_time());
            decayTime = LocalTime.of(3, 0);
        }
        int decay = Math.max(0, Math.min(100, config.decay_percent()));
        return new Rules(Map.copyOf(points), decay, decayTime, List.copyOf(stages));
    }
}
