-- no-transaction
-- Proposals of a station's status step (kind 'status-step'). SQLite cannot change a CHECK
-- constraint in place, so the table is made again with the new kind and its rows copied, keys
-- and all, as SQLite's documentation describes (foreign keys off while the table is swapped, then
-- checked). Nothing else changes: the rows, their keys and the reviews pointing at them stay.
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TABLE proposals_with_steps (
    key          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL CHECK (kind IN ('station-mention', 'body-mention', 'new-body', 'figure', 'status-step')),
    source_key   INTEGER NOT NULL REFERENCES sources (key),
    document     TEXT NOT NULL REFERENCES documents (sha256),
    summary      TEXT NOT NULL,
    body         TEXT NOT NULL,           -- the proposal as JSON (quote, span, entities, claims, claimant)
    proposed_by  TEXT NOT NULL,
    proposed_at  TEXT NOT NULL
);
INSERT INTO proposals_with_steps (key, id, kind, source_key, document, summary, body, proposed_by, proposed_at)
    SELECT key, id, kind, source_key, document, summary, body, proposed_by, proposed_at FROM proposals;
DROP TABLE proposals;
ALTER TABLE proposals_with_steps RENAME TO proposals;
CREATE INDEX proposals_source ON proposals (source_key);
CREATE INDEX proposals_document ON proposals (document, key);
CREATE TRIGGER proposals_are_never_updated BEFORE UPDATE ON proposals
BEGIN SELECT RAISE(ABORT, 'proposals are never changed: review them instead'); END;
CREATE TRIGGER proposals_are_never_deleted BEFORE DELETE ON proposals
BEGIN SELECT RAISE(ABORT, 'proposals are never deleted: reject them instead'); END;
COMMIT;
PRAGMA foreign_keys = ON;
