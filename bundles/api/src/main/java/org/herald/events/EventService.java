package org.herald.events;

import java.util.List;

import org.herald.common.Page;
import org.herald.contacts.ChangeContext;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Ingests external events and reads contact timelines. Every entry point (REST
 * {@code POST /events}, the {@code herald.events.in} queue, {@code herald:event-add}) goes
 * through {@link #ingest}, so validation and idempotency are the same everywhere.
 * <p>
 * {@link #ingest} returns only after the stored events are committed durably; each event gets
 * its own result, so one bad event does not hold back the others. A database failure is a
 * {@link org.herald.common.HeraldException} for the whole call and nothing of it is stored:
 * sending the same batch again (with ids) is then safe.
 */
@ProviderType
public interface EventService {

    /** Validates and stores a batch of events; results in input order. */
    IngestReport ingest(List<EventInput> events, ChangeContext context);

    /** One contact's events, newest first. A missing contact is a {@link org.herald.common.NotFoundException}. */
    Page<ContactEvent> timeline(String idOrEmail, TimelineQuery query);

    /** One contact's timeline in brief. */
    EventSummary summary(String idOrEmail);
}
