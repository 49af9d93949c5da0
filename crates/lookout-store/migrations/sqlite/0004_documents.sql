-- Ingested documents and the statements extraction proposes from them.
-- Nothing here is updated or deleted: a review is a new row, the latest in force.

CREATE TABLE documents (
    sha256      TEXT PRIMARY KEY NOT NULL,
    source_key  INTEGER NOT NULL REFERENCES sources (key),
    language    TEXT NOT NULL,
    characters  INTEGER NOT NULL,
    simhash     TEXT NOT NULL,            -- 16 hex digits
    copy_of     TEXT REFERENCES documents (sha256),
    restricted  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX documents_source ON documents (source_key);
CREATE INDEX documents_copy_of ON documents (copy_of) WHERE copy_of IS NOT NULL;

CREATE TABLE proposals (
    key          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL CHECK (kind IN ('station-mention', 'body-mention', 'new-body', 'figure')),
    source_key   INTEGER NOT NULL REFERENCES sources (key),
    document     TEXT NOT NULL REFERENCES documents (sha256),
    summary      TEXT NOT NULL,
    body         TEXT NOT NULL,           -- the proposal as JSON (quote, span, entities, claims)
    proposed_by  TEXT NOT NULL,
    proposed_at  TEXT NOT NULL
);
CREATE INDEX proposals_source ON proposals (source_key);

CREATE TABLE proposal_reviews (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    proposal_key  INTEGER NOT NULL REFERENCES proposals (key),
    verdict       TEXT NOT NULL CHECK (verdict IN ('accepted', 'rejected')),
    reviewed_by   TEXT NOT NULL CHECK (length(trim(reviewed_by)) > 0),
    reviewed_at   TEXT NOT NULL
);
CREATE INDEX proposal_reviews_proposal ON proposal_reviews (proposal_key, seq);

CREATE TRIGGER documents_are_never_updated BEFORE UPDATE ON documents
BEGIN SELECT RAISE(ABORT, 'documents are never changed'); END;
CREATE TRIGGER documents_are_never_deleted BEFORE DELETE ON documents
BEGIN SELECT RAISE(ABORT, 'documents are never deleted'); END;
CREATE TRIGGER proposals_are_never_updated BEFORE UPDATE ON proposals
BEGIN SELECT RAISE(ABORT, 'proposals are never changed: review them instead'); END;
CREATE TRIGGER proposals_are_never_deleted BEFORE DELETE ON proposals
BEGIN SELECT RAISE(ABORT, 'proposals are never deleted: reject them instead'); END;
CREATE TRIGGER proposal_reviews_are_never_updated BEFORE UPDATE ON proposal_reviews
BEGIN SELECT RAISE(ABORT, 'reviews are append-only: record a new review instead'); END;
CREATE TRIGGER proposal_reviews_are_never_deleted BEFORE DELETE ON proposal_reviews
BEGIN SELECT RAISE(ABORT, 'reviews are append-only: record a new review instead'); END;
