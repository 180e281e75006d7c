package org.herald.rest.internal.campaigns;

import java.time.Instant;
import java.util.List;

import org.herald.campaigns.AbMetric;
import org.herald.campaigns.AbTest;
import org.herald.campaigns.AbVariant;
import org.herald.campaigns.CampaignInput;
import org.herald.campaigns.TemplateInput;

/** Request bodies of the campaign and template resources. */
public final class CampaignJson {

    private CampaignJson() {
    }

    /** POST /campaigns and PUT /campaigns/{name} (a draft). */
    public record CampaignBody(String name, String template, String subject, String from, String replyTo,
            Boolean transactional, Boolean allowUnknown, List<String> lists, List<String> excludeLists,
            List<String> segments, List<String> excludeSegments, AbTestBody abTest) {

        CampaignInput input() {
            CampaignInput.Builder b = CampaignInput.builder(template).subject(subject).from(from).replyTo(replyTo)
                    .transactional(Boolean.TRUE.equals(transactional)).allowUnknown(Boolean.TRUE.equals(allowUnknown));
            if (lists != null) {
                b.list(lists.toArray(String[]::new));
            }
            if (excludeLists != null) {
                b.excludeList(excludeLists.toArray(String[]::new));
            }
            if (segments != null) {
                b.segment(segments.toArray(String[]::new));
            }
            if (excludeSegments != null) {
                b.excludeSegment(excludeSegments.toArray(String[]::new));
            }
            if (abTest != null) {
                b.abTest(abTest.test());
            }
            return b.build();
        }
    }

    /** The A/B test of a campaign body; absent members take the defaults of {@link AbTest.Builder}. */
    public record AbTestBody(Integer samplePercent, AbMetric metric, Long waitMinutes, List<AbVariant> variants) {
        AbTest test() {
            AbTest.Builder b = AbTest.builder();
            if (samplePercent != null) {
                b.samplePercent(samplePercent);
            }
            if (metric != null) {
                b.metric(metric);
            }
            if (waitMinutes != null) {
                b.waitMinutes(waitMinutes);
            }
            if (variants != null) {
                variants.forEach(v -> b.variant(v.name(), v.template(), v.subject()));
            }
            return b.build();
        }
    }

    /** POST /campaigns/{name}/send: empty for now, or a time. */
    public record SendBody(Instant at) {
    }

    /** POST /campaigns/{name}/test. */
    public record TestBody(List<String> addresses) {
    }

    /** The answer of a test send. */
    public record TestResult(int sent) {
    }

    /** PUT /templates/{name}. */
    public record TemplateBody(String subject, String html, String text) {
        TemplateInput input() {
            return TemplateInput.builder().subject(subject).html(html).text(text).build();
        }
    }
}
