package org.herald.rest.internal.auth;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;

import org.herald.rest.internal.RestConfig;
import org.herald.rest.internal.Whiteboard;
import org.herald.rest.internal.error.Errors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.metatype.annotations.Designate;

/**
 * HTTP Basic authentication against Karaf JAAS for every request to the admin application, with no
 * exception by path or method. It runs before resource matching, so unknown paths are refused too
 * instead of revealing what exists. The public application under {@code /herald} does not select it.
 */
@Component(service = ContainerRequestFilter.class, configurationPid = RestConfig.PID)
@Designate(ocd = RestConfig.class)
@JaxrsExtension
@JaxrsName(Whiteboard.AUTH_NAME)
@JaxrsApplicationSelect(Whiteboard.APPLICATION)
@JaxrsExtensionSelect(Whiteboard.JSON)
@PreMatching
public class BasicAuthFilter implements ContainerRequestFilter {

    private volatile Gatekeeper gatekeeper;

    /** The servlet request of the current call (a thread-local proxy the JAX-RS runtime injects): its client address. */
    @javax.ws.rs.core.Context
    private javax.servlet.http.HttpServletRequest servletRequest;

    @Activate
    public BasicAuthFilter(RestConfig config) {
        modified(config);
    }

    /** For tests: a filter over any authenticator. */
    public BasicAuthFilter(Gatekeeper gatekeeper) {
        this.gatekeeper = gatekeeper;
    }

    @Modified
    void modified(RestConfig config) {
        gatekeeper = new Gatekeeper(new JaasAuthenticator(config.auth_realm()), config.auth_role());
    }

    private String clientAddress() {
        try {
            return servletRequest == null ? null : servletRequest.getRemoteAddr();
        } catch (RuntimeException e) {
            // no servlet request behind this call (a test without a container)
            return null;
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Gatekeeper.Decision decision = gatekeeper.decide(request.getHeaderString("Authorization"), clientAddress());
        if (decision instanceof Gatekeeper.Refused refused) {
            request.abortWith(Errors.response(refused.status(), refused.body()));
        } else if (decision instanceof Gatekeeper.Allowed allowed) {
            boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
            request.setSecurityContext(new HeraldSecurityContext(allowed.identity(), secure));
        }
    }
}
