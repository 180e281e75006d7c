package org.herald.rest.internal.bounce;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.herald.bounce.BounceClassifier;
import org.herald.bounce.BounceRecord;
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
 */
@Component(service = BounceResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Whiteboard.APPLICATION)
@JaxrsExtensionSelect(Whiteboard.JSON)
@Path("bounces")
public class BounceResource {

    private final BounceClassifier classifier;

    @Activate
    public BounceResource(@Reference BounceClassifier classifier) {
        this.classifier = classifier;
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
