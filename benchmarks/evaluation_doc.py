"""Write docs/evaluation.md from the figures of one run: ``newsgraph eval all --json`` (JSON lines)
and ``benchmarks/throughput.py`` (bench-out/throughput.json).

    make evaluation   # runs both on the current code, then this script
"""

from __future__ import annotations

import argparse
import json
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench-out"

# The headline figures of each gold set, in the order EVAL.md defines them.
HEADLINE = {
    "plover-gsr": [
        "type_accuracy",
        "type_macro_f1",
        "source_match",
        "target_match",
        "actor_code_accuracy",
    ],
    "conflibert-cameo": [
        "quad_accuracy",
        "quad_macro_f1",
        "actor_span_relaxed_f1",
        "actor_span_strict_f1",
        "recipient_span_relaxed_f1",
        "recipient_span_strict_f1",
    ],
    "petrarch2-unittest": [
        "triple_f1",
        "triple_root_f1",
        "eventcode_f1",
        "eventcode_root_f1",
        "actor_pair_f1",
    ],
    "re3d": [
        "exact_micro_f1",
        "overlap_micro_f1",
        "exact_f1_Weapon",
        "exact_f1_MilitaryPlatform",
        "exact_f1_Quantity",
    ],
    "news-events": [
        "type_precision",
        "type_recall",
        "type_f1",
        "clean_false_alarm_rate",
        "actor_coded_f1",
    ],
    "wikigold": ["exact_micro_f1"],
    "polnear": [
        "attribution_f1",
        "source_exact_f1",
        "source_overlap_f1",
        "cue_overlap_f1",
    ],
    "tempeval3": ["span_overlap_f1", "value_accuracy", "span_exact_f1"],
    "meantime-factuality": [
        "certainty_macro_f1",
        "certainty_f1_CERTAIN",
        "certainty_f1_PROBABLE",
        "certainty_f1_POSSIBLE",
        "polarity_macro_f1",
        "polarity_f1_NEG",
        "time_macro_f1",
        "time_f1_FUTURE",
    ],
}


def _commit() -> str:
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        )
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    # The document itself is rewritten by this script: its own change does not count.
    changed = [line for line in dirty.stdout.splitlines() if not line.endswith("evaluation.md")]
    return out.stdout.strip() + (" (with uncommitted changes)" if changed else "")


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4f}" if abs(value) < 10 else f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _eval_section(reports: list[dict[str, Any]]) -> list[str]:
    lines = [
        "## Extraction quality",
        "",
        "Command: `newsgraph eval all --data ../shared/data` (definitions in",
        "`../shared/docs/EVAL.md`; these are development parts of the datasets, so the figures are",
        "development figures).",
        "",
        "| gold set | split | items | figures |",
        "|---|---|---|---|",
    ]
    for report in reports:
        counts = report["counts"]
        items = next(
            (counts[k] for k in ("items", "class_items", "documents", "articles") if k in counts),
            "",
        )
        figures = ", ".join(
            f"{name} {_fmt(report['metrics'][name])}"
            for name in HEADLINE.get(report["name"], list(report["metrics"]))
            if name in report["metrics"]
        )
        lines.append(f"| {report['name']} | {report['split']} | {_fmt(items)} | {figures} |")
    for report in reports:
        lines += ["", f"### {report['name']}", "", f"Data: `{report['data']}`; {report['split']}."]
        if report.get("seconds") is not None:
            lines.append(f"Wall time {report['seconds']:.1f} s.")
        lines += ["", "| count | value |", "|---|---|"]
        lines += [f"| {k} | {_fmt(v)} |" for k, v in report["counts"].items()]
        lines += ["", "| figure | value |", "|---|---|"]
        lines += [f"| {k} | {_fmt(v)} |" for k, v in report["metrics"].items()]
        for title, rows in report["tables"].items():
            if not rows:
                continue
            columns = list(rows[0])
            lines += ["", f"{title}:", "", "| " + " | ".join(columns) + " |"]
            lines.append("|" + "---|" * len(columns))
            lines += [
                "| " + " | ".join(_fmt(row.get(c, "")) for c in columns) + " |" for row in rows
            ]
        lines += [""] + [f"- {note}" for note in report["notes"]]
    return lines


