-- Herald schema version 7: transactional system messages (the double opt-in confirmation), rendered
-- when they are queued and kept until the transport reports them, so a restart loses none. Their ids
-- come from the 'message' key block that campaign messages use, so a transport's report names one
-- message either way.
CREATE TABLE system_message (
    id BIGINT NOT NULL CONSTRAINT system_message_pk PRIMARY KEY,
    contact_id BIGINT NOT NULL CONSTRAINT system_message_contact_fk REFERENCES contact (id) ON DELETE CASCADE,
    kind VARCHAR(32) NOT NULL,
    status VARCHAR(4) NOT NULL,
    body CLOB NOT NULL,
    queued_at TIMESTAMP NOT NULL,
    status_at TIMESTAMP NOT NULL,
    next_attempt_at TIMESTAMP,
    attempts INTEGER NOT NULL,
    first_failure_at TIMESTAMP,
    reply VARCHAR(1000)
);
CREATE INDEX system_message_due ON system_message (status, next_attempt_at);
CREATE INDEX system_message_contact ON system_message (contact_id, kind, queued_at);
