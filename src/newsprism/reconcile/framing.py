"""Framing: how each outlet covers a story.

:func:`frame` puts the headlines side by side and, per outlet, lists which of the
story's statements and facts it carries (a coverage matrix: an outlet carries a
statement when one of its articles holds a variant of it, a fact when one of its
articles gives a value of it) and whose voices it quotes: the share of its quoted words
that each speaker gets.

Quoted words: every word inside a quote of :attr:`Analysis.quotes`, direct (the words
in quote marks) and indirect (the reported clause), each word counted once: where an
indirect quote's clause holds a direct quote, the direct quote's speaker gets those
words. A quote whose speaker resolves to no person but whose outlet names one (a body:
"police", "the harbour board") counts for that speaker as written ('“police” (as
written)', :mod:`~newsprism.reconcile.speaker_forms`: the label the statement views give
the same quote; forms differing in case or a leading "the" are one voice, shown as the
outlet wrote it most often); only a quote no one is named for (no mention, or only an
unresolved pronoun) counts for ``UNATTRIBUTED``. An outlet's shares sum to 1 (an outlet
that quotes nobody has no voices).

Order: headlines in story order (:func:`~newsprism.reconcile.timeline.publication_order`);
outlets by name (case-folded, then as written; articles without an outlet form the
outlet ``UNKNOWN_OUTLET``); an outlet's articles in story order, its statements and facts
in the order given, its voices by share (largest first), then speaker name.

Cost: linear in the text of the story's articles plus the variants and values given.
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from newsprism.model import Article, Fact, Framing, Headline, OutletFraming, Quote, Statement
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.speaker_forms import form_key, names_someone, written_forms, written_label
from newsprism.reconcile.timeline import publication_order

logger = logging.getLogger(__name__)

__all__ = ["UNATTRIBUTED", "UNKNOWN_OUTLET", "frame", "quoted_words"]

UNATTRIBUTED = "unattributed"
UNKNOWN_OUTLET = "unknown outlet"

_WORD = re.compile(r"[^\W_]+(?:['’.,-][^\W_]+)*")


def quoted_words(text: str, quotes: Iterable[Quote]) -> Counter[str]:
    """Words inside the quotes of one article, by speaker (a body as written, else
    ``UNATTRIBUTED`` when the speaker is unresolved: see the module docstring); each word
    counted once, a direct quote's speaker winning over an indirect quote that holds it.
    Cost: O(quoted characters)."""
    quotes = list(quotes)
    counts, forms = _quoted_words(text, quotes)
    return _labelled(counts, forms)


def _quoted_words(text: str, quotes: Iterable[Quote]) -> tuple[Counter[str], Counter[str]]:
    """Quoted words by voice key (the resolved speaker, a body's form key, or
    ``UNATTRIBUTED``) and the bodies' mentions as written, one per quote."""
    counted: set[int] = set()
    counts: Counter[str] = Counter()
    forms: Counter[str] = Counter()
    for quote in sorted(quotes, key=lambda q: (not q.direct, q.start, q.end)):
        speaker = _voice_key(quote)
        if speaker.startswith(_BODY):
            forms[quote.speaker_mention or ""] += 1
        for word in _WORD.finditer(text, quote.start, quote.end):
            if word.start() not in counted:
                counted.add(word.start())
                counts[speaker] += 1
    return counts, forms


# A body's voice key: no person's name or UNATTRIBUTED starts with a control character.
_BODY = "\x00"


def _voice_key(quote: Quote) -> str:
    if quote.speaker:
        return quote.speaker
    if names_someone(quote.speaker_mention):
        return _BODY + form_key(quote.speaker_mention or "")
    return UNATTRIBUTED


def _labelled(counts: Counter[str], forms: Counter[str]) -> Counter[str]:
    """``counts`` with each body's key replaced by its label as written."""
    shown = {_BODY + key: written_label([form]) for key, form, _ in written_forms(forms.elements())}
    labelled: Counter[str] = Counter()
    for key, words in counts.items():
        labelled[shown.get(key, key)] += words
    return labelled


def _voices(material: StoryMaterial, articles: Sequence[Article]) -> tuple[tuple[str, float], ...]:
    """Share of the outlet's quoted words per speaker, largest first; () when none."""
    counts: Counter[str] = Counter()
    forms: Counter[str] = Counter()
    for article in articles:
        analysis = material.analysis(article.id)
        if analysis is not None:
            words, written = _quoted_words(article.text, analysis.quotes)
            counts.update(words)
            forms.update(written)
    counts = _labelled(counts, forms)
    total = sum(counts.values())
    if total == 0:
        return ()
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return tuple((speaker, words / total) for speaker, words in ranked)


def _carried(ids: Iterable[tuple[str, Iterable[str]]], articles: set[str]) -> tuple[str, ...]:
    """The ids (in order) whose article list meets ``articles``."""
    return tuple(item for item, among in ids if articles.intersection(among))


def frame(
    material: StoryMaterial, statements: Sequence[Statement], facts: Sequence[Fact]
) -> Framing:
    """Headlines side by side and each outlet's coverage and voices (see the module
    docstring). Pure; deterministic order as documented there."""
    order = publication_order(material)
    articles = sorted(material.articles, key=lambda a: order[a.id])
    headlines = tuple(Headline(a.id, material.outlet(a.id), a.title) for a in articles)
    by_outlet: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        by_outlet[material.outlet(article.id) or UNKNOWN_OUTLET].append(article)
    statement_articles = [(s.id, [v.passage.article for v in s.variants]) for s in statements]
    fact_articles = [(f.id, [v.passage.article for v in f.values]) for f in facts]
    outlets = []
    for name in sorted(by_outlet, key=lambda n: (n.casefold(), n)):
        members = by_outlet[name]
        ids = {a.id for a in members}
        outlets.append(
            OutletFraming(
                outlet=name,
                articles=tuple(a.id for a in members),
                statements=_carried(statement_articles, ids),
                facts=_carried(fact_articles, ids),
                voices=_voices(material, members),
            )
        )
    return Framing(headlines, tuple(outlets))
