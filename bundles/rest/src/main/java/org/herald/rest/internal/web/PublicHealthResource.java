package org.herald.rest.internal.web;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.herald.rest.internal.health.HealthResource;
import org.herald.rest.internal.health.Readiness;
import org.herald.rest.web.PublicWeb;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /herald/health}, anonymous, for load balancers and monitoring: 200 {@code {"status":"UP"}}
 * or 503 {@code {"status":"DOWN"}} and nothing else. Which bundle or component is not ready tells an
 * outsider what runs here, so the details are only in the admin API's {@code GET /health}.
 */
@Component(service = PublicHealthResource.class)
@JaxrsResource
@JaxrsApplicationSelect(PublicWeb.APPLICATION)
@JaxrsExtensionSelect(PublicWeb.JSON)
@Path("health")
public class PublicHealthResource {

    /** The whole body: the status and no details. */
    public record Status(String status) {
    }

    private final Readiness readiness;

    @Activate
    public PublicHealthResource(@Reference Readiness readiness) {
        this.readiness = readiness;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        boolean up = readiness.check().up();
        return Response.status(up ? 200 : 503).type(MediaType.APPLICATION_JSON_TYPE)
                .cacheControl(HealthResource.noStore()).entity(new Status(up ? "UP" : "DOWN")).build();
    }
}
