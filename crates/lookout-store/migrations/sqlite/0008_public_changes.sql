-- The public record's changes after recording (issue 18), for the Atom feeds: when a pending
-- statement was confirmed (became public) and when a public statement was withdrawn, written by
-- triggers, append-only. A statement recorded accepted is public from its `recorded_at`, which
-- the statements table holds already: logging it again would cost every import a write per
-- statement. The feeds read both (`sqlite/public_changes.rs`).

-- The rowid orders the log (rows are never deleted, so it only grows).
CREATE TABLE public_changes (
    seq           INTEGER PRIMARY KEY,
    statement_id  BLOB NOT NULL,
    change        TEXT NOT NULL CHECK (change IN ('published', 'withdrawn')),
    at            TEXT NOT NULL
);
CREATE INDEX public_changes_statement ON public_changes (statement_id, change);

-- What happened before this log: confirmations, and withdrawals after a confirmation. (A statement
-- recorded accepted and withdrawn before this log existed cannot be told from one withdrawn while
-- pending; it is left out.)
INSERT INTO public_changes (statement_id, change, at)
SELECT e.statement_id, CASE e.action WHEN 'confirmed' THEN 'published' ELSE 'withdrawn' END, e.acted_at
FROM statement_events e
WHERE e.action = 'confirmed'
   OR (e.action = 'withdrawn' AND EXISTS (SELECT 1 FROM statement_events c
        WHERE c.statement_id = e.statement_id AND c.action = 'confirmed' AND c.seq < e.seq))
ORDER BY e.seq;

CREATE TRIGGER public_changes_on_confirm AFTER UPDATE OF status ON statements
WHEN OLD.status <> 'accepted' AND NEW.status = 'accepted'
BEGIN
    INSERT INTO public_changes (statement_id, change, at)
    VALUES (NEW.id, 'published', (SELECT e.acted_at FROM statement_events e WHERE e.statement_id = NEW.id
                                  ORDER BY e.seq DESC LIMIT 1));
END;
CREATE TRIGGER public_changes_on_withdraw AFTER UPDATE OF status ON statements
WHEN OLD.status = 'accepted' AND NEW.status = 'retracted'
BEGIN
    INSERT INTO public_changes (statement_id, change, at)
    VALUES (NEW.id, 'withdrawn', (SELECT e.acted_at FROM statement_events e WHERE e.statement_id = NEW.id
                                  ORDER BY e.seq DESC LIMIT 1));
END;

CREATE TRIGGER public_changes_are_never_updated BEFORE UPDATE ON public_changes
BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
CREATE TRIGGER public_changes_are_never_deleted BEFORE DELETE ON public_changes
BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
