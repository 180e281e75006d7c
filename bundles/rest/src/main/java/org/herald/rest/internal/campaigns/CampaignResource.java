package org.herald.rest.internal.campaigns;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.herald.campaigns.Campaign;
import org.herald.campaigns.CampaignReport;
import org.herald.campaigns.CampaignService;
import org.herald.common.ValidationException;
import org.herald.rest.internal.Whiteboard;
import org.herald.rest.internal.campaigns.CampaignJson.CampaignBody;
import org.herald.rest.internal.campaigns.CampaignJson.SendBody;
import org.herald.rest.internal.campaigns.CampaignJson.TestBody;
import org.herald.rest.internal.campaigns.CampaignJson.TestResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /campaigns}: create, change a draft, send or schedule, pause, resume, cancel, report, test send. */
@Component(service = CampaignResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Whiteboard.APPLICATION)
@JaxrsExtensionSelect(Whiteboard.JSON)
@Path("campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    private final CampaignService campaigns;

    @Activate
    public CampaignResource(@Reference CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    private static String actor(SecurityContext security) {
        return security == null || security.getUserPrincipal() == null ? "api" : "api:" + security.getUserPrincipal().getName();
    }

    @GET
    public List<Campaign> list() {
        return campaigns.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CampaignBody body, @Context UriInfo uri) {
        if (body == null || body.name() == null) {
            throw new ValidationException("name", null, "'name' is required");
        }
        Campaign c = campaigns.create(body.name(), body.input());
        return Response.created(uri.getAbsolutePathBuilder().path(c.name()).build()).entity(c).build();
    }

    @GET
    @Path("{name}")
    public Campaign get(@PathParam("name") String name) {
        return campaigns.get(name);
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Campaign update(@PathParam("name") String name, CampaignBody body) {
        if (body == null) {
            throw new ValidationException("body", null, "a campaign definition is required");
        }
        return campaigns.update(name, body.input());
    }

    @POST
    @Path("{name}/send")
    @Consumes(MediaType.APPLICATION_JSON)
    public Campaign send(@PathParam("name") String name, SendBody body, @Context SecurityContext security) {
        return body != null && body.at() != null ? campaigns.schedule(name, body.at(), actor(security))
                : campaigns.send(name, actor(security));
    }

    @POST
    @Path("{name}/pause")
    public Campaign pause(@PathParam("name") String name, @Context SecurityContext security) {
        return campaigns.pause(name, actor(security));
    }

    @POST
    @Path("{name}/resume")
    public Campaign resume(@PathParam("name") String name, @Context SecurityContext security) {
        return campaigns.resume(name, actor(security));
    }

    @POST
    @Path("{name}/cancel")
    public Campaign cancel(@PathParam("name") String name, @Context SecurityContext security) {
        return campaigns.cancel(name, actor(security));
    }

    @GET
    @Path("{name}/report")
    public CampaignReport report(@PathParam("name") String name) {
        return campaigns.report(name);
    }

    @POST
    @Path("{name}/test")
    @Consumes(MediaType.APPLICATION_JSON)
    public TestResult test(@PathParam("name") String name, TestBody body) {
        return new TestResult(campaigns.testSend(name, body == null ? null : body.addresses()));
    }
}
