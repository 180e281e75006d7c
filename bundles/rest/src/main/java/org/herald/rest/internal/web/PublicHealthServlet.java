package org.herald.rest.internal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.herald.rest.internal.health.Readiness;
import org.herald.rest.web.PublicWeb;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /herald/health}, anonymous, for load balancers and monitoring: 200 {@code {"status":"UP"}}
 * or 503 {@code {"status":"DOWN"}} and nothing else. Which bundle or component is not ready tells an
 * outsider what runs here, so the details are only in the admin API's {@code GET /health}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(PublicWeb.CONTEXT)
@HttpWhiteboardServletName("herald-public-health")
@HttpWhiteboardServletPattern("/health")
public class PublicHealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Readiness readiness;

    @Activate
    public PublicHealthServlet(@Reference Readiness readiness) {
        this.readiness = readiness;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean up = readiness.check().up();
        byte[] body = ("{\"status\":\"" + (up ? "UP" : "DOWN") + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setStatus(up ? 200 : 503);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store, no-cache");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
