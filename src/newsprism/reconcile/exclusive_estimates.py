"""Two outlets' rough counts of one deed: the figures a claim is cut free of, as of a figure
other sources give (:mod:`newsprism.reconcile.exclusives`).

A rough count (a ceiling, a rough figure or a vague plural: "up to 50 cars", "about 300",
"hundreds of villagers") of plain things (no unit) is another source's news too when that
source tells a rough count of the same order as the subject or object of the same verb, and
the two sentences anchor it alike (:func:`estimated_figures`). Two outlets' rough counts of one
thing disagree, and neither is one source's detail; before, the fact was dropped
(``exclusives._estimated_elsewhere``) but its sentence came back whole as a claim.

Earlier forms of this cut were reverted (s34 F4, s35 F4): the same counted word and any
shared word joined two counts of two things ("Up to 300 workers could lose their jobs at
the plant" / "As many as 200 workers protested outside the plant"; two crowds "gathered"
in two towns). Here the figure's own verb must be the same (the parse, not a word nearby),
two sentences that both name places, people or days must share one of them, and two
counted words ("villagers" / "protesters") must share one. Measured on the four development
golds (exclusives, lexical): Multi-News dev2 P 0.814 -> 0.838 (R 0.847 kept: three wrong
claims cut, two crowds told with two counted words and one verb, two ceilings of cars);
BASIL calibration, development and Multi-News dev unchanged (no figure cut there).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
from spacy.tokens import Doc, Token

from newsprism.analyze.numbers import parse_vague
from newsprism.model import Passage, Quantity
from newsprism.reconcile.clauses import english_parser
from newsprism.reconcile.material import StoryMaterial

__all__ = ["estimated_figures", "figure_verb"]

logger = logging.getLogger(__name__)

# The bounds of a rough count: a ceiling or a rough figure (a floor is most often a tally of
# known cases, see exclusives._ESTIMATES); a vague plural is read as a floor ("over") whose
# value is the plural's least reading.
_ROUGH: Final = frozenset({"under", "about"})
# How far up the parse a figure's verb is looked for, in arcs from the figure's last word
# ("disperse hundreds of villagers": hundreds -> disperse; "Up to 50 cars were involved":
# cars -> involved; "a crowd of about 300 gathered": 300 -> of -> crowd -> gathered).
_VERB_STEPS: Final = 3
_VERB_POS: Final = frozenset({"VERB"})
# Words that name an anchor: capitalised, not the sentence's first word.
_CAPITALISED: Final = re.compile(r"(?<=\s)[A-Z][\w'’.-]*")


@dataclass(frozen=True, slots=True)
class _Rough:
    """A rough count of the story: where it stands, its source, value, counted word,
    the lemma of its verb and the anchors of its sentence."""

    passage: Passage
    source: str
    value: float
    head: str
    verb: str
    anchors: frozenset[str]


def _rough(q: Quantity) -> bool:
    """A ceiling, a rough figure or a vague plural ("up to 40", "about 300", "thousands")."""
    return q.approx in _ROUGH or (q.approx == "over" and parse_vague(q.text) == q.value)


def _head(about: str | None) -> str | None:
    """The counted word (the last word of ``about``), None for a part of a whole or a word
    under three letters (as exclusives._estimate_head)."""
    words = (about or "").split()
    if not words or any(w.startswith("(part)") for w in words) or len(words[-1]) < 3:
        return None
    return words[-1]


def figure_verb(doc: Doc, start: int, end: int) -> str | None:
    """The lemma of the verb a figure at characters ``start``-``end`` of ``doc`` is the
    subject or object of: from the figure's last word up the parse, at most
    :data:`_VERB_STEPS` arcs, to the first verb; None where no verb governs it that
    closely (a figure in a noun phrase of its own, a heading)."""
    words = [t for t in doc if t.idx < end and t.idx + len(t) > start]
    if not words:
        return None
    token: Token = words[-1]
    for _ in range(_VERB_STEPS + 1):
        if token.pos_ in _VERB_POS:
            return token.lemma_.casefold()
        if token.head is token:
            return None
        token = token.head
    return None


def _anchors(text: str) -> frozenset[str]:
    """The capitalised words of a sentence that do not open it, folded, less function
    words: the names and days a count is told with."""
    words = (w.casefold().rstrip(".'’") for w in _CAPITALISED.findall(text))
    return frozenset(w for w in words if w and w not in ENGLISH_STOP_WORDS)


def _candidates(material: StoryMaterial) -> list[tuple[Passage, Quantity, str, str]]:
    """Every rough count with a counted word: its sentence, the quantity, its source and
    counted word."""
    found = []
    for article in material.articles:
        analysis = material.analysis(article.id)
        source = material.source_of(article.id)
        for q in analysis.quantities if analysis is not None else ():
            head = _head(q.about)
            sentence = material.sentence_at(article.id, q.start)
            if head is not None and sentence is not None and _rough(q):
                found.append((sentence, q, source, head))
    return found


def _same_order(a: float, b: float, ratio: float) -> bool:
    low, high = sorted((abs(a), abs(b)))
    return low > 0 and high <= ratio * low


def _pairable(a: tuple[Passage, Quantity, str, str], b: tuple[Passage, Quantity, str, str]) -> bool:
    """Whether two rough counts could count one thing before the parse is asked: plain
    counts (no unit) of two sources with two figures."""
    (_, qa, sa, _), (_, qb, sb, _) = a, b
    return sa != sb and qa.value != qb.value and qa.unit is None and qb.unit is None


def _parsed(
    material: StoryMaterial, found: Sequence[tuple[Passage, Quantity, str, str]]
) -> list[_Rough]:
    texts = list(dict.fromkeys(s.text for s, _, _, _ in found))
    docs = dict(zip(texts, english_parser().pipe(texts), strict=True))
    result = []
    for sentence, q, source, head in found:
        start = q.start - sentence.start
        verb = figure_verb(docs[sentence.text], start, start + (q.end - q.start))
        if verb is None:
            continue
        passage = material.passage(sentence.article, q.start, q.end)
        anchors = _anchors(sentence.text)
        result.append(_Rough(passage, source, q.value, head, verb, anchors))
    return result


def _one_deed(a: _Rough, b: _Rough, ratio: float) -> bool:
    """Whether two rough counts of two sources count one thing: the same verb, values of
    one order, and the same anchors where both sentences name any; told with two counted
    words ("villagers" / "protesters"), a shared anchor too (a name or a day: "dozens of
    lorries" and "up to 50 cars" both "involved" in one crash are two counts)."""
    if a.verb != b.verb or not _same_order(a.value, b.value, ratio):
        return False
    if a.head != b.head:
        return bool(a.anchors & b.anchors)
    return not (a.anchors and b.anchors) or bool(a.anchors & b.anchors)


def estimated_figures(material: StoryMaterial, ratio: float) -> list[Passage]:
    """The rough plain counts of the story (no unit: a sum of money or a measure is a
    rounded amount, and one story's fees, taxes and earnings are told with one verb,
    "earned nearly $20 million" / "earned roughly $141 million": BASIL calibration) that
    another source tells as a rough count of the same deed (see the module doc), within
    ``ratio`` of each other. Cost: one parse of each sentence holding a rough count that
    another source's rough count could pair with (few per story), and a pass over their
    pairs."""
    found = _candidates(material)
    pairable = [x for x in found if any(_pairable(x, y) for y in found)]
    if not pairable:
        return []
    rough = _parsed(material, pairable)
    result = [
        a.passage
        for a in rough
        if any(
            a.source != b.source and a.value != b.value and _one_deed(a, b, ratio) for b in rough
        )
    ]
    logger.debug("story %s: %d rough counts told elsewhere", material.story.id, len(result))
    return result
