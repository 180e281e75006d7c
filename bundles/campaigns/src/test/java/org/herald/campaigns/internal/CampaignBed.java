package org.herald.campaigns.internal;

import java.util.Map;
import java.util.function.Function;

import org.herald.campaigns.internal.tokens.HmacTokens;
import org.herald.campaigns.internal.tokens.TokensConfig;
import org.herald.contacts.internal.Configs;
import org.herald.contacts.internal.TestBed;
import org.herald.common.NotFoundException;
import org.herald.store.SegmentCompiler;

/** The campaign services as the container wires them, on the contacts test bed (real Derby). */
public final class CampaignBed implements AutoCloseable {

    public final TestBed bed = new TestBed();
    public final HmacTokens tokens = new HmacTokens(bed.stores.settings(), Configs.defaults(TokensConfig.class));
    public final DefaultTemplateService templates = new DefaultTemplateService(bed.stores.templates(), bed.stores.campaigns());
    public final DefaultSendPolicy policy = new DefaultSendPolicy(bed.stores.contacts(), bed.contacts, bed.stores.messages());
    public final Tracking tracking = new Tracking(tokens, bed.stores.messages(), bed.stores.campaigns(), bed.stores.events());
    public final DefaultSubscriberLinks links;
    public final DefaultCampaignService campaigns;
    public final DefaultConfirmationMail confirmations;
    public final SegmentCompiler segments;

    public CampaignBed() {
        this(Map.of());
    }

    public CampaignBed(Map<String, Object> config) {
        this(config, bed -> NO_SEGMENTS);
    }

    /** Beds of modules without the audience bundle: no segment exists. */
    static final SegmentCompiler NO_SEGMENTS = (name, now) -> {
        throw new NotFoundException("segment '" + name + "' does not exist");
    };

    /** With the segments {@code segments} makes over the bed (the audience bundle's service in this module's tests). */
    public CampaignBed(Map<String, Object> config, Function<TestBed, SegmentCompiler> segments) {
        this.segments = segments.apply(bed);
        Map<String, Object> c = new java.util.HashMap<>(Map.of("tickMillis", 3_600_000L));
        c.putAll(config);
        links = new DefaultSubscriberLinks(tokens, Configs.of(CampaignsConfig.class, c));
        confirmations = new DefaultConfirmationMail(bed.contacts, bed.stores.contacts(), bed.stores.messages(), links,
                templates, policy, Configs.defaults(ConfirmationConfig.class));
        campaigns = new DefaultCampaignService(bed.stores.campaigns(), bed.stores.messages(), bed.stores.contacts(),
                bed.contacts, bed.stores.lists(), templates, policy, tokens, tracking,
                links, this.segments, Configs.of(CampaignsConfig.class, c));
    }

    @Override
    public void close() {
        campaigns.deactivate();
        bed.close();
    }
}
