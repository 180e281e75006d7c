package org.herald.routes.forms.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.herald.camel.support.RouteProducer;
import org.herald.common.NotFoundException;
import org.herald.common.TransientException;
import org.herald.forms.FormPost;
import org.herald.forms.FormResult;
import org.herald.forms.FormService;
import org.herald.forms.spi.CaptchaCheck;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code direct:herald-form-post}: every form post goes through these steps, each of which may
 * answer and end the exchange:
 * <ol>
 * <li>screen: a value with a line break (header injection) or longer than allowed is refused with the
 * field named; the honeypot filled is answered as accepted and dropped; the posts of one IP are
 * limited per minute;</li>
 * <li>CAPTCHA: the configured {@link CaptchaCheck} must accept the post's answer, once;</li>
 * <li>the posts for one address are limited per hour;</li>
 * <li>intake: {@link FormService#submit}.</li>
 * </ol>
 * The body in is a {@link FormRequest}; the body out a {@link FormAnswer}.
 */
@Component(service = {RoutesBuilder.class, FormsRoute.class}, configurationPid = FormsRoute.PID)
@Designate(ocd = FormsRouteConfig.class)
public class FormsRoute extends RouteBuilder {

    static final String PID = "org.herald.routes.forms";
    static final String ROUTE_ID = "herald-forms-in";
    static final String ENDPOINT = "direct:herald-form-post";
    private static final Logger LOG = LoggerFactory.getLogger(FormsRoute.class);

    private final FormService forms;
    private final FormsRouteConfig config;
    private final List<CaptchaCheck> captchas = new CopyOnWriteArrayList<>();
    private final RateLimits perIp = new RateLimits(60_000);
    private final RateLimits perAddress = new RateLimits(3_600_000);
    private final RouteProducer producer = new RouteProducer(this, ROUTE_ID);

    @Activate
    public FormsRoute(@Reference FormService forms, FormsRouteConfig config) {
        this.forms = forms;
        this.config = config;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCaptcha(CaptchaCheck check) {
        captchas.add(check);
    }

    void removeCaptcha(CaptchaCheck check) {
        captchas.remove(check);
    }

    FormsRouteConfig config() {
        return config;
    }

    /** The CAPTCHA the configuration names, if its service is there. */
    CaptchaCheck captcha() {
        String wanted = config.captcha() == null || config.captcha().isBlank() ? "none" : config.captcha().strip();
        for (CaptchaCheck c : captchas) {
            if (c.name().equals(wanted)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId(ROUTE_ID)
                .process(this::screen)
                .process(this::captcha)
                .process(this::limitAddress)
                .process(this::intake);
    }

    private static void answer(Exchange exchange, FormAnswer answer) {
        exchange.getMessage().setBody(answer);
        exchange.setRouteStop(true);
    }

    void screen(Exchange exchange) {
        FormRequest r = exchange.getMessage().getBody(FormRequest.class);
        Map<String, String> errors = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : r.values().entrySet()) {
            for (String v : e.getValue()) {
                if (v == null) {
                    continue;
                }
                if (v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) {
                    errors.put(e.getKey(), "must be on one line: line breaks are not allowed");
                } else if (v.length() > config.maxValueLength()) {
                    errors.put(e.getKey(), "is longer than " + config.maxValueLength() + " characters");
                }
            }
        }
        String honeypot = r.first(config.honeypotField());
        if (honeypot != null && !honeypot.isEmpty()) {
            LOG.debug("Form '{}': a post with the honeypot filled was dropped", r.form());
            answer(exchange, FormAnswer.of(FormAnswer.Kind.ACCEPTED));
            return;
        }
        long now = System.currentTimeMillis();
        String ip = r.proof().ip() == null ? "unknown" : r.proof().ip();
        if (!perIp.allow(ip, config.postsPerIpPerMinute(), now)) {
            answer(exchange, FormAnswer.limited(perIp.retryAfterSeconds(now)));
            return;
        }
        if (!errors.isEmpty()) {
            answer(exchange, FormAnswer.invalid(errors));
        }
    }

    void captcha(Exchange exchange) {
        FormRequest r = exchange.getMessage().getBody(FormRequest.class);
        CaptchaCheck check = captcha();
        if (check == null) {
            LOG.warn("Form posts are refused: the CAPTCHA '{}' of PID {} is not available", config.captcha(), PID);
            answer(exchange, FormAnswer.of(FormAnswer.Kind.UNAVAILABLE));
            return;
        }
        if (!check.verify(r.form(), r.first(check.field()), r.proof().ip())) {
            answer(exchange, FormAnswer.invalid(Map.of(check.field(), "the anti-spam check was not passed; "
                    + "please try again")));
        }
    }

    void limitAddress(Exchange exchange) {
        FormRequest r = exchange.getMessage().getBody(FormRequest.class);
        String email = r.first("email");
        long now = System.currentTimeMillis();
        if (email != null && !email.isBlank()
                && !perAddress.allow(email.strip().toLowerCase(Locale.ROOT), config.postsPerAddressPerHour(), now)) {
            answer(exchange, FormAnswer.limited(perAddress.retryAfterSeconds(now)));
        }
    }

    void intake(Exchange exchange) {
        FormRequest r = exchange.getMessage().getBody(FormRequest.class);
        Map<String, List<String>> values = new LinkedHashMap<>(r.values());
        values.remove(config.honeypotField());
        CaptchaCheck check = captcha();
        if (check != null) {
            values.remove(check.field());
        }
        List<String> consent = values.remove(FormPost.CONSENT_FIELD);
        boolean given = consent != null && consent.stream().anyMatch(FormPost::ticked);
        FormResult result;
        try {
            result = forms.submit(new FormPost(r.form(), values, given, r.proof()));
        } catch (NotFoundException e) {
            answer(exchange, FormAnswer.of(FormAnswer.Kind.NOT_FOUND));
            return;
        }
        exchange.getMessage().setBody(result.outcome() == FormResult.Outcome.ACCEPTED
                ? FormAnswer.of(FormAnswer.Kind.ACCEPTED) : FormAnswer.invalid(result.errors()));
    }

    /**
     * Sends a post through the route and returns its answer; UNAVAILABLE while the route is not
     * running or the database is down.
     */
    FormAnswer handle(FormRequest request) {
        if (producer.notRunning() != null) {
            return FormAnswer.of(FormAnswer.Kind.UNAVAILABLE);
        }
        ProducerTemplate template;
        try {
            template = producer.get();
        } catch (IllegalStateException stoppedMeanwhile) {
            return FormAnswer.of(FormAnswer.Kind.UNAVAILABLE);
        }
        CamelContext context = template.getCamelContext();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(context.getApplicationContextClassLoader());
        try {
            return template.requestBody(ENDPOINT, request, FormAnswer.class);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof TransientException) {
                LOG.warn("A form post could not be taken now: {}", e.getCause().getMessage());
                return FormAnswer.of(FormAnswer.Kind.UNAVAILABLE);
            }
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Deactivate
    void deactivate() {
        producer.close();
    }
}
