-- Herald schema version 2: the contact event log and the system values kept from it.

-- System values of a contact (read-only for users): lead score, ORDER_NUMBER, ORDER_SUMMARY.
ALTER TABLE contact ADD COLUMN score BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE contact ADD COLUMN order_number BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE contact ADD COLUMN order_summary DECIMAL(19,4) DEFAULT 0 NOT NULL;

-- Positions of the log. Unlike the contact keys this counter is advanced inside the appending
-- transaction, as its last step: the row lock orders appends, so positions follow commit order.
INSERT INTO herald_key_block (name, next_value) VALUES ('event', 1);

-- The log: every event of every contact, append-only. id is the log position. No foreign key to
-- contact: an append must not wait for locks on contact rows; erasure deletes events explicitly.
-- contact_id is NULL only for the 'forgotten' event that outlives its contact.
CREATE TABLE contact_event (
    id BIGINT NOT NULL PRIMARY KEY,
    event_uid VARCHAR(64) NOT NULL,
    contact_id BIGINT,
    contact_public_id VARCHAR(26) NOT NULL,
    event_type VARCHAR(64) NOT NULL,
    occurred_at TIMESTAMP NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    source VARCHAR(64),
    actor VARCHAR(255),
    properties VARCHAR(32000),
    amount DECIMAL(19,4),
    currency VARCHAR(3),
    points INTEGER
);
CREATE UNIQUE INDEX contact_event_uid ON contact_event (event_uid);
CREATE INDEX contact_event_timeline ON contact_event (contact_id, occurred_at);
CREATE INDEX contact_event_type ON contact_event (event_type, occurred_at);

-- Where each consumer of the log is, and which node holds it (a lease, renewed while it works).
CREATE TABLE event_consumer (
    name VARCHAR(128) NOT NULL PRIMARY KEY,
    position BIGINT NOT NULL,
    owner VARCHAR(128),
    lease_until TIMESTAMP,
    updated_at TIMESTAMP NOT NULL
);

-- Events a consumer failed on repeatedly and set aside to go on with the rest.
CREATE TABLE event_parked (
    consumer VARCHAR(128) NOT NULL,
    position BIGINT NOT NULL,
    event_uid VARCHAR(64) NOT NULL,
    attempts INTEGER NOT NULL,
    error VARCHAR(4000),
    parked_at TIMESTAMP NOT NULL,
    PRIMARY KEY (consumer, position)
);
