/**
 * Campaigns and their templates: a campaign is one send of one template to lists and/or
 * segments minus exclusions, each recipient once, with a status per (campaign, contact)
 * ({@link org.herald.campaigns.MessageStatus}). {@link org.herald.campaigns.CampaignService} creates,
 * sends, pauses, resumes, cancels and reports; {@link org.herald.campaigns.TemplateService} keeps and
 * renders templates; {@link org.herald.campaigns.SendPolicy} is the one place that decides whether a
 * contact may get a marketing message now (frequency and ONE_MESSAGE caps).
 * <p>
 * Results are records that grow only by appending a component; the inputs are final classes with
 * builders.
 * <p>
 * 1.3: {@link org.herald.campaigns.CampaignReport#links()}, clicks and unique clickers per link; A/B tests
 * ({@link org.herald.campaigns.AbTest} on {@link org.herald.campaigns.CampaignInput}, {@link org.herald.campaigns.AbTestInfo}
 * on the campaign and its report, {@link org.herald.campaigns.VariantFigures}).
 */
@Export
@Version("1.3.0")
package org.herald.campaigns;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
