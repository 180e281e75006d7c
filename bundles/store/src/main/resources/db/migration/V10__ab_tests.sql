-- Herald schema version 10: A/B tests of campaigns.
-- ab_test: the test's definition as JSON (sample percentage, metric, wait, variants), NULL for a plain
-- campaign. ab_winner, ab_reason, ab_decided_at: the decision, written once by a guarded update (the
-- node whose update finds ab_winner still NULL decides). ab_rest_queued_at: when the rest of the
-- audience was queued with the winner; until then the campaign is not SENT.
ALTER TABLE campaign ADD COLUMN ab_test VARCHAR(4000);
ALTER TABLE campaign ADD COLUMN ab_winner VARCHAR(64);
ALTER TABLE campaign ADD COLUMN ab_reason VARCHAR(2000);
ALTER TABLE campaign ADD COLUMN ab_decided_at TIMESTAMP;
ALTER TABLE campaign ADD COLUMN ab_rest_queued_at TIMESTAMP;

-- The variant a message of the test sample was sent with; NULL for the rest (sent with the winner)
-- and for plain campaigns.
ALTER TABLE campaign_message ADD COLUMN variant VARCHAR(64);
