package org.herald.preferences.internal;

import java.io.IOException;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.herald.pages.FormBody;
import org.herald.pages.FormException;
import org.herald.pages.Pages;
import org.herald.pages.Paths;
import org.herald.preferences.ConfirmResult;
import org.herald.preferences.SubscriberService;
import org.herald.rest.web.PublicWeb;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /herald/confirm/<token>}: the double opt-in page, which shows one button; {@code POST}
 * (with its CSRF token) confirms. A GET changes nothing: mail scanners fetch every link of a message,
 * and a subscription they confirmed would carry no proof of the subscriber's consent. A second
 * confirmation is harmless; an expired link says how to get a new one.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(PublicWeb.CONTEXT)
@HttpWhiteboardServletName("herald-confirm")
@HttpWhiteboardServletPattern("/confirm/*")
public class ConfirmServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient SubscriberService subscribers;
    private final transient Pages pages;

    @Activate
    public ConfirmServlet(@Reference SubscriberService subscribers, @Reference Pages pages) {
        this.subscribers = subscribers;
        this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = Paths.token(request);
        ConfirmResult r = token == null ? new ConfirmResult(ConfirmResult.Outcome.INVALID, null)
                : subscribers.confirmation(token);
        show(response, token, r);
    }

    private void show(HttpServletResponse response, String token, ConfirmResult r) throws IOException {
        if (r.outcome() == ConfirmResult.Outcome.INVALID) {
            PreferencesServlet.invalid(pages, response);
            return;
        }
        pages.render(response, r.outcome() == ConfirmResult.Outcome.EXPIRED ? 410 : 200, ConfirmServlet.class, "confirm",
                r.language(), Map.of("outcome", r.outcome().name(), "csrf", pages.csrf(token)));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = Paths.token(request);
        ConfirmResult check = token == null ? new ConfirmResult(ConfirmResult.Outcome.INVALID, null)
                : subscribers.confirmation(token);
        if (check.outcome() == ConfirmResult.Outcome.EXPIRED) {
            resend(request, response, token, check);
            return;
        }
        if (check.outcome() != ConfirmResult.Outcome.WAITING) {
            show(response, token, check);
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
            pages.render(response, 403, ConfirmServlet.class, "form-expired", check.language(),
                    Map.of("again", request.getContextPath() + "/confirm/" + token));
            return;
        }
        show(response, token, subscribers.confirm(token, pages.proof(request)));
    }

    /** The expired page's button: a new confirmation message (within the daily cap). */
    private void resend(HttpServletRequest request, HttpServletResponse response, String token, ConfirmResult check)
            throws IOException {
        FormBody form;
        try {
            form = pages.readForm(request);
        } catch (FormException e) {
            response.sendError(e.status());
            return;
        }
        if (!form.has("resend") || !pages.csrfValid(token, form.first("csrf"))) {
            show(response, token, check);
            return;
        }
        String sent = subscribers.resendConfirmation(token).map(Enum::name).orElse("SUPPRESSED");
        pages.render(response, 200, ConfirmServlet.class, "confirm", check.language(),
                Map.of("outcome", "RESENT", "resent", sent, "csrf", pages.csrf(token)));
    }
}
