package org.herald.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** The settings every Herald interface reads and writes JSON with. */
class HeraldJsonTest {

    record Sample(Instant at, BigDecimal price, String absent) {
    }

    private final ObjectMapper json = HeraldJson.mapper();

    @Test
    void writesIsoTimesPlainDecimalsAndNoNulls() throws Exception {
        assertThat(json.writeValueAsString(new Sample(Instant.parse("2025-01-02T03:04:05Z"), new BigDecimal("1E+2"), null)))
                .isEqualTo("{\"at\":\"2025-01-02T03:04:05Z\",\"price\":100}");
    }

    @Test
    void readsExactDecimalsAndWholeNumbersAsLong() throws Exception {
        Map<?, ?> m = json.readValue("{\"a\":19.90,\"b\":42}", Map.class);
        assertThat(m.get("a")).isEqualTo(new BigDecimal("19.90"));
        assertThat(m.get("b")).isEqualTo(42L);
    }

    @Test
    void refusesAKeyGivenTwiceInTreesAndInTypes() {
        assertThatThrownBy(() -> json.readTree("{\"a\":1,\"a\":2}")).isInstanceOf(JsonParseException.class)
                .hasMessageContaining("Duplicate");
        assertThatThrownBy(() -> json.readValue("{\"at\":null,\"at\":null}", Sample.class))
                .isInstanceOf(JsonParseException.class);
    }

    @Test
    void refusesUnknownPropertiesAndTrailingContent() {
        assertThatThrownBy(() -> json.readValue("{\"colour\":1}", Sample.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
        assertThatThrownBy(() -> json.readValue("{} {}", JsonNode.class)).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void eachMapperIsItsOwn() {
        assertThat(HeraldJson.mapper()).isNotSameAs(HeraldJson.mapper());
    }
}
