package org.herald.contacts.shell.internal.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.herald.contacts.Choice;
import org.herald.contacts.FieldDefinition;
import org.herald.contacts.FieldType;
import org.herald.contacts.shell.internal.TableText;
import org.junit.jupiter.api.Test;

class FieldOutputTest {

    @Test
    void fieldTableShowsPositionTypeVisibilityAndChoices() {
        List<FieldDefinition> defs = List.of(
                new FieldDefinition("size", FieldType.CHOICE, "Size", 1, false,
                        List.of(new Choice("s", Map.of("en", "Small")), new Choice("m", null)), false),
                new FieldDefinition("ORDER_NUMBER", FieldType.NUMBER, "Orders", 2, true, null, true));

        List<String> lines = TableText.of(FieldListCommand.table(defs)).lines().toList();

        assertThat(lines.get(0)).contains("Position").contains("Name").contains("Type").contains("Label")
                .contains("Visible").contains("Choices");
        assertThat(lines.get(2)).contains("size").contains("choice").contains("no").contains("s, m");
        assertThat(lines.get(3)).contains("ORDER_NUMBER").contains("number (system, read-only)").contains("yes");
    }

    @Test
    void choiceTableShowsLabelsPerLanguage() {
        String text = TableText.of(FieldChoicesCommand.table(List.of(new Choice("s", Map.of("et", "Väike", "en", "Small")))));

        assertThat(text).contains("en=Small, et=Väike");
    }
}
