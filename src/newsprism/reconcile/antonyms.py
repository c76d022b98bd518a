"""Antonym predicates: verbs and adjectives that deny each other without a "not".

"The ferry passed its last inspection" and "the ferry failed its last inspection" cannot
both be true of one inspection; neither sentence has a negation. The table holds pairs
that contradict whatever their arguments are, as long as the actors are the same (the
callers check that): a pair that is only sometimes opposed ("open"/"close": a shop
opens and closes every day) is left out. Each lemma's inflected forms are spelled by
:mod:`newsprism.reconcile.forms`, so the table works both on parsed lemmas and on raw
text.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Set
from types import MappingProxyType
from typing import Final

from newsprism.reconcile.forms import form_table, inflections

__all__ = [
    "ANTONYMS",
    "NEGATIVE_PREFIXES",
    "OPPOSED_PREPOSITIONS",
    "antonym_clash",
    "antonym_of",
    "lemma_of_form",
    "lemmas_clash",
    "negated_stems",
    "opposed_prepositions",
    "prefix_opposites",
    "table_lemmas",
]

logger = logging.getLogger(__name__)

# Verbs of the table with the forms the regular rules miss; adjectives have one form.
_IRREGULAR: Final = MappingProxyType(
    {
        "rise": ("rose", "risen"), "fall": ("fell", "fallen"), "win": ("won",),
        "lose": ("lost",), "uphold": ("upheld",), "grow": ("grew", "grown"),
        "shrink": ("shrank", "shrunk"), "veto": ("vetoes", "vetoed"),
        "lead": ("led",), "cut": ("cut",),
    }
)  # fmt: skip
# Stressed last syllable or one short vowel: "admitted", "banned", "skipped".
_DOUBLED: Final = frozenset({"acquit", "admit", "ban", "permit", "skip", "drop"})
_ADJECTIVES: Final = frozenset(
    {"guilty", "innocent", "alive", "dead", "legal", "illegal", "constitutional",
     "unconstitutional", "true", "false", "present", "absent"}
)  # fmt: skip

#: Lemma pairs that contradict each other (each listed once; the relation is symmetric).
ANTONYMS: Final = (
    ("pass", "fail"),
    ("confirm", "deny"),
    ("admit", "deny"),
    ("accept", "reject"),
    ("approve", "reject"),
    ("rise", "fall"),
    ("increase", "decrease"),
    ("increase", "fall"),
    ("rise", "decrease"),
    ("win", "lose"),
    ("acquit", "convict"),
    ("survive", "die"),
    ("lift", "impose"),
    ("grant", "refuse"),
    ("grant", "deny"),
    ("accept", "refuse"),
    ("guilty", "innocent"),
    ("support", "oppose"),
    # What became of a bill or a ruling: one act ends it either way.
    ("sign", "veto"),
    ("approve", "veto"),
    ("uphold", "overturn"),
    ("uphold", "reverse"),
    # A request answered: "agreed to testify" / "refused to testify" (the callers
    # require both sides to take an infinitive, or neither).
    ("agree", "refuse"),
    ("agree", "decline"),
    ("accept", "decline"),
    ("allow", "ban"),
    ("permit", "ban"),
    # Being there or not, an outcome, a size.
    ("attend", "boycott"),
    ("attend", "skip"),
    ("succeed", "fail"),
    ("grow", "shrink"),
    # A measure's fate told by its body, a figure's direction, a tax's (the callers
    # require one object, or none: "raised the levy" / "cut the levy").
    ("pass", "reject"),
    ("rise", "drop"),
    ("increase", "drop"),
    ("rise", "decline"),
    ("increase", "decline"),
    ("grow", "decline"),
    ("gain", "lose"),
    ("raise", "lower"),
    ("raise", "cut"),
    ("increase", "cut"),
    # A standing in a race, a stance taken, a claim answered.
    ("lead", "trail"),
    ("endorse", "oppose"),
    ("favor", "oppose"),
    ("acknowledge", "deny"),
    # States that exclude each other, whoever holds them.
    ("alive", "dead"),
    ("legal", "illegal"),
    ("constitutional", "unconstitutional"),
    ("true", "false"),
    ("present", "absent"),
)

#: Prepositions that place one thing in ways that exclude each other: looking "into"
#: or "over" the camera, voting "for" or "against" the bill, speaking "before" or
#: "after" the vote. Callers require the same predicate and the same noun after both.
OPPOSED_PREPOSITIONS: Final = (
    ("into", "over"),
    ("into", "above"),
    ("above", "below"),
    ("above", "under"),
    ("over", "under"),
    ("inside", "outside"),
    ("for", "against"),
    ("before", "after"),
    ("with", "without"),
)
_OPPOSED_PREPS: Final[dict[str, frozenset[str]]] = {}
for _a, _b in OPPOSED_PREPOSITIONS:
    _OPPOSED_PREPS[_a] = _OPPOSED_PREPS.get(_a, frozenset()) | {_b}
    _OPPOSED_PREPS[_b] = _OPPOSED_PREPS.get(_b, frozenset()) | {_a}

_OPPOSITE: Final[dict[str, frozenset[str]]] = {}
for _a, _b in ANTONYMS:
    _OPPOSITE[_a] = _OPPOSITE.get(_a, frozenset()) | {_b}
    _OPPOSITE[_b] = _OPPOSITE.get(_b, frozenset()) | {_a}
_FORMS: Final = MappingProxyType(
    {
        lemma: (lemma,)
        if lemma in _ADJECTIVES
        else inflections(lemma, _IRREGULAR.get(lemma, ()), double=lemma in _DOUBLED)
        for lemma in _OPPOSITE
    }
)
_LEMMA_OF: Final = form_table(_FORMS)
_WORD = re.compile(r"[^\W\d_]+")


def antonym_of(lemma: str) -> frozenset[str]:
    """The lemmas that contradict ``lemma`` (empty when it has none in the table)."""
    return _OPPOSITE.get(lemma.casefold(), frozenset())


def opposed_prepositions(preposition: str) -> frozenset[str]:
    """The prepositions that exclude ``preposition`` about one thing ("into" ->
    {"over", "above"}); empty when it has none."""
    return _OPPOSED_PREPS.get(preposition.casefold(), frozenset())


def lemma_of_form(word: str) -> str | None:
    """The table's lemma of an inflected form ("rose" -> "rise"), or None."""
    return _LEMMA_OF.get(word.casefold())


