"""Events in other tools' formats: a GDELT 2.0 event-table TSV, PLOVER JSON lines, GraphML of
the actor graph (Gephi). Column and field mappings are documented in ``docs/exports.md``.

Each writer yields text chunks, so the CLI writes them to a file and the API streams them; none
holds the whole export in memory except GraphML's aggregated graph.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from itertools import product
from typing import Any
from xml.etree import ElementTree as ET

from .. import __version__
from .analytics import actor_graph
from .queries import EventQuery, iter_events
from .store import Store
from .tags import country_of_code

__all__ = ["GDELT_COLUMNS", "gdelt_lines", "graphml_chunks", "plover_lines"]

_ACTOR_FIELDS = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO_FIELDS = (
    "Type",
    "FullName",
    "CountryCode",
    "ADM1Code",
    "ADM2Code",
    "Lat",
    "Long",
    "FeatureID",
)

#: The 61 columns of a GDELT 2.0 event table, in order (its files have no header row).
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS),
    *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GEO_FIELDS),
    "DATEADDED",
    "SOURCEURL",
)
# An event with several actors or recipients gives one GDELT row per pair; the id keeps the
# event's hex prefix so that ``GLOBALEVENTID // 100`` leads back to it.
_MAX_PAIRS = 100


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return " ".join(str(value).split())  # no tabs or line breaks inside a cell


def _lead_ends(store: Store) -> dict[str, int]:
    """Where each document's lead ends: GDELT marks events of the lead paragraph as root."""
    rows = store.query(
        """
        SELECT doc_id, body_start + coalesce(
            nullif(strpos(substr(text, body_start + 1), chr(10) || chr(10)), 0) - 1,
            length(text) - body_start) AS lead_end
        FROM current_documents
        """
    )
    return {row["doc_id"]: int(row["lead_end"]) for row in rows}


def _actor_cells(party: dict[str, Any] | None) -> list[str]:
    if party is None:
        return [""] * len(_ACTOR_FIELDS)
    code = party.get("code")
    return [
        _cell(code),
        _cell(party.get("name")),
        _cell(country_of_code(code)),
        "",
        "",
        "",
        "",
        _cell(party.get("sector")),
        "",
        "",
    ]


def _geo_cells(location: dict[str, Any] | None) -> list[str]:
    if not location:
        return ["0"] + [""] * (len(_GEO_FIELDS) - 1)
    has_point = location.get("latitude") is not None and location.get("longitude") is not None
    kind = "4" if has_point else ("1" if location.get("country") else "0")
    return [
        kind,
        _cell(location.get("name") or location.get("text")),
        _cell(location.get("country")),
        "",
        "",
        _cell(location.get("latitude")),
        _cell(location.get("longitude")),
        _cell(location.get("gazetteer_id")),
    ]


def _day(row: dict[str, Any]) -> date | None:
    value = row.get("event_date")
    return value if isinstance(value, date) else None


def gdelt_lines(store: Store, query: EventQuery | None = None) -> Iterator[str]:
    """GDELT 2.0 event-table rows (tab-separated, no header), one per actor-recipient pair."""
    leads = _lead_ends(store)
    for row in iter_events(store, query or EventQuery(order="-date")):
        day = _day(row)
        added: datetime | None = row.get("ingested_at")
        location = json.loads(row["location"]) if row.get("location") else None
        cameo = row.get("cameo") or ""
        base = int(row["event_id"][:13], 16) * _MAX_PAIRS
        pairs = list(product(row["actors"] or [None], row["recipients"] or [None]))
        for number, (actor, recipient) in enumerate(pairs[:_MAX_PAIRS]):
            cells = [
                str(base + number),
                day.strftime("%Y%m%d") if day else "",
                day.strftime("%Y%m") if day else "",
                str(day.year) if day else "",
                f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
                *_actor_cells(actor),
                *_actor_cells(recipient),
                "1" if row["sentence_start"] < leads.get(row["doc_id"], 0) else "0",
                cameo,
                cameo[:3],
                cameo[:2],
                _cell(row.get("quad")),
                _cell(row.get("score")),
                "1",
                "1",
                "1",
                "",
                *_geo_cells(None),
                *_geo_cells(None),
                *_geo_cells(location),
                added.strftime("%Y%m%d%H%M%S") if added else "",
                _cell(row.get("url") or f"newsgraph:{row['doc_id']}"),
            ]
            yield "\t".join(cells) + "\n"


def _plover_entity(party: dict[str, Any]) -> dict[str, Any]:
    code = party.get("code") or None
    country = country_of_code(code)
    return {
        "code": country or (code[:3] if code else None),
        "sector": party.get("sector") or (code[3:6] if code and len(code) > 3 else None),
        "entity_text": party.get("text"),
        "identifier_text": party.get("name"),
        "office": party.get("role"),
        "newsgraph_code": code,
    }


