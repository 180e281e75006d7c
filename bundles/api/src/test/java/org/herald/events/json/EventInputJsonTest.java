package org.herald.events.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.herald.common.ValidationException;
import org.herald.events.ContactEvent;
import org.herald.events.EventInput;
import org.junit.jupiter.api.Test;

class EventInputJsonTest {

    private static List<EventInputJson.Item> read(String json) {
        return EventInputJson.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anObjectOrAnArrayIsReadWithExactDecimalsAndTimes() {
        EventInput in = read("{\"id\":\"o-1\",\"type\":\"purchase\",\"email\":\"ann@example.org\","
                + "\"occurredAt\":\"2026-11-30T12:15:30+02:00\",\"source\":\"shop\",\"createContact\":true,"
                + "\"properties\":{\"value\":49.90,\"currency\":\"EUR\"}}").get(0).document().toInput();
        assertThat(in.id()).isEqualTo("o-1");
        assertThat(in.occurredAt()).isEqualTo(Instant.parse("2026-11-30T10:15:30Z"));
        assertThat(in.properties()).containsEntry("value", new BigDecimal("49.90"));
        assertThat(in.createContact()).isTrue();
        assertThat(read("[{\"type\":\"cart\",\"contact\":\"x\"},{\"type\":\"page_visit\",\"email\":\"a@b.org\"}]"))
                .hasSize(2).allMatch(i -> i.error() == null);
    }

    @Test
    void aBadItemIsRefusedAloneAndABadBodyWhole() {
        List<EventInputJson.Item> items = read("[{\"type\":\"cart\",\"colour\":\"red\"},3,{\"type\":\"cart\",\"occurredAt\":\"yesterday\"}]");
        assertThat(items.get(0).error().getMessage()).contains("colour");
        assertThat(items.get(1).error().getMessage()).contains("JSON object");
        assertThatThrownBy(() -> items.get(2).document().toInput()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> read("{\"type\":\"cart\",\"type\":\"cart\"}")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> read("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> read("\"cart\"")).hasMessageContaining("object or an array");
    }

    @Test
    void anEventIsWrittenWithItsDocumentedMembersAndNeverTheAddress() {
        ContactEvent e = ContactEvent.builder().id("o-1").sequence(42).type("purchase").contactId("c1")
                .occurredAt(Instant.parse("2026-11-30T10:15:30Z")).recordedAt(Instant.parse("2026-11-30T10:15:31Z"))
                .source("shop").actor("admin").properties(Map.of("value", new BigDecimal("49.90"))).points(10).build();
        assertThat(new String(ContactEventJson.write(e), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"o-1\",\"sequence\":42,"
                + "\"type\":\"purchase\",\"contact\":\"c1\",\"occurredAt\":\"2026-11-30T10:15:30Z\","
                + "\"recordedAt\":\"2026-11-30T10:15:31Z\",\"source\":\"shop\",\"actor\":\"admin\","
                + "\"properties\":{\"value\":49.90},\"points\":10}");
    }
}
