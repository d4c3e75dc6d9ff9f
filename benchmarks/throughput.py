"""Throughput of raw spaCy against ``newsgraph ingest`` on the same corpus, in one run.

Both sides run as fresh subprocesses, model load included, with the same number of worker
processes and the same batch size:

- raw spaCy: ``spacy.load(model)`` then ``nlp.pipe(texts, n_process=W, batch_size=64)``, consuming
  every Doc, over exactly the texts newsgraph annotates (each document's headline + body);
- newsgraph: ``newsgraph ingest CORPUS --db FRESH.duckdb --workers W --model MODEL`` end to end.

The headline figure is the end-to-end ratio (words / wall-clock seconds of each subprocess). So that
the fixed costs show, each command is also run on a one-document corpus ("probe") and the figures
are repeated with that fixed cost subtracted; raw spaCy also reports its own ``nlp.pipe`` time. Peak
memory is sampled every ~50 ms over each subprocess and all its descendants (``/proc``): the peak of
the summed VmRSS (an upper bound: pages shared after ``fork`` count once per process), the largest
single process, and the peak summed PSS (shared pages split between processes).

The corpus (at least 1 MB, separate documents, deterministic) comes from ``../shared/data`` next to
the repository when it is present (PolNeAR articles, else ECB+ documents), otherwise from the
bundled ``examples/posts`` recombined into distinct documents. It is written to a temporary folder
only, never into the repository.

Usage: ``python benchmarks/throughput.py [--mb 1.5] [--workers 2] [--source shared|examples]``.
Writes ``bench-out/throughput.json``; exits 0 whether or not the target ratio is met.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from importlib import metadata
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
EXAMPLES = REPO / "examples" / "posts"
OUT = REPO / "bench-out" / "throughput.json"

TARGET_RATIO = 0.7
MB = 1_000_000  # bytes; corpus sizes are decimal megabytes
SAMPLE_SECONDS = 0.05
PSS_EVERY = 4  # read smaps_rollup (costlier than status) every 4th sample
SEED = 20251031
DATE_FORMATS = ("{d:%Y.%m.%d}", "{d:%d.%m.%Y}", "{d:%B} {d.day}, {d:%Y}", "{d.day} {d:%B %Y}")


# -- corpus --------------------------------------------------------------------------------------


@dataclass
class Corpus:
    """A folder of documents and the texts newsgraph reads from them."""

    source: str
    description: str
    folder: Path
    texts: list[str] = field(default_factory=list)
    file_bytes: int = 0
    rejected: int = 0

    @property
    def words(self) -> int:
        return sum(len(text.split()) for text in self.texts)

    @property
    def text_bytes(self) -> int:
        return sum(len(text.encode("utf-8")) for text in self.texts)

    def summary(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "description": self.description,
            "documents": len(self.texts),
            "file_mb": round(self.file_bytes / MB, 3),
            "text_mb": round(self.text_bytes / MB, 3),
            "words": self.words,
            "rejected_by_reader": self.rejected,
        }


def _stable_order(paths: Sequence[Path]) -> list[Path]:
    """A fixed pseudo-random order (by name hash) that mixes publishers and topics."""
    return sorted(paths, key=lambda p: hashlib.sha256(p.name.encode()).hexdigest())


def _take(texts: Iterator[tuple[str, str]], folder: Path, target_bytes: int) -> int:
    """Write distinct texts as ``NNNNN-name.txt`` until ``target_bytes``; returns bytes written."""
    written, seen = 0, set()
    for name, text in texts:
        digest = hashlib.sha256(" ".join(text.split()).encode()).hexdigest()
        if not text.strip() or digest in seen:
            continue
        seen.add(digest)
        data = text.encode("utf-8")
        (folder / f"{len(seen):05d}-{name}.txt").write_bytes(data)
        written += len(data)
        if written >= target_bytes:
            break
    return written


def _polnear_texts(root: Path) -> Iterator[tuple[str, str]]:
    files = [p for split in ("train", "dev") for p in (root / split / "text").glob("*.txt")]
    for path in _stable_order(files):
        yield path.stem[:40], path.read_text(encoding="utf-8", errors="replace")


def _ecbplus_texts(root: Path) -> Iterator[tuple[str, str]]:
    for path in _stable_order(list(root.rglob("*.xml"))):
        sentences: dict[str, list[str]] = {}
        for token in ET.parse(path).getroot().iter("token"):
            sentences.setdefault(token.get("sentence", "0"), []).append(token.text or "")
        text = "\n".join(" ".join(words) for words in sentences.values())
        # ECB+ is tokenised; glue punctuation back so spaCy sees ordinary prose.
        yield path.stem, re.sub(r" ([.,;:!?')])|([(]) ", r"\1\2", text)


def build_shared(folder: Path, target_bytes: int) -> tuple[str, int] | None:
    """News articles from ../shared/data, or None when none are there."""
    polnear, ecbplus = SHARED_DATA / "polnear", SHARED_DATA / "ecbplus"
    if any(polnear.glob("*/text/*.txt")):
        written = _take(_polnear_texts(polnear), folder, target_bytes)
        return "PolNeAR news articles (train+dev text) from ../shared/data/polnear", written
    if any(ecbplus.rglob("*.xml")):
        written = _take(_ecbplus_texts(ecbplus), folder, target_bytes)
        return "ECB+ news documents (tokens re-joined) from ../shared/data/ecbplus", written
    return None


def build_examples(folder: Path, target_bytes: int) -> tuple[str, int]:
    """Distinct posts recombined from the bundled examples' headers and paragraphs."""
    from newsgraph.ingest import parse_post

    posts = [parse_post(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.txt"))]
    if not posts:
        raise SystemExit(f"no example posts in {EXAMPLES}: cannot build a corpus")
    paragraphs = [line for post in posts for line in post.text.splitlines()[1:] if line.strip()]
    rng = random.Random(SEED)
    first = date(2024, 1, 1)

    def documents() -> Iterator[tuple[str, str]]:
        for index in range(10**6):
            post = posts[index % len(posts)]
            lines = [" ".join(f"#{tag}" for tag in post.tags)] if post.tags else []
            prefix = f"{post.outlet.abbreviation}: " if post.outlet else ""
            lines.append(f"{prefix}{post.headline}")
            day = first + timedelta(days=index % 700)
            lines.append(DATE_FORMATS[index % len(DATE_FORMATS)].format(d=day))
            lines.extend(rng.sample(paragraphs, rng.randint(4, 8)))
            lines.extend(f"{c.kind.capitalize()}: {c.name}" for c in post.credits)
            sep = "\n\n" if index % 2 else "\n"
            yield f"example-{index:05d}", sep.join(lines) + "\n"

    written = _take(documents(), folder, target_bytes)
    return (
        f"{len(posts)} posts of examples/posts recombined ({len(paragraphs)} paragraphs)",
        written,
    )


def build_corpus(folder: Path, *, source: str, mb: float) -> Corpus:
    folder.mkdir(parents=True)
    target = int(mb * MB)
    built: tuple[str, int] | None = None
    used = "examples"
    if source in ("auto", "shared"):
        built = build_shared(folder, target)
        if built is None:
            if source == "shared":
                raise SystemExit(f"--source shared: no PolNeAR or ECB+ text under {SHARED_DATA}")
            print(f"note: {SHARED_DATA} has no news text; using the bundled examples")
        else:
            used = "shared"
    if built is None:
        built = build_examples(folder, target)
    description, written = built
    corpus = Corpus(source=used, description=description, folder=folder, file_bytes=written)
    _read_like_newsgraph(corpus)
    return corpus


def _read_like_newsgraph(corpus: Corpus) -> None:
    """The texts newsgraph annotates (headline + body of each document), via its own reader."""
    from newsgraph.ingest import read_paths
    from newsgraph.model import Document

    for item in read_paths([corpus.folder]):
        if isinstance(item, Document):
            corpus.texts.append(item.text)
        else:
            corpus.rejected += 1


# -- measuring a subprocess ----------------------------------------------------------------------


# /proc/<pid>/task/<tid>/children needs CONFIG_PROC_CHILDREN; without it, scan every /proc/<pid>.
_HAS_CHILDREN_FILE = Path(f"/proc/self/task/{os.getpid()}/children").exists()


def _children(pid: int) -> list[int]:
    found: list[int] = []
    if _HAS_CHILDREN_FILE:
        with contextlib.suppress(OSError):
            for task in Path(f"/proc/{pid}/task").iterdir():
                with contextlib.suppress(OSError):
                    found.extend(int(c) for c in (task / "children").read_text().split())
        return found
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            # The command name may hold spaces; the parent pid is the 2nd field after its ")".
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
    return found


def _descendants(pid: int) -> list[int]:
    """``pid`` and every process below it."""
    found: list[int] = []
    queue = [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        queue.extend(_children(current))
    return found


def _status_kb(pid: int, key: str, name: str = "status") -> int:
    with contextlib.suppress(OSError, ValueError):
        for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
            if line.startswith(key):
                return int(line.split()[1])
    return 0


@dataclass
class Measured:
    """One subprocess run: wall time, exit status, output and peak memory of its process tree."""

    argv: list[str]
    wall_s: float = 0.0
    cpu_s: float = 0.0
    returncode: int = 0
    stdout: str = ""
    stderr: str = ""
    peak_rss_tree_mb: float = 0.0
    peak_rss_single_mb: float = 0.0
    peak_pss_tree_mb: float = 0.0
    peak_processes: int = 0
    samples: int = 0

    def summary(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if k not in ("stdout", "stderr")}


class _Sampler(threading.Thread):
    def __init__(self, pid: int, measured: Measured) -> None:
        super().__init__(daemon=True)
        self.pid, self.measured = pid, measured
        self.stop = threading.Event()

    def run(self) -> None:
        m, tick = self.measured, 0
        while not self.stop.is_set():
            pids = _descendants(self.pid)
            rss = [_status_kb(pid, "VmRSS:") for pid in pids]
            m.peak_rss_tree_mb = max(m.peak_rss_tree_mb, sum(rss) / 1024)
            m.peak_rss_single_mb = max(m.peak_rss_single_mb, max(rss, default=0) / 1024)
            m.peak_processes = max(m.peak_processes, sum(1 for r in rss if r))
            if tick % PSS_EVERY == 0:
                pss = sum(_status_kb(pid, "Pss:", "smaps_rollup") for pid in pids)
                m.peak_pss_tree_mb = max(m.peak_pss_tree_mb, pss / 1024)
            m.samples += 1
            tick += 1
            self.stop.wait(SAMPLE_SECONDS)


def measure(argv: list[str], *, workdir: Path, sample: bool = True) -> Measured:
    """Run ``argv`` to completion, timing it and (optionally) sampling its memory."""
    measured = Measured(argv=argv)
    out_path, err_path = workdir / "stdout.txt", workdir / "stderr.txt"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        process = subprocess.Popen(argv, stdout=out, stderr=err, cwd=workdir)
        sampler = _Sampler(process.pid, measured) if sample else None
        if sampler:
            sampler.start()
        measured.returncode = process.wait()
        measured.wall_s = time.perf_counter() - started
        # Waited-for descendants (both sides join their workers) are included: CPU seconds of
        # the whole tree, much less sensitive than wall time to other load on the machine.
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        measured.cpu_s = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if sampler:
            sampler.stop.set()
            sampler.join()
    measured.stdout = out_path.read_text(errors="replace")
    measured.stderr = err_path.read_text(errors="replace")
    if measured.returncode != 0:
        print(
            f"command failed ({measured.returncode}): {' '.join(argv)}\n{measured.stderr[-3000:]}"
        )
        raise SystemExit(1)
    return measured


# -- the two sides -------------------------------------------------------------------------------


def raw_worker(texts_path: Path, *, model: str, workers: int, batch_size: int) -> None:
    """Subprocess body for raw spaCy: prints its own timings as one JSON line."""
    started = time.perf_counter()
    import spacy

    imported = time.perf_counter()
    nlp = spacy.load(model)
    loaded = time.perf_counter()
    with texts_path.open(encoding="utf-8") as lines:
        texts = [json.loads(line) for line in lines]
    read = time.perf_counter()
    docs = tokens = 0
    for doc in nlp.pipe(texts, n_process=workers, batch_size=batch_size):
        docs += 1
        tokens += len(doc)
    done = time.perf_counter()
    own, children = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    print(
        json.dumps(
            {
                "cpu_self_s": own.ru_utime + own.ru_stime,
                "cpu_workers_s": children.ru_utime + children.ru_stime,
                "import_s": imported - started,
                "load_s": loaded - imported,
                "read_s": read - loaded,
                "pipe_s": done - read,
                "docs": docs,
                "tokens": tokens,
                "pipes": nlp.pipe_names,
            }
        )
    )


def _newsgraph_argv() -> list[str]:
    script = Path(sys.executable).with_name("newsgraph")
    if script.exists():
        return [str(script)]
    found = shutil.which("newsgraph")
    return [found] if found else [sys.executable, "-m", "newsgraph"]


_INGEST_LINE = re.compile(
    r"(?P<read>\d+) document\(s\) read: (?P<stored>\d+) stored, (?P<already>\d+) already in the "
    r"store; (?P<events>\d+) event\(s\); (?P<rejected>\d+) rejected; (?P<words>[\d,]+) words in "
    r"(?P<seconds>[\d.]+) s"
)


def _ingest_report(stderr: str) -> dict[str, float]:
    match = _INGEST_LINE.search(" ".join(stderr.split()))
    if not match:
        return {}
    return {k: float(v.replace(",", "")) for k, v in match.groupdict().items()}


@dataclass
class Side:
    name: str
    run: Measured
    probe: Measured
    inner: dict[str, Any]

    def figures(self, words: int) -> dict[str, Any]:
        fixed = self.probe.wall_s
        steady = self.run.wall_s - fixed
        return {
            "wall_s": round(self.run.wall_s, 2),
            "words_per_s_end_to_end": round(words / self.run.wall_s),
            "fixed_cost_s_one_doc_probe": round(fixed, 2),
            "words_per_s_excl_fixed_cost": round(words / steady) if steady > 0 else None,
            "words_per_cpu_s": round(words / self.run.cpu_s) if self.run.cpu_s else None,
            **self.run.summary(),
            "inner": self.inner,
        }


def run_raw(corpus: Corpus, *, model: str, workers: int, batch_size: int, tmp: Path) -> Side:
    def argv(texts: list[str], name: str) -> tuple[list[str], Path]:
        work = tmp / name
        work.mkdir()
        path = work / "texts.jsonl"
        path.write_text("".join(json.dumps(t) + "\n" for t in texts), encoding="utf-8")
        return [
            sys.executable,
            str(Path(__file__).resolve()),
            "--raw-worker",
            str(path),
            "--model",
            model,
            "--workers",
            str(workers),
            "--batch-size",
            str(batch_size),
        ], work

    probe_argv, probe_dir = argv(corpus.texts[:1], "raw-probe")
    probe = measure(probe_argv, workdir=probe_dir, sample=False)
    run_argv, run_dir = argv(corpus.texts, "raw-run")
    run = measure(run_argv, workdir=run_dir)
    inner: dict[str, Any] = json.loads(run.stdout.strip().splitlines()[-1])
    inner["words_per_s_pipe_only"] = round(corpus.words / inner["pipe_s"])
    if inner["docs"] != len(corpus.texts):
        print(f"warning: raw spaCy yielded {inner['docs']} docs for {len(corpus.texts)} texts")
    return Side("raw spaCy", run, probe, inner)


def run_ours(corpus: Corpus, *, model: str, workers: int, tmp: Path) -> Side:
    def argv(folder: Path, name: str) -> tuple[list[str], Path]:
        work = tmp / name
        work.mkdir()
        db = work / "fresh.duckdb"
        return [
            *_newsgraph_argv(),
            "ingest",
            str(folder),
            "--db",
            str(db),
            "--workers",
            str(workers),
            "--model",
            model,
        ], work

    one = tmp / "probe-corpus"
    one.mkdir()
    first = min(corpus.folder.iterdir())
    shutil.copy(first, one / first.name)
    probe_argv, probe_dir = argv(one, "ours-probe")
    probe = measure(probe_argv, workdir=probe_dir, sample=False)
    run_argv, run_dir = argv(corpus.folder, "ours-run")
    run = measure(run_argv, workdir=run_dir)
    inner: dict[str, Any] = _ingest_report(run.stderr)
    if inner.get("seconds"):
        inner["words_per_s_cli_reported"] = round(inner["words"] / inner["seconds"])
    if inner.get("stored") != len(corpus.texts) or inner.get("rejected"):
        print(f"warning: newsgraph stored {inner.get('stored')} of {len(corpus.texts)} documents")
    if inner.get("words") not in (None, corpus.words):
        print(f"warning: newsgraph counted {inner.get('words')} words, the corpus {corpus.words}")
    return Side("newsgraph ingest", run, probe, inner)


# -- report --------------------------------------------------------------------------------------


def _ratio(ours: float | None, raw: float | None) -> float | None:
    return round(ours / raw, 3) if ours and raw else None


def _print_report(corpus: Corpus, rounds: list[dict[str, Any]], summary: dict[str, Any]) -> None:
    c = corpus.summary()
    print(f"corpus: {c['source']} - {c['description']}")
    print(
        f"  {c['documents']:,} documents, {c['file_mb']:.2f} MB on disk, {c['text_mb']:.2f} MB "
        f"annotated text, {c['words']:,} words (whitespace-split, as newsgraph counts)"
    )
    print(f"settings: {summary['settings']}")
    rows = [
        ("end-to-end wall s", "wall_s", "{:,.1f}"),
        ("end-to-end words/s  [headline]", "words_per_s_end_to_end", "{:,.0f}"),
        ("fixed cost s (1-doc probe)", "fixed_cost_s_one_doc_probe", "{:,.1f}"),
        ("words/s excl. fixed cost", "words_per_s_excl_fixed_cost", "{:,.0f}"),
        ("CPU s, process tree (user+sys)", "cpu_s", "{:,.1f}"),
        ("words per CPU-second", "words_per_cpu_s", "{:,.0f}"),
        ("peak RSS, process tree MB", "peak_rss_tree_mb", "{:,.0f}"),
        ("peak RSS, one process MB", "peak_rss_single_mb", "{:,.0f}"),
        ("peak PSS, process tree MB", "peak_pss_tree_mb", "{:,.0f}"),
        ("processes in tree (max)", "peak_processes", "{:d}"),
    ]
    for number, result in enumerate(rounds, start=1):
        raw, ours = result["raw"], result["ours"]
        print(f"\nround {number}{'':24} {'raw spaCy':>14} {'newsgraph':>14} {'ours/raw':>9}")
        for label, key, fmt in rows:
            a, b = raw[key], ours[key]
            ratio = _ratio(b, a) if key.startswith("words") else None
            shown = [fmt.format(v) if v is not None else "-" for v in (a, b)]
            print(f"  {label:32} {shown[0]:>14} {shown[1]:>14} {ratio or '':>9}")
        ri, oi = raw["inner"], ours["inner"]
        print(
            f"  raw spaCy inside: import {ri['import_s']:.1f} s, load {ri['load_s']:.1f} s, "
            f"pipe {ri['pipe_s']:.1f} s -> {ri['words_per_s_pipe_only']:,} words/s (pipe only)"
        )
        if oi:
            print(
                f"  newsgraph CLI report: {oi['stored']:.0f} stored, "
                f"{oi['rejected']:.0f} rejected, "
                f"{oi['events']:.0f} events, {oi['seconds']:.1f} s -> "
                f"{oi['words_per_s_cli_reported']:,} words/s (ingest loop, incl. worker model load)"
            )
    ratio = summary["ratio_end_to_end"]
    verdict = "MET" if summary["target_met"] else "NOT MET"
    print(
        f"\nheadline (like-for-like, end to end, both fresh subprocesses incl. model load"
        f"{', median of rounds' if len(rounds) > 1 else ''}): ours/raw = {ratio:.3f}; "
        f"target >= {TARGET_RATIO}: {verdict}"
    )
    steady, cpu = summary["ratio_excl_fixed_cost"], summary["ratio_per_cpu_s"]
    if steady is not None:
        print(f"excluding fixed costs (1-doc probe subtracted): ours/raw = {steady:.3f}")
    if cpu is not None:
        print(f"words per CPU-second (least sensitive to other load): ours/raw = {cpu:.3f}")
    load = summary["machine"]["load_average_start_end"]
    print(f"load average (1 min) at start {load[0]:.2f}, at end {load[1]:.2f}")
    print(f"wrote {summary['json']}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--mb", type=float, default=1.5, help="corpus size in MB (default 1.5)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--batch-size", type=int, default=64, help="nlp.pipe batch (default 64)")
    parser.add_argument(
        "--source", choices=("auto", "shared", "examples"), default="auto", help="corpus source"
    )
    parser.add_argument("--model", default="", help="spaCy model (default: newsgraph's choice)")
    parser.add_argument("--rounds", type=int, default=1, help="alternate both sides N times")
    parser.add_argument(
        "--parse",
        choices=("selective", "full"),
        default="full",
        help="newsgraph's dependency parsing (default full, as shipped)",
    )
    parser.add_argument("--out", type=Path, default=OUT, help=f"JSON output (default {OUT})")
    parser.add_argument("--raw-worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.raw_worker:
        raw_worker(
            args.raw_worker, model=args.model, workers=args.workers, batch_size=args.batch_size
        )
        return 0

    from newsgraph.nlp import resolve_model_name

    model = resolve_model_name(args.model)
    # The ingest subprocesses read it (newsgraph.config); raw spaCy parses everything.
    os.environ["NEWSGRAPH_PARSE"] = args.parse
    load_start = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as tmpdir:
        tmp = Path(tmpdir)
        corpus = build_corpus(tmp / "corpus", source=args.source, mb=args.mb)
        if not corpus.texts:
            raise SystemExit("the corpus is empty")
        rounds: list[dict[str, Any]] = []
        for number in range(args.rounds):
            work = tmp / f"round-{number}"
            work.mkdir()
            raw = run_raw(
                corpus, model=model, workers=args.workers, batch_size=args.batch_size, tmp=work
            )
            ours = run_ours(corpus, model=model, workers=args.workers, tmp=work)
            rounds.append({"raw": raw.figures(corpus.words), "ours": ours.figures(corpus.words)})

    def median(side: str, key: str) -> float | None:
        values = [r[side][key] for r in rounds if r[side][key] is not None]
        return statistics.median(values) if values else None

    ratio = _ratio(
        median("ours", "words_per_s_end_to_end"), median("raw", "words_per_s_end_to_end")
    )
    steady = _ratio(
        median("ours", "words_per_s_excl_fixed_cost"), median("raw", "words_per_s_excl_fixed_cost")
    )
    cpu = _ratio(median("ours", "words_per_cpu_s"), median("raw", "words_per_cpu_s"))
    summary: dict[str, Any] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "spacy": metadata.version("spacy"),
            "load_average_start_end": [load_start, os.getloadavg()[0]],
        },
        "settings": {
            "model": model,
            "workers": args.workers,
            "batch_size": args.batch_size,
            "rounds": args.rounds,
            "parse": args.parse,
        },
        "corpus": corpus.summary(),
        "rounds": rounds,
        "ratio_end_to_end": ratio,
        "ratio_excl_fixed_cost": steady,
        "ratio_per_cpu_s": cpu,
        "target_ratio": TARGET_RATIO,
        "target_met": ratio is not None and ratio >= TARGET_RATIO,
        "json": str(args.out),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    _print_report(corpus, rounds, summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
