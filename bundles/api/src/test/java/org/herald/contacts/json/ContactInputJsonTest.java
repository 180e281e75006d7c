package org.herald.contacts.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.herald.common.ValidationException;
import org.herald.contacts.ContactInput;
import org.herald.contacts.OptInStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The one contact input document: what it accepts, what it refuses and with which words. */
class ContactInputJsonTest {

    static List<ContactInputCases.Case> jsonCases() {
        return ContactInputCases.all().stream().filter(c -> !c.byService()).toList();
    }

    @ParameterizedTest
    @MethodSource("jsonCases")
    void eachCaseIsAcceptedOrRefusedWithItsMessage(ContactInputCases.Case c) {
        byte[] doc = c.document().getBytes(StandardCharsets.UTF_8);
        if (c.accepted()) {
            assertThat(ContactInputJson.read(doc).toInput().email()).isNotBlank();
        } else {
            ValidationException e = catchThrowableOfType(ValidationException.class,
                    () -> ContactInputJson.read(doc).toInput());
            assertThat(e).as(c.name()).isNotNull();
            assertThat(e.getMessage()).isEqualTo(c.error());
        }
    }

    @Test
    void emptyBodyIsRefused() {
        assertThat(catchThrowableOfType(ValidationException.class, () -> ContactInputJson.read(new byte[0])))
                .hasMessage(ContactInputJson.EMPTY_MESSAGE);
        assertThat(catchThrowableOfType(ValidationException.class, () -> ContactInputJson.required(null)))
                .hasMessage(ContactInputJson.EMPTY_MESSAGE);
    }

    @Test
    void fieldValuesKeepTheirJsonTypes() {
        ContactInput input = ContactInputJson.read(("{\"email\":\"ann@example.com\",\"status\":\"confirmed\","
                + "\"fields\":{\"city\":\"Tartu\",\"age\":42,\"price\":19.90,\"vip\":false,\"sizes\":[\"s\",\"m\"],"
                + "\"nick\":null},\"tags\":[\"a\",\"b\"],\"removeTags\":[\"c\"],\"lists\":[\"news\"],"
                + "\"unsubscribeLists\":[\"offers\"],\"monitored\":false}").getBytes(StandardCharsets.UTF_8)).toInput();
        assertThat(input.status()).isEqualTo(OptInStatus.CONFIRMED);
        Map<String, Object> f = input.fields();
        assertThat(f.get("age")).isEqualTo(42L);
        assertThat((BigDecimal) f.get("price")).isEqualByComparingTo("19.90");
        assertThat(f.get("vip")).isEqualTo(Boolean.FALSE);
        assertThat(f.get("sizes")).isEqualTo(List.of("s", "m"));
        assertThat(f).containsKey("nick");
        assertThat(input.tags()).containsExactlyInAnyOrder("a", "b");
        assertThat(input.removeTags()).containsExactly("c");
        assertThat(input.unsubscribeLists()).containsExactly("offers");
        assertThat(input.monitored()).isFalse();
    }
}
