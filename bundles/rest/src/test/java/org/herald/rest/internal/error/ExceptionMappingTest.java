package org.herald.rest.internal.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.core.Response;

import org.herald.common.ConflictException;
import org.herald.common.HeraldException;
import org.herald.common.InUseException;
import org.herald.common.RejectedException;
import org.herald.common.TransientException;
import org.herald.common.ValidationException;
import org.herald.json.HeraldJson;
import org.herald.store.DuplicateKeyException;
import org.herald.store.StaleRecordException;
import org.herald.store.StoreException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Each kind of failure becomes the documented status and JSON body. */
class ExceptionMappingTest {

    private static final ObjectMapper JSON = HeraldJson.mapper();

    private static JsonNode body(Response r) {
        assertThat(r.getMediaType().toString()).isEqualTo("application/json");
        return JSON.valueToTree(r.getEntity());
    }

    private final HeraldExceptionMapper herald = new HeraldExceptionMapper();

    @Test
    void validationIs400WithFieldAndValue() {
        Response r = herald.toResponse(new ValidationException("age", "forty", "field age is a number: 'forty' is not"));
        assertThat(r.getStatus()).isEqualTo(400);
        JsonNode b = body(r);
        assertThat(b.get("error").asText()).isEqualTo("validation");
        assertThat(b.get("field").asText()).isEqualTo("age");
        assertThat(b.get("value").asText()).isEqualTo("forty");
        assertThat(b.get("message").asText()).isEqualTo("field age is a number: 'forty' is not");
        assertThat(b.has("usages")).isFalse();
    }

    @Test
    void notFoundIs404() {
        Response r = herald.toResponse(new org.herald.common.NotFoundException("no contact 'x@example.com'"));
        assertThat(r.getStatus()).isEqualTo(404);
        assertThat(body(r).get("error").asText()).isEqualTo("not_found");
        assertThat(body(r).get("message").asText()).isEqualTo("no contact 'x@example.com'");
    }

    @Test
    void conflictIs409() {
        Response r = herald.toResponse(new ConflictException("the address belongs to another contact"));
        assertThat(r.getStatus()).isEqualTo(409);
        assertThat(body(r).get("error").asText()).isEqualTo("conflict");
    }

    @Test
    void inUseIs409WithUsages() {
        Response r = herald.toResponse(new InUseException("list 'news' is in use", List.of("3 members", "form 'signup'")));
        assertThat(r.getStatus()).isEqualTo(409);
        JsonNode b = body(r);
        assertThat(b.get("error").asText()).isEqualTo("in_use");
        assertThat(b.get("usages").toString()).isEqualTo("[\"3 members\",\"form 'signup'\"]");
    }

    @Test
    void otherHeraldErrorsAre400WithTheirMessage() {
        Response r = herald.toResponse(new HeraldException("the import has no header row"));
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(body(r).get("error").asText()).isEqualTo("bad_request");
        assertThat(body(r).get("message").asText()).isEqualTo("the import has no header row");
    }

    @Test
    void rejectedInputIs400WithItsMessage() {
        Response r = herald.toResponse(new RejectedException("the import has no header row"));
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(body(r).get("message").asText()).isEqualTo("the import has no header row");
    }

    @Test
    void aFailingDatabaseIs503WithRetryAfterAndOnlyALogReference() {
        Response r = herald.toResponse(new StoreException("cannot read a contact: Table/View 'CONTACT' does not exist.",
                new java.sql.SQLSyntaxErrorException("Table/View 'CONTACT' does not exist.")));
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getHeaderString("Retry-After")).isEqualTo(String.valueOf(HeraldExceptionMapper.RETRY_AFTER_SECONDS));
        JsonNode b = body(r);
        assertThat(b.get("error").asText()).isEqualTo("unavailable");
        assertThat(b.get("message").asText()).contains("try again later").containsPattern("reference [0-9a-f-]{36}");
        assertThat(b.toString()).doesNotContain("CONTACT").doesNotContain("Table").doesNotContain("cannot read");
    }

    @Test
    void aWriteThatKeptLosingRacesIs503NotAConflict() {
        for (TransientException e : List.of(new StaleRecordException("contact 42 was changed by someone else meanwhile"),
                new DuplicateKeyException("another contact with the same e-mail address was saved meanwhile"),
                new TransientException("the contact kept changing while saving; try again"))) {
            Response r = herald.toResponse(e);
            assertThat(r.getStatus()).as(e.getClass().getSimpleName()).isEqualTo(503);
            assertThat(r.getHeaderString("Retry-After")).isNotBlank();
            assertThat(body(r).get("error").asText()).isEqualTo("unavailable");
        }
    }

    @Test
    void anythingElseIs500WithAGenericMessageAndNoDetails() {
        Response r = new FallbackExceptionMapper().toResponse(new NullPointerException("secret.internal.Thing was null"));
        assertThat(r.getStatus()).isEqualTo(500);
        JsonNode b = body(r);
        assertThat(b.get("error").asText()).isEqualTo("internal");
        assertThat(b.toString()).doesNotContain("secret").doesNotContain("NullPointer");
        assertThat(b.get("message").asText()).contains("server log").contains("reference");
    }

    @Test
    void runtimeErrorsKeepTheirStatusAndGetTheSameShape() {
        WebApplicationExceptionMapper mapper = new WebApplicationExceptionMapper();
        Response notFound = mapper.toResponse(new NotFoundException());
        assertThat(notFound.getStatus()).isEqualTo(404);
        assertThat(body(notFound).get("error").asText()).isEqualTo("not_found");

        Response notAllowed = mapper.toResponse(new NotAllowedException("GET", new String[] { "POST" }));
        assertThat(notAllowed.getStatus()).isEqualTo(405);
        assertThat(notAllowed.getHeaderString("Allow")).contains("GET");
        assertThat(body(notAllowed).get("error").asText()).isEqualTo("method_not_allowed");

        Response unsupported = mapper.toResponse(new NotSupportedException());
        assertThat(unsupported.getStatus()).isEqualTo(415);
        assertThat(body(unsupported).get("error").asText()).isEqualTo("unsupported_media_type");
        assertThat(body(unsupported).get("message").asText()).contains("application/json");

        Response notAcceptable = mapper.toResponse(new javax.ws.rs.NotAcceptableException());
        assertThat(notAcceptable.getStatus()).isEqualTo(406);
        assertThat(body(notAcceptable).get("error").asText()).isEqualTo("not_acceptable");
    }

    @Test
    void unauthorizedCarriesTheBasicChallenge() {
        Response r = Errors.response(401, ErrorBody.UNAUTHORIZED, "authentication required");
        assertThat(r.getHeaderString("WWW-Authenticate")).isEqualTo("Basic realm=\"Herald\", charset=\"UTF-8\"");
    }
}
