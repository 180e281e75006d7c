package org.herald.events.spi;

import java.util.List;

import org.herald.events.ContactEvent;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An in-process consumer of the event log, registered as an OSGi service (whiteboard). Herald
 * delivers the log to each listener in log order (so per contact in the order things happened),
 * at least once, in batches, from a durable position kept under the listener's {@link #NAME}:
 * a listener that is down (its bundle stopped, its feature uninstalled) catches up from where it
 * stopped when it comes back. With several nodes on one database, one node delivers to a given
 * name at a time.
 * <p>
 * A listener that throws gets the same events again after a back-off; the others go on. An event
 * that keeps failing is set aside (reported, kept in the database) after the configured number
 * of attempts so that the listener can go on with the rest. Because delivery is at least once,
 * listeners must be idempotent: an event's {@link ContactEvent#id()} and
 * {@link ContactEvent#sequence()} are stable.
 * <p>
 * Service properties:
 * <ul>
 * <li>{@value #NAME} (required): the durable name of the listener's position; keep it stable.</li>
 * <li>{@value #TYPES} (optional, String or String[]): only these event types are delivered.</li>
 * <li>{@value #START} (optional): where a listener never seen before starts: {@code earliest}
 * (default: the whole log) or {@code latest} (only events after it registered).</li>
 * </ul>
 */
@ConsumerType
public interface ContactEventListener {

    String NAME = "herald.event.listener";
    String TYPES = "herald.event.types";
    String START = "herald.event.start";

    /**
     * Handles a batch of events in log order. Returning normally means all of them are done;
     * throwing means none is (the batch is delivered again, possibly one by one).
     */
    void onEvents(List<ContactEvent> events) throws Exception;
}
