package org.herald.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * How Herald reads and writes JSON, everywhere: times as ISO-8601 strings, no null properties (types
 * that need a stable shape say so with {@code @JsonInclude(ALWAYS)}), exact decimals (read as
 * {@code BigDecimal}, written plain), whole numbers as {@code Long}, and input it does not understand
 * refused: unknown properties, a key given twice, trailing content after the document, null for a
 * primitive.
 *
 * <p>A mapper is thread-safe once built; build one per component and keep it. Presentation tweaks
 * (indentation for the console) go on top of {@link #builder()}, never instead of it.
 */
public final class HeraldJson {

    private HeraldJson() {
    }

    /** A builder with Herald's settings, for a mapper that adds presentation settings on top. */
    public static JsonMapper.Builder builder() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.USE_LONG_FOR_INTS)
                .serializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /** A new mapper with Herald's settings (a new one each call, so no caller can change another's). */
    public static JsonMapper mapper() {
        return builder().build();
    }
}
