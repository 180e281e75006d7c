package org.herald.unsubscribe.internal;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.DispatcherType;

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
import org.herald.preferences.internal.ConfirmServlet;
import org.herald.preferences.internal.DefaultSubscriberService;
import org.herald.preferences.internal.PreferencesServlet;
import org.herald.rest.internal.web.PublicGuard;

/**
 * Every subscriber page as the container serves it: the public context at {@code /herald} in Jetty
 * 9.4 (Pax Web's container) behind the public guard, with the real subscriber, campaign and contact
 * services on a real Derby database (the campaign test bed).
 */
final class PageServer implements AutoCloseable {

    final CampaignBed cb;
    final DefaultPages pages;
    final DefaultSubscriberService subscribers;
    final DefaultFormService forms;
    private final Server jetty = new Server();
    final String base;

    PageServer(Map<String, Object> pageConfig) throws Exception {
        cb = new CampaignBed(Map.of("leaseSeconds", 0L, "retryFirstSeconds", 0L));
        Map<String, Object> c = new HashMap<>(pageConfig);
        PagesConfig config = Configs.of(PagesConfig.class, c);
        pages = new DefaultPages(cb.tokens, config);
        forms = new DefaultFormService(cb.bed.stores.forms(), cb.bed.contacts, cb.bed.fields, cb.bed.lists,
                cb.confirmations, cb.tokens, Configs.of(FormsConfig.class, Map.of("redirectHosts", "www.example.com")));
        subscribers = new DefaultSubscriberService(cb.tokens, cb.bed.contacts, cb.bed.lists, cb.bed.fields, cb.policy,
                cb.bed.stores.messages(), cb.bed.events, cb.confirmations, forms, config);
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/herald");
        context.addFilter(new FilterHolder(new PublicGuard()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new PreferencesServlet(subscribers, pages)), "/preferences/*");
        context.addServlet(new ServletHolder(new ConfirmServlet(subscribers, pages)), "/confirm/*");
        context.addServlet(new ServletHolder(new UnsubscribeServlet(subscribers, pages, cb.links)), "/unsubscribe/*");
        jetty.setHandler(context);
        jetty.start();
        base = "http://127.0.0.1:" + connector.getLocalPort() + "/herald";
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
        cb.close();
    }
}
