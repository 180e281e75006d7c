package org.herald.rest.internal.contacts;

import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
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
import javax.ws.rs.core.UriInfo;

import org.herald.common.ValidationException;
import org.herald.contacts.ListService;
import org.herald.contacts.MailingList;
import org.herald.rest.internal.Whiteboard;
import org.herald.rest.internal.contacts.ListJson.ListInput;
import org.herald.rest.internal.contacts.ListJson.ListPatch;
import org.herald.rest.internal.contacts.ListJson.MailingListJson;
import org.herald.rest.internal.contacts.ListJson.TextJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /lists}: create, rename, texts per language, delete (refused while in use unless forced). */
@Component(service = ListResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Whiteboard.APPLICATION)
@JaxrsExtensionSelect(Whiteboard.JSON)
@Path("lists")
@Produces(MediaType.APPLICATION_JSON)
public class ListResource {

    private final ListService lists;

    @Activate
    public ListResource(@Reference ListService lists) {
        this.lists = lists;
    }

    @GET
    public List<MailingListJson> list() {
        return lists.list().stream().map(MailingListJson::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ListInput body, @Context UriInfo uri) {
        if (body == null || body.name() == null) {
            throw new ValidationException("name", null, "'name' is required: send {\"name\":\"news\"}");
        }
        MailingList created = lists.create(body.name());
        if (body.texts() != null) {
            for (Map.Entry<String, TextJson> text : body.texts().entrySet()) {
                TextJson t = text.getValue();
                created = lists.setText(created.name(), text.getKey(), t == null ? null : t.publicName(),
                        t == null ? null : t.description());
            }
        }
        return Response.created(uri.getAbsolutePathBuilder().path(created.name()).build())
                .entity(MailingListJson.of(created)).build();
    }

    @GET
    @Path("{name}")
    public MailingListJson get(@PathParam("name") String name) {
        return MailingListJson.of(lists.get(name));
    }

    @PATCH
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public MailingListJson rename(@PathParam("name") String name, ListPatch body) {
        if (body == null || body.name() == null) {
            throw new ValidationException("name", null, "'name' is required: send {\"name\":\"new-name\"}");
        }
        return MailingListJson.of(lists.rename(name, body.name()));
    }

    /** Sets the public name and description in one language; both null removes the language. */
    @PUT
    @Path("{name}/texts/{lang}")
    @Consumes(MediaType.APPLICATION_JSON)
    public MailingListJson setText(@PathParam("name") String name, @PathParam("lang") String lang, TextJson body) {
        if (body == null) {
            throw new ValidationException("body", null,
                    "the request body is empty: send {\"publicName\":…,\"description\":…}");
        }
        return MailingListJson.of(lists.setText(name, lang, body.publicName(), body.description()));
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name, @QueryParam("force") String force) {
        lists.delete(name, Params.bool("force", force));
        return Response.noContent().build();
    }
}
