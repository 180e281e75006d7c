package org.herald.contacts.shell.internal.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.herald.common.Page;
import org.herald.common.ValidationException;
import org.herald.contacts.Channel;
import org.herald.contacts.Choice;
import org.herald.contacts.ConsentAction;
import org.herald.contacts.ConsentEntry;
import org.herald.contacts.ConsentSource;
import org.herald.contacts.Contact;
import org.herald.contacts.ContactInput;
import org.herald.contacts.ContactMetrics;
import org.herald.contacts.FieldDefinition;
import org.herald.contacts.FieldType;
import org.herald.contacts.OptInStatus;
import org.herald.contacts.UpsertResult;
import org.herald.contacts.shell.internal.TableText;
import org.herald.events.ContactEvent;
import org.herald.events.EventSummary;
import org.junit.jupiter.api.Test;

class ContactOutputTest {

    private static final Instant T = Instant.parse("2025-05-06T07:08:09Z");

    private static Contact ann(Map<String, Object> fields) {
        return new Contact("3xk9", "ann@example.com", OptInStatus.CONFIRMED, fields, Set.of("vip", "beta"),
                Set.of("news"), true, T, T, null);
    }

    @Test
    void upsertOutcomesAreOneStableLine() {
        Contact c = ann(Map.of());
        assertThat(ContactAddCommand.outcome(new UpsertResult(c, UpsertResult.Outcome.CREATED)))
                .isEqualTo("Created contact 3xk9 ann@example.com");
        assertThat(ContactAddCommand.outcome(new UpsertResult(c, UpsertResult.Outcome.UPDATED)))
                .isEqualTo("Updated contact 3xk9 ann@example.com");
        assertThat(ContactAddCommand.outcome(new UpsertResult(c, UpsertResult.Outcome.UNCHANGED)))
                .isEqualTo("Unchanged contact 3xk9 ann@example.com");
    }

    @Test
    void cardShowsFieldsInDisplayOrderWithHiddenAndSystemMarked() {
        List<FieldDefinition> defs = List.of(
                new FieldDefinition("city", FieldType.TEXT, "City", 1, true, null, false),
                new FieldDefinition("age", FieldType.NUMBER, "Age", 2, false, null, false),
                new FieldDefinition("size", FieldType.CHOICE, "Size", 3, true, List.of(new Choice("s", null)), false),
                new FieldDefinition("ORDER_NUMBER", FieldType.NUMBER, "Orders", 100, false, null, true));
        Contact c = ann(Map.of("age", 42L, "ORDER_NUMBER", 3L, "city", "Tartu"));

        List<String> card = ContactShowCommand.card(c, defs);

        assertThat(card).containsSubsequence("Id:        3xk9", "E-mail:    ann@example.com", "Status:    CONFIRMED",
                "Fields:", "  city:         Tartu", "  age:          42 (hidden)", "  ORDER_NUMBER: 3 (system)",
                "Tags: beta, vip", "Lists: news");
        assertThat(card).noneMatch(l -> l.contains("size")).noneMatch(l -> l.startsWith("Deleted"));
    }

    @Test
    void cardOfADeletedContactSaysHowToRestoreIt() {
        Contact c = new Contact("3xk9", "ann@example.com", OptInStatus.UNKNOWN, Map.of(), Set.of(), Set.of(), false, T,
                T, T);

        assertThat(ContactShowCommand.card(c, List.of())).contains("  (none)", "Tags: (none)", "Lists: (none)")
                .anyMatch(l -> l.startsWith("Deleted:") && l.endsWith("(restore with herald:contact-restore 3xk9)"));
    }

    @Test
    void cardShowsScoreStageAndOrderFiguresByTheirNames() {
        assertThat(ContactShowCommand.figures(new ContactMetrics(23, "warm", 3, new BigDecimal("100.00"))))
                .containsExactly("Score: 23 (warm)", "Orders: ORDER_NUMBER=3 ORDER_SUMMARY=100.00 ORDER_AVG=33.33");
        assertThat(ContactShowCommand.figures(ContactMetrics.NONE))
                .containsExactly("Score: 0", "Orders: ORDER_NUMBER=0 ORDER_SUMMARY=0 ORDER_AVG=0");
    }

