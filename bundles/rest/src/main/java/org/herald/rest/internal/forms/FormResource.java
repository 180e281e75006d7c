package org.herald.rest.internal.forms;

import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.herald.common.ValidationException;
import org.herald.forms.ConsentText;
import org.herald.forms.Form;
import org.herald.forms.FormField;
import org.herald.forms.FormInput;
import org.herald.forms.FormService;
import org.herald.rest.internal.Whiteboard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /forms}: subscription form definitions. Posts to a form go to the public
 * {@code POST /herald/forms/{form}}, never through the admin API.
 */
@Component(service = FormResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Whiteboard.APPLICATION)
@JaxrsExtensionSelect(Whiteboard.JSON)
@Path("forms")
@Produces(MediaType.APPLICATION_JSON)
public class FormResource {

    /** The JSON of a form to create ({@code name} required) or change (what is absent is kept). */
    public record FormBody(String name, String title, List<FormField> fields, List<String> lists, String consentText,
            Boolean doubleOptIn, String successUrl, String errorUrl, String language) {

        FormInput input() {
            return FormInput.builder().title(title).fields(fields).lists(lists).consentText(consentText)
                    .doubleOptIn(doubleOptIn).successUrl(successUrl).errorUrl(errorUrl).language(language).build();
        }
    }

    private final FormService forms;

    @Activate
    public FormResource(@Reference FormService forms) {
        this.forms = forms;
    }

    @GET
    public List<Form> list() {
        return forms.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(FormBody body) {
        if (body == null || body.name() == null) {
            throw new ValidationException("name", null, "a form needs a name");
        }
        Form f = forms.create(body.name(), body.input());
        return Response.created(URI.create("forms/" + f.name())).entity(f).build();
    }

    @GET
    @Path("{name}")
    public Form get(@PathParam("name") String name) {
        return forms.get(name);
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Form update(@PathParam("name") String name, FormBody body) {
        if (body == null) {
            throw new ValidationException("body", null, "send the properties to change");
        }
        if (body.name() != null && !body.name().equals(name)) {
            throw new ValidationException("name", body.name(), "a form cannot be renamed; create a new one");
        }
        return forms.update(name, body.input());
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        forms.delete(name);
        return Response.noContent().build();
    }

    @GET
    @Path("{name}/consent-texts")
    public List<ConsentText> consentTexts(@PathParam("name") String name) {
        return forms.consentTexts(name);
    }
}
