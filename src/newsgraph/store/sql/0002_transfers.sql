-- newsgraph store, version 2: materiel items keep the words of their quantity, whether the
-- count is approximate, and a hedge on the item; the transfers view lists arms transfers.

ALTER TABLE event_materiel ADD COLUMN quantity VARCHAR;
ALTER TABLE event_materiel ADD COLUMN approximate BOOLEAN DEFAULT false;
ALTER TABLE event_materiel ADD COLUMN hedge VARCHAR;

-- One row per materiel item (a document may mention the same item under several events: "Maduro
-- requested Russia to supply missiles" is a request and a supply). Each event an item belongs to
-- gives a reading of the transfer:
--   supplier/recipient: for a request, the asked party supplies and the asker receives; for an
--     acquisition ("bought", "received", "ordered"), the doer receives from the other party; else
--     the doer supplies to the other party. Parties that are themselves materiel are left out.
--   status (requested, agreed, delivered, refused, hypothetical, reported): from the event's
--     status where the event has one (status_basis 'event status'); else from its type (REQUEST
--     -> requested, AGREE -> agreed: 'event type'); else from what is done with the item
--     (delivered, arrived, received, and dated by the text wholly before publication ->
--     delivered; pledged, offered, ordered -> agreed; requested -> requested: 'item action');
--     else 'reported' (the text tells of it, not how far along).
-- The reading whose status rests on the firmest basis wins, then the event whose trigger is
-- nearest the item; supplier and recipient come from the first reading that names them.
-- The action names are those of src/newsgraph/data/materiel_actions.tsv (a test keeps them in
-- step).
CREATE VIEW transfers AS
WITH readings AS (
    SELECT
        m.event_id, m.idx AS item_idx, e.doc_id, m.start AS item_start, m."end" AS item_end,
        m.text AS item_text, m.item, m.category, m.designation, m.count, m.unit, m.quantity,
        m.approximate, m.hedge, m.action,
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
            WHEN e.status IN ('refused', 'denied') THEN 'refused'
            WHEN e.type = 'REQUEST' THEN 'requested'
            WHEN e.status = 'requested' THEN 'requested'
            WHEN e.status IN ('promised', 'planned', 'under_way') THEN 'agreed'
            WHEN e.status = 'done' THEN 'delivered'
            WHEN e.status = 'hypothetical' THEN 'hypothetical'
            WHEN e.type = 'AGREE' THEN 'agreed'
            -- delivered only when the text dates it wholly before publication
            WHEN m.action IN ('deliver', 'arrive', 'receive') AND e.time_end < d.published
                 AND e.time_source IN ('sentence', 'context') THEN 'delivered'
            WHEN m.action IN ('pledge', 'offer', 'order') THEN 'agreed'
            WHEN m.action = 'request' THEN 'requested'
            ELSE 'reported'
        END AS status,
        CASE
            WHEN e.status IS NOT NULL AND NOT (e.type = 'REQUEST' AND e.status NOT IN ('refused', 'denied'))
                THEN 'event status'
            WHEN e.type IN ('REQUEST', 'AGREE') THEN 'event type'
            WHEN m.action IN ('pledge', 'offer', 'order', 'request')
                 OR (m.action IN ('deliver', 'arrive', 'receive') AND e.time_end < d.published
                     AND e.time_source IN ('sentence', 'context'))
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
           CASE WHEN r.direction = 'doer supplies' THEN actor.names ELSE other.names END
               AS supplier,
           CASE WHEN r.direction = 'doer supplies' THEN actor.codes ELSE other.codes END
               AS supplier_codes,
           CASE WHEN r.direction = 'doer supplies' THEN other.names ELSE actor.names END
               AS recipient,
           CASE WHEN r.direction = 'doer supplies' THEN other.codes ELSE actor.codes END
               AS recipient_codes,
           row_number() OVER (
               PARTITION BY r.doc_id, r.item_start
               ORDER BY CASE r.status_basis WHEN 'event status' THEN 0 WHEN 'event type' THEN 1
                                            WHEN 'item action' THEN 2 ELSE 3 END,
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