    @Test
    void cardSummarisesTheTimelineWithTheLatestRows() {
        Contact c = ann(Map.of());
        ContactEvent purchase = ContactEvent.builder().id("o1").sequence(9).type("purchase").contactId("3xk9")
                .occurredAt(T).property("value", new BigDecimal("49.90")).points(10).build();
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        counts.put("purchase", 3L);
        counts.put("created", 1L);

        List<String> lines = ContactShowCommand.timeline(c, EventSummary.of(4, counts, T, List.of(purchase)));

        assertThat(lines).containsExactly("Timeline: 4 events (purchase 3, created 1)",
                "Last activity: 2025-05-06 07:08:09 UTC", "Latest events (all: herald:contact-timeline 3xk9):",
                "  2025-05-06 07:08:09 UTC  purchase +10  value=49.90");
        assertThat(ContactShowCommand.timeline(c, EventSummary.of(0, Map.of(), null, List.of())))
                .containsExactly("Timeline: no events");
    }

    @Test
    void contactTableListsOneRowPerContact() {
        Page<Contact> page = new Page<>(120, 0, 50, List.of(ann(Map.of())));

        String text = TableText.of(ContactListCommand.table(page, false));

        assertThat(text).contains("E-mail").contains("Updated").contains("3xk9").contains("ann@example.com")
                .contains("CONFIRMED").contains("beta, vip").contains("2025-05-06 07:08:09 UTC");
        assertThat(text.lines().count()).isEqualTo(3);
    }

    @Test
    void emptyContactTableSaysSo() {
        assertThat(TableText.of(ContactListCommand.table(new Page<>(0, 0, 50, List.of()), false)))
                .contains("No contacts match.");
        assertThat(ContactListCommand.footer(new Page<>(0, 0, 50, List.of()))).isNull();
    }

    @Test
    void footerTellsWhereTheNextPageStarts() {
        Contact c = ann(Map.of());
        assertThat(ContactListCommand.footer(new Page<>(120, 50, 2, List.of(c, c))))
                .isEqualTo("Contacts 51-52 of 120. Next page: --offset 52");
        assertThat(ContactListCommand.footer(new Page<>(2, 0, 50, List.of(c, c)))).isEqualTo("Contacts 1-2 of 2.");
        assertThat(ContactListCommand.footer(new Page<>(2, 10, 50, List.of()))).isEqualTo("No contacts at offset 10 (2 match).");
    }

    @Test
    void forgetPreviewSaysWhatWouldGoAndHowToConfirm() {
        String preview = ContactForgetCommand.preview(ann(Map.of("city", "Tartu")), 4);

        assertThat(preview).isEqualTo("Would erase contact 3xk9 ann@example.com: 1 field value, 2 tags, 1 list membership, "
                + "4 consent entries. This cannot be undone. Run again with --yes to erase: herald:contact-forget --yes 3xk9");
    }

    @Test
    void bulkExportFormatFollowsTheOptionThenTheFileName() {
        assertThat(ContactExportCommand.format(null, null)).isEqualTo("csv");
        assertThat(ContactExportCommand.format(null, "out/all.JSON")).isEqualTo("json");
        assertThat(ContactExportCommand.format("JSON", "all.csv")).isEqualTo("json");
        assertThatThrownBy(() -> ContactExportCommand.format("xml", null)).isInstanceOf(ValidationException.class)
                .hasMessage("unknown format 'xml': use csv or json");
    }

    @Test
    void anUpdateWithNothingToChangeIsRecognised() {
        assertThat(ContactUpdateCommand.isEmpty(ContactInput.builder(null).build())).isTrue();
        assertThat(ContactUpdateCommand.isEmpty(ContactInput.builder(null).untag("vip").build())).isFalse();
        assertThat(ContactUpdateCommand.isEmpty(ContactInput.builder(null).field("age", null).build())).isFalse();
    }

    @Test
    void consentTableShowsEachEntryWithItsSourceAndProof() {
        ConsentEntry e = new ConsentEntry(1, "3xk9", Channel.EMAIL, ConsentAction.STATUS_CHANGED, OptInStatus.UNKNOWN,
                OptInStatus.CONFIRMED, null, ConsentSource.FORM, T, "form", "192.0.2.1", null, "signup", null);

        String text = TableText.of(ConsentHistoryCommand.table(List.of(e)));

        assertThat(text).contains("UNKNOWN -> CONFIRMED").contains("FORM").contains("ip=192.0.2.1, form=signup")
                .contains("2025-05-06 07:08:09 UTC");
        assertThat(TableText.of(ConsentHistoryCommand.table(List.of()))).contains("No consent entries.");
    }
}
