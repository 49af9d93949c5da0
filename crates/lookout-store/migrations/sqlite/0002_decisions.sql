-- Analysts' decisions on whether two entities are one (lookout xref / decide / undo).
-- Append-only: the latest decision on a pair is in force; an undo is a new row.

CREATE TABLE decisions (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    left_key    INTEGER NOT NULL REFERENCES entities (key),
    right_key   INTEGER NOT NULL REFERENCES entities (key),
    judgement   TEXT NOT NULL CHECK (judgement IN ('match', 'no-match', 'unsure', 'undone')),
    decided_by  TEXT NOT NULL CHECK (length(trim(decided_by)) > 0),
    decided_at  TEXT NOT NULL,
    CHECK (left_key <> right_key)
);
CREATE INDEX decisions_pair ON decisions (left_key, right_key, seq);

CREATE TRIGGER decisions_are_never_updated BEFORE UPDATE ON decisions
BEGIN
    SELECT RAISE(ABORT, 'decisions are append-only: record a new decision instead');
END;

CREATE TRIGGER decisions_are_never_deleted BEFORE DELETE ON decisions
BEGIN
    SELECT RAISE(ABORT, 'decisions are append-only: record an undo instead');
END;
