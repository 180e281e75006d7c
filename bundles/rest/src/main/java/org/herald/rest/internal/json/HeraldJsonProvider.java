package org.herald.rest.internal.json;

import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;

import org.herald.rest.internal.Whiteboard;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/** Reads and writes JSON for the Herald application with {@link HeraldJson#mapper()}. */
@Component(service = { MessageBodyReader.class, MessageBodyWriter.class })
@JaxrsExtension
@JaxrsName(Whiteboard.JSON_NAME)
@JaxrsApplicationSelect(Whiteboard.APPLICATION)
@JaxrsMediaType(MediaType.APPLICATION_JSON)
@Consumes({ MediaType.APPLICATION_JSON, "application/*+json" })
@Produces({ MediaType.APPLICATION_JSON, "application/*+json" })
public class HeraldJsonProvider extends JacksonJsonProvider {

    public HeraldJsonProvider() {
        super(HeraldJson.mapper());
    }
}
