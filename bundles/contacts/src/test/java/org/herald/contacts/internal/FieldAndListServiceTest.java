package org.herald.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.herald.common.ConflictException;
import org.herald.common.InUseException;
import org.herald.common.ValidationException;
import org.herald.contacts.Choice;
import org.herald.contacts.ContactInput;
import org.herald.contacts.FieldDefinition;
import org.herald.contacts.FieldType;
import org.herald.contacts.ListText;
import org.herald.contacts.ListUsageProvider;
import org.herald.contacts.MailingList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FieldAndListServiceTest {

    private final TestBed bed = new TestBed();

    @AfterEach
    void tearDown() {
        bed.close();
    }

    @Test
    void fieldNamesAreLowerCaseLettersOnlyAndNotReserved() {
        assertThatThrownBy(() -> bed.fields.create("Age", FieldType.NUMBER, null, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("upper-case").hasMessageContaining("'age'");
        assertThatThrownBy(() -> bed.fields.create("age2", FieldType.NUMBER, null, null)).hasMessageContaining("digits");
        assertThatThrownBy(() -> bed.fields.create("shoe size", FieldType.NUMBER, null, null)).hasMessageContaining("spaces");
        assertThatThrownBy(() -> bed.fields.create("shoe_size", FieldType.NUMBER, null, null))
                .hasMessageContaining("other than the letters a-z");
        for (String reserved : List.of("email", "status", "tags", "lists", "id", "score", "stage", "engagement")) {
            assertThatThrownBy(() -> bed.fields.create(reserved, FieldType.TEXT, null, null)).as(reserved)
                    .isInstanceOf(ValidationException.class).hasMessageContaining("reserved");
        }
        assertThatThrownBy(() -> bed.fields.create("ORDER_AVG", FieldType.DECIMAL, null, null))
                .isInstanceOf(ValidationException.class);
        bed.fields.create("age", FieldType.NUMBER, "Age", null);
        assertThatThrownBy(() -> bed.fields.create("age", FieldType.TEXT, null, null)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> bed.fields.create("size", FieldType.CHOICE, null, List.of()))
                .hasMessageContaining("at least one choice");
        assertThatThrownBy(() -> bed.fields.create("city", FieldType.TEXT, null, List.of(new Choice("x", null))))
                .hasMessageContaining("only choice and multichoice");
    }

    @Test
    void fieldsListInOrderWithSystemValuesLastAndUpdateLabelOrderVisibility() {
        bed.fields.create("city", FieldType.TEXT, null, null);
        bed.fields.create("age", FieldType.NUMBER, "Age", null);
        assertThat(bed.fields.list()).extracting(FieldDefinition::name)
                .containsExactly("city", "age", "score", "ORDER_NUMBER", "ORDER_SUMMARY", "ORDER_AVG");
        assertThat(bed.fields.list()).filteredOn(FieldDefinition::system).hasSize(4);
        bed.fields.update("age", "Age in years", 0, false);
        assertThat(bed.fields.list().get(0)).satisfies(f -> {
            assertThat(f.name()).isEqualTo("age");
            assertThat(f.label()).isEqualTo("Age in years");
            assertThat(f.visible()).isFalse();
            assertThat(f.type()).isEqualTo(FieldType.NUMBER);
        });
        assertThat(bed.fields.find("city").orElseThrow().label()).isEqualTo("city");
        assertThatThrownBy(() -> bed.fields.update("score", "x", null, null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void choicesAndTheirTranslationsCanChangeAnyTime() {
        bed.fields.create("size", FieldType.CHOICE, "Size",
                List.of(new Choice("s", Map.of("en", "Small", "et", "Väike")), new Choice("m", Map.of("en", "Medium"))));
        bed.contacts.upsert(ContactInput.builder("ann@example.com").field("size", "m").build(), TestBed.API);
        FieldDefinition changed = bed.fields.setChoices("size",
                List.of(new Choice("s", Map.of("en", "Small", "et", "Väike")), new Choice("l", Map.of("en", "Large"))));
        assertThat(changed.choices()).extracting(Choice::value).containsExactly("s", "l");
        assertThat(bed.fields.find("size").orElseThrow().choices().get(0).labels()).containsEntry("et", "Väike");
        assertThatThrownBy(() -> bed.contacts.upsert(ContactInput.builder("bob@example.com").field("size", "m").build(),
                TestBed.API)).hasMessageContaining("'m'");
        assertThat(bed.contacts.get("ann@example.com").fields()).containsEntry("size", "m");
        assertThatThrownBy(() -> bed.fields.setChoices("size", List.of(new Choice("a", null), new Choice("A", null))))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> bed.fields.setChoices("size", List.of(new Choice("a", Map.of("English", "A")))))
                .hasMessageContaining("language");
    }

    @Test
    void listsAreCreatedRenamedAndCarryTextsPerLanguage() {
        MailingList news = bed.lists.create("news");
        assertThat(news.members()).isZero();
        assertThatThrownBy(() -> bed.lists.create("news")).isInstanceOf(ConflictException.class);
        for (String bad : List.of("News", "-news", "news letter", "", "x".repeat(65))) {
            assertThatThrownBy(() -> bed.lists.create(bad)).as(bad).isInstanceOf(ValidationException.class);
        }
        bed.lists.setText("news", "en", "Newsletter", "Monthly news");
        bed.lists.setText("news", "et", "Uudiskiri", null);
        MailingList renamed = bed.lists.rename("news", "monthly-news");
        assertThat(renamed.texts()).containsEntry("en", new ListText("Newsletter", "Monthly news"))
                .containsEntry("et", new ListText("Uudiskiri", null));
        assertThat(bed.lists.find("news")).isEmpty();
        assertThat(bed.lists.setText("monthly-news", "et", null, null).texts()).containsOnlyKeys("en");
        bed.lists.create("offers");
        assertThatThrownBy(() -> bed.lists.rename("offers", "monthly-news")).isInstanceOf(ConflictException.class);
        assertThat(bed.lists.list()).extracting(MailingList::name).containsExactly("monthly-news", "offers");
    }

    @Test
    void deletingAListInUseIsRefusedWithItsUsagesUnlessForced() {
        bed.lists.create("news");
        bed.lists.create("empty");
        bed.contacts.upsert(ContactInput.builder("ann@example.com").list("news").build(), TestBed.API);
        ListUsageProvider forms = list -> list.equals("news") ? List.of("form 'signup'") : List.of();
        bed.lists.addUsageProvider(forms);
        assertThat(bed.lists.usages("news")).containsExactly("1 subscribed contact", "form 'signup'");
        assertThatThrownBy(() -> bed.lists.delete("news", false)).isInstanceOfSatisfying(InUseException.class, e -> {
            assertThat(e.usages()).containsExactly("1 subscribed contact", "form 'signup'");
            assertThat(e.getMessage()).contains("1 subscribed contact").contains("form 'signup'").contains("force");
        });
        bed.lists.delete("empty", false);
        bed.lists.removeUsageProvider(forms);
        assertThat(bed.lists.usages("news")).containsExactly("1 subscribed contact");
        bed.lists.delete("news", true);
        assertThat(bed.lists.list()).isEmpty();
        assertThat(bed.contacts.get("ann@example.com").lists()).isEmpty();
        // the ledger keeps the subscription
        assertThat(bed.contacts.consentHistory("ann@example.com")).singleElement()
                .satisfies(e -> assertThat(e.list()).isEqualTo("news"));
    }
}
