package org.herald.rest.internal.segments;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.herald.rest.internal.Whiteboard;
import org.herald.segments.Engagement;
import org.herald.segments.EngagementService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code GET /engagement}: engaged and unengaged shares, overall and per opt-in status, and the 30-day change. */
@Component(service = EngagementResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Whiteboard.APPLICATION)
@JaxrsExtensionSelect(Whiteboard.JSON)
@Path("engagement")
@Produces(MediaType.APPLICATION_JSON)
public class EngagementResource {

    private final EngagementService engagement;

    @Activate
    public EngagementResource(@Reference EngagementService engagement) {
        this.engagement = engagement;
    }

    @GET
    public Engagement get() {
        return engagement.engagement();
    }
}
