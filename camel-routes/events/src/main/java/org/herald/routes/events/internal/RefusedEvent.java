package org.herald.routes.events.internal;

import org.herald.events.IngestResult;

/** One event of a message that could not be stored: where it was, why, and its JSON as the sender wrote it. */
record RefusedEvent(int index, String id, IngestResult.Outcome outcome, String reason, String json) {
}
