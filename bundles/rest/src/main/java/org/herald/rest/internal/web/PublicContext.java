package org.herald.rest.internal.web;

import org.herald.rest.web.PublicWeb;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContext;

/**
 * The public web application's servlet context at {@code /herald}. No authentication: whoever has a
 * subscriber's link may use it, and each page checks its token itself.
 */
@Component(service = ServletContextHelper.class, scope = ServiceScope.BUNDLE)
@HttpWhiteboardContext(name = PublicWeb.CONTEXT_NAME, path = PublicWeb.BASE)
public class PublicContext extends ServletContextHelper {
}
