"""Where a speaker and a reporting cue are written: character offsets from the parse.

:func:`mention_offsets` gives the speaker as written (head noun, name parts,
determiner, title: "Transport Minister Teodor Halvik", "the union's leader"), without
appositions or relative clauses, and never with an unbalanced quote mark: a show or
paper named in quote marks before the name (``"Today" show host Meredith Vieira``)
keeps both its marks or neither. :func:`cue_offsets` gives the reporting verb, with the
addressee of "told reporters". Both are used by :mod:`newsprism.analyze.quotes`.
"""

from __future__ import annotations

import logging
from typing import Final

from spacy.tokens import Token

from newsprism.analyze.quote_datelines import is_dateline_dash

logger = logging.getLogger(__name__)

__all__ = ["after_quoted_words", "cue_offsets", "mention_offsets", "unbalanced_marks"]

# Dependents kept in a speaker mention: "Transport Minister Teodor Halvik", "the union's
# leader"; appositions and relative clauses are left out.
MENTION_DEPS: Final = frozenset({"compound", "det", "amod", "poss", "nmod", "flat", "nummod"})
# Quote marks that open / close, and the straight ones that do both.
_OPENERS: Final = frozenset("“„«‹「")
_CLOSERS: Final = frozenset("”»›」")
_STRAIGHT: Final = '"'


def unbalanced_marks(text: str) -> bool:
    """Whether ``text`` holds a quote mark without its partner (an odd number of
    straight double marks, or curly openers and closers that do not pair up)."""
    depth = 0
    for char in text:
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS:
            depth -= 1
            if depth < 0:
                return True
    return depth != 0 or text.count(_STRAIGHT) % 2 == 1


def after_quoted_words(mention: str) -> str:
    """The mention less everything up to its last quote mark and the lower-case words
    after it ('"Today" show host Jane Doe' -> 'Jane Doe'): a speaker's name never holds
    quote marks."""
    last = max((mention.rfind(m) for m in (*_OPENERS, *_CLOSERS, _STRAIGHT)), default=-1)
    if last < 0:
        return mention
    words = mention[last + 1 :].split()
    # The common nouns between the title and the name ("show host") describe the person.
    while len(words) > 1 and words[0][:1].islower():
        words.pop(0)
    return " ".join(words) or mention


def _is_mark(token: Token) -> bool:
    return token.text in _OPENERS or token.text in _CLOSERS or token.text == _STRAIGHT


def cue_offsets(verb: Token) -> tuple[int, int]:
    """The verb, with the addressee for "told reporters" / "told the BBC"."""
    end = verb.idx + len(verb)
    if verb.lemma_.lower() == "tell":
        for child in verb.children:
            if child.dep_ in ("dobj", "dative") and child.i > verb.i:
                if all(not t.is_punct for t in verb.doc[verb.i + 1 : child.left_edge.i]):
                    end = child.idx + len(child)
                break
    return (verb.idx, end)


def mention_offsets(head: Token) -> tuple[int, int]:
    """The speaker as written: the head noun with its name parts, determiner, title."""
    left, right = head, head
    for child in reversed(list(head.lefts)):
        # Other words right before the head belong to it too, whatever the parser
        # called them ("The communications pro", "pro" read as an adverb).
        joined = (
            child.right_edge.i == left.i - 1
            and child.pos_ in ("NOUN", "ADJ")
            and not any(t.is_punct for t in child.subtree)
        )
        if child.dep_ in MENTION_DEPS or joined:
            left = min(left, child.left_edge, key=lambda t: t.i)
    for child in head.rights:
        if child.dep_ in ("compound", "flat") and child.i == right.i + 1:
            right = child
    doc = head.doc
    left = _past_spaced_dash(_in_paragraph(left, right), right)
    while left.i < right.i and (left.is_punct or left.is_space):
        left = doc[left.i + 1]
    left = _balanced_left(left, right)
    return (left.idx, right.idx + len(right))


def _in_paragraph(left: Token, right: Token) -> Token:
    """The mention's first token in the paragraph of its last: a parse that joins a
    headline to the body's first words ("…, Harbour cable" + "Officials are …") must
    not make the headline part of the speaker's name."""
    doc = left.doc
    for token in doc[left.i : right.i]:
        if "\n" in token.text or "\n" in token.whitespace_:
            left = doc[token.i + 1]
    return left


def _past_spaced_dash(left: Token, right: Token) -> Token:
    """The mention's first token after a dateline's dash with spaces on both sides
    ("KESTOW, Norland (Wirepress) - Mayor Ana Holt": the parser joined the dateline to
    the name). A hyphen inside a name has no spaces ("Holt-Rask") or follows no
    dateline ("Ana Holt - Rask", as scraped text writes it: review s35 r1 F10)."""
    doc = left.doc
    for token in doc[left.i : right.i]:
        spaced = token.i > 0 and doc[token.i - 1].whitespace_ and token.whitespace_
        if token.text in ("-", "--", "—", "–") and spaced and is_dateline_dash(token):
            left = doc[token.i + 1]
    return left


def _balanced_left(left: Token, right: Token) -> Token:
    """The mention's first token once its quote marks pair up: the opening mark just
    before it taken back in when that balances them ("Today" show host ...), else the
    words up to the last unbalanced mark dropped ("show host ...")."""
    # Spans' own text, not slices of doc.text: spaCy rebuilds doc.text from every
    # token on each read, which made this check a tenth of the analysis time.
    doc = left.doc
    text = doc[left.i : right.i + 1].text
    if not unbalanced_marks(text):
        return left
    before = doc[left.i - 1] if left.i > 0 else None
    if before is not None and _is_mark(before):
        widened = doc[before.i : right.i + 1].text
        if not unbalanced_marks(widened):
            return before
    for token in doc[left.i : right.i]:
        rest = token.whitespace_ + doc[token.i + 1 : right.i + 1].text
        if _is_mark(token) and not unbalanced_marks(rest):
            following = doc[token.i + 1]
            logger.debug("speaker mention cut after an unbalanced quote mark: %r", text)
            return following if following.i <= right.i else right
    return left