def plover_lines(store: Store, query: EventQuery | None = None) -> Iterator[str]:
    """PLOVER JSON lines: the manual's named fields, plus newsgraph's own (prefixed or named
    as in docs/schema.md) where PLOVER has none: status, certainty, negated, attribution."""
    for row in iter_events(store, query or EventQuery(order="-date")):
        day = _day(row)
        end = row.get("time_end")
        location = json.loads(row["location"]) if row.get("location") else None
        added: datetime | None = row.get("ingested_at")
        record = {
            "id": row["event_id"],
            "has_event": True,
            "date": day.isoformat() if day else None,
            "enddate": end.isoformat() if isinstance(end, date) and end != day else None,
            "actor": [_plover_entity(a) for a in row["actors"]],
            "recipient": [_plover_entity(r) for r in row["recipients"]],
            "event": [row["type"]],
            "mode": [row["mode"]] if row.get("mode") else [],
            "context": [],
            "event_loc": {
                "extracted_place": location.get("text"),
                "resolved_place": location.get("name"),
                "geonameid": location.get("gazetteer_id"),
                "lat": location.get("latitude"),
                "lon": location.get("longitude"),
                "country_code": location.get("country"),
            }
            if location
            else None,
            "event_text": [row["trigger_text"]],
            "quad_code": row.get("quad"),
            "event_scale": row.get("score"),
            "text": row["sentence"],
            "text_info": {"start": row["sentence_start"], "end": row["sentence_end"]},
            "cite_info": {
                "citation": row["doc_id"],
                "url": row.get("url"),
                "title": row.get("headline"),
                "publication": row.get("outlet"),
                "coder": f"newsgraph {__version__}",
                "codebook": "PLOVER",
            },
            "coder": f"newsgraph {__version__}",
            "coded_date": added.date().isoformat() if added else None,
            "cameo": row.get("cameo"),
            "status": row.get("status"),
            "certainty": row.get("certainty"),
            "negated": row.get("negated"),
            "attribution": row.get("attribution") or [],
            "confidence": row.get("confidence"),
        }
        yield json.dumps(record, ensure_ascii=False, default=str) + "\n"


_NS = "http://graphml.graphdrawing.org/xmlns"
_NODE_KEYS = (("label", "string"), ("code", "string"), ("out_events", "int"), ("in_events", "int"))
_EDGE_KEYS = (
    ("weight", "double"),
    ("events", "int"),
    ("mean_score", "double"),
    ("first", "string"),
    ("last", "string"),
)


def graphml_chunks(
    store: Store,
    *,
    since: date | None = None,
    until: date | None = None,
    level: str = "actor",
    limit: int = 100_000,
) -> Iterator[str]:
    """GraphML of :func:`~newsgraph.store.analytics.actor_graph` (directed, ``weight`` = the
    number of events), as Gephi, networkx and igraph read it."""
    graph = actor_graph(store, since=since, until=until, level=level, limit=limit)
    ET.register_namespace("", _NS)
    root = ET.Element(f"{{{_NS}}}graphml")
    for scope, keys in (("node", _NODE_KEYS), ("edge", _EDGE_KEYS)):
        for name, kind in keys:
            ET.SubElement(
                root,
                f"{{{_NS}}}key",
                {"id": f"{scope}_{name}", "for": scope, "attr.name": name, "attr.type": kind},
            )
    body = ET.SubElement(root, f"{{{_NS}}}graph", {"id": "newsgraph", "edgedefault": "directed"})
    ids: dict[str, str] = {}
    for number, node in enumerate(graph["nodes"]):
        ids[node["id"]] = f"n{number}"
        element = ET.SubElement(body, f"{{{_NS}}}node", {"id": f"n{number}"})
        for name, _ in _NODE_KEYS:
            if node.get(name) is not None:
                ET.SubElement(element, f"{{{_NS}}}data", {"key": f"node_{name}"}).text = str(
                    node[name]
                )
    for number, edge in enumerate(graph["edges"]):
        element = ET.SubElement(
            body,
            f"{{{_NS}}}edge",
            {"id": f"e{number}", "source": ids[edge["source"]], "target": ids[edge["target"]]},
        )
        values = {**edge, "weight": float(edge["events"])}
        for name, _ in _EDGE_KEYS:
            if values.get(name) is not None:
                ET.SubElement(element, f"{{{_NS}}}data", {"key": f"edge_{name}"}).text = str(
                    values[name]
                )
    ET.indent(root)
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield ET.tostring(root, encoding="unicode") + "\n"
