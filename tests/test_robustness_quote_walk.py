"""A sentence of thousands of short quotes ('The mayor said "a" "b" ...'): every quote
hangs on the one root verb, and the walk up from each quote searched the root's
children (one per quote) for a negation and a parataxis: quadratic (5,000 quotes:
minutes). The parse's negated and parataxis heads are now indexed once per text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from newsprism.analyze import quote_indirect
from newsprism.analyze.aliases import AliasTable
from newsprism.analyze.analyzer import Analyzer
from newsprism.analyze.entities import resolve_names
from newsprism.analyze.nlp import load_english
from newsprism.analyze.quote_marks import QuotedDoc
from newsprism.analyze.speaker_resolution import SpeakerDoc
from newsprism.model import Article, article_id


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_english()


def test_the_index_holds_each_tokens_negation_and_parataxis_children(nlp: Language) -> None:
    text = (
        "The council did not approve the plan, the mayor said, and she never said why. "
        "\u201cWe will not give up,\u201d Rask said. The offer, she said, is \u201cfinal.\u201d"
    )
    ctx = QuotedDoc(nlp(text))
    for token in ctx.doc:
        assert ctx.negated[token.i] == any(c.dep_ == "neg" for c in token.children)
        paratactic = [c.i for c in token.children if c.dep_ == "parataxis"]
        assert ctx.parataxis.get(token.i, []) == paratactic


def test_a_sentence_of_many_quotes_never_scans_the_roots_children(
    monkeypatch: Any,
) -> None:
    scans = []
    original = quote_indirect._negated

    def counted(token: Any) -> bool:
        scans.append(token.i)
        return original(token)

    monkeypatch.setattr(quote_indirect, "_negated", counted)
    text = "Harbour talks stall\n\nThe mayor said " + "\u201ca\u201d " * 300 + "and left."
    article = Article(article_id("A", text), "A.txt", text, outlet="A")
    found = Analyzer().analyze(article).quotes
    assert any(q.direct for q in found)
    # Was one children scan per quote and step up the tree (300+ here).
    assert len(scans) < 10


class _CountingDoc:
    """A parsed text that counts the tokens read from it by index or slice."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.reads = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.doc, name)

    def __len__(self) -> int:
        return len(self.doc)

    def __iter__(self) -> Iterator[Token]:
        self.reads += len(self.doc)
        return iter(self.doc)

    def __getitem__(self, key: int | slice) -> Any:
        found = self.doc[key]
        self.reads += len(found) if isinstance(key, slice) else 1
        return found


def test_a_chain_of_nested_reports_reads_each_clause_a_few_tokens(nlp: Language) -> None:
    # Every "said that" of a chain reports the rest of the page; listing each clause's
    # words to count them read 6 million tokens for 2,000 links (10 s of analysis).
    doc = nlp("Harbour talks stall\n\n" + "Rask said that " * 300 + "it rained.")
    ctx = SpeakerDoc(doc, resolve_names(doc, AliasTable.default()))
    counting = _CountingDoc(doc)
    ctx.doc = counting  # type: ignore[assignment]
    drafts = quote_indirect.indirect_drafts(ctx)
    assert drafts
    assert counting.reads < 30 * len(doc)  # was 154 times the tokens here
