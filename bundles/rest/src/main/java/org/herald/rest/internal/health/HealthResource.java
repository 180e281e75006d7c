package org.herald.rest.internal.health;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.herald.rest.internal.Whiteboard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /herald/api/v1/health} (a {@code herald-admin} login, like all of the admin API): 200
 * {@code UP} when every Herald bundle is active and every DS component in them satisfied or active,
 * else 503 {@code DOWN}, with every bundle and component and what is not ready. The anonymous check
 * that says only UP or DOWN is {@code GET /herald/health} in the public application.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Whiteboard.APPLICATION)
@JaxrsExtensionSelect(Whiteboard.JSON)
@Path("health")
public class HealthResource {

    private final Readiness readiness;

    @Activate
    public HealthResource(@Reference Readiness readiness) {
        this.readiness = readiness;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        HealthCheck.Report report = readiness.check();
        return Response.status(report.up() ? 200 : 503).type(MediaType.APPLICATION_JSON_TYPE).cacheControl(noStore())
                .entity(report).build();
    }

    /** Health answers are about now: no cache may keep them. */
    public static CacheControl noStore() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setNoCache(true);
        return noStore;
    }
}
