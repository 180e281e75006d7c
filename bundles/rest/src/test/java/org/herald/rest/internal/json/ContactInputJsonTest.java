package org.herald.rest.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;

import org.herald.common.ValidationException;
import org.herald.contacts.Contact;
import org.herald.contacts.ContactInput;
import org.herald.contacts.OptInStatus;
import org.herald.contacts.json.ContactInputJson;
import org.herald.contacts.ContactMetrics;
import org.herald.events.EventSummary;
import org.herald.rest.internal.contacts.ContactJson;
import org.herald.rest.internal.error.ErrorBody;
import org.herald.rest.internal.error.JsonExceptionMapper;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** The provider turns contact JSON into a ContactInput with each JSON type kept, and refuses what it does not know. */
class ContactInputJsonTest {

    private final HeraldJsonProvider provider = new HeraldJsonProvider(1_048_576L);

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private <T> T read(Class<T> type, String json) throws IOException {
        return (T) provider.readFrom((Class) type, type, new Annotation[0], MediaType.APPLICATION_JSON_TYPE,
                new MultivaluedHashMap<>(), new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private String write(Object value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        provider.writeTo(value, value.getClass(), value.getClass(), new Annotation[0], MediaType.APPLICATION_JSON_TYPE,
                new MultivaluedHashMap<>(), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void fieldValuesKeepTheirJsonTypes() throws IOException {
        ContactInput input = read(ContactInputJson.class, "{\"email\":\"ann@example.com\",\"status\":\"confirmed\","
                + "\"fields\":{\"city\":\"Tartu\",\"age\":42,\"price\":19.90,\"vip\":false,\"sizes\":[\"s\",\"m\"],"
                + "\"nick\":null},\"tags\":[\"a\",\"b\"],\"removeTags\":[\"c\"],\"lists\":[\"news\"],"
                + "\"unsubscribeLists\":[\"offers\"],\"monitored\":false}").toInput();
        assertThat(input.email()).isEqualTo("ann@example.com");
        assertThat(input.status()).isEqualTo(OptInStatus.CONFIRMED);
        Map<String, Object> f = input.fields();
        assertThat(f.get("city")).isEqualTo("Tartu");
        assertThat(f.get("age")).isEqualTo(42L);
        assertThat(f.get("price")).isInstanceOf(BigDecimal.class);
        assertThat((BigDecimal) f.get("price")).isEqualByComparingTo("19.90");
        assertThat(f.get("vip")).isEqualTo(Boolean.FALSE);
        assertThat(f.get("sizes")).isEqualTo(List.of("s", "m"));
        assertThat(f).containsKey("nick");
        assertThat(f.get("nick")).as("null clears the field").isNull();
        assertThat(input.tags()).containsExactlyInAnyOrder("a", "b");
        assertThat(input.removeTags()).containsExactly("c");
        assertThat(input.lists()).containsExactly("news");
        assertThat(input.unsubscribeLists()).containsExactly("offers");
        assertThat(input.monitored()).isFalse();
    }

    @Test
    void absentPartsStayAbsent() throws IOException {
        ContactInput input = read(ContactInputJson.class, "{\"email\":\"ann@example.com\"}").toInput();
        assertThat(input.status()).isNull();
        assertThat(input.fields()).isEmpty();
        assertThat(input.monitored()).isNull();
    }

    @Test
    void unknownPropertyIsRefusedNamingItAndTheKnownOnes() {
        UnrecognizedPropertyException e = catchThrowableOfType(UnrecognizedPropertyException.class,
                () -> read(ContactInputJson.class, "{\"email\":\"ann@example.com\",\"emial\":\"x\"}"));
        ErrorBody body = JsonExceptionMapper.describe(e);
        assertThat(body.error()).isEqualTo("bad_request");
        assertThat(body.field()).isEqualTo("emial");
        assertThat(body.message()).contains("unknown property 'emial'").contains("email").contains("unsubscribeLists");
    }

    @Test
    void wrongJsonTypeNamesTheProperty() {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> read(ContactInputJson.class, "{\"email\":\"ann@example.com\",\"tags\":\"vip\"}"));
        ErrorBody body = JsonExceptionMapper.describe(e);
        assertThat(body.field()).isEqualTo("tags");
        assertThat(body.message()).contains("'tags' must be an array");

        JsonProcessingException notBool = catchThrowableOfType(JsonProcessingException.class,
                () -> read(ContactInputJson.class, "{\"email\":\"ann@example.com\",\"monitored\":\"maybe\"}"));
        assertThat(JsonExceptionMapper.describe(notBool).field()).isEqualTo("monitored");
    }

    @Test
    void syntaxErrorSaysWhere() {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> read(ContactInputJson.class, "{\n\"email\": \"ann@example.com\"\n\"status\": 1}"));
        ErrorBody body = JsonExceptionMapper.describe(e);
        assertThat(body.message()).startsWith("the body is not valid JSON").contains("line 3");
    }

    @Test
    void trailingGarbageIsRefused() {
        assertThatThrownBy(() -> read(ContactInputJson.class, "{\"email\":\"ann@example.com\"} {}"))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void unknownStatusIsAValidationErrorOnStatus() throws IOException {
        ContactInputJson json = read(ContactInputJson.class, "{\"email\":\"ann@example.com\",\"status\":\"HAPPY\"}");
        ValidationException e = catchThrowableOfType(ValidationException.class, json::toInput);
        assertThat(e.field()).isEqualTo("status");
        assertThat(e.value()).isEqualTo("HAPPY");
    }

    @Test
    void nullTagIsAValidationErrorNotACrash() throws IOException {
        ContactInputJson json = read(ContactInputJson.class, "{\"email\":\"ann@example.com\",\"tags\":[\"a\",null]}");
        ValidationException e = catchThrowableOfType(ValidationException.class, json::toInput);
        assertThat(e.field()).isEqualTo("tags");
    }

    @Test
    void contactIsWrittenWithIsoTimesSortedTagsAndEveryKeyButActivityOnlyWhenGiven() throws IOException {
        Contact c = new Contact("k1", "ann@example.com", OptInStatus.PENDING, Map.of("price", new BigDecimal("1E+2")),
                Set.of("b", "a"), Set.of(), true, Instant.parse("2025-05-06T07:08:09Z"), Instant.parse("2025-05-06T07:08:09Z"),
                null);
        String json = write(ContactJson.of(c));
        assertThat(json).isEqualTo("{\"id\":\"k1\",\"email\":\"ann@example.com\",\"status\":\"PENDING\","
                + "\"fields\":{\"price\":100},\"tags\":[\"a\",\"b\"],\"lists\":[],\"monitored\":true,"
                + "\"created\":\"2025-05-06T07:08:09Z\",\"updated\":\"2025-05-06T07:08:09Z\",\"deletedAt\":null,"
                + "\"metrics\":{\"score\":0,\"stage\":null,\"orderNumber\":0,\"orderSummary\":0,\"orderAverage\":0}}");

        Contact buyer = new Contact("k1", "ann@example.com", OptInStatus.PENDING, Map.of(), Set.of(), Set.of(), true,
                Instant.parse("2025-05-06T07:08:09Z"), Instant.parse("2025-05-06T07:08:09Z"), null,
                new ContactMetrics(23, "warm", 3, new BigDecimal("100.00")));
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        counts.put("purchase", 3L);
        counts.put("created", 1L);
        EventSummary summary = EventSummary.of(4, counts,
                Instant.parse("2025-05-07T00:00:00Z"), List.of());
        assertThat(write(ContactJson.of(buyer, summary))).endsWith("\"metrics\":{\"score\":23,\"stage\":\"warm\","
                + "\"orderNumber\":3,\"orderSummary\":100.00,\"orderAverage\":33.33},\"activity\":{\"events\":4,"
                + "\"lastActivity\":\"2025-05-07T00:00:00Z\",\"countsByType\":{\"purchase\":3,\"created\":1}}}");
    }

    @Test
    void errorBodyLeavesOutEmptyParts() throws IOException {
        assertThat(write(ErrorBody.of("not_found", "no contact 'x'")))
                .isEqualTo("{\"error\":\"not_found\",\"message\":\"no contact 'x'\"}");
    }
}
