package org.herald.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.herald.common.ConflictException;
import org.herald.common.NotFoundException;
import org.herald.contacts.OptInStatus;
import org.herald.store.ContactRecord;
import org.herald.store.ContactWrite;
import org.herald.store.EventWrite;
import org.herald.store.FormStore.ConsentTextRecord;
import org.herald.store.FormStore.FormRecord;
import org.herald.store.FormStore.SubmissionRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Forms, their consent texts, waiting subscriptions and single-use keys on the selected database. */
class JdbcFormStoreTest {

    private DataSource ds;
    private Stores store;
    private final Instant now = Instant.parse("2026-12-08T10:00:00Z");

    @BeforeEach
    void setUp() {
        ds = Databases.fresh();
        store = Stores.open(ds);
    }

    @AfterEach
    void tearDown() {
        store.close();
        TestDatabases.drop(ds);
    }

    private ContactRecord contact(String email) {
        String id = String.format("%026d", Math.abs(email.hashCode()));
        return store.contacts().write(new ContactWrite(null, new ContactRecord(0, id, email, email, OptInStatus.PENDING,
                Map.of(), Set.of(), Set.of(), true, now, now, null, 0), List.of()));
    }

    private static ConsentTextRecord text(int version, String body) {
        return new ConsentTextRecord("news", version, body, "a".repeat(63) + version, Instant.parse("2026-12-08T10:00:00Z"));
    }

    @Test
    void aFormKeepsEveryVersionOfItsConsentTextAndANameIsTakenOnce() {
        FormRecord created = store.forms().create(new FormRecord("news", "{\"lists\":[\"news\"]}", 0, now, now),
                text(1, "Yes, send me news ✓"));
        assertThat(created.consentVersion()).isEqualTo(1);
        assertThatThrownBy(() -> store.forms().create(new FormRecord("news", "{}", 0, now, now), null))
                .isInstanceOf(ConflictException.class);
        store.forms().update(new FormRecord("news", "{\"lists\":[\"news\",\"deals\"]}", 1, now, now.plusSeconds(5)),
                text(2, "Yes, news and deals"));
        FormRecord read = store.forms().find("news").orElseThrow();
        assertThat(read.definition()).contains("deals");
        assertThat(read.consentVersion()).isEqualTo(2);
        assertThat(store.forms().consentTexts("news")).extracting(ConsentTextRecord::text)
                .containsExactly("Yes, send me news ✓", "Yes, news and deals");
        assertThat(store.forms().consentText("news", 1).orElseThrow().sha256()).endsWith("1");

        assertThat(store.forms().delete("news")).isTrue();
        assertThat(store.forms().find("news")).isEmpty();
        assertThat(store.forms().consentTexts("news")).hasSize(2);
        assertThatThrownBy(() -> store.forms().update(new FormRecord("news", "{}", 0, now, now), null))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aSubscriptionWaitsUntilConfirmedOnceAndGoesWithItsContact() {
        ContactRecord ann = contact("ann@forms.test");
        long id = store.forms().addSubmission(new SubmissionRecord(0, "news", ann.id(), List.of("news", "deals"), "{\"city\":\"Tartu\"}", 1,
                "b".repeat(64), "192.0.2.7", "Firefox", now), false, new EventWrite("e-1", false, 0, null, "form_filled",
                now, now, "form news", "form:news", Map.of("form", "news"), null, null));
        assertThat(count("contact_event WHERE event_type = 'form_filled'")).isEqualTo(1);
        List<SubmissionRecord> waiting = store.forms().pendingSubmissions(ann.id(), now.minusSeconds(60));
        assertThat(waiting).hasSize(1);
        assertThat(waiting.get(0).id()).isEqualTo(id);
        assertThat(waiting.get(0).lists()).containsExactly("news", "deals");
        assertThat(waiting.get(0).ip()).isEqualTo("192.0.2.7");
        assertThat(waiting.get(0).fieldValues()).isEqualTo("{\"city\":\"Tartu\"}");
        assertThat(store.forms().pendingSubmissions(ann.id(), now.plusSeconds(1))).isEmpty();

        assertThat(store.forms().confirmSubmissions(List.of(id), now)).containsExactly(id);
        assertThat(store.forms().confirmSubmissions(List.of(id), now)).isEmpty();
        assertThat(store.forms().pendingSubmissions(ann.id(), now.minusSeconds(60))).isEmpty();

        store.forms().addSubmission(new SubmissionRecord(0, "news", ann.id(), List.of("news"), "{}", 1, null, null, null,
                now.minusSeconds(3600)), false, null);
        store.forms().addSubmission(new SubmissionRecord(0, "news", ann.id(), List.of("news"), "{}", 1, null, null, null,
                now.minusSeconds(3600)), true, null);
        assertThat(store.forms().pendingSubmissions(ann.id(), now.minusSeconds(7200))).hasSize(1);
        assertThat(store.forms().purgeSubmissions(now.minusSeconds(60))).isEqualTo(1);
        assertThat(count("form_submission")).isEqualTo(2);

        store.contacts().erase(ann.key(), "h".repeat(64), now, null);
        assertThat(count("form_submission")).isZero();
    }

    @Test
    void aSingleUseKeyIsAcceptedOnceUntilItExpires() {
        Instant later = Instant.now().plusSeconds(600);
        assertThat(store.forms().useOnce("pow:abc", later)).isTrue();
        assertThat(store.forms().useOnce("pow:abc", later)).isFalse();
        assertThat(store.forms().useOnce("pow:other", later)).isTrue();
        // an expired key is dropped by the next registration, so the table stays small
        assertThat(store.forms().useOnce("pow:old", Instant.now().minusSeconds(1))).isTrue();
        assertThat(store.forms().useOnce("pow:next", later)).isTrue();
        assertThat(count("form_token_used")).isEqualTo(3);
    }

    private long count(String table) {
        try (var c = ds.getConnection(); var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
