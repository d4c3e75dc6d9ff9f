"""Dump what ``newsgraph extract`` gives on fixed inputs, and compare two dumps.

    python scripts/compare_extract.py --write DIR [--data ../shared/data]
    python scripts/compare_extract.py --compare DIR_A DIR_B

``--write`` annotates, with the code path of ``newsgraph extract`` (:func:`newsgraph.pipeline.
extract` for files, :func:`newsgraph.pipeline.annotate_documents` for gold items, as the eval
harness does), the example posts, the seed post and the documents of every development gold set
the eval harness reads from the data folder, and writes one canonical JSON-lines file per set
(sorted keys, one annotated document or rejection per line, in input order). The gold sets'
documents are the harness's own: each scorer runs and every document it feeds the pipeline is
recorded on its way out.

Annotation runs in one process with a fixed string-hash seed (``PYTHONHASHSEED=0``): with other
seeds or a worker pool a few actor resolutions vary from run to run on the same code.

``--compare`` reports, per set, the documents and events on each side and every line that
differs; it exits 1 when anything differs. Used to show a restructuring changes no output.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from newsgraph.config import Settings
from newsgraph.eval import SCORERS
from newsgraph.eval import harness as eval_harness
from newsgraph.model import AnnotatedDocument, Rejection
from newsgraph.pipeline import extract

ROOT = Path(__file__).resolve().parent.parent


def _files(repo: Path) -> dict[str, list[Path]]:
    return {
        "examples-posts": [repo / "examples" / "posts"],
        "seed-post": [repo.parent / "shared" / "examples" / "seed_post.txt"],
    }


Item = AnnotatedDocument | Rejection


def _line(item: Item) -> str:
    if isinstance(item, Rejection):
        record: dict[str, Any] = {
            "rejection": item.origin,
            "code": item.code,
            "reason": item.reason,
        }
    else:
        record = item.to_dict()
    return json.dumps(record, sort_keys=True, ensure_ascii=False)


def _write(path: Path, items: Iterable[Item]) -> tuple[int, int]:
    documents = events = 0
    with path.open("w", encoding="utf-8") as out:
        for item in items:
            out.write(_line(item) + "\n")
            if isinstance(item, AnnotatedDocument):
                documents += 1
                events += len(item.events)
    return documents, events


def _recording(sink: list[Item]) -> Callable[..., Iterator[Item]]:
    """The harness's ``annotate_documents``, keeping every result it hands back."""
    original = eval_harness.annotate_documents

    def annotate_documents(*args: Any, **kwargs: Any) -> Iterator[Item]:
        for result in original(*args, **kwargs):
            sink.append(result)
            yield result

    return annotate_documents


def write(out: Path, *, repo: Path, data: Path, settings: Settings) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, paths in _files(repo).items():
        counts = _write(out / f"{name}.jsonl", extract(paths, settings=settings))
        print(f"{name}: {counts[0]} document(s), {counts[1]} event(s)", flush=True)
    original = eval_harness.annotate_documents
    for name, scorer in SCORERS.items():
        if not (data / name).is_dir():
            print(f"{name}: not in {data}, skipped", flush=True)
            continue
        seen: list[Item] = []
        eval_harness.annotate_documents = _recording(seen)  # type: ignore[assignment]
        try:
            scorer(data / name, settings=settings)
        finally:
            eval_harness.annotate_documents = original  # type: ignore[assignment]
        counts = _write(out / f"{name}.jsonl", seen)
        print(f"{name}: {counts[0]} document(s), {counts[1]} event(s)", flush=True)


def _counts(lines: list[str]) -> tuple[int, int]:
    documents = events = 0
    for line in lines:
        record = json.loads(line)
        if "rejection" not in record:
            documents += 1
            events += len(record.get("events", []))
    return documents, events


def compare(left: Path, right: Path) -> int:
    names = sorted({p.name for p in left.glob("*.jsonl")} | {p.name for p in right.glob("*.jsonl")})
    total_diffs = 0
    totals = [0, 0, 0, 0]
    for name in names:
        a_path, b_path = left / name, right / name
        if not a_path.exists() or not b_path.exists():
            print(f"{name}: only in {a_path.parent if a_path.exists() else b_path.parent}")
            total_diffs += 1
            continue
        a = a_path.read_text(encoding="utf-8").splitlines()
        b = b_path.read_text(encoding="utf-8").splitlines()
        (a_docs, a_events), (b_docs, b_events) = _counts(a), _counts(b)
        diffs = [
            i for i in range(max(len(a), len(b))) if i >= len(a) or i >= len(b) or a[i] != b[i]
        ]
        totals = [
            totals[0] + a_docs,
            totals[1] + a_events,
            totals[2] + b_docs,
            totals[3] + b_events,
        ]
        print(
            f"{name}: documents {a_docs} / {b_docs}, events {a_events} / {b_events}, "
            f"differing lines {len(diffs)}"
        )
        for index in diffs[:5]:
            print(f"  line {index + 1}:")
            print(f"    A {a[index][:300] if index < len(a) else '(none)'}")
            print(f"    B {b[index][:300] if index < len(b) else '(none)'}")
        total_diffs += len(diffs)
    print(
        f"total: documents {totals[0]} / {totals[2]}, events {totals[1]} / {totals[3]}, "
        f"differences {total_diffs}"
    )
    return 1 if total_diffs else 0


def _fixed_hash_seed() -> None:
    """Re-run this process with a fixed string-hash seed: a few actor resolutions depend on the
    iteration order of sets of strings, which Python varies from process to process."""
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable, *sys.argv])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, metavar="DIR")
    group.add_argument("--compare", type=Path, nargs=2, metavar=("DIR_A", "DIR_B"))
    parser.add_argument("--repo", type=Path, default=ROOT, help="where examples/ is")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    # One process: with a pool, which worker annotates which part varies from run to run, and
    # the actor resolver's per-process memory of names seen makes a few resolutions vary with it.
    parser.add_argument("--workers", type=int, default=1)
    # The rule coder reproduces the output of the code before the restructuring; the default
    # coder is now the trained one.
    parser.add_argument("--coder", default=Settings().coder)
    args = parser.parse_args(argv)
    if args.compare:
        return compare(*args.compare)
    _fixed_hash_seed()
    write(
        args.write,
        repo=args.repo,
        data=args.data,
        settings=Settings(workers=args.workers, coder=args.coder),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
