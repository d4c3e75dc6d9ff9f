-- newsgraph store, version 1: documents, their annotations, events and rejected inputs.
-- Offsets are character offsets into documents.text.

CREATE TABLE documents (
    doc_id              VARCHAR PRIMARY KEY,
    version_key         VARCHAR NOT NULL,   -- what identifies "the same input" across versions
    version             INTEGER NOT NULL,   -- 1, 2, ... per version_key, in order of ingestion
    origin              VARCHAR NOT NULL,
    source_kind         VARCHAR NOT NULL,
    external_id         VARCHAR,
    url                 VARCHAR,
    headline            VARCHAR,
    outlet              VARCHAR,
    outlet_abbreviation VARCHAR,
    outlet_country      VARCHAR,
    tags                VARCHAR[],
    published           DATE,
    credit              VARCHAR,
    credits             JSON,
    language            VARCHAR,
    body_start          INTEGER NOT NULL,
    text                VARCHAR NOT NULL,
    raw_text            VARCHAR NOT NULL,
    extractor           VARCHAR,
    ingested_at         TIMESTAMP NOT NULL
);

CREATE TABLE entities (
    doc_id          VARCHAR NOT NULL,
    idx             INTEGER NOT NULL,
    start           INTEGER NOT NULL,
    "end"           INTEGER NOT NULL,
    text            VARCHAR NOT NULL,
    label           VARCHAR NOT NULL,
    actor_name      VARCHAR,
    actor_code      VARCHAR,
    actor_sector    VARCHAR,
    actor_role      VARCHAR,
    actor_wikidata  VARCHAR,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE time_expressions (
    doc_id      VARCHAR NOT NULL,
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        VARCHAR NOT NULL,
    value       VARCHAR,
    granularity VARCHAR,
    type        VARCHAR NOT NULL,
    start_date  DATE,
    end_date    DATE,
    reason      VARCHAR,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE attributions (
    doc_id          VARCHAR NOT NULL,
    idx             INTEGER NOT NULL,
    source_start    INTEGER,
    source_end      INTEGER,
    source_text     VARCHAR,
    cue_start       INTEGER NOT NULL,
    cue_end         INTEGER NOT NULL,
    cue_text        VARCHAR NOT NULL,
    content_start   INTEGER NOT NULL,
    content_end     INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE events (
    event_id            VARCHAR PRIMARY KEY,
    doc_id              VARCHAR NOT NULL,
    idx                 INTEGER NOT NULL,
    type                VARCHAR NOT NULL,
    mode                VARCHAR,
    cameo               VARCHAR,
    quad                INTEGER,
    score               DOUBLE,
    trigger_start       INTEGER NOT NULL,
    trigger_end         INTEGER NOT NULL,
    trigger_text        VARCHAR NOT NULL,
    sentence_start      INTEGER NOT NULL,
    sentence_end        INTEGER NOT NULL,
    time_text           VARCHAR,
    time_start_char     INTEGER,
    time_end_char       INTEGER,
    time_value          VARCHAR,
    time_start          DATE,
    time_end            DATE,
    time_granularity    VARCHAR,
    time_type           VARCHAR,
    time_source         VARCHAR,
    time_reason         VARCHAR,
    location            JSON,
    status              VARCHAR,
    certainty           VARCHAR,
    negated             BOOLEAN NOT NULL,
    confidence          DOUBLE NOT NULL,
    extractor           VARCHAR
);

CREATE TABLE event_actors (
    event_id    VARCHAR NOT NULL,
    role        VARCHAR NOT NULL,   -- 'actor' or 'recipient'
    idx         INTEGER NOT NULL,
    name        VARCHAR NOT NULL,
    code        VARCHAR,
    sector      VARCHAR,
    actor_role  VARCHAR,
    wikidata    VARCHAR,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        VARCHAR NOT NULL,
    PRIMARY KEY (event_id, role, idx)
);

CREATE TABLE event_attributions (
    event_id    VARCHAR NOT NULL,
    idx         INTEGER NOT NULL,
    kind        VARCHAR NOT NULL,
    name        VARCHAR NOT NULL,
    start       INTEGER,
    "end"       INTEGER,
    PRIMARY KEY (event_id, idx)
);

CREATE TABLE event_materiel (
    event_id    VARCHAR NOT NULL,
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        VARCHAR NOT NULL,
    item        VARCHAR NOT NULL,
    category    VARCHAR,
    designation VARCHAR,
    count       DOUBLE,
    unit        VARCHAR,
    action      VARCHAR,
    PRIMARY KEY (event_id, idx)
);

CREATE TABLE rejected (
    origin          VARCHAR NOT NULL,
    content_hash    VARCHAR NOT NULL,
    reason          VARCHAR NOT NULL,
    code            VARCHAR NOT NULL,
    message         VARCHAR NOT NULL,
    seen_at         TIMESTAMP NOT NULL,
    PRIMARY KEY (origin, content_hash, reason)
);

-- The newest version of every input: what queries show unless asked for history.
CREATE VIEW current_documents AS
SELECT d.* FROM documents d
QUALIFY d.version = max(d.version) OVER (PARTITION BY d.version_key);

CREATE INDEX events_doc ON events (doc_id);
CREATE INDEX event_actors_code ON event_actors (code);
