-- Protected reporting, hardened (issue 13).
--
-- The audit log's `at` is a day from now on (nothing a reporter does is kept with a time of day),
-- and each entry carries `detail`: digests of exactly what its event wrote (an account's name,
-- role and key; a report's fields; a sealed message; a status; a published incident; a release
-- of counts), so that `lookout audit verify` checks those rows against the chain.

ALTER TABLE audit_log ADD COLUMN detail TEXT NOT NULL DEFAULT '';

-- Public counts are published in releases: a new one only on schedule, adding only a batch of new
-- incidents in which every cell grows by 0 or at least k, so that no release isolates fewer than k.
CREATE TABLE count_releases (
    seq          INTEGER PRIMARY KEY,
    released_on  TEXT NOT NULL,      -- YYYY-MM-DD
    k            INTEGER NOT NULL,
    published    INTEGER NOT NULL,   -- incidents published when it was made, counted or not
    counts       TEXT NOT NULL,      -- the public tables, as JSON
    state        TEXT NOT NULL       -- which incidents it counts and which values it names (JSON; never public)
);

CREATE TRIGGER count_releases_are_never_updated BEFORE UPDATE ON count_releases
BEGIN SELECT RAISE(ABORT, 'count releases are append-only'); END;
CREATE TRIGGER count_releases_are_never_deleted BEFORE DELETE ON count_releases
BEGIN SELECT RAISE(ABORT, 'count releases are append-only'); END;