#: The gold sets whose figures depend on the event coder.
EVENT_SETS = ("news-events", "plover-gsr", "conflibert-cameo", "petrarch2-unittest")


def _coders_section(model: list[dict[str, Any]], rules: list[dict[str, Any]]) -> list[str]:
    """The event figures of the default (trained) coder beside the rule coder's."""
    by_name = {r["name"]: r for r in rules}
    lines = [
        "## The two event coders on the development sets",
        "",
        'The default coder is the trained one (`coder = "model"`); the rule coder is',
        "`--coder rules`. Commands: `newsgraph eval NAME --data ../shared/data [--coder rules]`.",
        "The rules were tuned on these development sets over earlier sessions; the trained coder",
        "never saw them (it is trained on training/, which leaves news-events out), so its",
        "figures here are like figures on unseen text, and the rules' are not.",
        "",
        "| gold set | figure | trained coder (default) | rule coder |",
        "|---|---|---|---|",
    ]
    for report in model:
        if report["name"] not in EVENT_SETS or report["name"] not in by_name:
            continue
        other = by_name[report["name"]]["metrics"]
        for name in HEADLINE.get(report["name"], []):
            if name in report["metrics"]:
                lines.append(
                    f"| {report['name']} | {name} | {_fmt(report['metrics'][name])} | "
                    f"{_fmt(other.get(name, ''))} |"
                )
    return lines


def _status_section(report: dict[str, Any]) -> list[str]:
    corpus = report["corpus"]
    model, rules = report["test_model"], report["test_rules"]
    cv = report["cross_validated_train"][str(report["C"])]
    done = report["test_transfer_types_done"]
    lines = [
        "## Event status (how far along)",
        "",
        "Command: `python training/status.py` (part of `make train`). Test set: "
        f"{corpus['test_events']:,} gold events of {corpus['test_articles']} whole articles "
        "(one article in ten of the training corpus, chosen by a hash of its id; by source: "
        + ", ".join(f"{k} {v}" for k, v in corpus["test_by_source"].items())
        + "), never trained on and never used to choose anything. The model is trained on the "
        f"other {corpus['train_events']:,} events ({corpus['train_articles']:,} articles); "
        f"5-fold cross-validation there chose C = {report['C']} (accuracy {cv['accuracy']:.4f}, "
        f"macro-F1 {cv['macro_f1']:.4f}). Gold triggers and types are given: this measures the "
        "status, not the coder.",
        "",
        "| status from | accuracy | macro-F1 |",
        "|---|---|---|",
        f"| trained status model | {model['accuracy']:.4f} | {model['macro_f1']:.4f} |",
        f"| rules (nlp/claims/certainty.py) | {rules['accuracy']:.4f} | {rules['macro_f1']:.4f} |",
        "",
        "| status | gold | model P | model R | model F1 | rules F1 |",
        "|---|---|---|---|---|---|",
    ]
    for name, row in model["per_class"].items():
        other = rules["per_class"][name]
        lines.append(
            f"| {name} | {row['gold']} | {row['precision']:.3f} | {row['recall']:.3f} | "
            f"{row['f1']:.3f} | {other['f1']:.3f} |"
        )
    lines += [
        "",
        "Accuracy by source: "
        + ", ".join(
            f"{k} {v['accuracy']:.3f} ({v['events']})"
            for k, v in report["test_model_by_source"].items()
        )
        + ".",
        "",
        "Transfer-bearing events of the test set (AID, REQUEST, AGREE, COOPERATE): carried out "
        "or not, as gold says and as shown (a not-done event shown done is what would invent a "
        "delivery):",
        "",
        "| status from | not done shown done | not done shown not done | done shown done "
        "| done shown not done |",
        "|---|---|---|---|---|",
    ]
    for name in ("model", "rules"):
        row = done[name]
        lines.append(
            f"| {name} | {row.get('not done shown done', 0)} | "
            f"{row.get('not done shown not done', 0)} | {row.get('done shown done', 0)} | "
            f"{row.get('done shown not done', 0)} |"
        )
    lines += [
        "",
        "Most frequent errors of the model:",
        "",
        "| gold | shown | count |",
        "|---|---|---|",
    ]
    lines += [
        f"| {r['gold']} | {r['predicted']} | {r['count']} |"
        for r in report["test_model_confusion"][:8]
    ]
    return lines


