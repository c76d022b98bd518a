"""Direct quotes the analysis missed, as statement units.

The quote extractor drops a quotation it cannot attribute or parse (a quote after
"said," across a line break, a second quoted sentence whose marks the page mangled),
and another outlet's rendering of it then pairs with nothing. Text between a pair of
quote marks, :data:`_MIN_WORDS` words or more, that no quote of the analysis overlaps,
gives a direct unit without a speaker (so it joins a statement only on the higher
``unresolved`` threshold of :func:`~newsprism.reconcile.statements.align_statements`,
in practice on its words quoted verbatim elsewhere). Short runs in quote marks are
titles and scare quotes ("Face the Nation"), not statements. Like speech acts, such a
unit is kept only where a unit of another source resembles it. :data:`_MIN_WORDS` was
set before scoring. Measured on the BASIL golds (one change, same run): development
statements lexical 56 -> 59 of 96 pairs (P 0.917 -> 0.924), dense 59 -> 62 (P 0.967 ->
0.970); calibration unchanged (lexical 132 of 172, dense 135); the sample gold
unchanged.

A short quotation (:data:`_SHORT_WORDS` to :data:`_MIN_WORDS` - 1 words) is a unit only
where another source prints the same words in quote marks too: a chant, a slogan, a
remark every outlet quotes alike ("Down with the toll," the crowd chanted). A title or a
scare quote printed in one outlet stays out. Two words are too few: on the BASIL
calibration gold a two-word phrase one outlet quoted in a question and another in its
own comment joined as one statement, and on the second Multi-News development gold a
two-word name of a period joined a long clause that holds it. Measured with lexical
similarity, cached analyses, one change, same runs: Multi-News dev2 9 -> 10 of 22 pairs
(P 1.000 both); BASIL calibration, development and Multi-News development unchanged
(at two words: calibration and dev2 one wrong pair more each). Both prints must be
speech: right after a verb of saying or a colon, or ended by a comma before one
(:func:`_spoken`); a label or scare quote two outlets print alike ('called the plan a
"fair harbour deal"' / 'mocked the "fair harbour deal"') said by nobody, or by opposite
sides, is no statement. Same runs: dev2 still 11 of 22 (P 1.000), two song and show
titles fewer units there; the other three files unchanged.

Quote marks printed the wrong way round (”...“, as some pages set them) are read too:
a ” after a space or at a paragraph's start, its “ before a space, a paragraph's end or
punctuation (text order where the right marks never fall: an opening “ is followed by
its first word, a closing ” follows its last). A reversed quotation wins over the
right-way reading of the narration between two of them. A ” that closes a right-way “
left open in its paragraph is read the right way: pages that pad marks with spaces
("“ We ... ” the chief said, “ the ferries ... ”") otherwise turn the narration into a
quotation and drop both real ones. Same runs: Multi-News dev2 10
-> 11 of 22 pairs (P 1.000), the other three files unchanged. (The analysis does not
read these marks either, :mod:`newsprism.analyze.quote_marks`: here the quotation is a
unit without a speaker.) Cost: two regex passes over each article and one over its
curly marks (linear: 4,000 marks in one paragraph take milliseconds).
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from typing import Final, NamedTuple

from newsprism.model import Analysis, Article
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.statement_units import ADDED_GROUPS, TOKEN, Unit, normalize_words

logger = logging.getLogger(__name__)

__all__ = ["missed_quote_units"]

# A quotation in curly or straight double marks, within one paragraph.
_QUOTED: Final = re.compile(r"[“\"]([^“”\"\n]{2,600})[”\"]")
# Or in reversed marks: ” where a quotation opens, “ where it closes (see the module doc).
_REVERSED: Final = re.compile(r"(?<![^\s(])”([^“”\"\n]{2,600})“(?![^\s.,;:!?)])")
_CURLY: Final = re.compile(r"[“”]")
_MIN_WORDS: Final = 6
# Shortest quotation (words) that is a unit when another source quotes the same words.
_SHORT_WORDS: Final = 3
# Verbs that say a short quotation aloud or in writing (the "speech", "stance" and
# "writing" cues of :mod:`newsprism.analyze.quote_cues`, with chants; not its "label"
# verbs: "called", "dubbed", "mocked" frame a name or a judgement; nor "sang" or "read",
# whose quoted object is often a title). Every lemma of those three cue kinds, inflected
# (less the ones often a noun before a title: "post", "report", "note", "claim", ...),
# moved nothing on the BASIL calibration and development or the two Multi-News
# development golds (lexical, cached analyses, 6 Dec): the hand list stays, the
# narrower.
_SAYING: Final = frozenset(
    {"said", "says", "saying", "told", "tells", "telling", "wrote", "writes", "writing",
     "cried", "cries", "crying", "replied", "replies", "replying"}
    | {
        lemma + ending
        for lemma in ("chant", "shout", "yell", "scream", "exclaim", "add", "answer", "warn",
                      "insist", "vow", "plead", "ask", "demand", "whisper", "mutter", "repeat",
                      "tweet", "cheer", "roar", "explain", "remark", "respond")
        for ending in ("", "s", "ed", "ing")
    }
    | {
        stem + ending
        for stem in ("announc", "declar", "stat", "urg")
        for ending in ("e", "es", "ed", "ing")
    }
)  # fmt: skip
_VERB: Final = r"(?:" + "|".join(sorted(_SAYING, key=len, reverse=True)) + r")"
# A verb of saying right before the opening mark ('chanting "..."', 'shouted out "..."'),
# or with up to three words and a comma between ('shouted at the police, "..."'); or a
# colon ('the banner read: "..."').
_SAID_BEFORE: Final = re.compile(
    r"(?:\b" + _VERB + r"(?:\s+(?:out|again|back))?\s*,?|\b" + _VERB
    + r"(?:\s+[\w'’-]+){1,3}\s*,|:)\s*$",
    re.IGNORECASE,
)  # fmt: skip
# After a quotation ended by a comma, "!" or "?": at most six words, then the verb.
_SAID_AFTER: Final = re.compile(
    r"\s*,?\s*(?:[\w'’.-]+\s+){0,6}?" + _VERB + r"\b", re.IGNORECASE
)  # fmt: skip
# How far from a quotation's marks its verb of saying may stand (characters).
_SPEECH_REACH: Final = 80
# Group numbers of these units (below the speech acts' range).
_GROUP_BASE: Final = 2 * ADDED_GROUPS


def missed_quote_units(material: StoryMaterial) -> list[Unit]:
    """The story's quotations the analysis missed (see the module doc), in story
    order."""
    units: list[Unit] = []
    # Each article's quotations, read once for both passes (what every source prints,
    # then each article's units)
    quoted = {article.id: _quotations(article.text) for article in material.articles}
    printed = _printed_by_source(material, quoted)
    for index, article in enumerate(material.articles):
        analysis = material.analysis(article.id)
        if analysis is not None:
            source = material.source_of(article.id)
            elsewhere = {k for s, keys in printed.items() if s != source for k in keys}
            units.extend(_article_units(index, article, analysis, quoted[article.id], elsewhere))
    return units


class _Quotation(NamedTuple):
    start: int  # the words (trimmed of spaces and commas)
    end: int
    words: str
    left: int  # the marks: the opening mark's offset, the closing mark's end
    right: int


def _quotations(text: str) -> list[_Quotation]:
    """Every quotation of the text in double marks, the right or the reversed way round,
    in text order."""
    reversed_ = _reversed_quotations(text)
    # Between two reversed quotations the right-way pattern reads the narration
    # ("”...“ she said. ”...“"): a reversed one overlapping it wins.
    # (The reversed pairs are sorted and apart: the first ending after a match's start
    # is the only one that can overlap it.)
    ends = [r.end() for r in reversed_]
    right = []
    for m in _QUOTED.finditer(text):
        after = bisect_right(ends, m.start())
        if after == len(reversed_) or reversed_[after].start() >= m.end():
            right.append(m)
    found = []
    for match in [*right, *reversed_]:
        start = match.start(1)
        words = match.group(1).strip(" ,")
        start += match.group(1).index(words) if words else 0
        found.append(_Quotation(start, start + len(words), words, match.start(), match.end()))
    return sorted(found)


def _reversed_quotations(text: str) -> list[re.Match[str]]:
    """The reversed pairs (”...“) whose ” closes no right-way “ left open before it in
    its paragraph: with marks padded by spaces ("“ We will ... ” the chief said, “ the
    ferries ... ”") the narration between two right-way quotations looks reversed. One
    pass over the marks, outside the reversed pairs kept."""
    kept: list[re.Match[str]] = []
    position, open_ = 0, False
    for match in _REVERSED.finditer(text):
        paragraph = text.rfind("\n", position, match.start())
        if paragraph >= 0:
            position, open_ = paragraph + 1, False
        for mark in _CURLY.finditer(text, position, match.start()):
            open_ = mark.group() == "“"
        position = match.start()
        if not open_:
            kept.append(match)
            position = match.end()
    return kept


def _printed_by_source(
    material: StoryMaterial, quoted: dict[str, list[_Quotation]]
) -> dict[str, set[str]]:
    """Per source, the normalised words of its short quotations (under
    :data:`_MIN_WORDS` words) said as speech; ``quoted``: each article's quotations."""
    printed: dict[str, set[str]] = {}
    for article in material.articles:
        keys = printed.setdefault(material.source_of(article.id), set())
        for quotation in quoted[article.id]:
            short = len(TOKEN.findall(quotation.words)) < _MIN_WORDS
            if short and _spoken(article.text, quotation):
                keys.add(normalize_words(quotation.words))
    return printed


def _spoken(text: str, quotation: _Quotation) -> bool:
    """Whether a short quotation is said in its clause: right after a verb of saying or a
    colon ('chanting "Down with the toll"', 'the banner read: "..."'), or ended by a comma
    or "!"/"?" before one ('"Down with the toll," the crowd chanted'). Not a label or a
    scare quote ('called the plan a "fair harbour deal"', 'mocked the "fair harbour
    deal"'), which two outlets print alike without anyone saying it."""
    before = text[max(0, quotation.left - _SPEECH_REACH) : quotation.left]
    if _SAID_BEFORE.search(before):
        return True
    inside = text[quotation.end : quotation.right]
    after = text[quotation.right : quotation.right + _SPEECH_REACH]
    ended = bool(re.search(r"[,!?]", inside)) or after.startswith(",")
    return ended and bool(_SAID_AFTER.match(after))


def _article_units(
    index: int,
    article: Article,
    analysis: Analysis,
    quotations: list[_Quotation],
    elsewhere: set[str],
) -> list[Unit]:
    taken = [(q.start, q.end) for q in analysis.quotes]
    units: list[Unit] = []
    for quotation in quotations:
        start, end, text = quotation.start, quotation.end, quotation.words
        count = len(TOKEN.findall(text))
        if count < _SHORT_WORDS or (
            count < _MIN_WORDS
            and (normalize_words(text) not in elsewhere or not _spoken(article.text, quotation))
        ):
            continue
        if any(a < end and start < b for a, b in taken):
            continue
        units.append(
            Unit(
                article=article.id,
                group=_GROUP_BASE - len(units),
                start=start,
                end=end,
                direct=True,
                text=text,
                speaker=None,
                speaker_mention=None,
                verbatim=(normalize_words(text),),
                order=(index, start),
            )
        )
    if units:
        logger.debug("article %s: %d quotations the analysis missed", article.id, len(units))
    return units
