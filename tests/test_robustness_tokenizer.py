"""A whitespace-free run of quote marks costs spaCy's tokenizer time quadratic in its
length (20,000 straight quotes: about 50 s); runs over LONG_RUN_CHARS are tokenized in
pieces, with every character offset kept. The tests count what the wrapped tokenizer is
handed, not seconds."""

from __future__ import annotations

import re

import spacy
from spacy.tokens import Doc

from newsprism.analyze.nlp import LONG_RUN_CHARS, RUN_PIECE_CHARS, BoundedTokenizer


class _Recording:
    """spaCy's own English tokenizer, noting each text it is handed."""

    def __init__(self) -> None:
        self.tokenizer = spacy.blank("en").tokenizer
        self.texts: list[str] = []

    def __call__(self, text: str) -> Doc:
        self.texts.append(text)
        return self.tokenizer(text)


def test_a_20000_quote_run_reaches_the_tokenizer_in_short_pieces_with_offsets_kept() -> None:
    inner = _Recording()
    head, tail = 'The mayor spoke on Monday.  "', '" \n\nShe said "no" (twice).'
    text = head + '"' * 20_000 + tail
    doc = BoundedTokenizer(inner)(text)
    assert doc.text == text
    assert all(t.text == text[t.idx : t.idx + len(t)] for t in doc)
    longest = max(len(run) for t in inner.texts for run in re.findall(r"\S+", t))
    assert longest <= RUN_PIECE_CHARS
    # Around the run, the tokens are spaCy's own (as around a short run of the same marks).
    short = inner.tokenizer(head + '"' * 10 + tail)
    before = [t.text_with_ws for t in short if t.idx < len(head)]
    after = [t.text_with_ws for t in short if t.idx >= len(head) + 12]
    assert [t.text_with_ws for t in doc if t.idx < len(head)] == before
    assert [t.text_with_ws for t in doc if t.idx >= len(text) - len(tail) + 1] == after


def test_text_without_a_long_run_is_tokenized_whole() -> None:
    inner = _Recording()
    text = "A link: https://example.org/" + "a/" * 400 + " and " + "x" * (LONG_RUN_CHARS - 1)
    doc = BoundedTokenizer(inner)(text)
    assert inner.texts == [text]
    assert [t.text for t in doc] == [t.text for t in inner.tokenizer(text)]


def test_the_loaded_pipeline_uses_the_bounded_tokenizer() -> None:
    from newsprism.analyze.nlp import load_english

    nlp = load_english(disable=("ner", "parser", "tagger", "lemmatizer"))
    assert isinstance(nlp.tokenizer, BoundedTokenizer)
    text = "x " + "*" * 5_000 + " y"
    assert nlp(text).text == text