def _training_section(report: dict[str, Any], agreement: dict[str, Any] | None) -> list[str]:
    corpus = report["corpus"]
    model, rules = report["model"], report["rules"]
    lines = [
        "## The trained coder: corpus, cross-validation, calibration",
        "",
        "Command: `make train` (training/train.py; the corpus and protocol are in training/).",
        f"Corpus: {corpus['articles']:,} whole articles, {corpus['sentences']:,} sentences "
        f"({corpus['sentences_with_events']:,} with events), {corpus['events']:,} events, "
        f"{corpus['candidates']:,} candidate words, {corpus['features']:,} features. "
        f"Cross-validated in {report['folds']} folds by article: every figure below is on "
        "articles the model was not trained on.",
        "",
    ]
    if agreement:
        lines += [
            f"Agreement of two independent coders on {agreement['sentences']} sentences "
            f"({agreement['articles']} articles): Cohen's kappa {agreement['kappa_event']:.3f} "
            f"for event / no event, {agreement['kappa_type']:.3f} for type (16 yes/no decisions "
            f"per sentence), pair F1 {agreement['pair_f1']:.3f} (training/agreement.py). Both "
            "coders are instances of the same AI model reading the same protocol: the agreement "
            "says the protocol is applied consistently, not that people would agree as much.",
            "",
        ]
        for name, sample in agreement.get("samples", {}).items():
            lines.append(
                f"- {name}: {sample['sentences']} sentences ({sample['articles']} articles), "
                f"kappa {sample['kappa_event']:.3f} event, {sample['kappa_type']:.3f} type, "
                f"pair F1 {sample['pair_f1']:.3f}"
            )
        if agreement.get("samples"):
            lines.append("")
    lines += [
        f"At the default `min_confidence` {report['threshold']} (the F1-optimal threshold; "
        f"temperature {report['temperature']}), over (sentence, type) pairs:",
        "",
        "| coder | precision | recall | F1 | clean-sentence false alarms "
        "| pairs predicted / gold |",
        "|---|---|---|---|---|---|",
        f"| trained | {model['precision']:.4f} | {model['recall']:.4f} | {model['f1']:.4f} | "
        f"{model['clean_false_alarm_rate']:.4f} | {model['pairs_predicted']:,} / "
        f"{model['pairs_gold']:,} |",
        f"| rules | {rules['precision']:.4f} | {rules['recall']:.4f} | {rules['f1']:.4f} | "
        f"{rules['clean_false_alarm_rate']:.4f} | {rules['pairs_predicted']:,} / "
        f"{rules['pairs_gold']:,} |",
        "",
        "Per type (cross-validated):",
        "",
        "| type | gold | trained P | trained R | trained F1 | rules F1 |",
        "|---|---|---|---|---|---|",
    ]
    for kind, row in model["per_type"].items():
        other = rules["per_type"].get(kind, {})
        lines.append(
            f"| {kind} | {row['gold']} | {row['precision']:.3f} | {row['recall']:.3f} | "
            f"{row['f1']:.3f} | {other.get('f1', 0.0):.3f} |"
        )
    lines += [
        "",
        "Precision and recall by `min_confidence` (cross-validated; `--min-confidence` or",
        "`NEWSGRAPH_MIN_CONFIDENCE` trades one for the other):",
        "",
        "| min_confidence | precision | recall | F1 | clean-sentence false alarms |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| {row['threshold']:.2f} | {row['precision']:.4f} | {row['recall']:.4f} | "
        f"{row['f1']:.4f} | {row['clean_false_alarm_rate']:.4f} |"
        for row in report["curve"]
    ]
    lines += [
        "",
        "Reliability of `confidence` (cross-validated): of the (sentence, type) pairs whose best",
        "candidate had a confidence in each bin, the share that the gold has.",
        "",
        "| confidence | pairs | right | accuracy | mean confidence |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| {row['bin']} | {row['pairs']:,} | {row['right']:,} | {row['accuracy']:.3f} | "
        f"{row['mean_confidence']:.3f} |"
        for row in report["reliability"]
    ]
    return lines


