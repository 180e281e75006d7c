-- Herald schema version 11: one row per event of a campaign or link (the activities with a ref), kept
-- beside the per-contact summaries of contact_activity, so "at least N times within N days" can name a
-- campaign or a link (the summaries keep only totals and first/last times). Written by the same
-- listener in the same transaction as the summaries, keyed by the event's log position, so a redelivery
-- adds nothing. Events recorded before this version have no rows here.
CREATE TABLE contact_ref_activity (
    contact_id BIGINT NOT NULL CONSTRAINT contact_ref_activity_contact_fk REFERENCES contact (id) ON DELETE CASCADE,
    activity VARCHAR(64) NOT NULL,
    ref VARCHAR(512) NOT NULL,
    position BIGINT NOT NULL,
    occurred_at TIMESTAMP NOT NULL,
    amount DECIMAL(19,4),
    CONSTRAINT contact_ref_activity_pk PRIMARY KEY (contact_id, activity, ref, position)
);
CREATE INDEX contact_ref_activity_at ON contact_ref_activity (activity, ref, occurred_at, contact_id);
