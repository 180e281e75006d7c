package org.herald.rest.internal.json;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;

import org.herald.json.HeraldJson;
import org.herald.rest.internal.LimitedInputStream;
import org.herald.rest.internal.RestConfig;
import org.herald.rest.internal.Whiteboard;
import org.herald.rest.internal.error.ErrorBody;
import org.herald.rest.internal.error.Errors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/**
 * Reads and writes JSON for the Herald application with Herald's one configuration
 * ({@link HeraldJson}), and bounds every JSON request body: one over {@code json.maxBytes} (PID
 * {@code org.herald.rest}) is refused with 413, by its declared length before anything is read,
 * or as soon as the bytes read pass the limit. Every JSON operation of the API reads its body
 * through here, so none is unbounded; one that parses the body itself takes it as {@link JsonBytes}.
 */
@Component(service = { MessageBodyReader.class, MessageBodyWriter.class }, configurationPid = RestConfig.PID)
@JaxrsExtension
@JaxrsName(Whiteboard.JSON_NAME)
@JaxrsApplicationSelect(Whiteboard.APPLICATION)
@JaxrsMediaType(MediaType.APPLICATION_JSON)
@Consumes({ MediaType.APPLICATION_JSON, "application/*+json" })
@Produces({ MediaType.APPLICATION_JSON, "application/*+json" })
public class HeraldJsonProvider extends JacksonJsonProvider {

    private volatile long maxBytes;

    @Activate
    public HeraldJsonProvider(RestConfig config) {
        this(config.json_maxBytes());
    }

    /** A provider bounding bodies to {@code maxBytes}, as the configuration would. */
    public HeraldJsonProvider(long maxBytes) {
        super(HeraldJson.mapper());
        this.maxBytes = maxBytes;
    }

    @Modified
    void modified(RestConfig config) {
        maxBytes = config.json_maxBytes();
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        long max = maxBytes;
        if (declaredLength(httpHeaders) > max) {
            throw tooLarge(max);
        }
        if (entityStream == null) {
            return JsonBytes.class.equals(type) ? new JsonBytes(new byte[0])
                    : super.readFrom(type, genericType, annotations, mediaType, httpHeaders, null);
        }
        LimitedInputStream limited = new LimitedInputStream(entityStream, max);
        try {
            if (JsonBytes.class.equals(type)) {
                return new JsonBytes(limited.readAllBytes());
            }
            return super.readFrom(type, genericType, annotations, mediaType, httpHeaders, limited);
        } catch (IOException | RuntimeException e) {
            if (limited.exceeded()) {
                throw tooLarge(max);
            }
            throw e;
        }
    }

    private static long declaredLength(MultivaluedMap<String, String> headers) {
        String value = headers == null ? null : headers.getFirst(HttpHeaders.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static WebApplicationException tooLarge(long max) {
        return new WebApplicationException(Errors.response(413, ErrorBody.TOO_LARGE, "the JSON body is larger than the limit of "
                + max + " bytes (json.maxBytes in etc/" + RestConfig.PID + ".cfg): send less per request"));
    }
}
