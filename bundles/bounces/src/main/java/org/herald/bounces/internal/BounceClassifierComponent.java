package org.herald.bounces.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.herald.bounce.BounceClassifier;
import org.herald.bounce.BounceRecord;
import org.herald.bounce.spi.BounceRule;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link BounceClassifier} service: Herald's built-in rules plus every {@link BounceRule}
 * service, ordered by {@code service.ranking}, with the size and time bounds of PID
 * {@code org.herald.bounces}.
 */
@Component(service = BounceClassifier.class, configurationPid = "org.herald.bounces")
@Designate(ocd = BounceClassifierComponent.Config.class)
public class BounceClassifierComponent implements BounceClassifier {

    private static final Logger LOG = LoggerFactory.getLogger(BounceClassifierComponent.class);

    /** The default of {@link Config#maxMessageBytes()}: 10 MiB. */
    public static final long DEFAULT_MAX_MESSAGE_BYTES = 10_485_760L;
    /** The default of {@link Config#timeoutMillis()}. */
    public static final long DEFAULT_TIMEOUT_MILLIS = 5000L;

    @ObjectClassDefinition(name = "Herald bounce classifier",
            description = "Bounds for classifying bounces, complaints and auto-replies")
    public @interface Config {
        @AttributeDefinition(description = "Messages larger than this many bytes are not parsed (class UNKNOWN)")
        long maxMessageBytes() default DEFAULT_MAX_MESSAGE_BYTES;

        @AttributeDefinition(description = "A classification taking longer than this many milliseconds is abandoned (class UNKNOWN)")
        long timeoutMillis() default DEFAULT_TIMEOUT_MILLIS;
    }

    private final Map<BounceRule, RuleSet.Entry> contributed = new ConcurrentHashMap<>();
    private volatile RuleSet rules = RuleSet.builtin();
    private volatile Classifier classifier;

    @Activate
    void activate(Config config) {
        classifier = new Classifier(config.maxMessageBytes(), config.timeoutMillis(), () -> rules);
        LOG.info("Bounce classifier ready: {} rules, maxMessageBytes={}, timeoutMillis={}",
                rules.entries().size(), config.maxMessageBytes(), config.timeoutMillis());
    }

    @Modified
    void modified(Config config) {
        Classifier old = classifier;
        classifier = new Classifier(config.maxMessageBytes(), config.timeoutMillis(), () -> rules);
        if (old != null) {
            old.close();
        }
    }

    @Deactivate
    void deactivate() {
        Classifier c = classifier;
        classifier = null;
        if (c != null) {
            c.close();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addRule(BounceRule rule, Map<String, Object> props) {
        int ranking = props.get(Constants.SERVICE_RANKING) instanceof Integer i ? i : 0;
        long id = props.get(Constants.SERVICE_ID) instanceof Long l ? l : 0L;
        contributed.put(rule, new RuleSet.Entry(rule, ranking, id));
        rebuild();
        LOG.info("Bounce rule {} added with ranking {}", rule.name(), ranking);
    }

    void removeRule(BounceRule rule) {
        if (contributed.remove(rule) != null) {
            rebuild();
            LOG.info("Bounce rule {} removed", rule.name());
        }
    }

    private synchronized void rebuild() {
        rules = RuleSet.of(new ArrayList<>(contributed.values()));
    }

    @Override
    public long maxMessageBytes() {
        Classifier c = classifier;
        return c == null ? DEFAULT_MAX_MESSAGE_BYTES : c.maxBytes();
    }

    @Override
    public List<BounceRecord> classify(byte[] message) {
        Classifier c = classifier;
        if (c == null) {
            return List.of(BounceRecord.unknown("the bounce classifier is not active"));
        }
        return c.classify(message);
    }
}
