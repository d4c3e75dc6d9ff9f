"""Latency of ``GET /api/events`` over a store of 1M synthetic events.

1. A store of ``--events`` synthetic events (default 1,000,000; ten per document, one actor and
   one or two recipients each) is generated straight into a DuckDB file with SQL: plausible,
   skewed distributions of actors (a few countries act most), PLOVER types, dates over two
   years, outlets and sentences. No NLP runs. The listing's table (``event_index``) is then
   derived from those rows by the function the store's migration runs on a populated store
   (``rebuild_event_index``), not by a shortcut. The file is cached under ``bench-out/`` keyed
   by its size and schema version.
2. ``newsgraph serve`` (uvicorn, one process, read-only) serves it on a free loopback port.
3. A second process (this script with ``--load``) sends a fixed, seeded mix of filtered
   requests over keep-alive connections (``--concurrency`` at once), after a warm-up, and
   reports p50/p90/p99 of the measured ones, per filter kind and overall.

``--path /events`` sends the same mix to the web page of the listing instead (HTML).

Usage: ``python benchmarks/api_latency.py [--events 1000000] [--requests 600] [--concurrency 2]
[--path /api/events]``. Writes ``bench-out/api_latency.json``. Target: p99 < 100 ms. Loopback
only; bounded in count.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench-out"
TARGET_P99_MS = 100.0
SEED = 20251031

COUNTRIES = [
    ("Russia", "RUS"),
    ("United States", "USA"),
    ("Ukraine", "UKR"),
    ("China", "CHN"),
    ("Iran", "IRN"),
    ("Israel", "ISR"),
    ("Venezuela", "VEN"),
    ("Turkey", "TUR"),
    ("Germany", "DEU"),
    ("France", "FRA"),
    ("United Kingdom", "GBR"),
    ("India", "IND"),
    ("Syria", "SYR"),
    ("Belarus", "BLR"),
    ("Poland", "POL"),
    ("Japan", "JPN"),
    ("North Korea", "PRK"),
    ("South Korea", "KOR"),
    ("Sudan", "SDN"),
    ("Armenia", "ARM"),
    ("Azerbaijan", "AZE"),
    ("Georgia", "GEO"),
    ("Moldova", "MDA"),
    ("Estonia", "EST"),
    ("Cuba", "CUB"),
    ("Brazil", "BRA"),
    ("Egypt", "EGY"),
    ("Saudi Arabia", "SAU"),
    ("Pakistan", "PAK"),
    ("Philippines", "PHL"),
]
SECTORS = ["GOV", "MIL", "GOV", "", "COP", "REB", "BUS", "MED"]
TYPES = [  # (type, cameo, quad, score, weight)
    ("CONSULT", "040", 1, 1.0, 14),
    ("ACCUSE", "111", 3, -2.0, 12),
    ("ASSAULT", "190", 4, -10.0, 11),
    ("REQUEST", "020", 1, -1.0, 9),
    ("SUPPORT", "051", 1, 3.0, 8),
    ("AGREE", "030", 1, 4.0, 7),
    ("THREATEN", "130", 3, -4.0, 6),
    ("REJECT", "120", 3, -4.0, 6),
    ("AID", "070", 2, 7.0, 5),
    ("COOPERATE", "060", 2, 6.0, 5),
    ("PROTEST", "140", 3, -6.0, 4),
    ("SANCTION", "163", 4, -8.0, 4),
    ("MOBILIZE", "150", 4, -7.0, 3),
    ("COERCE", "170", 4, -7.0, 3),
    ("RETREAT", "080", 2, 5.0, 2),
    ("CONCEDE", "080", 2, 5.0, 1),
]
OUTLETS = [
    ("Reuters", "Reuters"),
    ("The Washington Post", "WP"),
    ("The New York Times", "NYT"),
    ("Financial Times", "FT"),
    ("Associated Press", "AP"),
    ("AFP", "AFP"),
    ("TASS", "TASS"),
    ("Kommersant", "Kommersant"),
    ("Meduza", "Meduza"),
    ("Bloomberg", "Bloomberg"),
    ("BBC", "BBC"),
    ("Politico", "Politico"),
]
WORDS = [
    "radars",
    "missiles",
    "drones",
    "talks",
    "border",
    "troops",
    "sanctions",
    "aid",
    "ceasefire",
    "embassy",
    "convoy",
    "pipeline",
    "airspace",
    "prisoners",
    "grain",
]


def _values(rows: list[tuple[Any, ...]]) -> str:
    def lit(v: Any) -> str:
        return str(v) if isinstance(v, int | float) else "'" + str(v).replace("'", "''") + "'"

    return ", ".join("(" + ", ".join(lit(v) for v in row) + ")" for row in rows)


def generate(path: Path, events: int) -> None:
    """Write ``events`` synthetic events into a fresh store at ``path`` (SQL only, seeded)."""
    sys.path.insert(0, str(REPO / "src"))
    from newsgraph.store import Store
    from newsgraph.store.event_index import rebuild_event_index

    path.unlink(missing_ok=True)
    documents = max(1, events // 10)
    with Store(path) as store:
        con = store.con
        con.execute("SELECT setseed(0.2025)")
        con.execute(
            f"CREATE TEMP TABLE actors_ref AS SELECT * FROM (VALUES "
            f"{_values([(i, n, c) for i, (n, c) in enumerate(COUNTRIES)])}) v(i, name, code)"
        )
        types_rows = []
        for t, cameo, quad, score, weight in TYPES:
            types_rows += [(len(types_rows) + k, t, cameo, quad, score) for k in range(weight)]
        con.execute(
            f"CREATE TEMP TABLE types_ref AS SELECT * FROM (VALUES "
            f"{_values(types_rows)}) v(i, type, cameo, quad, score)"
        )
        con.execute(
            f"CREATE TEMP TABLE outlets_ref AS SELECT * FROM (VALUES "
            f"{_values([(i, n, a) for i, (n, a) in enumerate(OUTLETS)])}) v(i, name, abbr)"
        )
        con.execute(
            f"CREATE TEMP TABLE words_ref AS SELECT * FROM "
            f"(VALUES {_values(list(enumerate(WORDS)))}) v(i, w)"
        )
        con.execute(
            f"CREATE TEMP TABLE sectors_ref AS SELECT * FROM "
            f"(VALUES {_values(list(enumerate(SECTORS)))}) v(i, s)"
        )
        n_types = len(types_rows)
        # Skewed picks: floor(n * random()^2) favours the first entries (Russia, the USA, ...).
        con.execute(f"""
            CREATE TEMP TABLE ev AS
            SELECT n, n // 10 AS doc, n % 10 AS k,
                   CAST(floor({len(COUNTRIES)} * pow(random(), 2)) AS INTEGER) AS a,
                   CAST(floor({len(COUNTRIES)} * pow(random(), 1.6)) AS INTEGER) AS r,
                   CAST(floor({n_types} * random()) AS INTEGER) AS t,
                   CAST(floor({len(WORDS)} * random()) AS INTEGER) AS w,
                   CAST(floor({len(SECTORS)} * random()) AS INTEGER) AS s,
                   random() < 0.6 AS timed, CAST(floor(4 * random()) AS INTEGER) AS back,
                   random() < 0.1 AS two, random() < 0.03 AS negated, random() AS conf
            FROM range({events}) AS t(n)
        """)
        con.execute(f"""
            CREATE TEMP TABLE docs AS
            SELECT d AS doc, DATE '2026-11-01' - CAST(floor(730 * pow(random(), 1.5)) AS INTEGER)
                       AS published,
                   CAST(floor({len(OUTLETS)} * random()) AS INTEGER) AS o
            FROM range({documents}) AS t(d)
        """)
        con.execute("""
            CREATE TEMP TABLE sent AS
            SELECT ev.*, ar.name AS a_name, ar.code AS a_code, rr.name AS r_name,
                   rr.code AS r_code, ty.type, ty.cameo, ty.quad, ty.score, wr.w AS word,
                   sr.s AS sector,
                   ar.name || ' ' || lower(ty.type) || 's ' || rr.name || ' over ' || wr.w
                       || ', officials said.' AS sentence
            FROM ev JOIN actors_ref ar ON ar.i = ev.a JOIN actors_ref rr ON rr.i = ev.r
            JOIN types_ref ty ON ty.i = ev.t JOIN words_ref wr ON wr.i = ev.w
            JOIN sectors_ref sr ON sr.i = ev.s
        """)
        con.execute("""
            CREATE TEMP TABLE placed AS
            SELECT *, sum(length(sentence) + 1) OVER (PARTITION BY doc ORDER BY k
                       ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before
            FROM sent
        """)
        con.execute("""
            INSERT INTO documents BY NAME
            SELECT printf('%020x', d.doc) AS doc_id, 'id:' || d.doc AS version_key, 1 AS version,
                   'bench:' || d.doc AS origin, 'jsonl' AS source_kind, CAST(d.doc AS VARCHAR)
                   AS external_id, NULL AS url, any_value(p.a_name) || ' and ' ||
                   any_value(p.r_name) AS headline, o.name AS outlet, o.abbr AS outlet_abbreviation,
                   NULL AS outlet_country, list_distinct(list(p.a_name ORDER BY p.k)[1:2])
                   AS tags, d.published, NULL AS credit, '[]' AS credits, 'en' AS language,
                   0 AS body_start, string_agg(p.sentence, ' ' ORDER BY p.k) AS text,
                   string_agg(p.sentence, ' ' ORDER BY p.k) AS raw_text, 'bench' AS extractor,
                   TIMESTAMP '2026-11-01 00:00:00' AS ingested_at
            FROM docs d JOIN outlets_ref o ON o.i = d.o JOIN placed p ON p.doc = d.doc
            GROUP BY ALL
        """)
        con.execute("""
            INSERT INTO events BY NAME
            SELECT printf('%024x', p.n) AS event_id, printf('%020x', p.doc) AS doc_id, p.k AS idx,
                   p.type, NULL AS mode, p.cameo, p.quad, p.score,
                   coalesce(p.before, 0) + length(p.a_name) + 1 AS trigger_start,
                   coalesce(p.before, 0) + length(p.a_name) + 1 + length(p.type) + 1
                       AS trigger_end, lower(p.type) || 's' AS trigger_text,
                   coalesce(p.before, 0) AS sentence_start,
                   coalesce(p.before, 0) + length(p.sentence) AS sentence_end,
                   NULL AS time_text, NULL AS time_start_char, NULL AS time_end_char,
                   CAST(CASE WHEN p.timed THEN d.published - p.back ELSE d.published END
                        AS VARCHAR) AS time_value,
                   CASE WHEN p.timed THEN d.published - p.back ELSE d.published END AS time_start,
                   CASE WHEN p.timed THEN d.published - p.back ELSE d.published END AS time_end,
                   'day' AS time_granularity, 'exact' AS time_type,
                   CASE WHEN p.timed THEN 'sentence' ELSE 'publication' END AS time_source,
                   'synthetic' AS time_reason, NULL AS location,
                   CASE WHEN p.type = 'REQUEST' THEN 'requested' END AS status,
                   CASE WHEN p.conf < 0.3 THEN 'reported' ELSE 'asserted' END AS certainty,
                   p.negated, round(p.conf, 3) AS confidence, 'bench' AS extractor
            FROM placed p JOIN docs d ON d.doc = p.doc
        """)
        con.execute("""
            INSERT INTO event_actors BY NAME
            SELECT printf('%024x', n) AS event_id, 'actor' AS role, 0 AS idx, a_name AS name,
                   a_code || sector AS code, nullif(sector, '') AS sector, NULL AS actor_role,
                   NULL AS wikidata, coalesce(before, 0) AS start,
                   coalesce(before, 0) + length(a_name) AS "end", a_name AS text FROM placed
            UNION ALL
            SELECT printf('%024x', n), 'recipient', 0, r_name, r_code, NULL, NULL, NULL,
                   coalesce(before, 0) + length(a_name) + length(type) + 3,
                   coalesce(before, 0) + length(a_name) + length(type) + 3 + length(r_name),
                   r_name FROM placed
            UNION ALL
            SELECT printf('%024x', n), 'recipient', 1, 'officials', NULL, NULL, NULL, NULL,
                   coalesce(before, 0) + length(sentence) - 15,
                   coalesce(before, 0) + length(sentence) - 6, 'officials'
            FROM placed WHERE two
        """)
        started = time.perf_counter()
        rebuild_event_index(store)
        print(f"event_index derived in {time.perf_counter() - started:.1f} s")
        con.execute("CHECKPOINT")


# -- load --------------------------------------------------------------------------------------


def request_mix(count: int, seed: int) -> list[tuple[str, dict[str, str]]]:
    """A seeded mix of the filters analysts use, each with the name of its kind."""
    rng = random.Random(seed)
    popular = [n for n, _ in COUNTRIES[:12]]
    codes = [c for _, c in COUNTRIES[:12]]
    kinds: list[tuple[str, int]] = [
        ("newest", 20),
        ("actor", 12),
        ("actor_code", 8),
        ("recipient", 8),
        ("dyad", 10),
        ("type", 10),
        ("dates", 10),
        ("tag", 6),
        ("text", 4),
        ("outlet", 4),
        ("page", 4),
        ("combined", 4),
    ]
    names = [k for k, w in kinds for _ in range(w)]
    mix = []
    for _ in range(count):
        kind = rng.choice(names)
        params: dict[str, str] = {"limit": "50"}
        start = f"2025-{rng.randint(1, 12):02d}-01"
        if kind == "actor":
            params["actor"] = rng.choice(popular)
        elif kind == "actor_code":
            params["actor"] = rng.choice(codes) + rng.choice(["", "GOV", "MIL"])
        elif kind == "recipient":
            params["recipient"] = rng.choice(popular)
        elif kind == "dyad":
            a, b = rng.sample(popular, 2)
            params["dyad"] = f"{a},{b}"
        elif kind == "type":
            params["type"] = rng.choice(TYPES)[0]
        elif kind == "dates":
            params.update(since=start, until=start[:8] + "28")
        elif kind == "tag":
            a, b = rng.sample(["Russia", "USA", "Ukraine", "China", "Iran", "Venezuela"], 2)
            params["tag"] = rng.choice([a, f"{a}/{b}"])
        elif kind == "text":
            params["text"] = rng.choice(WORDS)
        elif kind == "outlet":
            params["outlet"] = rng.choice(OUTLETS)[1]
        elif kind == "page":
            params["offset"] = str(rng.choice([50, 100, 500, 1000]))
        elif kind == "combined":
            params.update(actor=rng.choice(popular), type=rng.choice(TYPES)[0], since=start)
        mix.append((kind, params))
    return mix


async def _fetch(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, target: str) -> int:
    writer.write(
        f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n".encode()
    )
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    await reader.readexactly(length)
    return status


async def _load(
    port: int, mix: list[tuple[str, dict[str, str]]], concurrency: int, warmup: int, path: str
) -> list[tuple[str, float, int]]:
    queue: asyncio.Queue[tuple[int, str, dict[str, str]]] = asyncio.Queue()
    for number, (kind, params) in enumerate(mix):
        queue.put_nowait((number, kind, params))
    results: list[tuple[str, float, int]] = []

    async def worker() -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while not queue.empty():
                number, kind, params = queue.get_nowait()
                started = time.perf_counter()
                status = await asyncio.wait_for(
                    _fetch(reader, writer, path + "?" + urlencode(params)), timeout=30
                )
                elapsed = (time.perf_counter() - started) * 1000
                if number >= warmup:
                    results.append((kind, elapsed, status))
        finally:
            writer.close()

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return results


def _percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)

    def at(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1)

    return {
        "n": len(ordered),
        "p50": at(0.5),
        "p90": at(0.9),
        "p99": at(0.99),
        "max": round(ordered[-1], 1),
        "mean": round(statistics.fmean(ordered), 1),
    }


def run_load(
    port: int, requests: int, concurrency: int, warmup: int, path: str = "/api/events"
) -> dict[str, Any]:
    mix = request_mix(requests + warmup, SEED)
    started = time.perf_counter()
    results = asyncio.run(_load(port, mix, concurrency, warmup, path))
    seconds = time.perf_counter() - started
    errors = [r for r in results if r[2] != 200]
    kinds = sorted({k for k, _, _ in results})
    return {
        "overall": _percentiles([ms for _, ms, _ in results]),
        "by_kind": {k: _percentiles([ms for kk, ms, _ in results if kk == k]) for k in kinds},
        "errors": len(errors),
        "seconds": round(seconds, 1),
        "requests_per_second": round((len(results)) / seconds, 1),
    }


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU time so far of a process and its children (the workers of
    ``serve --workers``), from Linux /proc; None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        children = [
            int(child)
            for task in Path(f"/proc/{pid}/task").iterdir()
            for child in (task / "children").read_text().split()
        ]
    except OSError:
        return None
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return own + sum(_cpu_seconds(child) or 0.0 for child in children)


def _load_average() -> list[float] | None:
    try:
        return [round(v, 2) for v in os.getloadavg()]
    except OSError:
        return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait(port: int, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                "the server exited: " + (process.stderr.read().decode() if process.stderr else "")
            )
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--warmup", type=int, default=40)
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--path", default="/api/events", choices=["/api/events", "/events"])
    parser.add_argument("--workers", type=int, default=1, help="server processes (serve --workers)")
    parser.add_argument(
        "--out", type=Path, default=None, help="report file (bench-out/api_latency.json)"
    )
    parser.add_argument("--load", type=int, metavar="PORT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.load:  # the load generator: a separate process
        json.dump(
            run_load(args.load, args.requests, args.concurrency, args.warmup, args.path),
            sys.stdout,
        )
        return
    OUT.mkdir(exist_ok=True)
    sys.path.insert(0, str(REPO / "src"))
    from newsgraph.store.migrations import migrations

    # Keyed by the schema too: a store generated by older code would not be read-only-servable.
    db = OUT / f"api-bench-{args.events}-v{len(migrations())}.duckdb"
    if not db.exists():
        started = time.perf_counter()
        generate(db, args.events)
        print(f"generated {args.events:,} events in {time.perf_counter() - started:.1f} s -> {db}")
    port = _free_port()
    newsgraph = Path(sys.executable).with_name("newsgraph")
    server = subprocess.Popen(
        [str(newsgraph), "serve", "--db", str(db), "--port", str(port)]
        + ["--workers", str(args.workers)] * (args.workers > 1),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "NEWSGRAPH_API_TOKEN": ""},
    )
    try:
        _wait(port, server)
        # The machine is shared: its load says how much of the two cores the server could get,
        # and the server's own CPU time per request does not depend on it.
        load_before, cpu_before = _load_average(), _cpu_seconds(server.pid)
        load = subprocess.run(
            [
                sys.executable,
                __file__,
                "--load",
                str(port),
                "--requests",
                str(args.requests),
                "--concurrency",
                str(args.concurrency),
                "--warmup",
                str(args.warmup),
                "--path",
                args.path,
            ],
            check=True,
            capture_output=True,
            text=True,
            timeout=1800,
        )
        load_after, cpu_after = _load_average(), _cpu_seconds(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    report = json.loads(load.stdout)
    served = args.requests + args.warmup
    cpu_ms = (
        round((cpu_after - cpu_before) * 1000 / served, 1)
        if cpu_before is not None and cpu_after is not None
        else None
    )
    report.update(
        path=args.path,
        events=args.events,
        concurrency=args.concurrency,
        target_p99_ms=TARGET_P99_MS,
        cores=os.cpu_count(),
        load_average_start_end=[load_before, load_after],
        server_cpu_ms_per_request=cpu_ms,
        measured_at=time.strftime("%Y-%m-%dT%H:%M:%S"),
    )
    (args.out or OUT / "api_latency.json").write_text(
        json.dumps(report, indent=2), encoding="utf-8"
    )
    overall = report["overall"]
    print(
        f"GET {args.path} over {args.events:,} events, {overall['n']} requests, "
        f"{args.concurrency} concurrent, {report['errors']} errors, "
        f"{report['requests_per_second']} req/s; server CPU {cpu_ms} ms a request; "
        f"load average {load_before} -> {load_after}"
    )
    verdict = "met" if overall["p99"] < TARGET_P99_MS else "NOT met"
    print(
        f"  overall: p50 {overall['p50']} ms, p90 {overall['p90']} ms, p99 {overall['p99']} ms "
        f"(target p99 < {TARGET_P99_MS:.0f} ms: {verdict})"
    )
    for kind, f in report["by_kind"].items():
        print(f"  {kind:<11} n={f['n']:>4} p50 {f['p50']:>7} ms  p99 {f['p99']:>7} ms")


if __name__ == "__main__":
    main()
