"""newsgraph's attribute rules and lemmas set what spaCy's attribute ruler and lemmatizer set."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp import Annotator
from newsgraph.nlp.pipeline import resolve_model_name, use_faster_rules
from newsgraph.nlp.text.attribute_rules import compile_rules
from newsgraph.nlp.text.lemmas import fast_lemmas

REPO = Path(__file__).resolve().parents[3]
COLUMNS = [POS, TAG, MORPH, LEMMA, DEP]

# Written for this test: the model's special cases (contractions, "gonna", "y'all", "there is",
# "did" as a main verb, pronouns by case, "but" as an adverb) among ordinary news prose.
TEXTS = [
    "They ain't gonna sign it, y'all know that. Let's see: c'mon, nothin' changed.",
    "There is no deal yet, and there are talks. Did they? They did it, and it did not help.",
    "I told him that you would call me. It saw you and it asked me. We gotta go.",
    "She did not say whether the ministers, who had met twice, would meet again; but then, "
    "who knows?",
    "Ruritania's defence minister said on Friday that the army had received 12 new radars "
    "and was buying more, though officials declined to say from whom.",
    "  Spaces \n\n between   words, and tabs\tinside. That is all that is left; those who "
    "stayed said they'd have gone if they could.",
]


def _model_pipeline(faster: bool) -> Language:
    nlp = spacy.load(resolve_model_name())
    if faster:
        use_faster_rules(nlp)
    return nlp


@pytest.fixture(scope="module")
def pipelines() -> tuple[Language, Language]:
    """The model as shipped, and the same model with newsgraph's rules in place."""
    return _model_pipeline(False), _model_pipeline(True)


def _differences(stock: Language, faster: Language, texts: list[str]) -> list[str]:
    found = []
    for text, a, b in zip(texts, stock.pipe(texts), faster.pipe(texts), strict=True):
        left, right = a.to_array(COLUMNS), b.to_array(COLUMNS)
        for i in numpy.nonzero((left != right).any(axis=1))[0].tolist():
            found.append(
                f"{text[:30]!r} token {a[i].text!r}: {a[i].pos_}/{a[i].morph}/{a[i].lemma_} "
                f"vs {b[i].pos_}/{b[i].morph}/{b[i].lemma_}"
            )
    return found


@pytest.mark.model
def test_the_model_pipeline_uses_newsgraphs_rules(pipelines: tuple[Language, Language]) -> None:
    _, faster = pipelines
    names = faster.pipe_names
    assert "attribute_ruler" not in names and "lemmatizer" not in names
    assert {"attribute_ruler", "lemmatizer"} <= set(faster.disabled)
    assert names.index("newsgraph_attribute_rules") < names.index("newsgraph_lemmas")


@pytest.mark.model
def test_same_attributes_and_lemmas_as_spacy(pipelines: tuple[Language, Language]) -> None:
    stock, faster = pipelines
    posts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "examples/posts").glob("*"))]
    assert len(posts) >= 10
    assert _differences(stock, faster, TEXTS + posts) == []


@pytest.mark.model
def test_same_as_spacy_on_news_articles(pipelines: tuple[Language, Language], shared: Path) -> None:
    articles = sorted((shared / "data/polnear/dev/text").glob("*.txt"))[:30]
    if not articles:
        pytest.skip("no PolNeAR articles in ../shared/data")
    texts = [a.read_text(encoding="utf-8", errors="replace") for a in articles]
    stock, faster = pipelines
    assert _differences(stock, faster, texts) == []


@pytest.mark.model
def test_the_annotator_runs_newsgraphs_rules(annotator: Annotator) -> None:
    names = annotator.nlp.pipe_names
    assert "newsgraph_attribute_rules" in names and "newsgraph_lemmas" in names


def _tagged(nlp: Language, words: list[str], tags: list[str], deps: list[str]) -> Doc:
    heads = [0] * len(words)  # every token under the first: a valid tree for the test
    return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=heads)


def test_rules_match_spacys_ruler_on_every_kind_of_pattern() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"})
    ruler.add([[{"TAG": "NN", "LOWER": "deal"}]], {"POS": "PROPN", "LEMMA": "Deal"})  # wins
    ruler.add([[{"LOWER": {"IN": ["a", "the"]}}]], {"POS": "DET", "MORPH": "Definite=Def"})
    ruler.add([[{"DEP": {"NOT_IN": ["det", ""]}, "TAG": "DT"}]], {"POS": "PRON"})
    ruler.add([[{"LOWER": {"REGEX": "^gon+$"}}, {"LOWER": "na"}]], {"LEMMA": "go"})
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "to"}, index=-1)
    got = [[{"TAG": "VBZ", "LOWER": "gets"}], [{"TAG": "VBD", "LOWER": "got"}]]
    ruler.add(got, {"LEMMA": "get"})
    ruler.add([[{"IS_SPACE": True}]], {"POS": "SPACE"})
    rules = compile_rules(ruler)
    assert rules is not None

    words = ["the", "deal", "gets", "gon", "na", "that", "got", "plan", " ", "gonn", "na"]
    tags = ["DT", "NN", "VBZ", "VB", "TO", "DT", "VBD", "NN", "_SP", "VB", "TO"]
    deps = ["det", "ROOT", "dep", "dep", "dep", "nsubj", "dep", "dep", "dep", "dep", "dep"]
    expected = ruler(_tagged(nlp, words, tags, deps))
    got = rules(_tagged(nlp, words, tags, deps))
    assert got.to_array(COLUMNS).tolist() == expected.to_array(COLUMNS).tolist()
    assert [t.lemma_ for t in got][1:5] == ["Deal", "get", "go", "to"]
    assert got[5].pos_ == "PRON" and got[0].pos_ == "DET"


def test_rules_refuse_what_they_cannot_read() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    assert compile_rules(ruler) is None
    other = spacy.blank("en").add_pipe("attribute_ruler")
    other.add([[{"LENGTH": {">": 3}}]], {"POS": "X"})
    assert compile_rules(other) is None


@pytest.mark.model
def test_a_pipeline_newsgraph_cannot_serve_keeps_spacys_components() -> None:
    nlp = spacy.load(resolve_model_name())
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    nlp.get_pipe("lemmatizer").overwrite = True
    use_faster_rules(nlp)
    assert "attribute_ruler" in nlp.pipe_names and "lemmatizer" in nlp.pipe_names
    assert not any(n in nlp.pipe_names for n in ("newsgraph_attribute_rules", "newsgraph_lemmas"))


def test_lemmas_serve_only_a_rule_lemmatizer_keeping_preset_lemmas() -> None:
    nlp = spacy.blank("en")
    lookup = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert fast_lemmas(lookup) is None
    assert fast_lemmas(object()) is None
