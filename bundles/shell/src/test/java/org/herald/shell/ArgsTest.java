package org.herald.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;

import org.herald.common.ValidationException;
import org.junit.jupiter.api.Test;

class ArgsTest {

    @Test
    void fieldValueIsEverythingAfterTheFirstEquals() {
        Map<String, Object> values = Args.fieldValues(List.of("note=a=b", "city=Tartu"), "-f");

        assertThat(values).containsExactly(entry("note", "a=b"), entry("city", "Tartu"));
    }

    @Test
    void emptyFieldValueClearsTheField() {
        Map<String, Object> values = Args.fieldValues(List.of("age="), "-f");

        assertThat(values).containsKey("age");
        assertThat(values.get("age")).isNull();
    }

    @Test
    void laterOptionForTheSameFieldWins() {
        assertThat(Args.fieldValues(List.of("age=1", "age=2"), "-f")).containsExactly(entry("age", "2"));
    }

    @Test
    void fieldOptionWithoutEqualsIsAnErrorNamingTheOptionAndValue() {
        assertThatThrownBy(() -> Args.fieldValues(List.of("age"), "-f"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("-f 'age'")
                .hasMessageContaining("name=value")
                .satisfies(e -> assertThat(((ValidationException) e).value()).isEqualTo("age"));
    }

    @Test
    void fieldOptionWithoutNameIsAnError() {
        assertThatThrownBy(() -> Args.fieldValues(List.of("=5"), "-f")).hasMessageContaining("-f '=5'");
    }

    @Test
    void noFieldOptionsGiveNoValues() {
        assertThat(Args.fieldValues(null, "-f")).isEmpty();
    }

    @Test
    void languageTextsAreKeyedByLanguage() {
        Map<String, String> texts = Args.languageTexts(List.of("en=Weekly news", "pt-BR=Notícias = semanais"),
                "--public-name");

        assertThat(texts).containsExactly(entry("en", "Weekly news"), entry("pt-BR", "Notícias = semanais"));
    }

    @Test
    void languageTextWithoutLanguageIsAnError() {
        assertThatThrownBy(() -> Args.languageTexts(List.of("Weekly news"), "--public-name"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("--public-name 'Weekly news' is not lang=text");
        assertThatThrownBy(() -> Args.languageTexts(List.of("e=x"), "--description"))
                .hasMessageContaining("--description 'e=x'");
    }

    @Test
    void choiceLabelsAreKeyedByValueThenLanguage() {
        Map<String, Map<String, String>> labels = Args.choiceLabels(
                List.of("s:en=Small", "s:et=Väike", "xl:en=Extra: large = big"), "--label");

        assertThat(labels).containsOnlyKeys("s", "xl");
        assertThat(labels.get("s")).containsExactly(entry("en", "Small"), entry("et", "Väike"));
        assertThat(labels.get("xl")).containsExactly(entry("en", "Extra: large = big"));
    }

    @Test
    void choiceLabelWithEmptyTextMeansRemove() {
        assertThat(Args.choiceLabels(List.of("s:en="), "--label").get("s")).containsExactly(entry("en", ""));
    }

    @Test
    void malformedChoiceLabelsAreErrorsNamingTheOption() {
        for (String bad : List.of("s=Small", ":en=Small", "s:=Small", "s:english")) {
            assertThatThrownBy(() -> Args.choiceLabels(List.of(bad), "--label"))
                    .as(bad)
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("--label '" + bad + "' is not value:lang=text");
        }
    }

    @Test
    void delimiterIsOneCharacterOrTab() {
        assertThat(Args.delimiter(null, "-d")).isEqualTo(',');
        assertThat(Args.delimiter(";", "-d")).isEqualTo(';');
        assertThat(Args.delimiter("tab", "-d")).isEqualTo('\t');
        assertThat(Args.delimiter("\\t", "-d")).isEqualTo('\t');
        assertThatThrownBy(() -> Args.delimiter(";;", "-d")).hasMessageContaining("-d ';;' is not a delimiter");
        assertThatThrownBy(() -> Args.delimiter("\"", "-d")).isInstanceOf(ValidationException.class);
    }

    @Test
    void booleansAcceptTrueFalseYesNo() {
        assertThat(Args.bool("true", "--visible")).isTrue();
        assertThat(Args.bool("No", "--visible")).isFalse();
        assertThat(Args.bool(null, "--visible")).isNull();
        assertThatThrownBy(() -> Args.bool("maybe", "--visible")).hasMessageContaining("--visible 'maybe' must be true or false");
    }

    @Test
    void integersAreParsedWithAClearError() {
        assertThat(Args.integer("25", "--limit", 50)).isEqualTo(25);
        assertThat(Args.integer(null, "--limit", 50)).isEqualTo(50);
        assertThatThrownBy(() -> Args.integer("ten", "--limit", 50)).hasMessageContaining("--limit 'ten' must be a whole number");
    }

    @Test
    void namesDropBlanksAndDuplicatesKeepingOrder() {
        assertThat(Args.names(List.of("vip", " ", "news", "vip", " trial "))).containsExactly("vip", "news", "trial");
    }
}
