package org.herald.preferences.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.herald.campaigns.Frequency;
import org.herald.common.ValidationException;
import org.herald.contacts.FieldType;
import org.herald.pages.FormBody;
import org.herald.pages.FormException;
import org.herald.pages.Pages;
import org.herald.pages.Paths;
import org.herald.preferences.PreferenceChange;
import org.herald.preferences.PreferencePage;
import org.herald.preferences.PublicField;
import org.herald.preferences.SubscriberService;
import org.herald.rest.web.PublicWeb;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /herald/preferences/<token>}: the preference center; {@code POST} saves it (CSRF token
 * required), then redirects to the page with {@code ?saved=1} (post/redirect/get, to the page's own
 * path only). Unknown, tampered and expired tokens all get the same 404 page.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(PublicWeb.CONTEXT)
@HttpWhiteboardServletName("herald-preferences")
@HttpWhiteboardServletPattern("/preferences/*")
public class PreferencesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient SubscriberService subscribers;
    private final transient Pages pages;

    @Activate
    public PreferencesServlet(@Reference SubscriberService subscribers, @Reference Pages pages) {
        this.subscribers = subscribers;
        this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = Paths.token(request);
        Optional<PreferencePage> page = token == null ? Optional.empty() : subscribers.preferences(token);
        if (page.isEmpty()) {
            invalid(pages, response);
            return;
        }
        boolean saved;
        try {
            saved = Paths.parameter(request, "saved") != null;
        } catch (FormException e) {
            response.sendError(e.status());
            return;
        }
        show(response, 200, token, page.get(), saved, null);
    }

    static void invalid(Pages pages, HttpServletResponse response) throws IOException {
        pages.render(response, 404, PreferencesServlet.class, "invalid", "en", Map.of());
    }

    private void show(HttpServletResponse response, int status, String token, PreferencePage page, boolean saved,
            String error) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("page", page);
        model.put("csrf", pages.csrf(token));
        model.put("saved", saved);
        model.put("error", error == null ? "" : error);
        List<Map<String, Object>> frequencies = new ArrayList<>();
        frequencies.add(frequency("", "freq_none", page.frequency() == null, page.language()));
        for (Frequency f : Frequency.values()) {
            frequencies.add(frequency(f.name(), "freq_" + f.name().toLowerCase(java.util.Locale.ROOT),
                    page.frequency() == f, page.language()));
        }
        model.put("frequencies", frequencies);
        pages.render(response, status, PreferencesServlet.class, "preferences", page.language(), model);
    }

    private Map<String, Object> frequency(String value, String key, boolean checked, String language) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("value", value);
        f.put("label", pages.text(language, key));
        f.put("checked", checked);
        return f;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = Paths.token(request);
        Optional<PreferencePage> page = token == null ? Optional.empty() : subscribers.preferences(token);
        if (page.isEmpty()) {
            invalid(pages, response);
            return;
        }
        FormBody form;
        try {
            form = pages.readForm(request);
        } catch (FormException e) {
            response.sendError(e.status());
            return;
        }
        if (!pages.csrfValid(token, form.first("csrf"))) {
            pages.render(response, 403, PreferencesServlet.class, "form-expired", page.get().language(),
                    Map.of("again", request.getContextPath() + "/preferences/" + token));
            return;
        }
        PreferenceChange change;
        try {
            change = change(form, page.get());
        } catch (IllegalArgumentException e) {
            show(response, 400, token, page.get(), false, e.getMessage());
            return;
        }
        try {
            if (subscribers.save(token, change, pages.proof(request)).isEmpty()) {
                invalid(pages, response);
                return;
            }
        } catch (ValidationException e) {
            show(response, 400, token, page.get(), false, e.getMessage());
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/preferences/" + token + "?saved=1");
    }

    /** The change the form asks for; only fields the page showed are read. */
    static PreferenceChange change(FormBody form, PreferencePage page) {
        PreferenceChange.Builder b = PreferenceChange.builder();
        form.all("list").forEach(b::subscribe);
        String frequency = form.first("frequency");
        if (frequency != null && !frequency.isBlank()) {
            try {
                b.frequency(Frequency.valueOf(frequency));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("frequency: '" + frequency + "' is not a choice");
            }
        }
        b.unsubscribeAll(form.has("unsubscribe_all"));
        b.oneMessageWeekly(form.has("one_message"));
        Map<String, PublicField> shown = new HashMap<>();
        page.fields().forEach(f -> shown.put(f.name(), f));
        for (String name : form.all("shown")) {
            PublicField f = shown.get(name);
            if (f == null) {
                continue;
            }
            List<String> values = form.all("field." + name);
            String value;
            if (f.type() == FieldType.MULTICHOICE) {
                value = String.join("|", values);
            } else if (f.type() == FieldType.BOOLEAN) {
                value = values.contains("true") ? "true" : f.value().isEmpty() ? "" : "false";
            } else {
                value = values.isEmpty() ? "" : values.get(0);
            }
            if (!value.equals(f.value())) {
                b.field(name, value);
            }
        }
        return b.build();
    }
}
