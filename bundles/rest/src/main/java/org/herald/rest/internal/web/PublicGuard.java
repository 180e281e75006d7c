package org.herald.rest.internal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;

import org.herald.rest.web.PublicWeb;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps every request of the public context. Public URLs hold subscriber tokens, so the
 * {@code Referer} must never carry them to another site; pages are personal, so nothing is cached
 * unless a servlet says otherwise; no page may be framed (a hidden unsubscribe button) or sniffed
 * into another type. The caller is an anonymous subscriber (or a mail scanner, or an attacker), so
 * no error carries a message, class name or stack trace: {@code sendError} gives the status with a
 * fixed reason, and an exception a 500 whose body holds only a reference to the logged failure.
 */
@Component(service = Filter.class)
@HttpWhiteboardContextSelect(PublicWeb.CONTEXT)
@HttpWhiteboardFilterName("herald-public-guard")
@HttpWhiteboardFilterPattern("/*")
public class PublicGuard implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(PublicGuard.class);

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse http = (HttpServletResponse) response;
        http.setHeader("Referrer-Policy", "no-referrer");
        http.setHeader("X-Content-Type-Options", "nosniff");
        http.setHeader("X-Frame-Options", "DENY");
        http.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
        http.setHeader("Cache-Control", "no-store");
        try {
            chain.doFilter(request, new FixedErrors(http));
        } catch (IOException | ServletException | RuntimeException | Error e) {
            String reference = UUID.randomUUID().toString();
            LOG.error("Internal error on a public page, reference {}", reference, e);
            if (!http.isCommitted()) {
                write(http, 500, "Something went wrong on our side. Please try again later (reference " + reference + ").");
            }
        }
    }

    /** The fixed text for an error status: what went wrong in general, nothing about this request. */
    static String reason(int status) {
        switch (status) {
            case 400:
                return "Bad request.";
            case 404:
                return "Not found.";
            case 405:
                return "Method not allowed.";
            case 413:
                return "Request too large.";
            case 415:
                return "Unsupported media type.";
            case 429:
                return "Too many requests. Please try again later.";
            default:
                return status >= 500 ? "Something went wrong on our side. Please try again later."
                        : "The request could not be processed.";
        }
    }

    static void write(HttpServletResponse response, int status, String text) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** Turns {@code sendError} into the status and its fixed reason, whatever message was given. */
    private static final class FixedErrors extends HttpServletResponseWrapper {

        FixedErrors(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            sendError(status);
        }

        @Override
        public void sendError(int status) throws IOException {
            if (isCommitted()) {
                throw new IllegalStateException("response already committed");
            }
            write((HttpServletResponse) getResponse(), status, reason(status));
        }
    }
}
