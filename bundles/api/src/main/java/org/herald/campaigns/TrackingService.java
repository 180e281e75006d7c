package org.herald.campaigns;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Opens and clicks of campaign messages, from the public pages under {@code /herald/t/}: each valid
 * hit is an event on the contact's timeline ({@code message_opened}, {@code message_clicked} with
 * the link). Links are signed per message, so a changed target is refused (no open redirect).
 */
@ProviderType
public interface TrackingService {

    /** Records an open for an OPEN token; false (nothing recorded) for any other token. */
    boolean open(String token);

    /**
     * The target to redirect to for a CLICK token, its link and the link's signature, after
     * recording the click; empty (nothing recorded) when any of them is not genuine.
     */
    Optional<String> click(String token, String url, String signature);
}
