package org.herald.campaigns.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.herald.tokens.ContactLinks;
import org.herald.tokens.SubscriberLinks;
import org.herald.tokens.Token;
import org.herald.tokens.TokenPurpose;
import org.herald.tokens.TokenService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The subscriber links under the public base URL of {@code org.herald.campaigns}: the one place that
 * knows the paths of the public pages and which token each carries.
 */
@Component(service = {SubscriberLinks.class, DefaultSubscriberLinks.class}, configurationPid = DefaultCampaignService.PID)
public class DefaultSubscriberLinks implements SubscriberLinks {

    private final TokenService tokens;
    private final String base;
    private final Duration confirmation;

    @Activate
    public DefaultSubscriberLinks(@Reference TokenService tokens, CampaignsConfig config) {
        this.tokens = tokens;
        this.base = config.baseUrl();
        if (config.confirmationHours() < 1) {
            throw new IllegalArgumentException("confirmationHours must be at least 1, not " + config.confirmationHours());
        }
        this.confirmation = Duration.ofHours(config.confirmationHours());
    }

    @Override
    public Map<String, String> forMessage(String contactId, long messageId) {
        Map<String, String> links = new LinkedHashMap<>();
        String unsubscribe = tokens.issue(Token.of(TokenPurpose.UNSUBSCRIBE, contactId, messageId));
        links.put("unsubscribe_token", unsubscribe);
        links.put("unsubscribe_url", base + "/unsubscribe/" + unsubscribe);
        links.put("preferences_url", preferences(contactId));
        links.put("webview_url", base + "/t/v/" + tokens.issue(Token.of(TokenPurpose.WEB_VIEW, contactId, messageId)));
        links.put("confirm_url", confirm(contactId, Instant.now().plus(confirmation)));
        links.put("token", tokens.issue(Token.of(TokenPurpose.PREFILL, contactId)));
        return links;
    }

    @Override
    public ContactLinks forContact(String contactId) {
        Instant until = Instant.ofEpochSecond(Instant.now().plus(confirmation).getEpochSecond());
        return new ContactLinks(contactId, preferences(contactId),
                base + "/unsubscribe/" + tokens.issue(Token.of(TokenPurpose.UNSUBSCRIBE, contactId)),
                confirm(contactId, until), until);
    }

    /** The prefixes of links that must not be rewritten for click tracking. */
    String[] pagePrefixes() {
        return new String[] {base + "/unsubscribe/", base + "/preferences/", base + "/confirm/"};
    }

    String baseUrl() {
        return base;
    }

    private String preferences(String contactId) {
        return base + "/preferences/" + tokens.issue(Token.of(TokenPurpose.PREFERENCES, contactId));
    }

    private String confirm(String contactId, Instant until) {
        return base + "/confirm/" + tokens.issue(Token.of(TokenPurpose.CONFIRM, contactId).expiringAt(until));
    }
}
