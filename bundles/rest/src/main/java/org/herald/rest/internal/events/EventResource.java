package org.herald.rest.internal.events;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.herald.contacts.ChangeContext;
import org.herald.events.EventService;
import org.herald.events.IngestReport;
import org.herald.events.IngestResult;
import org.herald.events.json.EventInputJson;
import org.herald.events.json.IngestReportJson;
import org.herald.rest.internal.Whiteboard;
import org.herald.rest.internal.contacts.Params;
import org.herald.rest.internal.error.ErrorBody;
import org.herald.rest.internal.error.Errors;
import org.herald.rest.internal.json.JsonBytes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code POST /events}: external events in, one object or an array of them, through
 * {@link EventInputJson#ingest} like every other entry point.
 * <p>
 * An array is a batch: its events succeed or fail one by one, so the answer is 200 with the
 * ingestion report whatever the single events' outcomes (counts per outcome and one result per
 * event, in order); the sender resends only what the results say was rejected or had no contact.
 * One object is one event, answered the way a single resource call would be: 201 when stored,
 * 200 for a duplicate or an ignored event (both are final: nothing to resend), and the API's usual
 * error bodies when it was not taken: 400 {@code validation} with the field for a rejected event,
 * 404 {@code not_found} with the field ({@code email} or {@code contact}) for an unknown contact.
 * A body that is not JSON, or neither an object nor an array, or a batch over
 * {@code ingest.maxBatch}, is refused whole (400); one over {@code json.maxBytes} gives 413.
 */
@Component(service = EventResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Whiteboard.APPLICATION)
@JaxrsExtensionSelect(Whiteboard.JSON)
@Path("events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    /** Response header of a single-event body: {@code STORED}, {@code DUPLICATE} or {@code IGNORED}. */
    public static final String OUTCOME_HEADER = "X-Herald-Outcome";

    private final EventService events;

    @Activate
    public EventResource(@Reference EventService events) {
        this.events = events;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response ingest(JsonBytes body, @Context SecurityContext security) {
        ChangeContext who = Params.api(security);
        List<EventInputJson.Item> items = EventInputJson.read(body.bytes());
        IngestReport report = EventInputJson.ingest(events, items, who);
        if (body.isArray()) {
            return Response.ok(IngestReportJson.of(report)).build();
        }
        return single(report);
    }

    static Response single(IngestReport report) {
        IngestResult r = report.results().get(0);
        switch (r.outcome()) {
            case STORED:
                return Response.status(Response.Status.CREATED).header(OUTCOME_HEADER, r.outcome().name())
                        .entity(IngestReportJson.of(report)).build();
            case DUPLICATE:
            case IGNORED:
                return Response.ok(IngestReportJson.of(report)).header(OUTCOME_HEADER, r.outcome().name()).build();
            case UNKNOWN_CONTACT:
                return Errors.response(404, new ErrorBody(ErrorBody.NOT_FOUND, r.reason(), r.field(), null, null));
            case REJECTED:
            default:
                return Errors.response(400, new ErrorBody(ErrorBody.VALIDATION, r.reason(), r.field(), null, null));
        }
    }
}
