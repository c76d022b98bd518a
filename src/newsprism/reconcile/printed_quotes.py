"""An outlet's own words that another outlet quotes, as statement units.

One outlet quotes another: "But, the Courier reported, 'a review of her letters to
the harbour board shows that she never objected ...'", and the Courier's own article,
in the same story, carries those words as its reporting, with no quote marks, so the
analysis gives it no quote and the statement pairs with nothing there. Where a direct
unit credited to an outlet (its speaker's words are all words of that outlet's name:
"Courier" for "The Ardmoor Courier") has a run of :data:`MIN_WORDS` words or more that
stands word for word in an article of that outlet, outside every unit of the article,
the run there is a unit too: indirect (the outlet's own words), with the quoting
unit's speaker. It then pairs with the quote by its verbatim words (similarity 1.0).
:data:`MIN_WORDS` was set before scoring: a run of eight words is seldom a stock
phrase.

Only quotes credited to the printing outlet: a person's quote printed without marks
(a blog whose closing quote mark was lost) is a rendering too, and on the sample gold
with lexical similarity it recalled 9 more pairs, none wrong, but with dense
similarity (one embedding per text) the copy, an article with few other units and so
a wide margin over its rivals, carried a paraphrase of another claim over the
``link`` threshold (mean 0.598 -> 0.623) and joined ten wrong pairs. Cost: per direct
unit and article of its outlet, one substring search per word of the unit.

An outlet's passage another outlet reprints as an excerpt set off from its text ("Here
is an excerpt from the Herald report:" and the paragraphs, with no marks the analysis
reads) is a unit in both articles too (:func:`_reprints`): a run of
:data:`REPRINT_WORDS` words or more that two articles of different sources print word
for word, outside every unit and reporting verb and within one paragraph, where one of
them names the other's outlet. BASIL lexical, clean worktrees, one change, same run:
development 64 -> 65 of 96 pairs (P 0.931 -> 0.932), calibration unchanged; on both
golds the one reprint found. Cost: per pair of articles of which one names the other's
outlet, one pass over each one's words.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Sequence
from typing import Final

from newsprism.model import Article
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.statement_units import ADDED_GROUPS, APOSTROPHES, TOKEN, Unit

logger = logging.getLogger(__name__)

__all__ = ["MIN_WORDS", "printed_quote_units"]

#: Shortest run of a quote's words (word for word) that counts as printed elsewhere.
MIN_WORDS: Final = 8
#: Shortest run of words outside quotes that one article shares word for word with an
#: article of an outlet it names, read as that outlet's words it reprints (an excerpt set
#: off as a block, its marks lost). Twelve, set before scoring: on the BASIL calibration
#: and development golds two pairs of outlets share such runs of twelve words or more
#: outside every unit, one an excerpt of the named outlet's report, the other a wire
#: sentence of background (neither article names the other's outlet).
REPRINT_WORDS: Final = 12
# Letters an outlet's name needs before a text can name it (an all-capital acronym: two,
# "AP"); set by hand, not fitted: a file stem "a", "1" or "tv" is an ordinary word.
_NAME_LETTERS: Final = 3
_ACRONYM_LETTERS: Final = 2
# Group numbers of these units (below the missed quotations' range).
_GROUP_BASE: Final = 3 * ADDED_GROUPS
_PARAGRAPH: Final = re.compile(r"\n\s*\n")


class _Words:
    """An article's words, case-folded, joined by single spaces (" w1 w2 ... "), with
    each word's character span in the article."""

    def __init__(self, text: str) -> None:
        matches = list(TOKEN.finditer(text))
        folded = [_fold(m.group()) for m in matches]
        self.spans = [m.span() for m in matches]
        self.joined = " " + " ".join(folded) + " "
        # Word index of each character offset of ``joined`` where a word starts.
        self.index: dict[int, int] = {}
        offset = 1
        for number, word in enumerate(folded):
            self.index[offset] = number
            offset += len(word) + 1

    def find(self, words: Sequence[str]) -> int | None:
        """Index of the first word of the first occurrence of ``words``, or None."""
        at = self.joined.find(" " + " ".join(words) + " ")
        return None if at < 0 else self.index.get(at + 1)


