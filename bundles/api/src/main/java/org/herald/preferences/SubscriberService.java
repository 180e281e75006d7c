package org.herald.preferences;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a subscriber does on Herald's public pages, reached through a signed link: see and change its
 * preferences, unsubscribe (one type, everything, or down to one message a week), RFC 8058
 * one-click unsubscribe, and confirm a subscription. Every method takes the token of the link;
 * unknown, tampered and expired tokens, and tokens of a contact that is gone, all give the same
 * empty answer, so a page answers them alike. Every change is committed, with its consent ledger
 * entries and events, before the method returns.
 */
@ProviderType
public interface SubscriberService {

    /** The preference page of the contact of a preference (or unsubscribe) token. */
    Optional<PreferencePage> preferences(String token);

    /**
     * Saves the preference page: list subscriptions (source MANAGE, the contact's own act, with the
     * proof of the request), the frequency, the master unsubscribe, the visible fields. Invalid
     * field values are a {@link org.herald.common.ValidationException} naming the field; nothing is
     * changed then.
     */
    Optional<PreferencePage> save(String token, PreferenceChange change, RequestProof proof);

    /** The unsubscribe page of an unsubscribe (or preference) token; {@code list} names a type to leave, or null. */
    Optional<UnsubscribePage> unsubscribePage(String token, String list);

    /**
     * Applies the choice of the unsubscribe page (source MESSAGE with the message of the link, or
     * ONE_MESSAGE for {@link UnsubscribeChoice#ONE_A_WEEK}); {@code reason}, optional, is kept on the
     * contact's timeline. Returns the page after the change.
     */
    Optional<UnsubscribePage> unsubscribe(String token, UnsubscribeChoice choice, String list, String reason,
            RequestProof proof);

    /**
     * RFC 8058 one-click: leaves the lists the message of the token was sent for (everything, when
     * the token names no message), source MESSAGE with the message in the ledger. Idempotent: true
     * for a genuine token whether or not anything changed; false for any other token.
     */
    boolean oneClick(String token, RequestProof proof);

    /**
     * What confirming with this token would do, changing nothing: WAITING, ALREADY_CONFIRMED, EXPIRED
     * or INVALID (a confirmation page's GET, which mail scanners also fetch).
     */
    ConfirmResult confirmation(String token);

    /** Confirms a subscription (double opt-in): PENDING to CONFIRMED with the proof, source FORM. */
    ConfirmResult confirm(String token, RequestProof proof);

    /**
     * Sends a new confirmation message for a genuine confirmation token, also an expired one (what
     * the expired page offers); empty for any other token.
     */
    Optional<org.herald.campaigns.ConfirmationMail.Outcome> resendConfirmation(String token);

    /** The language the pages of a genuine token are shown in (the contact's), or empty. */
    Optional<String> language(String token);
}
