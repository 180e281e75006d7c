package org.herald.contacts.shell.internal.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.herald.common.Page;
import org.herald.common.ValidationException;
import org.herald.contacts.shell.internal.TableText;
import org.herald.events.ContactEvent;
import org.herald.events.EventInput;
import org.herald.events.IngestResult;
import org.herald.events.IngestResult.Outcome;
import org.herald.events.json.EventInputJson;
import org.junit.jupiter.api.Test;

class EventOutputTest {

    private static final Instant T = Instant.parse("2025-05-06T07:08:09Z");

    private static ContactEvent purchase(Map<String, Object> properties) {
        return ContactEvent.builder().id("order-1").sequence(42).type("purchase").contactId("3xk9").occurredAt(T)
                .source("shop").actor("admin").properties(properties).points(10).build();
    }

    @Test
    void theOptionsBecomeTheEventInputDocumentTheRestApiReads() throws Exception {
        byte[] doc = EventAddCommand.document("purchase", "order-1", T, "shop",
                EventArgs.properties("{\"items\":[{\"sku\":\"TEA-1\"}],\"value\":1}", List.of("value=49.90", "zip=007",
                        "qty=2", "note=two words")), true, " Ann@Example.com ");

        List<EventInputJson.Item> items = EventInputJson.read(doc);
        assertThat(items).hasSize(1);
        assertThat(items.get(0).error()).isNull();
        EventInput in = items.get(0).document().toInput();
        assertThat(in.type()).isEqualTo("purchase");
        assertThat(in.id()).isEqualTo("order-1");
        assertThat(in.email()).isEqualTo("Ann@Example.com");
        assertThat(in.contactId()).isNull();
        assertThat(in.occurredAt()).isEqualTo(T);
        assertThat(in.source()).isEqualTo("shop");
        assertThat(in.createContact()).isTrue();
        assertThat(in.properties().get("value")).as("-p wins over --json, decimals exact").isEqualTo(new BigDecimal("49.90"));
        assertThat(in.properties().get("qty")).isEqualTo(2L);
        assertThat(in.properties().get("zip")).as("not a number as written").isEqualTo("007");
        assertThat(in.properties().get("note")).isEqualTo("two words");
        assertThat(in.properties().get("items")).isInstanceOf(List.class);

        EventInput byId = EventInputJson.read(EventAddCommand.document(null, null, null, null,
                EventArgs.properties(null, null), false, "3xk9")).get(0).document().toInput();
        assertThat(byId.contactId()).isEqualTo("3xk9");
        assertThat(byId.email()).isNull();
        assertThat(byId.properties()).isEmpty();
    }

    @Test
    void badOptionsAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> EventArgs.properties("[1]", null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("--json must be a JSON object");
        assertThatThrownBy(() -> EventArgs.properties("{\"value\":", null)).hasMessageStartingWith("option --json is not valid JSON");
        assertThatThrownBy(() -> EventArgs.properties(null, List.of("novalue"))).hasMessageContaining("-p 'novalue'");
        assertThatThrownBy(() -> EventArgs.time("yesterday", "--at")).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("option --at 'yesterday' is not a time");
        assertThat(EventArgs.time("2026-11-30", "--since")).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(EventArgs.time("2026-11-30T12:00:00+02:00", "--at")).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(EventArgs.types(List.of("purchase,cart", " page_visit ", "cart"))).containsExactly("purchase", "cart",
                "page_visit");
    }

    @Test
    void outcomesAreOneStableLineAndRefusalsNameTheOption() {
        assertThat(EventAddCommand.outcome(IngestResult.stored(0, "order-1", "3xk9", 42)))
                .isEqualTo("Stored event order-1 at 42 for contact 3xk9");
        assertThat(EventAddCommand.outcome(IngestResult.duplicate(0, "order-1", "3xk9")))
                .startsWith("Duplicate event order-1 for contact 3xk9").contains("nothing changed");
        assertThat(EventAddCommand.outcome(IngestResult.of(0, "v1", "3xk9", Outcome.IGNORED, null, "monitoring is off")))
                .isEqualTo("Ignored event v1 for contact 3xk9: monitoring is off");
        assertThat(EventAddCommand.refusal(IngestResult.of(0, "x", null, Outcome.UNKNOWN_CONTACT, "email", "no contact"),
                "bob@example.com")).isEqualTo("no contact has the address bob@example.com: add it (herald:contact-add) "
                        + "or run again with --create");
        assertThat(EventAddCommand.refusal(IngestResult.of(0, "x", "3xk9", Outcome.REJECTED, "properties.value",
                "a purchase needs 'properties.value'"), "3xk9")).isEqualTo("event not stored: a purchase needs "
                        + "'properties.value' (-p/--json)");
        assertThat(EventAddCommand.refusal(IngestResult.of(0, "x", null, Outcome.REJECTED, "type", "bad type"), "3xk9"))
                .endsWith("(-t)");
    }

    @Test
    void timelineTableShowsPointsOriginAndPropertiesEscapedAndShortened() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("value", new BigDecimal("49.90"));
        props.put("note", "line one\nline two\u0007");
        props.put("items", List.of(Map.of("sku", "TEA-1")));
        String text = TableText.of(ContactTimelineCommand.table(List.of(purchase(props))));

        assertThat(text).contains("Time").contains("Points").contains("Source/actor").contains("2025-05-06 07:08:09 UTC")
                .contains("purchase").contains("+10").contains("shop/admin")
                .contains("value=49.90, note=line one\\nline two\\u0007, items=[{\"sku\":");
        assertThat(text.lines().count()).as("header, rule, one row").isEqualTo(3);

        String longValue = ContactTimelineCommand.properties(Map.of("url", "https://shop.example.com/" + "x".repeat(100)), 60);
        assertThat(longValue).hasSize(60).endsWith("…");
        assertThat(ContactTimelineCommand.points(null)).isEmpty();
        assertThat(ContactTimelineCommand.points(-3)).isEqualTo("-3");
        assertThat(TableText.of(ContactTimelineCommand.table(List.of()))).contains("No events match.");
    }

    @Test
    void timelineFooterSaysHowManyThereAreAndWhereTheNextPageStarts() {
        ContactEvent e = purchase(Map.of());
        assertThat(ContactTimelineCommand.footer(new Page<>(120, 50, 2, List.of(e, e))))
                .isEqualTo("Events 51-52 of 120. Next page: --offset 52");
        assertThat(ContactTimelineCommand.footer(new Page<>(1, 0, 50, List.of(e)))).isEqualTo("Events 1-1 of 1.");
        assertThat(ContactTimelineCommand.footer(new Page<>(3, 10, 50, List.of()))).isEqualTo("No events at offset 10 (3 match).");
        assertThat(ContactTimelineCommand.footer(new Page<>(0, 0, 50, List.of()))).isNull();
    }
}
