-- The public record's log of changes (issue 18), for the Atom feeds: when each statement became
-- public and when it was withdrawn. Append-only, written by triggers, so that every way a
-- statement enters or leaves the record (an import, a confirmation, a withdrawal) is logged.

CREATE TABLE public_changes (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    statement_id  BLOB NOT NULL REFERENCES statements (id),
    change        TEXT NOT NULL CHECK (change IN ('published', 'withdrawn')),
    at            TEXT NOT NULL
);

-- What is public already: since it was confirmed, or (recorded accepted) since it was recorded.
INSERT INTO public_changes (statement_id, change, at)
SELECT s.id, 'published',
       COALESCE((SELECT e.acted_at FROM statement_events e WHERE e.statement_id = s.id AND e.action = 'confirmed'
                 ORDER BY e.seq DESC LIMIT 1), s.recorded_at)
FROM statements s WHERE s.status = 'accepted' ORDER BY s.rowid;
-- What was confirmed and later withdrawn. (A statement recorded accepted and withdrawn before
-- this log existed cannot be told from one withdrawn while pending; it is left out.)
INSERT INTO public_changes (statement_id, change, at)
SELECT s.id, 'published', c.acted_at
FROM statements s JOIN statement_events c ON c.statement_id = s.id AND c.action = 'confirmed'
WHERE s.status = 'retracted' ORDER BY c.seq;
INSERT INTO public_changes (statement_id, change, at)
SELECT s.id, 'withdrawn', w.acted_at
FROM statements s JOIN statement_events w ON w.statement_id = s.id AND w.action = 'withdrawn'
WHERE s.status = 'retracted'
  AND EXISTS (SELECT 1 FROM statement_events c WHERE c.statement_id = s.id AND c.action = 'confirmed')
ORDER BY w.seq;

CREATE TRIGGER public_changes_on_record AFTER INSERT ON statements WHEN NEW.status = 'accepted'
BEGIN
    INSERT INTO public_changes (statement_id, change, at) VALUES (NEW.id, 'published', NEW.recorded_at);
END;
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
