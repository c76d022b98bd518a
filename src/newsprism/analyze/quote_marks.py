"""Quote-mark pairing: which characters of a text open and close a quotation.

News text mixes curly “…”, straight "…", guillemets «…» and »…«, German „…“ and single
‘…’ marks, and the same characters also serve as apostrophes (don’t, dockers’, ’90s).
:func:`find_quote_spans` pairs the marks of each paragraph with a small stack machine:

* each mark is looked up in :data:`MARKS` (its family, and whether it may open);
* its *shape* is read from the neighbouring characters: a mark after a space and before
  a letter opens, one after a letter and before a space or punctuation closes, one
  between two letters is an apostrophe (single marks) or decided by the stack (double);
* a straight double mark shaped as an opener right after a sentence end and a space
  closes the straight quote still open (``…is wrong. "Perry is …``: the space typed on
  the wrong side; straight double quotes do not nest);
* a closing mark closes the innermost open mark of its family; single openers that
  never find a closer are dropped as apostrophes, and a double closer discards any
  single openers above its opener (they were apostrophes too);
* a double closer with no double opener open closes a single opener that opens a
  sentence (``… he added. 'Edvin Rask won't pay his own way."``: the wrong key for
  the opener); a straight double mark typed twice (``""We have …"``) opens once;
* only top-level pairs become quotes (a quote inside a quote is part of its text);
* an opening mark left open at the end of a paragraph closes there (the quote is
  "open-ended"), unless a complete pair of its family follows it in the paragraph, in
  which case the stray mark is skipped; when the next paragraph starts with an opening
  mark of the same family, that paragraph's first quote ``continues`` it (the news
  convention for a quotation running over several paragraphs).

Guarantee: never raises on any input; spans never cross a paragraph (a line break);
``text[q.start:q.end]`` is the quote's content without its marks, trimmed of spaces.
Cost: one pass over the characters of the text (a precompiled regex finds the marks).
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cached_property
from typing import Final

from spacy.tokens import Doc, Span, Token

logger = logging.getLogger(__name__)

__all__ = ["MARKS", "Family", "MarkSpec", "QuoteSpan", "QuotedDoc", "find_quote_spans"]


_STRAIGHT_DOUBLE: Final = '"'
_SENTENCE_ENDS: Final = frozenset(".?!")
# How many further lines a quote left open may be looked for a closer over (a sentence
# broken at every few words still ends within them); bounds the look-ahead's cost.
_JOIN_LINES: Final = 12


class Family(Enum):
    """Marks of one family close each other; the other family nests inside."""

    DOUBLE = "double"
    SINGLE = "single"


@dataclass(frozen=True, slots=True)
class MarkSpec:
    """How one quote-mark character may act."""

    family: Family
    may_open: bool = True
    may_close: bool = True


_D, _S = Family.DOUBLE, Family.SINGLE

#: Every character treated as a quotation mark, and why it is here. Direction is not
#: fixed per character, because conventions disagree: “ opens in English but closes in
#: German („…“); » closes in French («…») but opens in German (»…«). The neighbouring
#: characters and the open marks decide instead. Low-9 marks only ever open.
MARKS: Final[dict[str, MarkSpec]] = {
    '"': MarkSpec(_D),  # straight double: typewriter text, scraped pages
    "\u201c": MarkSpec(_D),  # “ English opener, German closer
    "\u201d": MarkSpec(_D),  # ” English closer, Swedish/Finnish both sides
    "\u201e": MarkSpec(_D, may_close=False),  # „ German/Polish/Czech opener
    "\u201f": MarkSpec(_D),  # ‟ rare reversed opener
    "\u00ab": MarkSpec(_D),  # « French/Swiss opener, German/Danish closer
    "\u00bb": MarkSpec(_D),  # » French closer, German opener
    "\u2033": MarkSpec(_D),  # ″ double prime, misused for a straight quote by some CMSs
    "'": MarkSpec(_S),  # straight single: apostrophe mostly; quote at word edges
    "\u2018": MarkSpec(_S),  # ‘ single opener (British outer, US inner quotes)
    "\u2019": MarkSpec(_S),  # ’ single closer, and the typographic apostrophe
    "\u201a": MarkSpec(_S, may_close=False),  # ‚ German single opener (‚…‘)
    "\u201b": MarkSpec(_S),  # ‛ rare reversed single opener
    "\u2039": MarkSpec(_S),  # ‹ single guillemet
    "\u203a": MarkSpec(_S),  # › single guillemet
    # Two-character stand-ins for double marks: the New York Times' archive and
    # TeX-style text write ''quote'' and ``quote''.
    "''": MarkSpec(_D),
    "``": MarkSpec(_D, may_close=False),
}

# Longest first, so that '' is one double mark rather than two apostrophes.
_MARK_RE: Final = re.compile("|".join(re.escape(m) for m in sorted(MARKS, key=len, reverse=True)))
_PARAGRAPH_RE: Final = re.compile(r"[^\n]+")
# A mark after one of these (or a space, or the paragraph start) may open a quote.
_OPEN_CONTEXT: Final = frozenset("([{<—–-/…`'") | frozenset(MARKS)
# A mark before one of these (or a space, or the paragraph end) may close a quote.
_CLOSE_CONTEXT: Final = frozenset(",.;:!?)]}>—–-/…'") | frozenset(MARKS)


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One top-level quotation: the content between a pair of marks.

    ``start``/``end`` bound the content (marks excluded, spaces trimmed);
    ``mark_start``/``mark_end`` bound the marks as well (``mark_end`` is the paragraph
    end when ``closed`` is False). ``continues`` is True when this quote opens a
    paragraph and carries on an open-ended quote of the previous paragraph.
    """

    start: int
    end: int
    mark_start: int
    mark_end: int
    family: Family
    closed: bool = True
    continues: bool = False