def printed_quote_units(material: StoryMaterial, units: Sequence[Unit]) -> list[Unit]:
    """Runs of the direct ``units``' words that the outlets they are credited to print
    outside their own units (see the module doc), one unit per quote and article, in
    story order."""
    found: list[Unit] = []
    taken: dict[str, list[tuple[int, int]]] = {}
    for unit in units:
        taken.setdefault(unit.article, []).append((unit.start, unit.end))
    credited = _credited(material, units)
    for index, article in enumerate(material.articles):
        source = material.source_of(article.id)
        quotes = [
            (unit, folded)
            for unit, folded in credited.get(material.outlet(article.id), [])
            if material.source_of(unit.article) != source
        ]
        if not quotes:
            continue  # no quote credited to this outlet: its words are never read
        words = _Words(article.text)
        for unit, folded in quotes:
            span = _printed(folded, words)
            if span is None or _overlaps(span, taken.get(article.id, [])):
                continue
            if _PARAGRAPH.search(article.text, span[0], span[1]):
                continue
            start, end = span
            found.append(
                Unit(
                    article=article.id,
                    group=_GROUP_BASE - len(found),
                    start=start,
                    end=end,
                    direct=False,
                    text=article.text[start:end],
                    speaker=unit.speaker,
                    speaker_mention=None,
                    verbatim=(),
                    order=(index, start),
                    cospeaker=unit.cospeaker,
                )
            )
            taken.setdefault(article.id, []).append(span)
    if found:
        logger.debug("%d quoted passages printed by other outlets", len(found))
    found += _reprints(material, [*units, *found], len(found))
    return sorted(found, key=lambda u: u.order)


def _reprints(material: StoryMaterial, units: Sequence[Unit], numbered: int) -> list[Unit]:
    """Runs of :data:`REPRINT_WORDS` words or more, outside every unit and within one
    paragraph, that two articles of different sources print word for word where one of
    them names the other's outlet ("A passage from the Courier story follows:"): that
    outlet's words, a unit in each article (indirect, no speaker: the outlet is no person
    of the roster), so the reprint pairs with the original."""
    taken: dict[str, list[tuple[int, int]]] = {}
    for unit in units:
        taken.setdefault(unit.article, []).append((unit.start, unit.end))
    # An attribution between two parts of a quote ("Mr. X told the crowd on the
    # quay ...") is no one's statement: the quotes' reporting verbs are taken too.
    for article in material.articles:
        analysis = material.analysis(article.id)
        for quote in analysis.quotes if analysis is not None else ():
            if quote.cue_start is not None and quote.cue_end is not None:
                taken.setdefault(article.id, []).append((quote.cue_start, quote.cue_end))
    found: list[Unit] = []
    free: dict[str, Tokens] = {}  # per article, until a unit is added to it
    articles = list(enumerate(material.articles))
    # Whether an article names an outlet, asked once per article and outlet: a story
    # has far fewer outlets than article pairs (per pair, the regex scans of 200
    # articles' texts were half of the statements step).
    named: dict[tuple[str, str | None], bool] = {}

    def names(article: Article, outlet: str | None) -> bool:
        key = (article.id, outlet)
        if key not in named:
            named[key] = _names(article.text, outlet)
        return named[key]

    for (i, first), (j, second) in itertools.combinations(articles, 2):
        if material.source_of(first.id) == material.source_of(second.id):
            continue
        if not (
            names(first, material.outlet(second.id)) or names(second, material.outlet(first.id))
        ):
            continue
        for article in (first, second):
            if article.id not in free:
                free[article.id] = _free(article.text, taken.get(article.id, []))
        for spans in _shared_runs(free[first.id], free[second.id]):
            pieces = list(zip(((i, first), (j, second)), spans, strict=True))
            for (index, article), (start, end) in pieces:
                found.append(
                    Unit(
                        article=article.id,
                        group=_GROUP_BASE - numbered - len(found),
                        start=start,
                        end=end,
                        direct=False,
                        text=article.text[start:end],
                        speaker=None,
                        speaker_mention=None,
                        verbatim=(),
                        order=(index, start),
                    )
                )
                taken.setdefault(article.id, []).append((start, end))
                free.pop(article.id, None)
    if found:
        logger.debug("%d passages reprinted from a named outlet", len(found))
    return found


def _names(text: str, outlet: str | None) -> bool:
    """Whether a text names an outlet: its whole name, or "the" and its last word ("the
    Courier" for "The Ardmoor Courier"), written capitalised. An outlet named after a file
    stem ("1", "a", "news") is named by no ordinary word ("voted 7 to 1", "the news"):
    a name needs :data:`_NAME_LETTERS` letters (two for an acronym: "AP"), not all digits,
    and the mention's last word must start with a capital."""
    if not outlet or not _nameable(outlet):
        return False
    words = outlet.split()
    # Both patterns hold the name's last word. In ASCII text an ASCII word that the
    # case-blind regex finds is a substring of the lower-cased text, so a text without
    # it is passed over unscanned (a story asks every article about every outlet).
    last = words[-1].lower()
    if text.isascii() and last.isascii() and last not in text.lower():
        return False
    # A whole word or words: "AP" is not named by "APEC".
    patterns = [rf"(?<!\w){re.escape(outlet)}(?!\w)"]
    if len(words) > 1 and _nameable(words[-1]):
        patterns.append(rf"(?<=\b[Tt]he ){re.escape(words[-1])}\b")
    return any(
        m.group().split()[-1][0].isupper()
        for pattern in patterns
        for m in re.finditer(pattern, text, re.IGNORECASE)
    )


