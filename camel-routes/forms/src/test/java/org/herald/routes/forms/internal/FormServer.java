package org.herald.routes.forms.internal;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.DispatcherType;

import org.apache.camel.impl.DefaultCamelContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.herald.campaigns.internal.CampaignBed;
import org.herald.contacts.internal.Configs;
import org.herald.forms.internal.DefaultFormService;
import org.herald.forms.internal.FormsConfig;
import org.herald.pages.internal.DefaultPages;
import org.herald.pages.internal.PagesConfig;
import org.herald.rest.internal.web.PublicGuard;

/**
 * The form page and endpoint as the container serves them: the public context at {@code /herald} in
 * Jetty 9.4 behind the public guard, the route in a running CamelContext, the real form, contact and
 * campaign services on Derby.
 */
final class FormServer implements AutoCloseable {

    final CampaignBed cb = new CampaignBed();
    final DefaultFormService forms;
    final FormsRoute route;
    final PowCaptcha pow;
    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final Server jetty = new Server();
    final String base;

    FormServer(Map<String, Object> routeConfig) throws Exception {
        DefaultPages pages = new DefaultPages(cb.tokens, Configs.of(PagesConfig.class, Map.of()));
        forms = new DefaultFormService(cb.bed.stores.forms(), cb.bed.contacts, cb.bed.fields, cb.bed.lists,
                cb.confirmations, cb.tokens, Configs.of(FormsConfig.class, Map.of("redirectHosts", "www.example.com")));
        Map<String, Object> c = new HashMap<>(Map.of("postsPerIpPerMinute", 1000, "postsPerAddressPerHour", 1000));
        c.putAll(routeConfig);
        FormsRouteConfig config = Configs.of(FormsRouteConfig.class, c);
        route = new FormsRoute(forms, config);
        route.addCaptcha(new NoCaptcha());
        pow = new PowCaptcha(cb.bed.stores.forms(), cb.bed.stores.settings(), config);
        route.addCaptcha(pow);
        camel.addRoutes(route);
        camel.start();

        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/herald");
        context.addFilter(new FilterHolder(new PublicGuard()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new FormServlet(route, forms, cb.bed.fields, pages)), "/forms/*");
        jetty.setHandler(context);
        jetty.start();
        base = "http://127.0.0.1:" + connector.getLocalPort() + "/herald";
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
        camel.stop();
        cb.close();
    }
}
