package org.herald.rest.internal.contacts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
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
import org.herald.contacts.ChangeContext;
import org.herald.contacts.Contact;
import org.herald.contacts.ContactInput;
import org.herald.contacts.ContactQuery;
import org.herald.contacts.ContactService;
import org.herald.contacts.ImportOptions;
import org.herald.contacts.ImportProgress;
import org.herald.contacts.ImportReport;
import org.herald.contacts.OptInStatus;
import org.herald.contacts.UpsertResult;
import org.herald.contacts.json.ContactInputJson;
import org.herald.events.EventService;
import org.herald.segments.SegmentService;
import org.herald.campaigns.ConfirmationMail;
import org.herald.tokens.ContactLinks;
import org.herald.tokens.SubscriberLinks;
import org.herald.events.TimelineQuery;
import org.herald.rest.internal.LimitedInputStream;
import org.herald.rest.internal.RestConfig;
import org.herald.rest.internal.Whiteboard;
import org.herald.rest.internal.contacts.Dtos.ContactExportJson;
import org.herald.rest.internal.contacts.Dtos.CountJson;
import org.herald.rest.internal.contacts.Dtos.ImportReportJson;
import org.herald.rest.internal.contacts.Dtos.PageJson;
import org.herald.rest.internal.contacts.Dtos.StatusInput;
import org.herald.rest.internal.contacts.Dtos.TagsInput;
import org.herald.rest.internal.error.ErrorBody;
import org.herald.rest.internal.error.Errors;
import org.herald.rest.internal.events.EventPageJson;
import org.herald.rest.internal.events.Timelines;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code /contacts}: upsert, query, change, delete, forget, export and import contacts; a contact's timeline. */
@Component(service = ContactResource.class, configurationPid = RestConfig.PID)
@JaxrsResource
@JaxrsApplicationSelect(Whiteboard.APPLICATION)
@JaxrsExtensionSelect(Whiteboard.JSON)
@Path("contacts")
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {

    /** Response header saying what an upsert did: {@code CREATED}, {@code UPDATED} or {@code UNCHANGED}. */
    public static final String OUTCOME_HEADER = "X-Herald-Outcome";
    /** RFC 7396 JSON Merge Patch, accepted by the PATCH operations beside plain JSON. */
    static final String MERGE_PATCH = "application/merge-patch+json";

    private static final Logger LOG = LoggerFactory.getLogger(ContactResource.class);

    private final ContactService contacts;
    private final SubscriberLinks links;
    private final ConfirmationMail confirmations;
    private final EventService events;
    private final SegmentService segments;
    private volatile long importMaxBytes;

    @Activate
    public ContactResource(@Reference ContactService contacts, @Reference EventService events,
            @Reference SegmentService segments, @Reference SubscriberLinks links,
            @Reference ConfirmationMail confirmations, RestConfig config) {
        this.contacts = contacts;
        this.confirmations = confirmations;
        this.links = links;
        this.events = events;
        this.segments = segments;
        modified(config);
    }

    @Modified
    void modified(RestConfig config) {
        importMaxBytes = config.import_maxBytes();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response upsert(ContactInputJson body, @Context UriInfo uri, @Context SecurityContext security) {
        UpsertResult result = contacts.upsert(ContactInputJson.required(body).toInput(), Params.api(security));
        Response.ResponseBuilder response = result.outcome() == UpsertResult.Outcome.CREATED
                ? Response.created(uri.getAbsolutePathBuilder().path(result.contact().id()).build())
                : Response.ok();
        return response.header(OUTCOME_HEADER, result.outcome().name()).entity(ContactJson.of(result.contact())).build();
    }

    @GET
    public PageJson list(@QueryParam("limit") String limit, @QueryParam("offset") String offset,
            @QueryParam("status") String status, @QueryParam("list") String list, @QueryParam("tag") String tag,
            @QueryParam("search") String search, @QueryParam("deleted") String deleted) {
        ContactQuery query = new ContactQuery(OptInStatus.parse(status), Params.blankToNull(list),
                Params.blankToNull(tag), Params.blankToNull(search), Params.bool("deleted", deleted),
                Params.integer("offset", offset, 0), Params.integer("limit", limit, ContactQuery.DEFAULT_LIMIT));
        Page<Contact> page = contacts.list(query);
        return new PageJson(page.total(), page.offset(), page.limit(), page.items().stream().map(ContactJson::of).toList());
    }

    @GET
    @Path("count")
    public CountJson count(@QueryParam("status") String status, @QueryParam("list") String list,
            @QueryParam("tag") String tag, @QueryParam("search") String search) {
        return new CountJson(contacts.count(filter(status, list, tag, search)));
    }

    @GET
    @Path("{idOrEmail}")
    public ContactJson get(@PathParam("idOrEmail") String idOrEmail) {
        Contact contact = contacts.get(idOrEmail);
        return ContactJson.card(contact, events.summary(contact.id()), segments.segmentsOf(contact.id()));
    }

    /**
     * The contact's timeline, newest first. Here rather than in a resource of its own: a second
     * root resource under {@code contacts} would never be matched once this one matches the prefix.
     */
    @GET
    @Path("{idOrEmail}/events")
    public EventPageJson events(@PathParam("idOrEmail") String idOrEmail, @QueryParam("type") List<String> type,
            @QueryParam("since") String since, @QueryParam("until") String until, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        TimelineQuery query = Timelines.query(type, since, until, offset, limit);
        return EventPageJson.of(events.timeline(idOrEmail, query));
    }

    /** The contact's current preference, unsubscribe and confirmation links, for support staff. */
    @GET
    @Path("{idOrEmail}/links")
    public ContactLinks links(@PathParam("idOrEmail") String idOrEmail) {
        return links.forContact(contacts.get(idOrEmail).id());
    }

    /** Sends the double opt-in message: {@code {"outcome":"QUEUED|ALREADY_CONFIRMED|SUPPRESSED|LIMITED"}}. */
    @POST
    @Path("{idOrEmail}/confirmation")
    public Response requestConfirmation(@PathParam("idOrEmail") String idOrEmail) {
        ConfirmationMail.Outcome outcome = confirmations.request(idOrEmail);
        int status = switch (outcome) {
            case QUEUED -> 202;
            case ALREADY_CONFIRMED -> 200;
            case SUPPRESSED -> 409;
            case LIMITED -> 429;
        };
        return Response.status(status).entity(java.util.Map.of("outcome", outcome.name()))
                .type(MediaType.APPLICATION_JSON).build();
    }

    @PATCH
    @Path("{idOrEmail}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ContactJson update(@PathParam("idOrEmail") String idOrEmail, ContactInputJson body,
            @Context SecurityContext security) {
        return ContactJson.of(contacts.update(idOrEmail, ContactInputJson.required(body).toInput(), Params.api(security)));
    }

    /** RFC 7396: the body is what the contact should look like; arrays (tags, lists) replace as a whole. */
    @PATCH
    @Path("{idOrEmail}")
    @Consumes(MERGE_PATCH)
    public ContactJson mergePatch(@PathParam("idOrEmail") String idOrEmail, JsonNode patch,
            @Context SecurityContext security) throws JsonProcessingException {
        ContactInput input = ContactMergePatch.apply(contacts.get(idOrEmail), patch);
        return ContactJson.of(contacts.update(idOrEmail, input, Params.api(security)));
    }

    @DELETE
    @Path("{idOrEmail}")
    public ContactJson delete(@PathParam("idOrEmail") String idOrEmail, @Context SecurityContext security) {
        return ContactJson.of(contacts.delete(idOrEmail, Params.api(security)));
    }

    @POST
    @Path("{idOrEmail}/restore")
    public ContactJson restore(@PathParam("idOrEmail") String idOrEmail, @Context SecurityContext security) {
        return ContactJson.of(contacts.restore(idOrEmail, Params.api(security)));
    }

    @POST
    @Path("{idOrEmail}/forget")
    public Response forget(@PathParam("idOrEmail") String idOrEmail, @Context SecurityContext security) {
        contacts.forget(idOrEmail, Params.api(security));
        return Response.noContent().build();
    }

    @GET
    @Path("{idOrEmail}/export")
    public ContactExportJson export(@PathParam("idOrEmail") String idOrEmail) {
        return ContactExportJson.of(contacts.export(idOrEmail));
    }

    @GET
    @Path("{idOrEmail}/consent")
    public List<org.herald.contacts.ConsentEntry> consent(@PathParam("idOrEmail") String idOrEmail) {
        return contacts.consentHistory(idOrEmail);
    }

    @PUT
    @Path("{idOrEmail}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public ContactJson setStatus(@PathParam("idOrEmail") String idOrEmail, StatusInput body,
            @Context SecurityContext security) {
        OptInStatus status = OptInStatus.parse(required(body).status());
        if (status == null) {
            throw new ValidationException("status", body.status(),
                    "'status' is required: one of UNKNOWN, PENDING, CONFIRMED, UNSUBSCRIBED, INACTIVE");
        }
        return ContactJson.of(contacts.setStatus(idOrEmail, status, Params.api(security)));
    }

    @POST
    @Path("{idOrEmail}/tags")
    @Consumes(MediaType.APPLICATION_JSON)
    public ContactJson addTags(@PathParam("idOrEmail") String idOrEmail, TagsInput body,
            @Context SecurityContext security) {
        var tags = ContactInputJson.names("tags", required(body).tags());
        if (tags == null || tags.isEmpty()) {
            throw new ValidationException("tags", null, "'tags' is required: a non-empty array of tag names");
        }
        return ContactJson.of(contacts.addTags(idOrEmail, List.copyOf(tags), Params.api(security)));
    }

    @DELETE
    @Path("{idOrEmail}/tags/{tag}")
    public ContactJson removeTag(@PathParam("idOrEmail") String idOrEmail, @PathParam("tag") String tag,
            @Context SecurityContext security) {
        return ContactJson.of(contacts.removeTags(idOrEmail, List.of(tag), Params.api(security)));
    }

    @PUT
    @Path("{idOrEmail}/lists/{list}")
    public ContactJson subscribe(@PathParam("idOrEmail") String idOrEmail, @PathParam("list") String list,
            @Context SecurityContext security) {
        return ContactJson.of(contacts.subscribe(idOrEmail, list, Params.api(security)));
    }

    @DELETE
    @Path("{idOrEmail}/lists/{list}")
    public ContactJson unsubscribe(@PathParam("idOrEmail") String idOrEmail, @PathParam("list") String list,
            @Context SecurityContext security) {
        return ContactJson.of(contacts.unsubscribe(idOrEmail, list, Params.api(security)));
    }

    /**
     * Imports a CSV body as it streams in. The size limit is checked on the declared length first
     * and then on the bytes actually read; a body cut off by the limit gives 413 (rows read before
     * the limit may already be imported: they are upserts, so sending the file again is safe).
     */
    @POST
    @Path("import")
    @Consumes({ "text/csv", "application/csv", MediaType.TEXT_PLAIN })
    public Response importCsv(InputStream body, @QueryParam("list") List<String> lists,
            @QueryParam("tag") List<String> tags, @QueryParam("delimiter") String delimiter,
            @QueryParam("fillBlanks") String fillBlanks, @QueryParam("map") List<String> map,
            @QueryParam("preset") String preset, @QueryParam("ignoreUnmapped") String ignoreUnmapped,
            @QueryParam("dryRun") String dryRun, @HeaderParam("Content-Length") String contentLength,
            @Context SecurityContext security) throws IOException {
        ChangeContext context = Params.api(security);
        long max = importMaxBytes;
        if (declaredLength(contentLength) > max) {
            return tooLarge(max);
        }
        ImportOptions.Builder builder = ImportOptions.builder().lists(ContactInputJson.names("list", lists))
                .tags(ContactInputJson.names("tag", tags)).delimiter(delimiter(delimiter))
                .overwrite(!Params.bool("fillBlanks", fillBlanks)).preset(preset)
                .ignoreUnmapped(Params.bool("ignoreUnmapped", ignoreUnmapped)).dryRun(Params.bool("dryRun", dryRun));
        for (String m : map == null ? List.<String>of() : map) {
            int eq = m.lastIndexOf('=');
            if (eq <= 0 || eq == m.length() - 1) {
                throw new ValidationException("map", m, "'map' takes Column=target, e.g. map=First%20Name%3Dfirstname");
            }
            builder.map(m.substring(0, eq), m.substring(eq + 1));
        }
        ImportOptions options = builder.build();
        LimitedInputStream limited = new LimitedInputStream(body, max);
        Reader reader = new BufferedReader(new InputStreamReader(limited, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 65536);
        ImportReport report;
        try {
            report = contacts.importCsv(reader, options, context, ImportProgress.NONE);
        } catch (IOException | RuntimeException e) {
            if (limited.exceeded()) {
                LOG.info("CSV import stopped at the limit of {} bytes", max);
                return tooLarge(max);
            }
            if (e instanceof CharacterCodingException) {
                return Errors.response(400, ErrorBody.BAD_REQUEST,
                        "the CSV body is not valid UTF-8: save the file as UTF-8 and send it again");
            }
            throw e;
        }
        if (limited.exceeded()) {
            return tooLarge(max);
        }
        return Response.ok(ImportReportJson.of(report), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Streams every matching contact as CSV or as a JSON array (paging does not apply). */
    @GET
    @Path("export")
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    public Response exportAll(@QueryParam("format") String format, @QueryParam("status") String status,
            @QueryParam("list") String list, @QueryParam("tag") String tag) {
        ContactQuery query = filter(status, list, tag, null);
        String f = format == null || format.isBlank() ? "json" : format.strip().toLowerCase(Locale.ROOT);
        switch (f) {
            case "csv": {
                StreamingOutput csv = out -> {
                    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    contacts.exportCsv(writer, query);
                    writer.flush();
                };
                return Response.ok(csv, "text/csv; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"contacts.csv\"").build();
            }
            case "json": {
                StreamingOutput json = out -> {
                    contacts.exportJson(out, query);
                    out.flush();
                };
                return Response.ok(json, MediaType.APPLICATION_JSON_TYPE)
                        .header("Content-Disposition", "attachment; filename=\"contacts.json\"").build();
            }
            default:
                throw new ValidationException("format", format, "'format' must be csv or json, not '" + format + "'");
        }
    }

    private static ContactQuery filter(String status, String list, String tag, String search) {
        return new ContactQuery(OptInStatus.parse(status), Params.blankToNull(list), Params.blankToNull(tag),
                Params.blankToNull(search), false, 0, ContactQuery.DEFAULT_LIMIT);
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw new ValidationException("body", null, "the request body is empty: send a JSON object");
        }
        return body;
    }

    static char delimiter(String value) {
        if (value == null || value.isEmpty()) {
            return ',';
        }
        if (value.equals("\t") || value.equalsIgnoreCase("tab") || value.equals("\\t")) {
            return '\t';
        }
        if (value.length() != 1 || value.charAt(0) == '"' || value.charAt(0) == '\n' || value.charAt(0) == '\r') {
            throw new ValidationException("delimiter", value,
                    "'delimiter' must be one character such as , ; | or the word tab, not '" + value + "'");
        }
        return value.charAt(0);
    }

    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Response tooLarge(long max) {
        return Errors.response(413, ErrorBody.TOO_LARGE, "the CSV body is larger than the import limit of " + max
                + " bytes: split the file, or raise import.maxBytes in etc/" + RestConfig.PID + ".cfg");
    }
}
