package org.herald.contacts.shell.internal.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.herald.contacts.TagService.TagCount;
import org.herald.contacts.shell.internal.TableText;
import org.junit.jupiter.api.Test;

class TagOutputTest {

    @Test
    void tagTableShowsEachTagWithItsContactCount() {
        String text = TableText.of(TagListCommand.table(List.of(new TagCount("vip", 3), new TagCount("beta", 12))));

        assertThat(text.lines().toList()).hasSize(4);
        assertThat(text).contains("vip").contains("12");
        assertThat(TableText.of(TagListCommand.table(List.of()))).contains("No tags in use.");
    }
}
