package org.herald.campaigns.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.herald.campaigns.TrackingService;
import org.herald.common.NotFoundException;
import org.herald.events.EventTypes;
import org.herald.store.CampaignStore;
import org.herald.store.EventStore;
import org.herald.store.EventWrite;
import org.herald.store.MessageStore;
import org.herald.store.MessageStore.MessageRecord;
import org.herald.tokens.Token;
import org.herald.tokens.TokenPurpose;
import org.herald.tokens.TokenService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unbescape.html.HtmlEscape;

/**
 * Open pixel and click redirect. {@link #instrument} rewrites a rendered message's links into
 * {@code /t/c/<token>?u=<url>&s=<signature>} (not its unsubscribe and preference links) and adds
 * the pixel {@code /t/o/<token>.gif}; the hits are recorded as events of the message's campaign.
 */
@Component(service = {TrackingService.class, Tracking.class})
public class Tracking implements TrackingService {

    private static final Pattern HREF = Pattern.compile("(?i)(<a\\b[^>]*?\\bhref\\s*=\\s*)([\"'])(https?://[^\"']+)\\2");

    private final TokenService tokens;
    private final MessageStore messages;
    private final CampaignStore campaigns;
    private final EventStore events;

    @Activate
    public Tracking(@Reference TokenService tokens, @Reference MessageStore messages, @Reference CampaignStore campaigns,
            @Reference EventStore events) {
        this.tokens = tokens;
        this.messages = messages;
        this.campaigns = campaigns;
        this.events = events;
    }

    /** The HTML with tracked links and the open pixel, for message {@code messageId} of contact {@code contactId}. */
    String instrument(String html, String baseUrl, String contactId, long messageId, List<String> untracked) {
        if (html == null) {
            return null;
        }
        String click = tokens.issue(Token.of(TokenPurpose.CLICK, contactId, messageId));
        Matcher m = HREF.matcher(html);
        StringBuilder sb = new StringBuilder(html.length() + 512);
        while (m.find()) {
            String url = HtmlEscape.unescapeHtml(m.group(3));
            if (untracked.stream().anyMatch(url::startsWith)) {
                m.appendReplacement(sb, Matcher.quoteReplacement(m.group()));
                continue;
            }
            String tracked = baseUrl + "/t/c/" + click + "?u=" + URLEncoder.encode(url, StandardCharsets.UTF_8) + "&s="
                    + tokens.sign(click, url);
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + m.group(2) + HtmlEscape.escapeHtml5Xml(tracked)
                    + m.group(2)));
        }
        m.appendTail(sb);
        String pixel = "<img src=\"" + baseUrl + "/t/o/" + tokens.issue(Token.of(TokenPurpose.OPEN, contactId, messageId))
                + ".gif\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;border:0\">";
        int body = sb.lastIndexOf("</body>");
        if (body >= 0) {
            sb.insert(body, pixel);
        } else {
            sb.append(pixel);
        }
        return sb.toString();
    }

    @Override
    public boolean open(String token) {
        Optional<Token> t = tokens.verify(token, TokenPurpose.OPEN);
        return t.isPresent() && record(t.get(), EventTypes.MESSAGE_OPENED, null);
    }

    @Override
    public Optional<String> click(String token, String url, String signature) {
        Optional<Token> t = tokens.verify(token, TokenPurpose.CLICK);
        if (t.isEmpty() || url == null || !tokens.verifySigned(token, url, signature)) {
            return Optional.empty();
        }
        record(t.get(), EventTypes.MESSAGE_CLICKED, url);
        return Optional.of(url);
    }

    private boolean record(Token t, String type, String url) {
        MessageRecord m;
        try {
            m = messages.find(t.messageId());
        } catch (NotFoundException e) {
            return false;
        }
        if (!m.contactId().equals(t.contactId())) {
            return false;
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("campaign", campaigns.find(m.campaignId()).map(CampaignStore.CampaignRecord::name).orElse(""));
        props.put("message", m.id());
        if (url != null) {
            props.put("url", url);
        }
        Instant now = Instant.now();
        events.append(List.of(new EventWrite(UUID.randomUUID().toString(), false, m.contactKey(), m.contactId(), type, now,
                now, DefaultCampaignService.source(m.campaignId()), "tracking", props, null, null)));
        return true;
    }
}
