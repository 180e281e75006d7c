package org.herald.contacts.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.herald.common.ValidationException;
import org.herald.contacts.Choice;
import org.junit.jupiter.api.Test;

class ChoiceEditsTest {

    private final List<Choice> current = List.of(new Choice("s", Map.of("en", "Small", "et", "Väike")),
            new Choice("m", Map.of("en", "Medium")));

    @Test
    void newValuesReplaceTheChoicesKeepingLabelsOfValuesThatStay() {
        List<Choice> result = ChoiceEdits.apply("size", current, List.of("m", "l"), Map.of());

        assertThat(result).containsExactly(new Choice("m", Map.of("en", "Medium")), new Choice("l", Map.of()));
    }

    @Test
    void labelsAloneChangeTranslationsOfTheCurrentChoices() {
        List<Choice> result = ChoiceEdits.apply("size", current, List.of(),
                Map.of("s", Map.of("en", "Tiny", "et", ""), "m", Map.of("de", "Mittel")));

        assertThat(result).containsExactly(new Choice("s", Map.of("en", "Tiny")),
                new Choice("m", Map.of("en", "Medium", "de", "Mittel")));
    }

    @Test
    void labelForAValueThatIsNotAChoiceIsAnErrorNamingIt() {
        assertThatThrownBy(() -> ChoiceEdits.apply("size", current, List.of("s", "m"), Map.of("xl", Map.of("en", "XL"))))
                .isInstanceOf(ValidationException.class)
                .hasMessage("--label for 'xl', which is not a choice of field size: its choices would be s, m");
    }
}
