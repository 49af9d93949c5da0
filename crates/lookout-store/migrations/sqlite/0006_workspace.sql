-- The analysts' workspace (issue 15): four eyes, withdrawals, judged sources, public figures.
--
-- What a person decides about a row is appended to an event table, never written over the row.
-- A few columns of the rows (a statement's status, a source's kind, an entity's restricted flag)
-- are caches of the latest event, so that every read keeps its simple filter (`status =
-- 'accepted'`); triggers set them from the event and refuse any other change to those rows.

-- A statement confirmed or rejected by a second account, or withdrawn, with why.
CREATE TABLE statement_events (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    statement_id  BLOB NOT NULL REFERENCES statements (id),
    action        TEXT NOT NULL CHECK (action IN ('confirmed', 'rejected', 'withdrawn')),
    acted_by      TEXT NOT NULL CHECK (length(trim(acted_by)) > 0),
    acted_at      TEXT NOT NULL,
    reason        TEXT
);
CREATE INDEX statement_events_statement ON statement_events (statement_id, seq);
-- What waits for a second account, by when it was recorded (a change is what one account recorded
-- at one moment).
CREATE INDEX statements_pending ON statements (recorded_at, recorded_by) WHERE status = 'proposed';

-- Only a pending statement is confirmed or rejected, and not by the account that recorded it;
-- only a pending or accepted statement is withdrawn.
CREATE TRIGGER statement_events_follow_the_workflow BEFORE INSERT ON statement_events
WHEN NOT EXISTS (
    SELECT 1 FROM statements s WHERE s.id = NEW.statement_id AND (
        (NEW.action IN ('confirmed', 'rejected') AND s.status = 'proposed' AND s.recorded_by <> NEW.acted_by)
     OR (NEW.action = 'withdrawn' AND s.status IN ('proposed', 'accepted'))))
BEGIN
    SELECT RAISE(ABORT, 'statement event out of turn');
END;

CREATE TRIGGER statement_events_set_status AFTER INSERT ON statement_events
BEGIN
    UPDATE statements SET status = CASE NEW.action
        WHEN 'confirmed' THEN 'accepted' WHEN 'rejected' THEN 'rejected' ELSE 'retracted' END
    WHERE id = NEW.statement_id;
END;

-- A statement's words never change, and its status only as its latest event says.
CREATE TRIGGER statements_change_only_by_events BEFORE UPDATE ON statements
WHEN NEW.id IS NOT OLD.id OR NEW.entity_key IS NOT OLD.entity_key OR NEW.prop IS NOT OLD.prop
  OR NEW.value IS NOT OLD.value OR NEW.lang IS NOT OLD.lang OR NEW.source_key IS NOT OLD.source_key
  OR NEW.quote IS NOT OLD.quote OR NEW.page IS NOT OLD.page OR NEW.span_start IS NOT OLD.span_start
  OR NEW.span_end IS NOT OLD.span_end OR NEW.claimant IS NOT OLD.claimant
  OR NEW.reliability IS NOT OLD.reliability OR NEW.credibility IS NOT OLD.credibility
  OR NEW.stance IS NOT OLD.stance OR NEW.valid_from IS NOT OLD.valid_from OR NEW.valid_to IS NOT OLD.valid_to
  OR NEW.recorded_by IS NOT OLD.recorded_by OR NEW.recorded_at IS NOT OLD.recorded_at
  OR NEW.status IS NOT (SELECT CASE e.action WHEN 'confirmed' THEN 'accepted' WHEN 'rejected' THEN 'rejected'
                                   ELSE 'retracted' END
                        FROM statement_events e WHERE e.statement_id = OLD.id ORDER BY e.seq DESC LIMIT 1)
BEGIN
    SELECT RAISE(ABORT, 'statements are never changed: record a new statement or an event');
END;
CREATE TRIGGER statements_are_never_deleted BEFORE DELETE ON statements
BEGIN SELECT RAISE(ABORT, 'statements are never deleted: withdraw them instead'); END;

CREATE TRIGGER statement_events_are_never_updated BEFORE UPDATE ON statement_events
BEGIN SELECT RAISE(ABORT, 'statement events are append-only'); END;
CREATE TRIGGER statement_events_are_never_deleted BEFORE DELETE ON statement_events
BEGIN SELECT RAISE(ABORT, 'statement events are append-only'); END;

-- Why a proposal was rejected.
ALTER TABLE proposal_reviews ADD COLUMN reason TEXT;
-- The inbox filters proposals by document.
CREATE INDEX proposals_document ON proposals (document, key);

-- A person's judgement of a source: its kind (no longer guessed), how reliable it is, and the
-- original it copies. The latest judgement is in force.
CREATE TABLE source_judgements (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    source_key   INTEGER NOT NULL REFERENCES sources (key),
    kind         TEXT NOT NULL,
    reliability  TEXT CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
    copy_of      INTEGER REFERENCES sources (key),
    judged_by    TEXT NOT NULL CHECK (length(trim(judged_by)) > 0),
    judged_at    TEXT NOT NULL,
    CHECK (copy_of IS NULL OR copy_of <> source_key)
);
CREATE INDEX source_judgements_source ON source_judgements (source_key, seq);

CREATE TRIGGER source_judgements_set_kind AFTER INSERT ON source_judgements
BEGIN
    UPDATE sources SET kind = NEW.kind, kind_guess = NULL WHERE key = NEW.source_key;
END;

CREATE TRIGGER sources_change_only_by_judgements BEFORE UPDATE ON sources
WHEN NEW.key IS NOT OLD.key OR NEW.id IS NOT OLD.id OR NEW.url IS NOT OLD.url OR NEW.title IS NOT OLD.title
  OR NEW.publisher IS NOT OLD.publisher OR NEW.published IS NOT OLD.published
  OR NEW.retrieved IS NOT OLD.retrieved OR NEW.lang IS NOT OLD.lang OR NEW.sha256 IS NOT OLD.sha256
  OR NEW.kind_guess IS NOT NULL
  OR NEW.kind IS NOT (SELECT j.kind FROM source_judgements j WHERE j.source_key = OLD.key ORDER BY j.seq DESC LIMIT 1)
BEGIN
    SELECT RAISE(ABORT, 'sources are never changed: judge them instead');
END;

CREATE TRIGGER source_judgements_are_never_updated BEFORE UPDATE ON source_judgements
BEGIN SELECT RAISE(ABORT, 'source judgements are append-only'); END;
CREATE TRIGGER source_judgements_are_never_deleted BEFORE DELETE ON source_judgements
BEGIN SELECT RAISE(ABORT, 'source judgements are append-only'); END;

-- A Person marked a public figure (an official, a defendant named in court records), or the mark
-- taken back, with the source that makes them one. Only Persons are marked.
CREATE TABLE public_figure_marks (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    entity_key   INTEGER NOT NULL REFERENCES entities (key),
    public       INTEGER NOT NULL CHECK (public IN (0, 1)),
    source_key   INTEGER NOT NULL REFERENCES sources (key),
    marked_by    TEXT NOT NULL CHECK (length(trim(marked_by)) > 0),
    marked_at    TEXT NOT NULL
);
CREATE INDEX public_figure_marks_entity ON public_figure_marks (entity_key, seq);

CREATE TRIGGER public_figure_marks_only_persons BEFORE INSERT ON public_figure_marks
WHEN NOT EXISTS (SELECT 1 FROM entities e WHERE e.key = NEW.entity_key AND e.schema = 'Person')
BEGIN
    SELECT RAISE(ABORT, 'only a Person is marked a public figure');
END;

CREATE TRIGGER public_figure_marks_set_restricted AFTER INSERT ON public_figure_marks
BEGIN
    UPDATE entities SET restricted = 1 - NEW.public WHERE key = NEW.entity_key;
END;

CREATE TRIGGER entities_change_only_by_marks BEFORE UPDATE ON entities
WHEN NEW.key IS NOT OLD.key OR NEW.id IS NOT OLD.id OR NEW.schema IS NOT OLD.schema
  OR NEW.restricted IS NOT (SELECT 1 - m.public FROM public_figure_marks m WHERE m.entity_key = OLD.key
                            ORDER BY m.seq DESC LIMIT 1)
BEGIN
    SELECT RAISE(ABORT, 'entities are never changed: mark a public figure instead');
END;

CREATE TRIGGER public_figure_marks_are_never_updated BEFORE UPDATE ON public_figure_marks
BEGIN SELECT RAISE(ABORT, 'public figure marks are append-only'); END;
CREATE TRIGGER public_figure_marks_are_never_deleted BEFORE DELETE ON public_figure_marks
BEGIN SELECT RAISE(ABORT, 'public figure marks are append-only'); END;
