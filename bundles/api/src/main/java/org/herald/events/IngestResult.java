package org.herald.events;

/**
 * What happened to one event of an ingested batch: its position in the batch ({@link #index()}),
 * its id (given or generated), the contact it went to, and the {@link Outcome}; for anything
 * but {@link Outcome#STORED} a {@link #reason()} meant for the sender, and for
 * {@link Outcome#REJECTED} the input {@link #field()} at fault.
 */
public final class IngestResult {

    /** What Herald did with one event. */
    public enum Outcome {
        /** Stored durably (committed) in the log. */
        STORED,
        /** An event with the same id was stored before: nothing changed. */
        DUPLICATE,
        /** Valid, but not recorded: the contact does not want activity recorded (stop monitoring). */
        IGNORED,
        /** No contact has that address or id, and the event did not ask to create one. */
        UNKNOWN_CONTACT,
        /** Invalid: see {@link #field()} and {@link #reason()}. Retrying the same input cannot help. */
        REJECTED;

        /** Whether the sender can consider the event delivered (nothing to resend). */
        public boolean isFinal() {
            return this != REJECTED && this != UNKNOWN_CONTACT;
        }
    }

    private final int index;
    private final String id;
    private final String contactId;
    private final Outcome outcome;
    private final String field;
    private final String reason;
    private final long sequence;

    private IngestResult(int index, String id, String contactId, Outcome outcome, String field, String reason,
            long sequence) {
        this.index = index;
        this.id = id;
        this.contactId = contactId;
        this.outcome = outcome;
        this.field = field;
        this.reason = reason;
        this.sequence = sequence;
    }

    public static IngestResult stored(int index, String id, String contactId, long sequence) {
        return new IngestResult(index, id, contactId, Outcome.STORED, null, null, sequence);
    }

    public static IngestResult duplicate(int index, String id, String contactId) {
        return new IngestResult(index, id, contactId, Outcome.DUPLICATE, null,
                "an event with this id was stored before", 0);
    }

    public static IngestResult of(int index, String id, String contactId, Outcome outcome, String field, String reason) {
        return new IngestResult(index, id, contactId, outcome, field, reason, 0);
    }

    public int index() {
        return index;
    }

    public String id() {
        return id;
    }

    public String contactId() {
        return contactId;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    /** The log position of a stored event, 0 otherwise. */
    public long sequence() {
        return sequence;
    }

    @Override
    public String toString() {
        return "#" + index + " " + outcome + (reason == null ? "" : " (" + reason + ")");
    }
}
