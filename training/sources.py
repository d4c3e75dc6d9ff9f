"""Articles of the training corpus, read from the licensed sources in ../shared/data.

Only sources whose licence allows training are read here (see training/README.md): ECB+ (CC BY
3.0), MEANTIME (Wikinews, CC BY 2.5), re3d's public-domain and OGL folders, the NGEC synthetic
stories (MIT), and the project's own texts in training/texts/. The text never enters the
repository: the labels point into it by article id and character offsets, and it is read from
../shared when training.

Article ids follow ../shared/data/news-events (``ecbplus/2_11ecbplus.xml``, ``re3d/CENTCOM/<id>``),
so the articles of that test set can be left out by id.
"""

from __future__ import annotations

import csv
import html
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SHARED = ROOT.parent.parent / "shared" / "data"
OWN_TEXTS = ROOT / "texts"

#: re3d folders whose licence allows training (public domain, Open Government Licence v3).
RE3D_FOLDERS = ("CENTCOM", "UK Government", "US State Department")
#: Articles longer than this are cut after this many sentences, as in news-events.
MAX_SENTENCES = 30


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    published: str | None = None


_TOKEN = re.compile(r'<token t_id="\d+" sentence="(\d+)" number="\d+">([^<]*)</token>')
_NO_SPACE_BEFORE = {
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    ")",
    "]",
    "}",
    "'s",
    "n't",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'m",
    "%",
    "''",
    "'S",
}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "#"}


def detokenize(tokens: list[str]) -> str:
    """Tokens of one sentence back to running text (ECB+ and MEANTIME store tokens)."""
    out = ""
    previous = ""
    for raw in tokens:
        token = html.unescape(raw)
        if not out or previous in _NO_SPACE_AFTER or token in _NO_SPACE_BEFORE:
            out += token
        else:
            out += " " + token
        previous = token
    return out.replace("``", "\u201c").replace("''", "\u201d")


def ecbplus() -> Iterator[Article]:
    for path in sorted((SHARED / "ecbplus" / "ECB+").glob("*/*.xml")):
        sentences: dict[int, list[str]] = {}
        for sentence, token in _TOKEN.findall(path.read_text(encoding="utf-8")):
            sentences.setdefault(int(sentence), []).append(token)
        lines = [detokenize(tokens) for _, tokens in sorted(sentences.items())]
        lines = [line for line in lines if not line.startswith("http")]
        if lines:
            yield Article(f"ecbplus/{path.name}", "\n".join(lines))


def meantime() -> Iterator[Article]:
    for path in sorted((SHARED / "meantime-factuality" / "conll_gold").glob("*.conll")):
        lines: list[str] = []
        tokens: list[str] = []
        for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
            if not line.strip():
                if tokens:
                    lines.append(detokenize(tokens))
                tokens = []
                continue
            tokens.append(line.split("\t")[1])
        yield Article(f"meantime/{path.name.removesuffix('.xml.conll')}", "\n".join(lines))


def re3d() -> Iterator[Article]:
    for folder in RE3D_FOLDERS:
        path = SHARED / "re3d" / folder / "documents.json"
        for line in path.read_text(encoding="utf-8-sig").splitlines():
            if line.strip():
                record = json.loads(line)
                yield Article(f"re3d/{folder}/{record['_id']}", record["text"])


def ngec() -> Iterator[Article]:
    csv.field_size_limit(10**8)
    path = SHARED / "ngec-synthetic" / "gpt_synthetic_events_2023-10-19_19.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle)):
            yield Article(f"ngec/{number}", row["text"].strip())


def ngec_labels() -> dict[str, tuple[str, str]]:
    """The story-level (label, mode) of each NGEC story, by article id."""
    csv.field_size_limit(10**8)
    path = SHARED / "ngec-synthetic" / "gpt_synthetic_events_2023-10-19_19.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            f"ngec/{number}": (row["label"], row["mode"])
            for number, row in enumerate(csv.DictReader(handle))
        }


def own() -> Iterator[Article]:
    """The project's own texts: training/texts/*.jsonl, lines {"id", "text", "published"?}."""
    for path in sorted(OWN_TEXTS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                yield Article(f"own/{record['id']}", record["text"], record.get("published"))


READERS = {"ecbplus": ecbplus, "meantime": meantime, "re3d": re3d, "ngec": ngec, "own": own}


def all_articles() -> dict[str, Article]:
    """Every article of every source, by id."""
    articles: dict[str, Article] = {}
    for reader in READERS.values():
        for article in reader():
            articles[article.id] = article
    return articles


def split(texts: list[str], nlp: object) -> list[list[tuple[int, int]]]:
    """spaCy sentence boundaries (character offsets) of each text, as news-events has them."""
    result = []
    for doc in nlp.pipe(texts, batch_size=32):  # type: ignore[attr-defined]
        spans = []
        for sent in doc.sents:
            text = sent.text
            start = sent.start_char + (len(text) - len(text.lstrip()))
            end = sent.start_char + len(text.rstrip())
            if end > start:
                spans.append((start, end))
        result.append(spans[:MAX_SENTENCES])
    return result


if __name__ == "__main__":
    counts = {name: sum(1 for _ in reader()) for name, reader in READERS.items()}
    json.dump(counts, sys.stdout)
    print()