def _bench_section(bench: dict[str, Any]) -> list[str]:
    corpus = bench["corpus"]
    lines = [
        "## Throughput (`make bench`)",
        "",
        f"Command: `make bench` (`benchmarks/throughput.py`), {bench['when']}, "
        f"{bench['machine']['cpus']} cores, spaCy {bench['machine']['spacy']}, "
        f"model {bench['settings']['model']}, {bench['settings']['workers']} workers, "
        f"{bench['settings']['rounds']} round(s).",
        "",
        f"Corpus: {corpus['source']} — {corpus['description']}; {corpus['documents']:,} documents, "
        f"{corpus['text_mb']} MB of text, {corpus['words']:,} words.",
        "",
        "| round | raw spaCy words/s | newsgraph words/s | ratio (end to end) "
        "| peak RSS raw / ours, MB |",
        "|---|---|---|---|---|",
    ]
    for index, round_ in enumerate(bench["rounds"], start=1):
        raw, ours = round_["raw"], round_["ours"]
        lines.append(
            f"| {index} | {raw['words_per_s_end_to_end']:,} | {ours['words_per_s_end_to_end']:,} | "
            f"{ours['words_per_s_end_to_end'] / raw['words_per_s_end_to_end']:.3f} | "
            f"{raw['peak_rss_tree_mb']:,.0f} / {ours['peak_rss_tree_mb']:,.0f} |"
        )
    lines += [
        "",
        f"Ratio ours/raw, end to end (both fresh processes including model load): "
        f"**{bench['ratio_end_to_end']:.3f}**; "
        f"excluding fixed costs {bench['ratio_excl_fixed_cost']:.3f}; "
        f"per CPU-second {bench['ratio_per_cpu_s']:.3f}. Target >= {bench['target_ratio']}: "
        f"{'met' if bench['target_met'] else 'NOT met'}.",
        "",
        "The machine is shared and noisy: wall-time ratios of identical runs have varied by more "
        "than 0.3; the per-CPU-second ratio is the steadier figure. For comparison, the walking "
        "skeleton (commit 4c275de: no actors, events, attributions or claims yet) measured "
        "0.895 end to end and 0.890 per CPU-second on this corpus.",
    ]
    return lines


