package org.herald.contacts.shell.internal.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.herald.contacts.ListText;
import org.herald.contacts.MailingList;
import org.herald.contacts.shell.internal.TableText;
import org.junit.jupiter.api.Test;

class ListOutputTest {

    @Test
    void inUseMessageNamesEveryUsageAndTheWayOut() {
        assertThat(ListDeleteCommand.inUse("news", List.of("12 subscribed contacts", "form 'x'"), "in use"))
                .isEqualTo("List 'news' is used by: 12 subscribed contacts; form 'x'. Use --force to delete it anyway.");
        assertThat(ListDeleteCommand.inUse("news", List.of(), "list 'news' is in use")).isEqualTo("list 'news' is in use");
    }

    @Test
    void listTableShowsMembersAndPublicNames() {
        MailingList news = new MailingList("news", Map.of("en", new ListText("Weekly news", null), "et",
                new ListText("Uudised", "Iga nädal")), 12, Instant.EPOCH);

        String text = TableText.of(ListListCommand.table(List.of(news)));

        assertThat(text).contains("Members").contains("news").contains("12").contains("en=Weekly news, et=Uudised");
        assertThat(TableText.of(ListListCommand.table(List.of()))).contains("No lists yet.");
    }
}
