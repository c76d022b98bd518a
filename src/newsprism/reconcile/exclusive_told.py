"""Said elsewhere: whether another source reports a quote's or a claim's speaker saying the
same thing in other words (the rule in :mod:`newsprism.reconcile.exclusives`' module
doc), and the speaker-name keys it compares."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Final

from newsprism.analyze.aliases import fold_key, strip_title
from newsprism.model import Passage, Statement
from newsprism.reconcile.exclusive_details import StoryDetails, new_details, overlaps, spelled_alike
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.pair_lexical import PairLexical

if TYPE_CHECKING:
    from newsprism.reconcile.exclusives import ExclusiveOptions

__all__ = ["SaidElsewhere", "one_name", "speaker_key"]


# Generational suffixes: "Tom Hale Jr." is a Hale, not a "Jr".
_SUFFIXES: Final = frozenset({"jr", "sr", "ii", "iii", "iv"})


def speaker_key(name: str) -> str:
    """A speaker's name words, folded, after a title and less a generational suffix
    ("Mayor Ansel Roos" -> "ansel roos", "Tom Hale Jr." -> "tom hale"): pages name one
    person in full, by surname or with a title, and the roster folds only the names it
    can link."""
    words = fold_key(" ".join(_less_particles((strip_title(name) or name).split()))).split()
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return " ".join(words)


# Surname particles: "Ansel de Roos" and "de Roos" are one person, the particle no
# given name. Several are given names too ("Al", "Van", "Le", "Da"): which one a word is
# is decided by its case as written (:func:`_less_particles`).
_PARTICLES: Final = frozenset(
    {"de", "del", "della", "der", "den", "di", "da", "du", "la", "le", "van", "von", "ter",
     "ten", "bin", "al", "el"}
)  # fmt: skip


def _less_particles(words: list[str]) -> list[str]:
    """A name's words as written, less surname particles before the surname: a particle
    word written in lower case ("de Roos", "Ansel van der Berg"), or capitalised after a
    given name ("Ansel Van Roos"). A capitalised first word is a given name ("Al Roos",
    "Van Roos" are no relatives of any Roos, review s32 finding 1)."""
    return [
        w for n, w in enumerate(words)
        if n == len(words) - 1
        or fold_key(w) not in _PARTICLES
        or not (w.islower() or n > 0)
    ]  # fmt: skip


def _given_names(words: list[str]) -> list[str]:
    """The words before the surname (particles are left out of the key; an unknown
    title stays a word)."""
    return words[:-1]


def one_name(a: str, b: str) -> bool:
    """Whether two speaker keys name one person: the same surname (or spelled alike),
    and where both give a given name, a given name of one is among the other's words
    before the surname, or its initial ("ansel roos" / "roos" / "a roos" / "ansel de
    roos" / "harbourmaster ansel roos": a title strip_title does not know stays a word;
    not "ann roos" / "ben roos": relatives of one surname speak in the same stories,
    review s31/1 finding 6)."""
    x, y = a.split(), b.split()
    if not x or not y or not (x[-1] == y[-1] or spelled_alike(x[-1], y[-1])):
        return False
    gx, gy = _given_names(x), _given_names(y)
    if not gx or not gy:
        return True
    # A whole given name anywhere before the surname; an initial only as the first given
    # name ("ann b roos" is not "ben roos").
    first, other = sorted((gx[0], gy[0]), key=len)
    initial = len(first) == 1 and other.startswith(first)
    return initial or any(len(g) > 1 and g == h for g in gx for h in gy)


class SaidElsewhere:
    """Whether another source reports a candidate's speaker saying the same thing in
    other words (see the module doc): the candidate (a quote, or a claim holding a
    statement variant) against all the sentences in which one other source gives that
    speaker's statements, taken together (a candidate with no detail: against each of them,
    or two that follow one another, :meth:`_windows`), by the lexical test of claims
    (:class:`~newsprism.reconcile.exclusives._Novelty`, whatever the similarity: a dense
    cosine of a sentence against a speaker's several sentences is not calibrated). Cost: a
    look-up per variant, one tokenisation per candidate with a speaker and per (speaker,
    source) text, and a pass over two texts' terms per candidate and other source giving
    that speaker (:class:`~newsprism.reconcile.pair_lexical.PairLexical`: no TF-IDF fit per
    pair)."""

    def __init__(
        self,
        material: StoryMaterial,
        sentences: Sequence[Passage],
        statements: Sequence[Statement],
        elsewhere: StoryDetails,
        options: ExclusiveOptions,
    ) -> None:
        self._material = material
        self._elsewhere = elsewhere
        self._options = options
        self._sentences = sentences
        pieces: dict[str, list[tuple[int, int]]] = {}
        for n, sentence in enumerate(sentences):
            pieces.setdefault(sentence.article, []).append((sentence.start, n))
        for found in pieces.values():
            found.sort()
        # Per article, the (variant, speaker key) pairs; per (speaker key, source), the
        # indices of the sentences holding that speaker's variants.
        self._variants: dict[str, list[tuple[Passage, str]]] = {}
        self._said: dict[tuple[str, str], set[int]] = {}
        for statement in statements:
            if not statement.speaker:
                continue
            key = speaker_key(statement.speaker)
            for v in statement.variants:
                p = v.passage
                self._variants.setdefault(p.article, []).append((p, key))
                held = self._said.setdefault((key, material.source_of(p.article)), set())
                starts = pieces.get(p.article, [])
                first = max(bisect_right(starts, (p.start, len(sentences))) - 1, 0)
                for start, n in starts[first:]:
                    if start >= p.end:
                        break
                    if overlaps(sentences[n], p):
                        held.add(n)

    def _speakers(self, passage: Passage) -> set[str]:
        return {key for p, key in self._variants.get(passage.article, ()) if overlaps(passage, p)}

    def told(self, passages: Sequence[Passage]) -> list[bool]:
        """Per passage: whether another source gives its speaker's words (see above)."""
        asked = [(n, p, self._speakers(p)) for n, p in enumerate(passages)]
        asked = [x for x in asked if x[2]]
        found = [False] * len(passages)
        groups = [g for g, indices in self._said.items() if indices]
        if not asked or not groups:
            return found
        windows = [[self._joined(self._said[g]), *self._windows(self._said[g])] for g in groups]
        texts = [t for window in windows for t in window]
        columns, at = [], 0
        for window in windows:
            columns.append(range(at, at + len(window)))
            at += len(window)
        # Each text tokenised once; a pair is weighed on its two texts alone (below).
        pairs = PairLexical([*texts, *(p.text for _, p, _ in asked)])
        opts = self._options
        for row, (n, passage, speakers) in enumerate(asked, start=len(texts)):
            source = self._material.source_of(passage.article)
            for group, (key, other) in enumerate(groups):
                if other == source or not any(one_name(key, k) for k in speakers):
                    continue
                # Weighed on the two texts alone: against the story's sentences, the
                # story's names and topic words weigh nothing, and a retelling in other
                # words shares little else (calibration gold: 10 wrong exclusives left
                # against 13 with the story's weights, development the same).
                # A candidate with no detail is told on the cosine alone: weighed
                # against each sentence (or two that follow one another), not all joined,
                # which hold the words of a short new quote spread over other quotes.
                bare = not self._elsewhere.details(passage).count()
                cols = columns[group][1:] if bare else columns[group][:1]
                score = max(pairs.cosine(row, column) for column in cols)
                if score >= opts.lexical_alone or (
                    score >= opts.lexical and self._carried(passage, self._said[(key, other)])
                ):
                    found[n] = True
                    break
        return found

    def _joined(self, indices: set[int]) -> str:
        return " ".join(self._sentences[n].text for n in sorted(indices))

    def _windows(self, indices: set[int]) -> list[str]:
        """The texts a candidate with no detail is weighed against: each sentence giving the
        speaker's words, and each two of them that follow one another (a statement told across two
        sentences). Not all of them joined: a short new quote whose few words stand
        spread over the speaker's other quotes scored as told."""
        ordered = sorted(indices)
        found = [self._sentences[n].text for n in ordered]
        found += [
            f"{self._sentences[a].text} {self._sentences[b].text}"
            for a, b in pairwise(ordered)
            if b == a + 1
        ]
        return found

    def _carried(self, passage: Passage, indices: Iterable[int]) -> bool:
        mine = self._elsewhere.details(passage)
        if not mine.count():
            return True
        theirs = [self._elsewhere.sentence_details(n) for n in indices]
        new = new_details(mine, theirs)
        return 1.0 - len(new) / mine.count() >= self._options.lexical_details
