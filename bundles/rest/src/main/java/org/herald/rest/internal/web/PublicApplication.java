package org.herald.rest.internal.web;

import javax.ws.rs.core.Application;

import org.herald.rest.web.PublicWeb;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Herald's public web application under {@code /herald}: subscriber-facing pages and endpoints that
 * answer without a login. It has no authentication filter at all; the admin API is a different
 * application (its own servlet context at {@code /herald/api/v1}) with its own extensions, so the
 * two share no filter and no mapper. It requires its error mapper and header filter, so the
 * whiteboard does not serve it until both are there: no public response can leak an exception
 * message or go out without the headers. Resources join through {@link PublicWeb#APPLICATION}.
 */
@Component(service = Application.class)
@JaxrsName(PublicWeb.APPLICATION_NAME)
@JaxrsApplicationBase(PublicWeb.BASE)
@JaxrsExtensionSelect({ PublicWeb.ERRORS, PublicWeb.HEADERS })
public class PublicApplication extends Application {
}
