package org.herald.rest.internal.contacts;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.herald.contacts.TagService;
import org.herald.rest.internal.Whiteboard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /tags}: every tag in use with its number of contacts. */
@Component(service = TagResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Whiteboard.APPLICATION)
@JaxrsExtensionSelect(Whiteboard.JSON)
@Path("tags")
@Produces(MediaType.APPLICATION_JSON)
public class TagResource {

    private final TagService tags;

    @Activate
    public TagResource(@Reference TagService tags) {
        this.tags = tags;
    }

    @GET
    public List<TagService.TagCount> list() {
        return tags.tags();
    }
}
