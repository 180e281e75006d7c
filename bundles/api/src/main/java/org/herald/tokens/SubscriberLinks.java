package org.herald.tokens;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The URLs of a contact's subscriber pages, each carrying a signed token (never the address), under
 * the configured public base URL: what messages link to and what support staff hand out.
 */
@ProviderType
public interface SubscriberLinks {

    /**
     * The links a message carries, by merge-tag name: {@code unsubscribe_url} and
     * {@code unsubscribe_token} (for the message: its one-click unsubscribe leaves the lists it was
     * sent for), {@code preferences_url}, {@code webview_url}, {@code confirm_url} and {@code token}
     * (prefills forms). {@code messageId} 0 for links not tied to a message.
     */
    Map<String, String> forMessage(String contactId, long messageId);

    /** The current links of a contact (public id): preference page, unsubscribe page, confirmation. */
    ContactLinks forContact(String contactId);
}
