"""One article's parse and quotations with the look-ups speaker resolution reads
(:class:`SpeakerDoc`), split out of :mod:`newsprism.analyze.speaker_resolution`.

Each look-up is built once per article on first use and gives the same answer as the
scan of the tokens it replaced (``tests/test_speaker_scale.py``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Sequence
from functools import cached_property
from typing import Final

from spacy.tokens import Doc

from newsprism.analyze.quote_marks import QuotedDoc
from newsprism.analyze.speakers import Gender, NameResolver

__all__ = ["ASKING", "SpeakerDoc"]

# Verbs that put a question to the person they name ("asked Rask if …").
ASKING: Final = frozenset({"ask", "press", "question"})
# A paragraph break: white space holding a line break.
_PARAGRAPH_BREAK: Final = re.compile(r"\n\s*")


class SpeakerDoc(QuotedDoc):
    """One article's parse and quotations, the resolver for its names, and the genders
    its pronoun speakers have shown so far
    (:func:`~newsprism.analyze.speaker_resolution.note_speaker`)."""

    def __init__(self, doc: Doc, names: NameResolver) -> None:
        super().__init__(doc)
        self.names = names
        self.shown: dict[str, Gender] = {}
        self._spoken: Sequence[tuple[int, str]] | None = None
        self._spoken_rows: list[tuple[int, int, str]] = []

    def gender(self, name: str) -> Gender | None:
        """The resolver's gender for ``name``; failing that, the one a pronoun resolved
        to that person earlier in the text showed ("…," he said: male)."""
        return self.names.gender(name) or self.shown.get(name)

    # Lookups built once per article on first use. The rules below used to scan the
    # tokens back from each speaker mention, which on a long transcript (one paragraph
    # of thousands of quotes, "he said" after each) is quadratic: minutes per 100,000
    # characters (bench/long_article.py --case). Each index gives the same answer as
    # the scan it replaced (tests/test_speaker_scale.py).

    @cached_property
    def _breaks(self) -> tuple[list[int], list[int]]:
        """Starts and ends of the :data:`_PARAGRAPH_BREAK` matches in the whole text."""
        found = [(m.start(), m.end()) for m in _PARAGRAPH_BREAK.finditer(self.text)]
        return [s for s, _ in found], [e for _, e in found]

    def paragraph_breaks(self, start: int, end: int) -> int:
        """``len(_PARAGRAPH_BREAK.findall(text, start, end))`` in O(log n): a match is
        one run of white space holding a line break, from its first line break on; a
        run begun before ``start`` counts when its part from ``start`` holds one."""
        if start >= end:
            return 0
        starts, ends = self._breaks
        first = bisect_left(starts, start)
        count = bisect_left(starts, end) - first
        if first > 0 and ends[first - 1] > start:
            count += "\n" in self.text[start : min(ends[first - 1], end)]
        return count

    def spoken_before(
        self, spoken: Sequence[tuple[int, str]], offset: int
    ) -> list[tuple[int, int, str]]:
        """The speakers of ``spoken`` placed before ``offset`` as (place, -index, name),
        by place (a speaker listed earlier last among those at one place). Kept sorted
        across calls while ``spoken`` only grows, as quotes._resolve_speakers appends to
        it: sorting it for each pronoun was quadratic in a long transcript."""
        if self._spoken is not spoken or len(self._spoken_rows) > len(spoken):
            self._spoken, self._spoken_rows = spoken, []
        rows = self._spoken_rows
        for k in range(len(rows), len(spoken)):
            insort(rows, (spoken[k][0], -k, spoken[k][1]))
        return rows[: bisect_left(rows, (offset, -len(spoken) - 1))]

    @cached_property
    def asking_verbs(self) -> list[int]:
        """Indices of the verbs of asking outside quotes (:data:`ASKING`), in order."""
        return [
            t.i
            for t in self.doc
            if t.lemma_.lower() in ASKING and not self.quoted[t.i] and t.pos_ == "VERB"
        ]

    @cached_property
    def unquoted_by_lemma(self) -> dict[str, list[int]]:
        """Indices of the tokens outside quotes, in order, by lemma."""
        index: dict[str, list[int]] = {}
        for token in self.doc:
            if not self.quoted[token.i]:
                index.setdefault(token.lemma_, []).append(token.i)
        return index

    @cached_property
    def first_indefinite(self) -> dict[str, int]:
        """Lemma -> index of its first noun with "a"/"an" ("a spokesman")."""
        index: dict[str, int] = {}
        for token in self.doc:
            if token.pos_ != "NOUN" or token.lemma_ in index:
                continue
            if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
                index[token.lemma_] = token.i
        return index
