package org.herald.rest.internal.health;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Asks the framework and SCR how every Herald bundle and component is doing, for both health
 * endpoints: the anonymous one in the public application (status only) and the admin one (details).
 */
@Component(service = Readiness.class)
public class Readiness {

    private final BundleContext context;
    private final ServiceComponentRuntime scr;

    @Activate
    public Readiness(BundleContext context, @Reference ServiceComponentRuntime scr) {
        this.context = context;
        this.scr = scr;
    }

    public HealthCheck.Report check() {
        HealthCheck check = new HealthCheck();
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            if (name == null || !name.startsWith(HealthCheck.PREFIX) || bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            check.bundle(name, bundle.getState());
            if (bundle.getState() != Bundle.ACTIVE) {
                continue;
            }
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
                check.component(name, description, scr.isComponentEnabled(description),
                        scr.getComponentConfigurationDTOs(description));
            }
        }
        return check.report();
    }
}
