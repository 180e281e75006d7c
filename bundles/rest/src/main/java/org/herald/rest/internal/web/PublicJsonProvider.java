package org.herald.rest.internal.web;

import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;

import org.herald.rest.internal.json.HeraldJson;
import org.herald.rest.web.PublicWeb;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/** Reads and writes JSON for the public application, the same way the admin API does. */
@Component(service = { MessageBodyReader.class, MessageBodyWriter.class })
@JaxrsExtension
@JaxrsName(PublicWeb.JSON_NAME)
@JaxrsApplicationSelect(PublicWeb.APPLICATION)
@JaxrsMediaType(MediaType.APPLICATION_JSON)
@Consumes({ MediaType.APPLICATION_JSON, "application/*+json" })
@Produces({ MediaType.APPLICATION_JSON, "application/*+json" })
public class PublicJsonProvider extends JacksonJsonProvider {

    public PublicJsonProvider() {
        super(HeraldJson.mapper());
    }
}
