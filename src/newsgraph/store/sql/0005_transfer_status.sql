-- newsgraph store, version 5: transfer statuses as far along as the event says (issue 13).
-- The transfers view of 0002, with one change: its status. A transfer is `delivered` only when
-- the event was carried out (status done, not negated), what was done with the item moves it
-- (deliver, arrive, receive, transfer, supply, smuggle: data/materiel_actions.tsv) and the event
-- is the move itself (an AID event, or a trigger that says the item moved: "warned that any
-- transfer ..." or "negotiating the supply of ..." is none); such an event still going on is
-- `under_way`. Otherwise the event's status stands: requested,
-- offered, promised, agreed, planned, refused, denied, hypothetical; a sale, an order or an
-- agreement carried out is `agreed`; an offer or a pledge made is `offered` / `promised`; a
-- negated act and anything else the text tells without saying how far along is `reported`.
-- Events without a status (none have one only when their trigger could not be placed) keep
-- 0002's reading from their type and the item's action. Of several readings of one item, one
-- that says how far along wins over a `reported` one on the same basis.

-- The parties the word governing an item names ("Kyiv asked to buy launchers from the US
-- manufacturer"), from newsgraph.nlp.materiel.links; they come before the event's own parties.
ALTER TABLE event_materiel ADD COLUMN IF NOT EXISTS supplier VARCHAR;
ALTER TABLE event_materiel ADD COLUMN IF NOT EXISTS supplier_code VARCHAR;
ALTER TABLE event_materiel ADD COLUMN IF NOT EXISTS recipient VARCHAR;
ALTER TABLE event_materiel ADD COLUMN IF NOT EXISTS recipient_code VARCHAR;

CREATE OR REPLACE VIEW transfers AS
WITH readings AS (
    SELECT
        m.event_id, m.idx AS item_idx, e.doc_id, m.start AS item_start, m."end" AS item_end,
        m.text AS item_text, m.item, m.category, m.designation, m.count, m.unit, m.quantity,
        m.approximate, m.hedge, m.action,
        m.supplier AS item_supplier, m.supplier_code AS item_supplier_code,
        m.recipient AS item_recipient, m.recipient_code AS item_recipient_code,
        e.type AS event_type, e.status AS event_status, e.certainty, e.negated, e.confidence,
        e.trigger_text, e.sentence_start, e.sentence_end,
        e.time_value, e.time_start, e.time_end, e.time_source,
        abs(e.trigger_start - m.start) AS distance,
        CASE
            WHEN e.type = 'REQUEST' THEN 'asker receives'
            WHEN m.action IN ('acquire', 'receive', 'order', 'request') THEN 'doer receives'
            ELSE 'doer supplies'
        END AS direction,
        CASE
            WHEN e.status = 'hypothetical' THEN 'hypothetical'
            WHEN e.status IN ('refused', 'denied') THEN e.status
            WHEN e.type = 'REQUEST' OR e.status = 'requested' THEN 'requested'
            WHEN e.status IN ('offered', 'promised', 'agreed', 'planned') THEN e.status
            -- a negated act ("did not deliver") is no delivery
            WHEN e.negated THEN 'reported'
            -- delivered only when the act was carried out and was itself the move: an AID
            -- event, or a trigger that says the item moved ("warned that any transfer ...",
            -- "negotiating the supply of ..." are not deliveries)
            WHEN e.status IN ('done', 'under_way') AND m.action IN ('deliver', 'arrive', 'receive',
                                                                   'transfer', 'supply', 'smuggle')
                 AND (e.type = 'AID' OR regexp_matches(lower(e.trigger_text),
                      '\b(deliver|arriv|receiv|hand|transferr|ship|send|sent|suppl|provid|smuggl|land|donat|airlift|flew|flown)'))
                THEN CASE e.status WHEN 'done' THEN 'delivered' ELSE 'under_way' END
            WHEN e.status IN ('done', 'under_way') AND m.action = 'offer' THEN 'offered'
            WHEN e.status IN ('done', 'under_way') AND m.action = 'pledge' THEN 'promised'
            WHEN e.status IN ('done', 'under_way')
                 AND (m.action IN ('sell', 'order', 'acquire') OR e.type = 'AGREE') THEN 'agreed'
            WHEN e.status IS NULL AND e.type = 'AGREE' THEN 'agreed'
            WHEN e.status IS NULL AND m.action IN ('deliver', 'arrive', 'receive')
                 AND e.time_end < d.published AND e.time_source IN ('sentence', 'context')
                THEN 'delivered'
            WHEN e.status IS NULL AND m.action = 'offer' THEN 'offered'
            WHEN e.status IS NULL AND m.action = 'pledge' THEN 'promised'
            WHEN e.status IS NULL AND m.action = 'order' THEN 'agreed'
            WHEN e.status IS NULL AND m.action = 'request' THEN 'requested'
            ELSE 'reported'
        END AS status,
        CASE
            WHEN e.type = 'REQUEST' AND coalesce(e.status, 'done') = 'done' THEN 'event type'
            WHEN e.status IS NOT NULL AND (e.status NOT IN ('done', 'under_way') OR e.negated)
                THEN 'event status'
            WHEN e.status IS NOT NULL
                 AND (m.action IN ('deliver', 'arrive', 'receive', 'transfer', 'supply', 'smuggle',
                                   'offer', 'pledge', 'sell', 'order', 'acquire')
                      OR e.type = 'AGREE')
                THEN 'event status'
            WHEN e.status IS NULL
                 AND (e.type = 'AGREE' OR m.action IN ('offer', 'pledge', 'order', 'request')
                      OR (m.action IN ('deliver', 'arrive', 'receive') AND e.time_end < d.published
                          AND e.time_source IN ('sentence', 'context')))
                THEN 'item action'
            ELSE 'none'
        END AS status_basis
    FROM event_materiel m
    JOIN events e USING (event_id)
    JOIN documents d USING (doc_id)
    WHERE (
            m.action IN ('supply', 'sell', 'deliver', 'transfer', 'pledge', 'offer', 'smuggle',
                         'acquire', 'receive', 'order', 'request')
            OR (e.type IN ('REQUEST', 'AID', 'AGREE', 'COOPERATE')
                AND coalesce(m.action, '') NOT IN ('use', 'destroy', 'seize', 'deploy', 'test',
                                                   'develop', 'produce'))
          )
),
parties AS (
    -- Parties that can supply or receive: resolved actors, or words the NER took for a name
    -- (not "assistance", "Thursday" or the materiel itself).
    SELECT a.event_id, a.role,
           string_agg(a.name, '; ' ORDER BY a.idx) AS names,
           string_agg(a.code, '; ' ORDER BY a.idx) AS codes
    FROM event_actors a
    JOIN events e USING (event_id)
    WHERE NOT EXISTS (
            SELECT 1 FROM event_materiel m
            WHERE m.event_id = a.event_id AND m.start < a."end" AND a.start < m."end"
        )
      AND (a.code IS NOT NULL OR EXISTS (
            SELECT 1 FROM entities n
            WHERE n.doc_id = e.doc_id AND n.start < a."end" AND a.start < n."end"
              AND n.label IN ('PERSON', 'ORG', 'GPE', 'NORP', 'LOC', 'FAC', 'ACTOR')
        ))
    GROUP BY a.event_id, a.role
),
sided AS (
    SELECT r.*,
           coalesce(r.item_supplier,
                    CASE WHEN r.direction = 'doer supplies' THEN actor.names ELSE other.names END)
               AS supplier,
           CASE WHEN r.item_supplier IS NOT NULL THEN r.item_supplier_code
                WHEN r.direction = 'doer supplies' THEN actor.codes ELSE other.codes END
               AS supplier_codes,
           coalesce(r.item_recipient,
                    CASE WHEN r.direction = 'doer supplies' THEN other.names ELSE actor.names END)
               AS recipient,
           CASE WHEN r.item_recipient IS NOT NULL THEN r.item_recipient_code
                WHEN r.direction = 'doer supplies' THEN other.codes ELSE actor.codes END
               AS recipient_codes,
           row_number() OVER (
               PARTITION BY r.doc_id, r.item_start
               ORDER BY CASE r.status_basis WHEN 'event status' THEN 0 WHEN 'event type' THEN 1
                                            WHEN 'item action' THEN 2 ELSE 3 END,
                        -- a reading that says how far along before one that does not
                        -- ("denied sending shells": the denial, not the negated sending)
                        r.status = 'reported',
                        r.distance, r.event_id
           ) AS preference
    FROM readings r
    LEFT JOIN parties actor ON actor.event_id = r.event_id AND actor.role = 'actor'
    LEFT JOIN parties other ON other.event_id = r.event_id AND other.role = 'recipient'
),
named AS (
    SELECT doc_id, item_start,
           first(supplier ORDER BY preference) FILTER (WHERE supplier IS NOT NULL) AS supplier,
           first(supplier_codes ORDER BY preference) FILTER (WHERE supplier IS NOT NULL)
               AS supplier_codes,
           first(recipient ORDER BY preference) FILTER (WHERE recipient IS NOT NULL) AS recipient,
           first(recipient_codes ORDER BY preference) FILTER (WHERE recipient IS NOT NULL)
               AS recipient_codes,
           count(*) AS readings
    FROM sided
    GROUP BY doc_id, item_start
)
SELECT
    s.doc_id, s.event_id, s.item_idx, s.item_start, s.item_end,
    n.supplier, n.supplier_codes, n.recipient, n.recipient_codes,
    s.item, s.category, s.designation, s.count, s.unit, s.quantity, s.approximate, s.hedge,
    s.item_text, s.action, s.status, s.status_basis,
    s.event_type, s.event_status, s.certainty, s.negated, s.confidence,
    coalesce(s.time_value, strftime(d.published, '%Y-%m-%d')) AS date,
    coalesce(s.time_start, d.published) AS date_start,
    coalesce(s.time_end, d.published) AS date_end,
    coalesce(s.time_source, CASE WHEN d.published IS NOT NULL THEN 'publication' END)
        AS date_source,
    s.trigger_text AS trigger,
    substr(d.text, s.sentence_start + 1, s.sentence_end - s.sentence_start) AS evidence,
    (SELECT string_agg(x.name, ' > ' ORDER BY x.idx) FROM event_attributions x
      WHERE x.event_id = s.event_id) AS sources,
    d.outlet, d.outlet_abbreviation, d.published, n.readings
FROM sided s
JOIN named n USING (doc_id, item_start)
JOIN current_documents d USING (doc_id)
WHERE s.preference = 1;