def _nameable(name: str) -> bool:
    """Whether a name can be told from ordinary words: enough letters, not all digits."""
    letters = sum(c.isalpha() for c in name)
    if name.isupper():
        return letters >= _ACRONYM_LETTERS
    return letters >= _NAME_LETTERS


Tokens = list[list[tuple[str, tuple[int, int]]]]


def _free(text: str, taken: Sequence[tuple[int, int]]) -> Tokens:
    """The text's words outside the ``taken`` spans, case-folded with their spans, in
    stretches that no span or paragraph break cuts."""
    stretches: Tokens = [[]]
    last = 0
    for match in TOKEN.finditer(text):
        cut = _overlaps(match.span(), taken) or _PARAGRAPH.search(text, last, match.start())
        if cut and stretches[-1]:
            stretches.append([])
        if not _overlaps(match.span(), taken):
            stretches[-1].append((_fold(match.group()), match.span()))
        last = match.end()
    return [s for s in stretches if len(s) >= REPRINT_WORDS]


def _shared_runs(one: Tokens, two: Tokens) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The maximal runs of :data:`REPRINT_WORDS` words or more that two texts' stretches
    (:func:`_free`) share word for word, as (span in the first, span in the second)."""
    size = REPRINT_WORDS
    starts: dict[tuple[str, ...], tuple[int, int]] = {}
    for n, stretch in enumerate(two):
        for k in range(len(stretch) - size + 1):
            starts.setdefault(tuple(w for w, _ in stretch[k : k + size]), (n, k))
    runs: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for words in one:
        k = 0
        while k <= len(words) - size:
            at = starts.get(tuple(w for w, _ in words[k : k + size]))
            if at is None:
                k += 1
                continue
            other = two[at[0]][at[1] :]
            length = size
            while (
                length < len(other) and k + length < len(words)
                and words[k + length][0] == other[length][0]
            ):  # fmt: skip
                length += 1
            first = (words[k][1][0], words[k + length - 1][1][1])
            second = (other[0][1][0], other[length - 1][1][1])
            # A passage the first text repeats (a pull quote) maps every copy onto the
            # second's one copy: that copy pairs once.
            if not _overlaps(second, [theirs for _, theirs in runs]):
                runs.append((first, second))
            k += length
    return runs


def _credited(
    material: StoryMaterial, units: Sequence[Unit]
) -> dict[str | None, list[tuple[Unit, list[str]]]]:
    """Per outlet of the story, the direct units (in order) whose speaker names it, each
    with its case-folded words: found once, not once per article. A speaker names an
    outlet when every word of it but "the" is a word of the outlet's name ("Courier" /
    "The Ardmoor Courier"; "Edvin Fox" is not "Fox News")."""
    direct = [u for u in units if u.direct and u.speaker]
    outlets = {material.outlet(a.id) for a in material.articles}
    # Each speaker's words read once, each outlet's once (not per unit and outlet).
    spoken = {u.speaker: _name_words(u.speaker) for u in direct if u.speaker}
    credited: dict[str | None, list[tuple[Unit, list[str]]]] = {}
    for outlet in outlets:
        if not outlet:
            continue  # an unknown outlet is named by no one
        named = _name_words(outlet) | {"the"}
        mine = [u for u in direct if u.speaker and spoken[u.speaker] <= named]
        if mine:
            credited[outlet] = [(u, [_fold(w) for w in TOKEN.findall(u.text)]) for u in mine]
    return credited


def _printed(quote: Sequence[str], words: _Words) -> tuple[int, int] | None:
    """The character span in the article of the longest run of the quote's words (at
    least :data:`MIN_WORDS`) it prints word for word, or None."""
    best: tuple[int, int] | None = None
    longest = MIN_WORDS - 1
    first = 0
    while first + longest < len(quote):
        at = words.find(quote[first : first + longest + 1])
        if at is None:
            first += 1
            continue
        size = longest + 1
        while first + size < len(quote):
            further = words.find(quote[first : first + size + 1])
            if further is None:
                break
            at, size = further, size + 1
        best, longest = (at, at + size - 1), size
        first += 1
    if best is None:
        return None
    return words.spans[best[0]][0], words.spans[best[1]][1]


def _name_words(name: str) -> set[str]:
    return {_fold(w) for w in TOKEN.findall(name)}


def _fold(word: str) -> str:
    return word.translate(APOSTROPHES).casefold()


def _overlaps(span: tuple[int, int], taken: Sequence[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in taken)
