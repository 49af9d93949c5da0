-- Lookout's statement store: entities, sources and statements with provenance.
-- Statements are never updated in place; corrections are new statements.
-- Statements refer to entities and sources by integer key, which keeps their indexes small.

CREATE TABLE entities (
    key         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    schema      TEXT NOT NULL,
    restricted  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entities_schema ON entities (schema, id);

-- An entity keeps its schema: re-importing an id as another schema aborts the whole batch.
CREATE TRIGGER entities_schema_is_fixed BEFORE INSERT ON entities
WHEN EXISTS (SELECT 1 FROM entities WHERE id = NEW.id AND schema <> NEW.schema)
BEGIN
    SELECT RAISE(ABORT, 'entity schema conflict');
END;

CREATE TABLE sources (
    key         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
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

-- `id` holds the 16 bytes of the statement id's digest ("stmt-" and 32 hex digits as text).
CREATE TABLE statements (
    id           BLOB PRIMARY KEY NOT NULL,
    entity_key   INTEGER NOT NULL REFERENCES entities (key),
    prop         TEXT NOT NULL,
    value        TEXT NOT NULL,
    lang         TEXT,
    source_key   INTEGER NOT NULL REFERENCES sources (key),
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
    recorded_at  TEXT NOT NULL,
    -- The value when it is the id of another entity (the properties of type entity in
    -- lookout-core's schemata; a test keeps this list in step), else NULL.
    link_value   TEXT GENERATED ALWAYS AS (
        CASE WHEN prop IN ('station', 'operator', 'host', 'member', 'organization', 'subject',
                           'object', 'place', 'jurisdiction', 'contradicts')
        THEN value END) VIRTUAL
);
CREATE INDEX statements_entity ON statements (entity_key, prop);
CREATE INDEX statements_source ON statements (source_key);
CREATE INDEX statements_link ON statements (link_value) WHERE link_value IS NOT NULL;
