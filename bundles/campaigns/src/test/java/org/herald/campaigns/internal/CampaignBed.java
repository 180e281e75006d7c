package org.herald.campaigns.internal;

import java.util.Map;

import org.herald.campaigns.internal.tokens.HmacTokens;
import org.herald.campaigns.internal.tokens.TokensConfig;
import org.herald.contacts.internal.Configs;
import org.herald.contacts.internal.TestBed;

/** The campaign services as the container wires them, on the contacts test bed (real Derby). */
final class CampaignBed implements AutoCloseable {

    final TestBed bed = new TestBed();
    final HmacTokens tokens = new HmacTokens(bed.stores.settings(), Configs.defaults(TokensConfig.class));
    final DefaultTemplateService templates = new DefaultTemplateService(bed.stores.templates(), bed.stores.campaigns());
    final DefaultSendPolicy policy = new DefaultSendPolicy(bed.stores.contacts(), bed.contacts, bed.stores.messages());
    final Tracking tracking = new Tracking(tokens, bed.stores.messages(), bed.stores.campaigns(), bed.stores.events());
    final DefaultCampaignService campaigns;

    CampaignBed() {
        this(Map.of());
    }

    CampaignBed(Map<String, Object> config) {
        Map<String, Object> c = new java.util.HashMap<>(Map.of("tickMillis", 3_600_000L));
        c.putAll(config);
        campaigns = new DefaultCampaignService(bed.stores.campaigns(), bed.stores.messages(), bed.stores.contacts(),
                bed.contacts, bed.stores.lists(), templates, policy, tokens, tracking, Configs.of(CampaignsConfig.class, c));
    }

    @Override
    public void close() {
        campaigns.deactivate();
        bed.close();
    }
}
