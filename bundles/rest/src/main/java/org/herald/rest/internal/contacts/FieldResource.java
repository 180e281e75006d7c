package org.herald.rest.internal.contacts;

import java.io.IOException;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.herald.common.NotFoundException;
import org.herald.common.ValidationException;
import org.herald.contacts.FieldDefinition;
import org.herald.contacts.FieldService;
import org.herald.contacts.FieldType;
import org.herald.json.HeraldJson;
import org.herald.rest.internal.Whiteboard;
import org.herald.rest.internal.contacts.FieldJson.ChoiceJson;
import org.herald.rest.internal.contacts.FieldJson.ChoicesInput;
import org.herald.rest.internal.contacts.FieldJson.Field;
import org.herald.rest.internal.contacts.FieldJson.FieldInput;
import org.herald.rest.internal.contacts.FieldJson.FieldPatch;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code /fields}: custom field definitions. */
@Component(service = FieldResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Whiteboard.APPLICATION)
@JaxrsExtensionSelect(Whiteboard.JSON)
@Path("fields")
@Produces(MediaType.APPLICATION_JSON)
public class FieldResource {

    private static final ObjectMapper JSON = HeraldJson.mapper();

    private final FieldService fields;

    @Activate
    public FieldResource(@Reference FieldService fields) {
        this.fields = fields;
    }

    @GET
    public List<Field> list() {
        return fields.list().stream().map(Field::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(FieldInput body, @Context UriInfo uri) {
        if (body == null) {
            throw new ValidationException("body", null, "the request body is empty: send {\"name\":…,\"type\":…}");
        }
        if (body.name() == null) {
            throw new ValidationException("name", null, "'name' is required: lowercase letters a-z");
        }
        if (body.type() == null) {
            throw new ValidationException("type", null,
                    "'type' is required: one of text, number, decimal, date, boolean, choice, multichoice, phone");
        }
        FieldDefinition created = fields.create(body.name(), FieldType.parse(body.type()), body.label(),
                FieldJson.choices(body.choices()));
        if (body.position() != null || body.visible() != null) {
            created = fields.update(created.name(), null, body.position(), body.visible());
        }
        return Response.created(uri.getAbsolutePathBuilder().path(created.name()).build()).entity(Field.of(created))
                .build();
    }

    @GET
    @Path("{name}")
    public Field get(@PathParam("name") String name) {
        return Field.of(find(name));
    }

    @PATCH
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Field update(@PathParam("name") String name, FieldPatch body) {
        if (body == null) {
            throw new ValidationException("body", null, "the request body is empty: send {\"label\",\"position\",\"visible\"}");
        }
        FieldDefinition current = find(name);
        if (body.name() != null && !body.name().equals(current.name())) {
            throw new ValidationException("name", body.name(),
                    "a field's name never changes after creation: create a new field instead");
        }
        if (body.type() != null && FieldType.parse(body.type()) != current.type()) {
            throw new ValidationException("type", body.type(),
                    "a field's type never changes after creation: create a new field instead");
        }
        return Field.of(fields.update(name, body.label(), body.position(), body.visible()));
    }

    /** Replaces the choices; the body is an array of choices or {@code {"choices":[…]}}. */
    @PUT
    @Path("{name}/choices")
    @Consumes(MediaType.APPLICATION_JSON)
    public Field setChoices(@PathParam("name") String name, JsonNode body) throws IOException {
        List<ChoiceJson> choices;
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw new ValidationException("choices", null, "the request body is empty: send an array of choices");
        } else if (body.isArray()) {
            choices = JSON.readerFor(new TypeReference<List<ChoiceJson>>() { }).readValue(body);
        } else if (body.isObject()) {
            ChoicesInput input = JSON.treeToValue(body, ChoicesInput.class);
            if (input.choices() == null) {
                throw new ValidationException("choices", null, "'choices' is required: an array of choices");
            }
            choices = input.choices();
        } else {
            throw new ValidationException("choices", body.asText(),
                    "send an array of choices ([{\"value\":\"s\",\"labels\":{\"en\":\"Small\"}}]) or {\"choices\":[…]}");
        }
        return Field.of(fields.setChoices(name, FieldJson.choices(choices)));
    }

    private FieldDefinition find(String name) {
        return fields.find(name).orElseThrow(() -> new NotFoundException("no field named '" + name + "'"));
    }
}
