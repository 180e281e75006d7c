package org.herald.campaigns;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Campaigns: created as drafts, sent (or scheduled), paused, resumed, cancelled, reported. Sending
 * queues one message per recipient, each address once: the members of the target lists minus the
 * exclusions, minus contacts that are suppressed or whose opt-in status does not allow the message;
 * consent, suppression and the caps of {@link SendPolicy} are checked again when each message goes.
 * Every status of every message is an event on its contact's timeline.
 */
@ProviderType
public interface CampaignService {

    Campaign create(String name, CampaignInput input);

    /** Replaces a draft's definition. */
    Campaign update(String name, CampaignInput input);

    Campaign get(String name);

    List<Campaign> list();

    /** Queues the messages and starts sending; returns the campaign, SENDING. */
    Campaign send(String name, String actor);

    /** Sends at {@code at} (SCHEDULED until then). */
    Campaign schedule(String name, Instant at, String actor);

    Campaign pause(String name, String actor);

    Campaign resume(String name, String actor);

    /** Stops the campaign; its waiting messages become C. */
    Campaign cancel(String name, String actor);

    CampaignReport report(String name);

    /**
     * Sends the campaign's message to these addresses now, rendered with the values of the contact of
     * each address where one exists (placeholders otherwise), marked as a test, outside the
     * campaign's statuses. Returns the number handed to the transport.
     */
    int testSend(String name, List<String> addresses);
}
