package org.herald.rest.internal.bounce;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.herald.bounce.Bounce;
import org.herald.bounce.BounceClass;
import org.herald.bounce.BounceClassifier;
import org.herald.bounce.BounceProcessor;
import org.herald.bounce.BounceRecord;
import org.herald.bounce.DomainCount;
import org.herald.bounce.ProcessedBounce;
import org.herald.bounce.QuarantinedBounce;
import org.herald.common.ValidationException;
import org.herald.rest.internal.Whiteboard;
import org.herald.rest.internal.error.ErrorBody;
import org.herald.rest.internal.error.Errors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code POST /bounces/classify}: a received message ({@code message/rfc822}) in, its bounce records
 * out as a JSON array (empty for ordinary mail). Unreadable input is not an error: it gives one
 * record of class UNKNOWN with a note, as the classifier does everywhere.
 * <p>
 * Processing (one root resource: CXF reaches one per path prefix): {@code GET /bounces} the processed
 * bounces, {@code POST /bounces} processes a received message as the mailbox does, {@code GET
 * /bounces/blocked} blocked reports per sending domain, {@code GET /bounces/quarantine} the quarantine,
 * {@code GET /bounces/quarantine/{id}/message} a quarantined message's bytes (a download, never
 * rendered), {@code POST /bounces/quarantine/{id}/retry} and {@code DELETE /bounces/quarantine/{id}}.
 * Remote text is returned as JSON string data (control characters escaped by the JSON writer).
 */
@Component(service = BounceResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Whiteboard.APPLICATION)
@JaxrsExtensionSelect(Whiteboard.JSON)
@Path("bounces")
public class BounceResource {

    private static final int MAX_LIMIT = 1000;

    private final BounceClassifier classifier;
    private final BounceProcessor processor;

    @Activate
    public BounceResource(@Reference BounceClassifier classifier, @Reference BounceProcessor processor) {
        this.classifier = classifier;
        this.processor = processor;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<BounceJson> list(@QueryParam("class") String bounceClass, @QueryParam("contact") String contact,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        checkPage(offset, limit);
        return processor.list(bounceClass(bounceClass), contact, offset, limit).stream().map(BounceJson::of).toList();
    }

    @POST
    @Consumes({ "message/rfc822", "message/global", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN })
    @Produces(MediaType.APPLICATION_JSON)
    public Response process(InputStream body) throws IOException {
        long max = classifier.maxMessageBytes();
        byte[] raw = body == null ? new byte[0] : body.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
        if (raw.length > max) {
            return Errors.response(413, ErrorBody.TOO_LARGE, "the message is larger than the limit of " + max
                    + " bytes (maxMessageBytes in etc/org.herald.bounces.cfg)");
        }
        return Response.ok(ProcessedJson.of(processor.process(raw, "rest")), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("blocked")
    @Produces(MediaType.APPLICATION_JSON)
    public List<DomainCount> blocked(@QueryParam("days") @DefaultValue("30") int days) {
        if (days < 1 || days > 3660) {
            throw new ValidationException("days", String.valueOf(days), "days must be between 1 and 3660");
        }
        return processor.blockedBySendingDomain(Instant.now().minus(Duration.ofDays(days)));
    }

    @GET
    @Path("quarantine")
    @Produces(MediaType.APPLICATION_JSON)
    public List<QuarantinedBounce> quarantine(@QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        checkPage(offset, limit);
        return processor.quarantined(offset, limit);
    }

    @GET
    @Path("quarantine/{id}/message")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response quarantinedMessage(@PathParam("id") long id) {
        // a download, never shown inline: the bytes are whatever a stranger sent
        return Response.ok(processor.quarantinedMessage(id), MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("Content-Disposition", "attachment; filename=\"quarantined-" + id + ".eml\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @POST
    @Path("quarantine/{id}/retry")
    @Produces(MediaType.APPLICATION_JSON)
    public ProcessedJson retry(@PathParam("id") long id) {
        return ProcessedJson.of(processor.retryQuarantined(id));
    }

    @DELETE
    @Path("quarantine/{id}")
    public Response delete(@PathParam("id") long id) {
        processor.deleteQuarantined(id);
        return Response.noContent().build();
    }

    private static void checkPage(int offset, int limit) {
        if (offset < 0) {
            throw new ValidationException("offset", String.valueOf(offset), "offset must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", String.valueOf(limit), "limit must be between 1 and " + MAX_LIMIT);
        }
    }

    private static BounceClass bounceClass(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return BounceClass.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("class", value, "class must be one of HARD, SOFT, BLOCKED, COMPLAINT, AUTOREPLY,"
                    + " DELIVERED, UNKNOWN");
        }
    }

    /** A processed bounce: the keys of the classify records where they are the same ({@code class}, {@code reason} key). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record BounceJson(long id, String key, Instant receivedAt, String source, String recipient,
            @JsonProperty("class") String bounceClass, String reason, String status, Integer replycode, String diagnostic,
            String feedbackType, String contactId, long campaignId, long messageId, String matchedBy,
            String sendingDomain, String effect) {

        static BounceJson of(Bounce b) {
            return new BounceJson(b.id(), b.key(), b.receivedAt(), b.source(), b.recipient(), b.bounceClass().name(),
                    b.reason() == null ? null : b.reason().key(), b.status(), b.replyCode(), b.diagnostic(),
                    b.feedbackType(), b.contactId(), b.campaignId(), b.messageId(), b.matchedBy(), b.sendingDomain(),
                    b.effect());
        }
    }

    /** What became of a processed message. */
    public record ProcessedJson(String key, String disposition, List<BounceJson> bounces, long quarantineId,
            String note) {

        static ProcessedJson of(ProcessedBounce p) {
            return new ProcessedJson(p.key(), p.disposition().name(), p.bounces().stream().map(BounceJson::of).toList(),
                    p.quarantineId(), p.note());
        }
    }

    @POST
    @Path("classify")
    @Consumes({ "message/rfc822", "message/global", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN })
    @Produces(MediaType.APPLICATION_JSON)
    public Response classify(InputStream body) throws IOException {
        // the classifier's configured bound (maxMessageBytes, PID org.herald.bounces): read no more than it parses
        long max = classifier.maxMessageBytes();
        byte[] raw = body == null ? new byte[0] : body.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
        if (raw.length > max) {
            return Errors.response(413, ErrorBody.TOO_LARGE, "the message is larger than the limit of " + max
                    + " bytes (maxMessageBytes in etc/org.herald.bounces.cfg)");
        }
        List<RecordJson> out = new ArrayList<>();
        for (BounceRecord r : classifier.classify(raw)) {
            out.add(RecordJson.of(r));
        }
        return Response.ok(out, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * One record, with the same keys as {@code herald:bounce-classify --json}; every key is always
     * present (null when the message does not say).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RecordJson(String recipient, String status, Integer replycode, String reason,
            @JsonProperty("class") String bounceClass, String diagnostic, String feedbackType,
            String originalMessageId, String originalRecipient, String note) {

        static RecordJson of(BounceRecord r) {
            return new RecordJson(r.recipient(), r.status(), r.replyCode(), r.reason() == null ? null : r.reason().key(),
                    r.bounceClass().name(), r.diagnostic(), r.feedbackType(), r.originalMessageId(),
                    r.originalRecipient(), r.note());
        }
    }
}
