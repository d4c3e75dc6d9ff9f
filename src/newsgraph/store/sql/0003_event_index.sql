-- The events listing, query-ready: one row per event holding what the listing filters and sorts
-- by, in narrow columns, and what it shows, as one JSON text (payload). Derived from the base
-- tables (events, documents, event_actors, event_attributions) by newsgraph.store.event_index,
-- which fills it for the stored events right after this file runs (in the migration's
-- transaction) and adds each write batch's events in the batch's transaction. Never written by
-- hand; `pos` numbers the rows for the page fetch (an index lookup, not a scan).
--
-- Search keys are lower-case strings whose items each end with the unit separator chr(31), and
-- start with it; an actor's or recipient's code is an item that starts with chr(30) and is
-- upper-case. A substring test finds words in any name, chr(30) || CODE finds a code by prefix.

CREATE TABLE event_index (
    pos                 BIGINT NOT NULL,
    event_id            VARCHAR NOT NULL,
    doc_id              VARCHAR NOT NULL,
    idx                 INTEGER NOT NULL,
    current             BOOLEAN NOT NULL,  -- the document is the newest version of its input
    event_date          DATE,              -- coalesce(time_start, published): the sort key
    date_from           DATE,              -- coalesce(time_start, time_end, published)
    date_to             DATE,              -- coalesce(time_end, time_start, published)
    ingested_at         TIMESTAMP NOT NULL,
    type_key            VARCHAR NOT NULL,  -- upper-case
    mode_key            VARCHAR,           -- lower-case
    quad                INTEGER,
    score               DOUBLE,
    status              VARCHAR,
    certainty           VARCHAR,
    negated             BOOLEAN NOT NULL,
    confidence          DOUBLE NOT NULL,
    actor_key           VARCHAR NOT NULL,  -- the actors' names, words in the text, codes
    recipient_key       VARCHAR NOT NULL,
    tag_key             VARCHAR NOT NULL,  -- the tags shown (newsgraph.store.tags.event_tags)
    sentence_key        VARCHAR NOT NULL,
    outlet_key          VARCHAR NOT NULL,  -- the outlet's name
    abbreviation_key    VARCHAR NOT NULL,  -- the outlet's abbreviation
    payload             VARCHAR NOT NULL   -- the listing's row as JSON
);

CREATE INDEX event_index_pos ON event_index (pos);
