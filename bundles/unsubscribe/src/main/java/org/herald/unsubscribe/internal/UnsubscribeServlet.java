package org.herald.unsubscribe.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.herald.pages.FormBody;
import org.herald.pages.FormException;
import org.herald.pages.Pages;
import org.herald.pages.Paths;
import org.herald.preferences.SubscriberService;
import org.herald.preferences.UnsubscribeChoice;
import org.herald.preferences.UnsubscribePage;
import org.herald.rest.web.PublicWeb;
import org.herald.tokens.SubscriberLinks;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /herald/unsubscribe/<token>[?list=…]}: the unsubscribe page (it changes nothing: mail
 * scanners prefetch links). {@code POST} with the page's form (CSRF token required) applies the
 * choice and shows the confirmation. {@code POST} with the body {@code List-Unsubscribe=One-Click}
 * (RFC 8058, from a mail client's unsubscribe button) unsubscribes at once: no cookie, no CSRF token,
 * no redirect; 200 only after the change is committed; the same again is harmless. Unknown, tampered
 * and expired tokens all get the same 404.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(PublicWeb.CONTEXT)
@HttpWhiteboardServletName("herald-unsubscribe")
@HttpWhiteboardServletPattern("/unsubscribe/*")
public class UnsubscribeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final byte[] DONE = "Unsubscribed.\n".getBytes(StandardCharsets.UTF_8);

    private final transient SubscriberService subscribers;
    private final transient Pages pages;
    private final transient SubscriberLinks links;

    @Activate
    public UnsubscribeServlet(@Reference SubscriberService subscribers, @Reference Pages pages,
            @Reference SubscriberLinks links) {
        this.subscribers = subscribers;
        this.pages = pages;
        this.links = links;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = Paths.token(request);
        String list;
        try {
            list = Paths.parameter(request, "list");
        } catch (FormException e) {
            response.sendError(e.status());
            return;
        }
        Optional<UnsubscribePage> page = token == null ? Optional.empty() : subscribers.unsubscribePage(token, list);
        if (page.isEmpty()) {
            invalid(response);
            return;
        }
        Map<String, Object> model = model(page.get(), list);
        model.put("csrf", pages.csrf(token));
        pages.render(response, 200, UnsubscribeServlet.class, "unsubscribe", page.get().language(), model);
    }

    private Map<String, Object> model(UnsubscribePage page, String list) {
        Map<String, Object> model = new HashMap<>();
        model.put("page", page);
        model.put("list", list == null ? "" : list);
        model.put("preferences", links.forContact(page.contactId()).preferencesUrl());
        return model;
    }

    private void invalid(HttpServletResponse response) throws IOException {
        pages.render(response, 404, UnsubscribeServlet.class, "invalid", "en", Map.of());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = Paths.token(request);
        FormBody form;
        try {
            form = isMultipart(request) ? multipartOneClick(request) : pages.readForm(request);
        } catch (FormException e) {
            response.sendError(e.status());
            return;
        }
        if ("One-Click".equals(form.first("List-Unsubscribe")) && !form.has("csrf")) {
            oneClick(request, response, token);
            return;
        }
        String list = form.first("list");
        Optional<UnsubscribePage> page = token == null ? Optional.empty() : subscribers.unsubscribePage(token, list);
        if (page.isEmpty()) {
            invalid(response);
            return;
        }
        if (!pages.csrfValid(token, form.first("csrf"))) {
            pages.render(response, 403, UnsubscribeServlet.class, "form-expired", page.get().language(),
                    Map.of("again", request.getContextPath() + "/unsubscribe/" + token));
            return;
        }
        UnsubscribeChoice choice;
        try {
            String c = form.first("choice");
            choice = c == null ? page.get().defaultChoice() : UnsubscribeChoice.valueOf(c);
        } catch (IllegalArgumentException e) {
            response.sendError(400);
            return;
        }
        Optional<UnsubscribePage> after = subscribers.unsubscribe(token, choice, list, form.first("reason"),
                pages.proof(request));
        if (after.isEmpty()) {
            invalid(response);
            return;
        }
        Map<String, Object> model = model(page.get(), list);
        model.put("choice", choice == UnsubscribeChoice.LIST && page.get().leaving().isEmpty() ? "ALL" : choice.name());
        pages.render(response, 200, UnsubscribeServlet.class, "unsubscribed", page.get().language(), model);
    }

    private void oneClick(HttpServletRequest request, HttpServletResponse response, String token) throws IOException {
        if (token == null || !subscribers.oneClick(token, pages.proof(request))) {
            response.sendError(404);
            return;
        }
        response.setStatus(200);
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(DONE.length);
        response.getOutputStream().write(DONE);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /**
     * RFC 8058 allows the one-click body as {@code multipart/form-data}: this reads only whether it
     * has the part {@code List-Unsubscribe} with the value {@code One-Click}, within 8 KiB.
     */
    private static FormBody multipartOneClick(HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readNBytes(8193);
        if (body.length > 8192) {
            throw new FormException(413, "too large");
        }
        String text = new String(body, StandardCharsets.ISO_8859_1);
        boolean oneClick = text.matches("(?s).*name=\"?List-Unsubscribe\"?\\s*(?:\\r?\\n[^\\r\\n]+)*\\r?\\n\\r?\\nOne-Click\\r?\\n.*");
        return new FormBody(oneClick ? Map.of("List-Unsubscribe", java.util.List.of("One-Click")) : Map.of());
    }
}
