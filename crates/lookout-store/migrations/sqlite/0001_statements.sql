-- Lookout's statement store: entities, sources and statements with provenance.
-- Statements are never updated in place; corrections are new statements.

CREATE TABLE entities (
    id          TEXT PRIMARY KEY NOT NULL,
    schema      TEXT NOT NULL,
    restricted  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entities_schema ON entities (schema, id);

CREATE TABLE sources (
    id          TEXT PRIMARY KEY NOT NULL,
    url         TEXT NOT NULL,
    title       TEXT,
    publisher   TEXT,
    kind        TEXT NOT NULL,
    kind_guess  TEXT,
    published   TEXT,
    retrieved   TEXT,
    lang        TEXT,
    sha256      TEXT
);

CREATE TABLE statements (
    id           TEXT PRIMARY KEY NOT NULL,
    entity_id    TEXT NOT NULL REFERENCES entities (id),
    prop         TEXT NOT NULL,
    value        TEXT NOT NULL,
    lang         TEXT,
    source_id    TEXT NOT NULL REFERENCES sources (id),
    quote        TEXT,
    page         TEXT,
    span_start   INTEGER,
    span_end     INTEGER,
    claimant     TEXT,
    reliability  TEXT NOT NULL,
    credibility  TEXT NOT NULL,
    stance       TEXT NOT NULL,
    status       TEXT NOT NULL,
    valid_from   TEXT,
    valid_to     TEXT,
    recorded_by  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL
);
CREATE INDEX statements_entity ON statements (entity_id, prop);
CREATE INDEX statements_source ON statements (source_id);
CREATE INDEX statements_value ON statements (value, prop);

-- An entity keeps its schema: re-importing an id as another schema aborts the whole batch.
CREATE TRIGGER entities_schema_is_fixed BEFORE INSERT ON entities
WHEN EXISTS (SELECT 1 FROM entities WHERE id = NEW.id AND schema <> NEW.schema)
BEGIN
    SELECT RAISE(ABORT, 'entity schema conflict');
END;
