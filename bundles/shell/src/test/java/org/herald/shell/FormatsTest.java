package org.herald.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.herald.contacts.Channel;
import org.herald.contacts.Choice;
import org.herald.contacts.ConsentAction;
import org.herald.contacts.ConsentEntry;
import org.herald.contacts.ConsentSource;
import org.herald.contacts.Contact;
import org.herald.contacts.ListText;
import org.herald.contacts.OptInStatus;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void contactIsNamedByIdAndAddress() {
        Contact c = new Contact("3xk9", "ann@example.com", OptInStatus.UNKNOWN, Map.of(), Set.of(), Set.of(), true,
                Instant.EPOCH, Instant.EPOCH, null);

        assertThat(Formats.contact(c)).isEqualTo("3xk9 ann@example.com");
    }

    @Test
    void valuesAreShownPlainly() {
        assertThat(Formats.value(null)).isEmpty();
        assertThat(Formats.value(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(Formats.value(List.of("red", "blue"))).isEqualTo("red, blue");
        assertThat(Formats.value(42L)).isEqualTo("42");
        assertThat(Formats.value(Boolean.TRUE)).isEqualTo("true");
    }

    @Test
    void timesAreUtcToTheSecond() {
        assertThat(Formats.time(Instant.parse("2025-03-04T05:06:07.891Z"))).isEqualTo("2025-03-04 05:06:07 UTC");
        assertThat(Formats.time(null)).isEmpty();
    }

    @Test
    void namesAreSortedAndJoined() {
        assertThat(Formats.names(Set.of("vip", "beta", "news"))).isEqualTo("beta, news, vip");
    }

    @Test
    void choicesShowLabelsWithLanguagesSorted() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("et", "Väike");
        labels.put("en", "Small");
        String text = Formats.choices(List.of(new Choice("s", labels), new Choice("m", null)));

        assertThat(text).isEqualTo("s (en=Small, et=Väike), m");
    }

    @Test
    void publicNamesLeaveOutLanguagesWithoutOne() {
        Map<String, ListText> texts = Map.of("et", new ListText("Uudised", null), "en", new ListText("News", "Weekly"),
                "de", new ListText(null, "Nur Beschreibung"));

        assertThat(Formats.publicNames(texts)).isEqualTo("en=News, et=Uudised");
    }

    @Test
    void consentChangesReadAsTransitionsAndMemberships() {
        assertThat(Formats.consentChange(entry(ConsentAction.STATUS_CHANGED, OptInStatus.UNKNOWN, OptInStatus.CONFIRMED,
                null))).isEqualTo("UNKNOWN -> CONFIRMED");
        assertThat(Formats.consentChange(entry(ConsentAction.STATUS_CHANGED, null, OptInStatus.PENDING, null)))
                .isEqualTo("(none) -> PENDING");
        assertThat(Formats.consentChange(entry(ConsentAction.LIST_SUBSCRIBED, null, null, "news"))).isEqualTo("+news");
        assertThat(Formats.consentChange(entry(ConsentAction.LIST_UNSUBSCRIBED, null, null, "news"))).isEqualTo("-news");
    }

    @Test
    void consentProofListsOnlyWhatWasRecorded() {
        ConsentEntry e = new ConsentEntry(1, "c1", Channel.EMAIL, ConsentAction.STATUS_CHANGED, null,
                OptInStatus.CONFIRMED, null, ConsentSource.FORM, Instant.EPOCH, "form", "192.0.2.1", null, "signup", "v2");

        assertThat(Formats.consentProof(e)).isEqualTo("ip=192.0.2.1, form=signup, text=v2");
        assertThat(Formats.consentProof(entry(ConsentAction.LIST_SUBSCRIBED, null, null, "news"))).isEmpty();
    }

    @Test
    void countsUseSingularForOne() {
        assertThat(Formats.count(1, "contact", "contacts")).isEqualTo("1 contact");
        assertThat(Formats.count(0, "contact", "contacts")).isEqualTo("0 contacts");
    }

    @Test
    void abbreviateCutsWithAnEllipsis() {
        assertThat(Formats.abbreviate("abcdef", 4)).isEqualTo("abc…");
        assertThat(Formats.abbreviate("abc", 4)).isEqualTo("abc");
    }

    private static ConsentEntry entry(ConsentAction action, OptInStatus from, OptInStatus to, String list) {
        return new ConsentEntry(1, "c1", Channel.EMAIL, action, from, to, list, ConsentSource.MANAGE, Instant.EPOCH,
                "admin", null, null, null, null);
    }
}