def _components_section(found: dict[str, Any]) -> list[str]:
    raw, ours = found["cpu_s"]["raw"], found["cpu_s"]["ours"]
    lines = [
        "## Where the time goes (`benchmarks/components.py`)",
        "",
        f"CPU seconds per component in one process, raw spaCy ({found['model']} as shipped) and "
        f"newsgraph on the same {found['corpus']['documents_timed']} documents of the bench "
        f"corpus ({found['words']:,} words); the sides alternate {found.get('runs', 2)} times "
        "and the lowest time of each component is kept (spaCy's lemmatizer and newsgraph's "
        "caches are warm after the first run, as they are after the first documents of a real "
        "run).",
        "",
        "| component | raw spaCy CPU s | newsgraph CPU s |",
        "|---|---|---|",
    ]
    names = list(ours)
    previous = None
    for name in raw:  # the model's own components next to what stands in for them
        if name not in names:
            names.insert(names.index(previous) + 1 if previous in names else 0, name)
        previous = name
    for name in names:
        left = f"{raw[name]:.2f}" if name in raw else ""
        right = f"{ours[name]:.2f}" if name in ours else ""
        lines.append(f"| {name} | {left} | {right} |")
    totals = found["total_cpu_s"]
    lines += [
        f"| **total** | **{totals['raw']:.2f}** | **{totals['ours']:.2f}** |",
        "",
        f"Raw over newsgraph: {found['ratio_raw_over_ours']:.3f} as measured; "
        f"**{found['ratio_pooled']:.3f}** pooled (the components both sides run, "
        f"{', '.join(found['shared_components'])}, counted at the lowest time either side "
        "took: they are the same code, and their times alone differ by up to a third between "
        "runs on this shared machine). newsgraph runs the model's "
        "tok2vec, tagger, parser and NER unchanged; `newsgraph_attribute_rules` and "
        "`newsgraph_lemmas` set the same attributes and lemmas as the model's `attribute_ruler` "
        "and `lemmatizer` (tests compare them token by token) from the same rules and tables.",
    ]
    return lines


def _latency_section(latency: dict[str, Any]) -> list[str]:
    overall = latency["overall"]
    lines = [
        "## API latency (`make bench`)",
        "",
        f"Command: `make bench` (`benchmarks/api_latency.py`), {latency['measured_at']}: "
        f"{latency['events']:,} events in a store, {overall['n']} requests of the events listing "
        f"with mixed filters, concurrency {latency['concurrency']}, {latency['cores']} cores, "
        f"load average at start/end {latency.get('load_average_start_end')}.",
        "",
        "| requests | n | p50 ms | p90 ms | p99 ms | max ms |",
        "|---|---|---|---|---|---|",
        f"| all | {overall['n']} | {overall['p50']} | {overall['p90']} | {overall['p99']} | "
        f"{overall['max']} |",
    ]
    for kind, row in sorted(latency.get("by_kind", {}).items()):
        lines.append(
            f"| {kind} | {row['n']} | {row['p50']} | {row['p90']} | {row['p99']} | {row['max']} |"
        )
    met = overall["p99"] < latency["target_p99_ms"]
    lines += [
        "",
        f"Target p99 < {latency['target_p99_ms']} ms: {'met' if met else 'NOT met'}. Server CPU "
        f"per request: {latency.get('server_cpu_ms_per_request')} ms.",
    ]
    loaded = [
        json.loads(path.read_text(encoding="utf-8"))
        for path in (OUT / "api_latency_8_api.json", OUT / "api_latency_8_page.json")
        if path.is_file()
    ]
    if loaded:
        lines += [
            "",
            "Under load (`make bench`): 8 concurrent clients on one server process, a store of "
            "2,000 events (the bundled posts' size is 161), 400 requests each:",
            "",
            "| path | p50 ms | p90 ms | p99 ms | server CPU ms a request | target p99 < 100 ms |",
            "|---|---|---|---|---|---|",
        ]
        for run in loaded:
            o = run["overall"]
            lines.append(
                f"| `{run.get('path', '/api/events')}` | {o['p50']} | {o['p90']} | {o['p99']} | "
                f"{run.get('server_cpu_ms_per_request')} | "
                f"{'met' if o['p99'] < run['target_p99_ms'] else 'NOT met'} |"
            )
        lines += [
            "",
            "The load generator shares the two cores with the server, and the machine with other "
            "work: p99 at 8 clients moves by tens of milliseconds between identical runs (the "
            "API from 44 to 102 ms on 2026-12-08).",
        ]
    return lines