def table_lemmas(text: str) -> set[str]:
    """The table's lemmas of the words in ``text`` ("prices rose" -> {"rise"})."""
    return {lemma for w in _WORD.findall(text) if (lemma := lemma_of_form(w)) is not None}


def antonym_clash(a: str, b: str) -> bool:
    """Whether one text uses a predicate whose antonym the other uses, and neither uses
    both ("prices rose, then fell" against "prices fell" is no clash)."""
    return lemmas_clash(table_lemmas(a), table_lemmas(b))


def lemmas_clash(left: Set[str], right: Set[str]) -> bool:
    """:func:`antonym_clash` of two texts given their :func:`table_lemmas` (for callers
    that compare one text with many and keep its lemmas)."""
    return any(antonym_of(lemma) & (right - left) for lemma in left - right)


#: Prefixes that make a state's opposite of its stem: "armed" / "unarmed", "aware" /
#: "unaware", "legal" / "illegal", "honest" / "dishonest" (callers take predicate
#: adjectives only: a state held or not; "disconnect" / "connect" are two deeds).
NEGATIVE_PREFIXES: Final = ("non-", "non", "un", "in", "im", "il", "ir", "dis")
# "in-", "im-", "dis-" and the rest also begin words that are no negation, most of them
# participles ("informed" / "formed", "dismissed" / "missed", "imposed" / "posed"): with
# those prefixes a word ending like a participle is left out ("inexperienced" with it).
_PLAIN_PREFIXES: Final = ("non-", "non", "un")
_PARTICIPLE_ENDINGS: Final = ("ed", "ing")
# Prefixed adjectives that are no opposite of their stem: the same meaning
# ("inflammable"), or another one ("invaluable", "infamous", "intense").
_FALSE_OPPOSITES: Final = frozenset(
    {"inflammable", "invaluable", "infamous", "inhabitable", "intense", "indifferent",
     "disinterested", "impassive", "inbound", "indoor", "inward"}
)  # fmt: skip
_STEM_MIN = 4  # "unable" / "able": the shortest stem that is a word of its own


def negated_stems(word: str) -> set[str]:
    """The stems a word is the negative-prefixed opposite of ("unarmed" -> {"armed"};
    "illegal" -> {"legal"}); empty for a word that is none."""
    word = word.casefold()
    if word in _FALSE_OPPOSITES:
        return set()
    return {
        word[len(p) :]
        for p in NEGATIVE_PREFIXES
        if word.startswith(p)
        and len(word) - len(p) >= _STEM_MIN
        and (p in _PLAIN_PREFIXES or not word.endswith(_PARTICIPLE_ENDINGS))
    }


def prefix_opposites(a: str, b: str) -> bool:
    """Whether one word is the other with a negative prefix ("armed" / "unarmed")."""
    return b.casefold() in negated_stems(a) or a.casefold() in negated_stems(b)
