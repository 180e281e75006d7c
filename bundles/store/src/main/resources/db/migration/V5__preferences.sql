-- Herald schema version 5: the consent ledger names the message a change came from (the unsubscribe
-- link of a message, RFC 8058 one-click) and records changes of the sending choices (frequency cap,
-- "at most one message a week") with what they became.
ALTER TABLE consent_entry ADD COLUMN message_id BIGINT;
ALTER TABLE consent_entry ADD COLUMN detail VARCHAR(255);