def _parsing_section(
    share: dict[str, Any], selective: dict[str, Any] | None, full: dict[str, Any] | None = None
) -> list[str]:
    counts = share["counts"]
    total = counts["sentences"] or 1
    lines = [
        '## Selective parsing (`parse = "selective"`, not the default)',
        "",
        "Command: `benchmarks/parsing_share.py` (the same corpus as the throughput benchmark). "
        f"Of {counts['sentences']:,} sentences, selective parsing parses {counts['parsed']:,} "
        f"(**{share['parsed_share']:.1%}**): {counts['event candidate']:,} can hold an event, "
        f"{counts['only for statements or dates']:,} more only for a reporting cue or a date "
        "that needs its clause's tense "
        f"({counts['reporting cue'] / total:.1%} of sentences have a reporting cue, "
        f"{counts['date needing tense'] / total:.1%} such a date).",
    ]
    if selective is not None:
        verdict = (
            "saves little"
            if full is None or selective["ratio_per_cpu_s"] >= full["ratio_per_cpu_s"]
            else "saves nothing here (it costs more CPU per word than parsing every sentence)"
        )
        lines += [
            "",
            "With selective parsing (`benchmarks/throughput.py --parse selective`, "
            f"{selective['settings']['rounds']} round): ratio end to end "
            f"{selective['ratio_end_to_end']:.3f}, per CPU-second "
            f"{selective['ratio_per_cpu_s']:.3f}; compare the default (every sentence parsed) "
            "above. On news text most sentences can hold an event or a statement, so selective "
            f"parsing {verdict}; `full` is the default because every sentence then has its "
            "parse (`newsgraph.nlp.assess` works on any span).",
        ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval", type=Path, default=ROOT / "bench-out" / "eval.jsonl")
    parser.add_argument("--bench", type=Path, default=ROOT / "bench-out" / "throughput.json")
    parser.add_argument("--latency", type=Path, default=ROOT / "bench-out" / "api_latency.json")
    parser.add_argument("--rules", type=Path, default=ROOT / "bench-out" / "eval-rules.jsonl")
    parser.add_argument("--training", type=Path, default=ROOT / "training" / "report.json")
    parser.add_argument("--status", type=Path, default=ROOT / "training" / "status-report.json")
    parser.add_argument(
        "--agreement", type=Path, default=ROOT / "training" / "agreement" / "report.json"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "evaluation.md")
    args = parser.parse_args()
    reports = [
        json.loads(line) for line in args.eval.read_text(encoding="utf-8").splitlines() if line
    ]
    bench = json.loads(args.bench.read_text(encoding="utf-8"))
    lines = [
        "# Evaluation",
        "",
        f"Measured on commit {_commit()}, {datetime.now(UTC):%Y-%m-%d}. Regenerate with "
        "`make evaluation` (runs the scorers and the benchmark, then "
        "`benchmarks/evaluation_doc.py`).",
        "",
        *_eval_section(reports),
        "",
    ]
    if args.rules.is_file():
        rules = [json.loads(x) for x in args.rules.read_text(encoding="utf-8").splitlines() if x]
        lines += [*_coders_section(reports, rules), ""]
    if args.training.is_file():
        agreement = (
            json.loads(args.agreement.read_text(encoding="utf-8"))
            if args.agreement.is_file()
            else None
        )
        training = json.loads(args.training.read_text(encoding="utf-8"))
        lines += [*_training_section(training, agreement), ""]
    if args.status.is_file():
        lines += [*_status_section(json.loads(args.status.read_text(encoding="utf-8"))), ""]
    lines += [*_bench_section(bench), ""]
    share_file = args.bench.parent / "parsing_share.json"
    selective_file = args.bench.parent / "throughput-selective.json"
    if share_file.is_file():
        selective = (
            json.loads(selective_file.read_text(encoding="utf-8"))
            if selective_file.is_file()
            else None
        )
        share = json.loads(share_file.read_text(encoding="utf-8"))
        lines += [*_parsing_section(share, selective, bench), ""]
    components_file = args.bench.parent / "components.json"
    if components_file.is_file():
        lines += [
            *_components_section(json.loads(components_file.read_text(encoding="utf-8"))),
            "",
        ]
    if args.latency.is_file():
        lines += [*_latency_section(json.loads(args.latency.read_text(encoding="utf-8"))), ""]
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
