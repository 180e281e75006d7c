package org.herald.rest.internal.campaigns;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.herald.campaigns.Template;
import org.herald.campaigns.TemplateService;
import org.herald.common.ValidationException;
import org.herald.rest.internal.Whiteboard;
import org.herald.rest.internal.campaigns.CampaignJson.TemplateBody;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /templates}: message templates, created or replaced by name. */
@Component(service = TemplateResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Whiteboard.APPLICATION)
@JaxrsExtensionSelect(Whiteboard.JSON)
@Path("templates")
@Produces(MediaType.APPLICATION_JSON)
public class TemplateResource {

    private final TemplateService templates;

    @Activate
    public TemplateResource(@Reference TemplateService templates) {
        this.templates = templates;
    }

    @GET
    public List<Template> list() {
        return templates.list();
    }

    @GET
    @Path("{name}")
    public Template get(@PathParam("name") String name) {
        return templates.get(name);
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Template save(@PathParam("name") String name, TemplateBody body) {
        if (body == null) {
            throw new ValidationException("body", null, "a template needs a subject and an html or text part");
        }
        return templates.save(name, body.input());
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        templates.delete(name);
        return Response.noContent().build();
    }
}
