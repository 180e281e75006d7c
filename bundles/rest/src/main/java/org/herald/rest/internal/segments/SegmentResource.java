package org.herald.rest.internal.segments;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.UriInfo;

import org.herald.common.Page;
import org.herald.common.ValidationException;
import org.herald.contacts.Contact;
import org.herald.rest.internal.Whiteboard;
import org.herald.rest.internal.contacts.ContactJson;
import org.herald.rest.internal.contacts.Dtos.PageJson;
import org.herald.rest.internal.contacts.Params;
import org.herald.rest.internal.segments.SegmentJson.CopyIn;
import org.herald.rest.internal.segments.SegmentJson.PreviewOut;
import org.herald.rest.internal.segments.SegmentJson.SegmentIn;
import org.herald.rest.internal.segments.SegmentJson.SegmentOut;
import org.herald.segments.Condition;
import org.herald.segments.Segment;
import org.herald.segments.SegmentInput;
import org.herald.segments.SegmentService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /segments}: preview a condition (count and sample), create, read, replace and delete
 * segments, page through their contacts and export them as CSV (streamed), copy one (a predefined
 * one included) into a new editable segment.
 */
@Component(service = SegmentResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Whiteboard.APPLICATION)
@JaxrsExtensionSelect(Whiteboard.JSON)
@Path("segments")
@Produces(MediaType.APPLICATION_JSON)
public class SegmentResource {

    private final SegmentService segments;

    @Activate
    public SegmentResource(@Reference SegmentService segments) {
        this.segments = segments;
    }

    private static SegmentIn required(SegmentIn body) {
        if (body == null) {
            throw new ValidationException("body", null, "the request body is empty: send {\"name\":…,\"conditions\":{…}} "
                    + "or {\"name\":…,\"text\":\"age >= 30 and tag vip\"}");
        }
        return body;
    }

    private static SegmentInput input(String name, SegmentIn body) {
        SegmentInput.Builder in = SegmentInput.builder(name).parentList(Params.blankToNull(body.parentList()))
                .description(body.description());
        if (body.conditions() != null) {
            in.conditions(body.conditions().toString());
        }
        if (body.text() != null) {
            in.text(body.text());
        }
        return in.build();
    }

    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_JSON)
    public PreviewOut preview(SegmentIn body) {
        required(body);
        Condition c;
        if ((body.conditions() == null) == (body.text() == null)) {
            throw new ValidationException("conditions", null, "conditions: give 'conditions' (JSON) or 'text', exactly one of them");
        }
        c = body.conditions() != null ? segments.parse(body.conditions().toString()) : segments.parseText(body.text());
        return PreviewOut.of(segments.preview(Params.blankToNull(body.parentList()), c,
                body.sample() == null ? -1 : body.sample()));
    }

    @GET
    public List<SegmentOut> list() {
        return segments.list().stream().map(s -> SegmentOut.of(s, null)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(SegmentIn body, @Context UriInfo uri, @Context SecurityContext security) {
        Segment s = segments.create(input(required(body).name(), body), Params.api(security).actor());
        return Response.created(uri.getAbsolutePathBuilder().path(s.name()).build())
                .entity(SegmentOut.of(s, segments.count(s.name()))).build();
    }

    @GET
    @Path("{name}")
    public SegmentOut get(@PathParam("name") String name) {
        return SegmentOut.of(segments.get(name), segments.count(name));
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SegmentOut update(@PathParam("name") String name, SegmentIn body, @Context SecurityContext security) {
        Segment s = segments.update(name, input(name, required(body)), Params.api(security).actor());
        return SegmentOut.of(s, segments.count(name));
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name, @Context SecurityContext security) {
        segments.delete(name, Params.api(security).actor());
        return Response.noContent().build();
    }

    @POST
    @Path("{name}/copy")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response copy(@PathParam("name") String name, CopyIn body, @Context UriInfo uri,
            @Context SecurityContext security) {
        if (body == null || body.name() == null) {
            throw new ValidationException("name", null, "'name' is required: send {\"name\":\"my-champions\"}");
        }
        Segment s = segments.copy(name, body.name(), Params.api(security).actor());
        return Response.created(uri.getBaseUriBuilder().path("segments").path(s.name()).build())
                .entity(SegmentOut.of(s, segments.count(s.name()))).build();
    }

    @GET
    @Path("{name}/contacts")
    public PageJson contacts(@PathParam("name") String name, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        Page<Contact> page = segments.contacts(name, Params.integer("offset", offset, 0), Params.integer("limit", limit, 50));
        return new PageJson(page.total(), page.offset(), page.limit(), page.items().stream().map(ContactJson::of).toList());
    }

    @GET
    @Path("{name}/export")
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" }) // JSON for the errors
    public Response export(@PathParam("name") String name) {
        segments.get(name); // a missing segment is a 404 before the stream starts
        StreamingOutput body = out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            segments.exportCsv(name, w);
            w.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"segment-" + name + ".csv\"").build();
    }
}
