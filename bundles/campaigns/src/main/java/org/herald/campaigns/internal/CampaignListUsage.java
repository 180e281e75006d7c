package org.herald.campaigns.internal;

import java.util.List;

import org.herald.contacts.ListUsageProvider;
import org.herald.store.CampaignStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A list that a campaign not yet SENT or CANCELLED targets or excludes is in use. */
@Component(service = ListUsageProvider.class)
public class CampaignListUsage implements ListUsageProvider {

    private final CampaignStore campaigns;

    @Activate
    public CampaignListUsage(@Reference CampaignStore campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public List<String> usagesOf(String listName) {
        return campaigns.usingList(listName).stream().map(c -> "campaign '" + c + "'").toList();
    }
}
