package org.herald.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.herald.common.ValidationException;
import org.junit.jupiter.api.Test;

class ApiTypesTest {

    @Test
    void optInStatusParsesAnyCaseAndNamesTheChoicesWhenUnknown() {
        assertThat(OptInStatus.parse(" confirmed ")).isEqualTo(OptInStatus.CONFIRMED);
        assertThat(OptInStatus.parse("")).isNull();
        assertThatThrownBy(() -> OptInStatus.parse("SOMETIMES"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("SOMETIMES").hasMessageContaining("UNSUBSCRIBED")
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("status"));
    }

    @Test
    void onlyUnsubscribedAndInactiveAreLockedAndOnlyTheContactsOwnActsMayLiftThem() {
        assertThat(OptInStatus.UNSUBSCRIBED.isLocked()).isTrue();
        assertThat(OptInStatus.INACTIVE.isLocked()).isTrue();
        assertThat(OptInStatus.PENDING.isLocked()).isFalse();
        assertThat(ConsentSource.FORM.isContactsOwnAct()).isTrue();
        assertThat(ConsentSource.MESSAGE.isContactsOwnAct()).isTrue();
        assertThat(ConsentSource.API.isContactsOwnAct()).isFalse();
        assertThat(ConsentSource.IMPORT.isContactsOwnAct()).isFalse();
        assertThat(ConsentSource.MANAGE.isContactsOwnAct()).isFalse();
    }

    @Test
    void fieldTypeAcceptsSpellingVariantsAndRejectsUnknownTypesClearly() {
        assertThat(FieldType.parse("multi-choice")).isEqualTo(FieldType.MULTICHOICE);
        assertThat(FieldType.parse("NUMBER")).isEqualTo(FieldType.NUMBER);
        assertThat(FieldType.MULTICHOICE.hasChoices()).isTrue();
        assertThat(FieldType.PHONE.hasChoices()).isFalse();
        assertThatThrownBy(() -> FieldType.parse("integer")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("integer").hasMessageContaining("decimal");
    }

    @Test
    void contactQueryRefusesPagesOutsideTheLimits() {
        assertThatThrownBy(() -> ContactQuery.all().page(-1, 10)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("offset");
        assertThatThrownBy(() -> ContactQuery.all().page(0, ContactQuery.MAX_LIMIT + 1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("limit");
        assertThat(ContactQuery.all().page(20, 10).offset()).isEqualTo(20);
    }

    @Test
    void contactInputIsAnImmutableSnapshotOfWhatTheCallerGave() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("age", 42);
        fields.put("city", null);
        ContactInput input = new ContactInput("ann@example.org", null, fields, null, null, null, null, null);
        fields.put("age", 43);
        assertThat(input.fields()).containsEntry("age", 42).containsKey("city");
        assertThat(input.tags()).isEmpty();
        assertThatThrownBy(() -> input.fields().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);

        ContactInput built = ContactInput.builder("bo@example.org").field("age", "7").tag("a", "b").list("news")
                .unsubscribe("tips").status(OptInStatus.PENDING).build();
        assertThat(built.tags()).containsExactlyInAnyOrder("a", "b");
        assertThat(built.unsubscribeLists()).containsExactly("tips");
        assertThat(built.status()).isEqualTo(OptInStatus.PENDING);
    }
}