@dataclass(slots=True)
class _Open:
    offset: int
    width: int
    family: Family


@dataclass(frozen=True, slots=True)
class _Pair:
    """A paired opener and closer (``close`` is -1 for a quote open to the paragraph end)."""

    open: int
    open_width: int
    close: int
    close_width: int
    family: Family


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Top-level quotations of ``text``, in order, paragraph by paragraph.

    Never raises. Cost: O(len(text)).
    """
    spans: list[QuoteSpan] = []
    previous_open_ended: QuoteSpan | None = None
    joinable = 0  # spans of the last line, paired on it alone, that a next line may join
    line_start = line_end = 0
    for paragraph in _PARAGRAPH_RE.finditer(text):
        start, end = paragraph.span()
        if (
            previous_open_ended is not None
            and joinable
            and _goes_on(text, line_end, start)
            and _joined_closes(text, line_start, end, previous_open_ended, line_end)
        ):
            # A line break inside the open quote's sentence: the two lines are one
            # paragraph, paired again as one (stop 39 finding: '"We lost' and 'Twelve
            # homes ...," she said' gave the quote its second half only).
            del spans[-joinable:]
            start, previous_open_ended = line_start, None
        line_start, line_end = start, end
        carried = None
        if previous_open_ended is not None:
            carried = _closing_paragraph(text, start, end, previous_open_ended.family)
        found = carried if carried is not None else _pair_paragraph(text, start, end)
        joinable = len(found) if carried is None else 0
        if carried is None and found and previous_open_ended is not None:
            first = found[0]
            if first.family is previous_open_ended.family and _opens_paragraph(
                text, start, first.mark_start
            ):
                found[0] = _replace_continues(first)
        previous_open_ended = found[-1] if found and not found[-1].closed else None
        spans.extend(found)
    return spans


def _joined_closes(text: str, start: int, end: int, opened: QuoteSpan, line_end: int) -> bool:
    """Whether pairing the lines from ``start`` as one paragraph (to ``end`` and on over
    the lines that still go on, :func:`_sentence_end`) closes the quote ``opened`` left
    open before ``line_end``, across the break. Else the join only loses it: 'called
    the plan "a disgrace for Orsk' then 'Hale replied: "We will appeal."' pairs the
    second line's quote alone and skips the first opener as a stray mark, so the lines
    keep their own pairing (the open quote stays, open-ended)."""
    return any(
        span.closed and span.mark_start == opened.mark_start and span.mark_end > line_end
        for span in _pair_paragraph(text, start, _sentence_end(text, end))
    )


def _sentence_end(text: str, end: int) -> int:
    """The end of the last of the lines that go on after the line ending at ``end``
    (at most :data:`_JOIN_LINES` of them): a quote broken over three lines ('"The pier'
    / 'will' / 'Reopen in May," she said') closes on the last."""
    for _ in range(_JOIN_LINES):
        if not _goes_on(text, end, end + 1):
            break
        following = text.find("\n", end + 1)
        end = len(text) if following < 0 else following
    return end


def _goes_on(text: str, line_end: int, next_start: int) -> bool:
    """The line ending at ``line_end`` goes on at the next line (from ``next_start``): one
    line break between them, and the line ends no sentence."""
    rest = next_start
    while rest < len(text) and text[rest] in " \t":
        rest += 1
    if text[line_end:next_start] != "\n" or rest == len(text):
        return False
    last = line_end  # the last character before trailing spaces (no copy of the text)
    while last > 0 and text[last - 1].isspace():
        last -= 1
    return text[last - 1 : last] not in _SENTENCE_ENDS | {"\u2026", ":"}


def _closing_paragraph(text: str, start: int, end: int, family: Family) -> list[QuoteSpan] | None:
    """A paragraph that carries on an open-ended quote without reopening it and closes
    it (``… unlike Lyin' Ted Cruz.”``): the quote up to that closer, then the rest of
    the paragraph paired as usual; None when the paragraph opens a mark of the family
    first (the usual case, handled by :func:`_pair_paragraph`)."""
    for mark in _MARK_RE.finditer(text, start, end):
        spec = MARKS[mark.group()]
        if spec.family is not family:
            continue
        role = _role(text, mark.start(), len(mark.group()), start, end, spec)
        if role != "close":
            return None
        close = mark.start()
        pair = _Pair(start, 0, close, len(mark.group()), family)
        lead = _replace_continues(_span(text, pair, end))
        return [lead, *_pair_paragraph(text, mark.end(), end)]
    return None


def _opens_paragraph(text: str, paragraph_start: int, mark: int) -> bool:
    return not text[paragraph_start:mark].strip()


def _replace_continues(span: QuoteSpan) -> QuoteSpan:
    return QuoteSpan(
        span.start, span.end, span.mark_start, span.mark_end, span.family, span.closed, True
    )


def _pair_paragraph(text: str, start: int, end: int) -> list[QuoteSpan]:
    """Pair the marks of ``text[start:end]`` (one paragraph); top-level spans only."""
    stack: list[_Open] = []
    pairs: list[_Pair] = []
    marks = [(m.start(), m.group()) for m in _MARK_RE.finditer(text, start, end)]
    for index, (offset, mark) in enumerate(marks):
        spec = MARKS[mark]
        if _doubled(marks, index):
            continue
        role = _role(text, offset, len(mark), start, end, spec)
        if role == "open" and _spaced_closer(text, offset, mark, stack):
            role = "close"
        if role == "open":
            stack.append(_Open(offset, len(mark), spec.family))
        elif role in ("close", "either"):
            later = marks[index + 1 :]
            opener = _pop_opener(stack, spec.family, offset, text, later, (start, end))
            if opener is not None:
                pairs.append(_Pair(opener.offset, opener.width, offset, len(mark), spec.family))
            elif role == "either" and spec.family is Family.DOUBLE:
                stack.append(_Open(offset, len(mark), spec.family))
    pairs.extend(_open_ended(stack, pairs))
    return [_span(text, pair, end) for pair in _top_level(pairs)]


def _doubled(marks: Sequence[tuple[int, str]], index: int) -> bool:
    """A straight double mark typed twice before a quote (``""We have learned …,"``):
    the first of the two is a typing slip, and as an opener of its own it would be left
    open and pair with a later mark."""
    offset, mark = marks[index]
    if mark != _STRAIGHT_DOUBLE or index + 1 >= len(marks):
        return False
    following, next_mark = marks[index + 1]
    return next_mark == _STRAIGHT_DOUBLE and following == offset + 1


def _spaced_closer(text: str, offset: int, mark: str, stack: list[_Open]) -> bool:
    """A straight double mark typed with the space on the wrong side (``…is wrong.
    "Perry is …``) closes the straight quote still open: straight double quotes never
    nest, and a sentence has just ended before it."""
    if mark != _STRAIGHT_DOUBLE or offset < 2 or text[offset - 1] != " ":
        return False
    if text[offset - 2] not in _SENTENCE_ENDS:
        return False
    return any(o.family is Family.DOUBLE and text[o.offset] == _STRAIGHT_DOUBLE for o in stack)


def _role(text: str, offset: int, width: int, start: int, end: int, spec: MarkSpec) -> str:
    """ "open", "close", "either" (let the stack decide) or "none" (an apostrophe)."""
    before = text[offset - 1] if offset > start else None
    after = text[offset + width] if offset + width < end else None
    if spec.family is Family.SINGLE and before and after and before.isalnum() and after.isalnum():
        return "none"  # don’t, O’Neill, rock’n’roll
    opens = (before is None or before.isspace() or before in _OPEN_CONTEXT) and not (
        after is None or after.isspace()
    )
    closes = not (before is None or before.isspace()) and (
        after is None or after.isspace() or after in _CLOSE_CONTEXT
    )
    if not spec.may_close:
        return "open"
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either" if spec.family is Family.DOUBLE else "none"


def _pop_opener(
    stack: list[_Open],
    family: Family,
    offset: int,
    text: str,
    later: list[tuple[int, str]],
    bounds: tuple[int, int],
) -> _Open | None:
    """Pop and return the innermost opener ``family`` closes, or None (stack unchanged).

    A double closer discards single openers above its opener (they were apostrophes).
    A single closer only closes a single opener on top of the stack, and a weak one
    (``dockers’ union``: after an s, before a lower-case word) is taken for a possessive
    when a later single closer can close instead.
    """
    if family is Family.SINGLE:
        if not stack or stack[-1].family is not Family.SINGLE:
            return None
        if _weak_single_close(text, offset, bounds[1]) and _later_single_close(text, later, bounds):
            return None
        return stack.pop()
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth].family is Family.DOUBLE:
            opener = stack[depth]
            del stack[depth:]
            return opener
    return _mismatched_opener(stack, text, bounds[0])


def _mismatched_opener(stack: list[_Open], text: str, start: int) -> _Open | None:
    """A double closer with no double opener open closes a single opener that opens a
    sentence (``… he added. 'Edvin Rask won't pay his own way."``: the wrong key
    typed for the opening mark). Only at a sentence start: a single mark inside a
    sentence is more likely an apostrophe (the '90s)."""
    for depth in range(len(stack) - 1, -1, -1):
        opener = stack[depth]
        before = text[start : opener.offset].rstrip()
        if not before or before[-1] in _SENTENCE_ENDS or before[-1] in ":\u201d":
            logger.debug("single opener at %d closed by a double mark", opener.offset)
            del stack[depth:]
            return opener
    return None


def _weak_single_close(text: str, offset: int, end: int) -> bool:
    return (
        text[offset - 1] == "s"
        and offset + 2 < end
        and text[offset + 1] == " "
        and text[offset + 2].islower()
    )


def _later_single_close(text: str, later: list[tuple[int, str]], bounds: tuple[int, int]) -> bool:
    for offset, mark in later:
        spec = MARKS[mark]
        if spec.family is Family.SINGLE and _role(text, offset, 1, *bounds, spec) == "close":
            return True
    return False


def _open_ended(stack: list[_Open], pairs: list[_Pair]) -> Iterator[_Pair]:
    """The outermost double opener left open, closed at the paragraph end (if at all).

    It is skipped when a complete pair of its family follows it: then it was a stray
    mark, not the start of a quote running to the end of the paragraph.
    """
    for opener in stack:
        if opener.family is not Family.DOUBLE:
            continue
        if any(p.open > opener.offset and p.family is opener.family for p in pairs):
            logger.debug("stray opening mark at %d skipped", opener.offset)
            return
        yield _Pair(opener.offset, opener.width, -1, 0, opener.family)
        return


def _top_level(pairs: list[_Pair]) -> list[_Pair]:
    """Pairs not inside another pair, in text order."""
    kept: list[_Pair] = []
    outer_end = -1
    for pair in sorted(pairs, key=lambda p: p.open):
        if pair.open < outer_end:
            continue
        kept.append(pair)
        outer_end = pair.close if pair.close >= 0 else 1 << 62
    return kept


def _span(text: str, pair: _Pair, end: int) -> QuoteSpan:
    closed = pair.close >= 0
    start, stop = pair.open + pair.open_width, pair.close if closed else end
    while start < stop and text[start].isspace():
        start += 1
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    mark_end = pair.close + pair.close_width if closed else end
    return QuoteSpan(start, stop, pair.open, mark_end, pair.family, closed)


class QuotedDoc:
    """A parsed text's top-level quotations, with the per-token lookups attribution needs.

    ``spans`` are :func:`find_quote_spans` less those without a word; ``quoted[i]`` is
    True when token ``i`` lies inside a quotation (marks included); ``sent_of[i]`` and
    ``para_of[i]`` number token ``i``'s sentence and paragraph (line breaks before it);
    ``negated[i]`` is True when token ``i`` has a ``neg`` child, and ``parataxis[i]``
    lists its ``parataxis`` children in order (a root verb with a child per quote of
    a sentence of thousands of quotes was searched child by child once per quote).
    Cost: built in one pass over the characters and a few over the tokens.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = text = doc.text  # spaCy rebuilds doc.text on each read: read once
        self.spans = [s for s in find_quote_spans(text) if _has_word(text, s)]
        self.quoted = _quoted_tokens(doc, self.spans)
        self.sent_of = _sentence_index(doc)
        self.para_of = _paragraph_index(doc)
        self._starts = [token.idx for token in doc]
        self.negated = [False] * len(doc)
        self.parataxis: dict[int, list[int]] = {}
        for token in doc:
            if token.head.i == token.i:
                continue
            if token.dep_ == "neg":
                self.negated[token.head.i] = True
            elif token.dep_ == "parataxis":
                self.parataxis.setdefault(token.head.i, []).append(token.i)

    @cached_property
    def nouns_by_lemma(self) -> dict[str, list[int]]:
        """Indices of the nouns and names (NOUN, PROPN), in order, by lemma: a look-back
        for an earlier use of a noun reads these, not every token before it."""
        index: dict[str, list[int]] = {}
        for token in self.doc:
            if token.pos_ in ("NOUN", "PROPN"):
                index.setdefault(token.lemma_, []).append(token.i)
        return index

    @cached_property
    def para_changes(self) -> list[int]:
        """``para_changes[i]``: how many of tokens 1..``i`` start a new paragraph
        (``para_of`` differs from the token before): the paragraphs crossed between
        tokens ``i`` and ``j > i`` are ``para_changes[j] - para_changes[i]``."""
        changes = [0]
        for i in range(1, len(self.para_of)):
            changes.append(changes[-1] + (self.para_of[i] != self.para_of[i - 1]))
        return changes

    def tokens(self, start: int, end: int) -> Span:
        """The tokens overlapping ``text[start:end]`` (possibly none)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span if span is not None else self.doc[0:0]

    def token_at(self, offset: int) -> Token | None:
        """The token holding ``text[offset]``, else the first token after it."""
        index = bisect_right(self._starts, offset) - 1
        if index >= 0 and offset < self._starts[index] + len(self.doc[index]):
            return self.doc[index]
        return self.doc[index + 1] if index + 1 < len(self.doc) else None


def _has_word(text: str, span: QuoteSpan) -> bool:
    return any(ch.isalnum() for ch in text[span.start : span.end])


def _quoted_tokens(doc: Doc, spans: Sequence[QuoteSpan]) -> list[bool]:
    quoted = [False] * len(doc)
    for span in spans:
        covered = doc.char_span(span.mark_start, span.mark_end, alignment_mode="expand")
        if covered is not None:
            for index in range(covered.start, covered.end):
                quoted[index] = True
    return quoted


def _paragraph_index(doc: Doc) -> list[int]:
    index, breaks = [], 0
    for token in doc:
        index.append(breaks)
        breaks += token.text.count("\n") + token.whitespace_.count("\n")
    return index


def _sentence_index(doc: Doc) -> list[int]:
    index = [0] * len(doc)
    for number, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            index[i] = number
    return index
