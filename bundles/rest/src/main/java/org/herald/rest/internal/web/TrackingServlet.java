package org.herald.rest.internal.web;

import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.herald.campaigns.TrackingService;
import org.herald.rest.web.PublicWeb;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /herald/t/o/<token>.gif}: the open pixel, the same 1×1 GIF for every token (a forged one
 * records nothing); {@code GET /herald/t/c/<token>?u=<url>&s=<signature>}: records the click and
 * redirects to the link, or answers 404 when token, link or signature is not genuine (no open
 * redirect).
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(PublicWeb.CONTEXT)
@HttpWhiteboardServletName("herald-tracking")
@HttpWhiteboardServletPattern("/t/*")
public class TrackingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final transient TrackingService tracking;

    @Activate
    public TrackingServlet(@Reference TrackingService tracking) {
        this.tracking = tracking;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (path.startsWith("/o/") && path.endsWith(".gif")) {
            tracking.open(path.substring(3, path.length() - 4));
            response.setContentType("image/gif");
            response.setHeader("Cache-Control", "no-store, no-cache, private");
            response.setContentLength(PIXEL.length);
            response.getOutputStream().write(PIXEL);
            return;
        }
        if (path.startsWith("/c/")) {
            Optional<String> target = tracking.click(path.substring(3), request.getParameter("u"), request.getParameter("s"));
            if (target.isPresent()) {
                response.setHeader("Cache-Control", "no-store");
                response.setStatus(HttpServletResponse.SC_FOUND);
                response.setHeader("Location", target.get());
                return;
            }
        }
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
