package org.herald.rest.internal.health;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.herald.rest.internal.Whiteboard;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /health} (no credentials needed): 200 {@code UP} when every Herald bundle is active and
 * every DS component in them satisfied or active, else 503 {@code DOWN} naming what is not ready.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Whiteboard.APPLICATION)
@JaxrsExtensionSelect(Whiteboard.JSON)
@Path("health")
public class HealthResource {

    private final BundleContext context;
    private final ServiceComponentRuntime scr;

    @Activate
    public HealthResource(BundleContext context, @Reference ServiceComponentRuntime scr) {
        this.context = context;
        this.scr = scr;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        HealthCheck.Report report = check();
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setNoCache(true);
        return Response.status(report.up() ? 200 : 503).type(MediaType.APPLICATION_JSON_TYPE).cacheControl(noStore)
                .entity(report).build();
    }

    protected HealthCheck.Report check() {
        HealthCheck check = new HealthCheck();
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            if (name == null || !name.startsWith(HealthCheck.PREFIX) || bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            check.bundle(name, bundle.getState());
            if (bundle.getState() != Bundle.ACTIVE) {
                continue;
            }
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
                check.component(name, description, scr.isComponentEnabled(description),
                        scr.getComponentConfigurationDTOs(description));
            }
        }
        return check.report();
    }
}
