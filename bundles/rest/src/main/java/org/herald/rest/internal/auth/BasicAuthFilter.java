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

    @Override
    public void filter(ContainerRequestContext request) {
        Gatekeeper.Decision decision = gatekeeper.decide(request.getHeaderString("Authorization"));
        if (decision instanceof Gatekeeper.Refused refused) {
            request.abortWith(Errors.response(refused.status(), refused.body()));
        } else if (decision instanceof Gatekeeper.Allowed allowed) {
            boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
            request.setSecurityContext(new HeraldSecurityContext(allowed.identity(), secure));
        }
    }
}
