package org.herald.routes.forms.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.herald.contacts.Choice;
import org.herald.contacts.FieldDefinition;
import org.herald.contacts.FieldService;
import org.herald.forms.Form;
import org.herald.forms.FormField;
import org.herald.forms.FormPost;
import org.herald.forms.FormService;
import org.herald.forms.spi.CaptchaCheck;
import org.herald.json.HeraldJson;
import org.herald.pages.FormBody;
import org.herald.pages.FormException;
import org.herald.pages.Pages;
import org.herald.pages.Paths;
import org.herald.preferences.RequestProof;
import org.herald.rest.web.PublicWeb;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The HTTP side of subscription forms, in the public context:
 * <ul>
 * <li>{@code POST /herald/forms/<form>}, urlencoded (a website's form, the hosted page) or JSON (a
 * script): the body is read within the size limit and handed to the route; a browser is sent to the
 * form's success or error URL (303) or shown Herald's page, a JSON client gets the answer as JSON;</li>
 * <li>{@code GET /herald/forms/<form>}: the hosted form page ({@code ?token=} a prefill token from a
 * mail link fills in the contact's values), or, asked for JSON, the form's fields and consent text;</li>
 * <li>{@code GET /herald/forms/<form>/captcha}: a CAPTCHA challenge as JSON.</li>
 * </ul>
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(PublicWeb.CONTEXT)
@HttpWhiteboardServletName("herald-forms")
@HttpWhiteboardServletPattern("/forms/*")
public class FormServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final String JSON = "application/json";

    private final transient FormsRoute route;
    private final transient FormService forms;
    private final transient FieldService fields;
    private final transient Pages pages;

    @Activate
    public FormServlet(@Reference FormsRoute route, @Reference FormService forms, @Reference FieldService fields,
            @Reference Pages pages) {
        this.route = route;
        this.forms = forms;
        this.fields = fields;
        this.pages = pages;
    }

    /** The form's name and what follows it: {@code [name]} or {@code [name, "captcha"]}; null for any other path. */
    private static String[] path(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null || info.length() < 2 || info.charAt(0) != '/') {
            return null;
        }
        String[] parts = info.substring(1).split("/", -1);
        if (parts.length > 2 || !NAME.matcher(parts[0]).matches()
                || parts.length == 2 && !parts[1].equals("captcha")) {
            return null;
        }
        return parts;
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith(JSON)) {
            return true;
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains(JSON)
                && !accept.toLowerCase(Locale.ROOT).contains("text/html");
    }

    // ---- GET

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] p = path(request);
        Optional<Form> form = p == null ? Optional.empty() : forms.find(p[0]);
        if (form.isEmpty()) {
            notFound(request, response);
            return;
        }
        if (p.length == 2) {
            CaptchaCheck check = route.captcha();
            if (check == null) {
                json(response, 503, Map.of("status", "unavailable"));
                return;
            }
            Map<String, Object> c = new LinkedHashMap<>(check.challenge(form.get().name()));
            c.put("field", check.field());
            json(response, 200, c);
            return;
        }
        String token = Paths.parameter(request, "token");
        Map<String, String> prefill = token == null || token.isBlank() ? Map.of()
                : forms.prefill(form.get().name(), token).orElse(Map.of());
        if (wantsJson(request)) {
            json(response, 200, description(form.get(), prefill));
            return;
        }
        page(response, 200, form.get(), prefill, Map.of(), null);
    }

    private Map<String, Object> description(Form form, Map<String, String> prefill) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("form", form.name());
        if (form.title() != null) {
            out.put("title", form.title());
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (FormField f : form.fields()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("required", f.required());
            m.put("label", label(f, form.language()));
            if (prefill.containsKey(f.name())) {
                m.put("value", prefill.get(f.name()));
            }
            list.add(m);
        }
        out.put("fields", list);
        if (form.consent() != null) {
            out.put("consent", Map.of("field", FormPost.CONSENT_FIELD, "text", form.consent().text(), "version",
                    form.consent().version()));
        }
        out.put("honeypot", route.config().honeypotField());
        CaptchaCheck check = route.captcha();
        out.put("captcha", check == null ? "unavailable" : check.name());
        out.put("doubleOptIn", form.doubleOptIn());
        return out;
    }

    private String label(FormField f, String language) {
        String lang = pages.language(language);
        if (f.labels().containsKey(lang)) {
            return f.labels().get(lang);
        }
        if (f.name().equals("email")) {
            return pages.text(lang, "form_email");
        }
        return fields.find(f.name()).map(d -> d.label() == null || d.label().isBlank() ? d.name() : d.label())
                .orElse(f.name());
    }

    private void page(HttpServletResponse response, int status, Form form, Map<String, String> values,
            Map<String, String> errors, String outcome) throws IOException {
        String lang = pages.language(form.language());
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (FormField f : form.fields()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("required", f.required());
            m.put("label", label(f, form.language()));
            m.put("value", values.getOrDefault(f.name(), ""));
            m.put("error", errors.get(f.name()));
            Optional<FieldDefinition> d = f.name().equals("email") ? Optional.empty() : fields.find(f.name());
            String kind = d.map(x -> switch (x.type()) {
                case NUMBER, DECIMAL -> "number";
                case DATE -> "date";
                case BOOLEAN -> "checkbox";
                case CHOICE -> "select";
                case MULTICHOICE -> "multi";
                case PHONE -> "tel";
                default -> "text";
            }).orElse("email");
            m.put("kind", kind);
            List<Map<String, String>> options = new ArrayList<>();
            for (Choice c : d.map(FieldDefinition::choices).orElse(List.of())) {
                options.add(Map.of("value", c.value(), "label", c.labels().getOrDefault(lang,
                        c.labels().getOrDefault("en", c.value()))));
            }
            m.put("options", options);
            inputs.add(m);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("form", form);
        model.put("title", form.title() == null ? pages.text(lang, "form_title") : form.title());
        model.put("inputs", inputs);
        model.put("consent", form.consent() == null ? null : form.consent().text());
        model.put("consentError", errors.get(FormPost.CONSENT_FIELD));
        model.put("honeypot", route.config().honeypotField());
        CaptchaCheck check = route.captcha();
        model.put("captcha", check == null ? "none" : check.name());
        model.put("captchaField", check == null ? "captcha" : check.field());
        model.put("captchaError", check == null ? null : errors.get(check.field()));
        model.put("outcome", outcome);
        model.put("doubleOptIn", form.doubleOptIn());
        pages.render(response, status, FormServlet.class, "form", form.language(), model);
    }

    // ---- POST

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] p = path(request);
        boolean json = wantsJson(request);
        if (p == null || p.length != 1) {
            notFound(request, response);
            return;
        }
        Map<String, List<String>> values;
        try {
            values = json ? readJson(request) : readForm(request);
        } catch (FormException e) {
            if (json) {
                json(response, e.status(), Map.of("status", "refused", "reason", e.getMessage()));
            } else {
                response.sendError(e.status());
            }
            return;
        }
        FormRequest post = new FormRequest(p[0], values, proof(request));
        FormAnswer answer = route.handle(post);
        if (json) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", answer.kind().name().toLowerCase(Locale.ROOT));
            if (!answer.errors().isEmpty()) {
                body.put("errors", answer.errors());
            }
            if (answer.kind() == FormAnswer.Kind.LIMITED) {
                body.put("retryAfter", answer.retryAfterSeconds());
                response.setHeader("Retry-After", String.valueOf(answer.retryAfterSeconds()));
            }
            json(response, answer.kind().status, body);
            return;
        }
        browserAnswer(response, p[0], values, answer);
    }

    private void browserAnswer(HttpServletResponse response, String name, Map<String, List<String>> values,
            FormAnswer answer) throws IOException {
        Optional<Form> form = answer.kind() == FormAnswer.Kind.NOT_FOUND ? Optional.empty() : forms.find(name);
        if (form.isEmpty()) {
            response.sendError(404);
            return;
        }
        Form f = form.get();
        if (answer.kind() == FormAnswer.Kind.LIMITED) {
            response.setHeader("Retry-After", String.valueOf(answer.retryAfterSeconds()));
        }
        String target = answer.kind() == FormAnswer.Kind.ACCEPTED ? f.successUrl()
                : answer.kind() == FormAnswer.Kind.INVALID ? f.errorUrl() : null;
        if (target != null && forms.mayRedirectTo(target)) {
            response.setStatus(303);
            response.setHeader("Location", target);
            return;
        }
        Map<String, String> typed = new LinkedHashMap<>();
        if (answer.kind() != FormAnswer.Kind.ACCEPTED) {
            for (FormField field : f.fields()) {
                List<String> v = values.get(field.name());
                if (v != null && !v.isEmpty()) {
                    typed.put(field.name(), String.join("|", v));
                }
            }
        }
        page(response, answer.kind().status, f, typed, answer.errors(), answer.kind().name());
    }

    private Map<String, List<String>> readForm(HttpServletRequest request) throws IOException {
        checkLength(request);
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new FormException(415, "send application/x-www-form-urlencoded or application/json");
        }
        FormBody body = pages.readForm(request);
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String n : body.names()) {
            values.put(n, body.all(n));
        }
        return values;
    }

    private void checkLength(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        if (length > route.config().maxBodyBytes()) {
            throw new FormException(413, "the post is larger than " + route.config().maxBodyBytes() + " bytes");
        }
    }

    private Map<String, List<String>> readJson(HttpServletRequest request) throws IOException {
        checkLength(request);
        int max = route.config().maxBodyBytes();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (InputStream in = request.getInputStream()) {
            byte[] chunk = new byte[8192];
            for (int n; (n = in.read(chunk)) > 0;) {
                if (buffer.size() + n > max) {
                    throw new FormException(413, "the post is larger than " + max + " bytes");
                }
                buffer.write(chunk, 0, n);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(buffer.toByteArray()));
        } catch (CharacterCodingException e) {
            throw new FormException(400, "the body is not UTF-8");
        }
        JsonNode root;
        try {
            root = HeraldJson.mapper().readTree(buffer.toByteArray());
        } catch (JsonProcessingException e) {
            throw new FormException(400, "the body is not a JSON object: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new FormException(400, "the body must be a JSON object of field names and values");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            List<String> items = new ArrayList<>();
            if (v.isArray()) {
                for (JsonNode item : v) {
                    items.add(scalar(e.getKey(), item));
                }
            } else if (!v.isNull()) {
                items.add(scalar(e.getKey(), v));
            }
            values.put(e.getKey(), items);
        }
        return values;
    }

    private static String scalar(String field, JsonNode v) {
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isNumber() || v.isBoolean()) {
            return v.asText();
        }
        throw new FormException(400, "'" + field + "' must be a string, number, boolean or a list of them");
    }

    private RequestProof proof(HttpServletRequest request) {
        RequestProof base = pages.proof(request);
        if (!route.config().trustForwardedFor()) {
            return base;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return base;
        }
        String first = forwarded.split(",")[0].strip();
        return new RequestProof(first.length() > 64 ? first.substring(0, 64) : first, base.userAgent());
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (wantsJson(request)) {
            json(response, 404, Map.of("status", "not_found"));
        } else {
            response.sendError(404);
        }
    }

    private static void json(HttpServletResponse response, int status, Object body) throws IOException {
        byte[] bytes = HeraldJson.mapper().writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
