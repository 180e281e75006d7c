package org.herald.contacts.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.herald.contacts.internal.Configs;
import org.junit.jupiter.api.Test;

class ScoringTest {

    @Test
    void pointsAndStagesComeFromTheConfigurationAsACfgFileGivesThem() {
        Scoring.Rules rules = Scoring.parse(Configs.of(ScoringConfig.class, Map.of(
                "points", new String[] {"message_opened=1, purchase=10 ,webinar=-2", "broken"},
                "stages", new String[] {"hot=50, cold=0, warm=20"})));
        assertThat(rules.points()).containsOnly(Map.entry("message_opened", 1), Map.entry("purchase", 10),
                Map.entry("webinar", -2));
        assertThat(rules.stageOf(-5)).isEqualTo("cold");
        assertThat(rules.stageOf(0)).isEqualTo("cold");
        assertThat(rules.stageOf(20)).isEqualTo("warm");
        assertThat(rules.stageOf(49)).isEqualTo("warm");
        assertThat(rules.stageOf(50)).isEqualTo("hot");
    }

    @Test
    void decayTakesAShareForEveryFull30Days() {
        Scoring.Rules rules = Scoring.parse(Configs.of(ScoringConfig.class, Map.of("decay_percent", 10)));
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        assertThat(rules.decayed(100, now.minus(29, ChronoUnit.DAYS), now)).isEqualTo(100);
        assertThat(rules.decayed(100, now.minus(30, ChronoUnit.DAYS), now)).isEqualTo(90);
        assertThat(rules.decayed(100, now.minus(61, ChronoUnit.DAYS), now)).isEqualTo(81);
        assertThat(Scoring.parse(Configs.defaults(ScoringConfig.class)).decayed(100, now.minus(400, ChronoUnit.DAYS), now))
                .isEqualTo(100);
    }
}
