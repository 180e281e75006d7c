package org.herald.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.herald.contacts.Channel;
import org.herald.contacts.ConsentAction;
import org.herald.contacts.ConsentEntry;
import org.herald.contacts.ConsentSource;
import org.herald.contacts.Contact;
import org.herald.contacts.ContactExport;
import org.herald.contacts.OptInStatus;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void exportIsIndentedJsonWithIsoTimesAndExactDecimals() {
        Contact c = new Contact("3xk9", "ann@example.com", OptInStatus.CONFIRMED,
                Map.of("price", new BigDecimal("1E+2"), "colors", List.of("red")), Set.of("vip"), Set.of("news"), true,
                Instant.parse("2025-01-02T03:04:05Z"), Instant.parse("2025-01-02T03:04:05Z"), null);
        ConsentEntry e = new ConsentEntry(7, "3xk9", Channel.EMAIL, ConsentAction.LIST_SUBSCRIBED, null, null, "news",
                ConsentSource.MANAGE, Instant.parse("2025-01-02T03:04:05Z"), "admin", null, null, null, null);

        String json = Json.pretty(new ContactExport(Instant.parse("2025-02-01T00:00:00Z"), c, List.of(e)));

        assertThat(json).contains("\n  \"exportedAt\" : \"2025-02-01T00:00:00Z\"")
                .contains("\"email\" : \"ann@example.com\"")
                .contains("\"price\" : 100")
                .contains("\"created\" : \"2025-01-02T03:04:05Z\"")
                .contains("\"list\" : \"news\"")
                .contains("\"monitored\" : true")
                .doesNotContain("deletedAt")
                .doesNotContain("\"deleted\"")
                .doesNotContain("null");
    }
}
