package org.herald.rest.internal;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * The Herald REST application. It holds no resources itself: every resource and extension is a DS
 * component that selects this application through {@link Whiteboard#APPLICATION}. The application
 * requires the JSON provider and the Basic-auth filter, so the whiteboard does not serve it at all
 * until both are there: no resource can ever be reached without authentication. It requires the
 * filter of unknown query parameters too, so no operation silently ignores a misspelt one.
 */
@Component(service = Application.class)
@JaxrsName(Whiteboard.APPLICATION_NAME)
@JaxrsApplicationBase(Whiteboard.BASE)
@JaxrsExtensionSelect({ Whiteboard.JSON, Whiteboard.AUTH, Whiteboard.QUERY })
public class HeraldApplication extends Application {
}
