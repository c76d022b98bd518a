"""Statements: the evidence weighed per pair of units (the content similarity, raised to
1.0 for a verbatim quote; the margin over the pair's best rival; the constraints), for
:func:`~newsprism.reconcile.statements.align_statements`. Kept apart from that module,
which groups the units: the matrices and rival comparisons a story of hundreds of
articles needs (per-article rival blocks, a word index of the quoted fragments) had
grown it past the size guide.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsprism.analyze.aliases import fold_key
from newsprism.reconcile.comparable import comparable_text
from newsprism.reconcile.measures import spell_units
from newsprism.reconcile.pair_model import PairEvidence
from newsprism.reconcile.questions import forbid_question_answers
from newsprism.reconcile.similarity import LexicalSimilarity, TextSimilarity
from newsprism.reconcile.speaker_names import SAME_GIVEN, SAME_PERSON, name_kinship
from newsprism.reconcile.speaker_offices import office_alike
from newsprism.reconcile.statement_speakers import (
    described_alike,
    kind_mention_words,
    names_the_kind,
)
from newsprism.reconcile.statement_units import TOKEN, Unit, added, normalize_words

if TYPE_CHECKING:  # statements imports this module
    from newsprism.reconcile.statements import StatementOptions

logger = logging.getLogger(__name__)

_SCORE_DECIMALS = 4
# A unit needs this many content words (not stop words; 3 letters or more, or digits)
# for its margin over rivals to count as evidence. A one-word partial quote ("hurtful",
# "prank") is far from every rival, so its margin says nothing about which claim it
# renders; unless it occurs word for word in the other unit its margin is at most 0.
# Measured on the BASIL gold (one change, same run; the even stories calibrate, the
# odd ones are held out): dense pairs even P 0.918 -> 0.943 (wrong pairs 6 -> 4),
# recall 72/99 both, odd 0.952 / 37 of 73 both; lexical unchanged on both halves. On
# eval/crosscheck.py's sets: samples unchanged, paraphrase set 2 of 230 pairs fewer
# (dense pipeline R 0.704 -> 0.696, lexical 0.504 -> 0.496), precision unchanged.
_MARGIN_WORDS = 2
_STOP_WORDS = frozenset(ENGLISH_STOP_WORDS)
# A direct quote of this many words or more that another article prints word for word,
# credited to a name that may be one person's with this one's speaker (one given name;
# see _SAME_GIVEN_QUOTES), is one person's words (:func:`_allow_one_quote`). Measured on
# the Multi-News development gold (cached analyses, one change, same runs): a person
# named by a legal name in one outlet and by a profile name sharing the first name in
# the other, two identical quotes kept apart;
# lexical 34 -> 36 of 70 pairs (P 0.974 -> 0.975), dense 35 -> 37 (P 0.974 -> 0.975).
# 5 and 6 words, with or without the shared name word, score the same there (the
# shortest such quote has 6 words); the BASIL calibration and development golds and
# eval/crosscheck.py's sets are unchanged. 6, the higher: people of one story share
# stock phrases ("we will appeal the ruling"); and the kin names, because two people
# with nothing of a name in common stay two speakers whatever they say
# (tests/test_reconcile_statements.py, tests/test_statements_one_quote.py).
_SAME_QUOTE_WORDS = 6
# Distinct such quotes two names with one given name and two surnames must share
# between two articles to be one person (review s30/1 F5): one stock sentence ("He was
# the best father anyone could ask for") may come from two people who share a given
# name; two or more sentences word for word are one person's. On the Multi-News
# development gold the one such pair of names shares 6 quotes between its two articles:
# statements unchanged with the restriction (lexical P/R 0.975/0.514, dense
# 0.975/0.529, --cache), BASIL calibration too (lexical 0.971/0.773).
_SAME_GIVEN_QUOTES = 2
# One quoted word of an indirect clause found in one direct quote of its speaker in
# another article (:func:`_quoted_words`): the pair's score is raised to this floor (the
# middle of the cosine range, as ``piece_support``), the clause needs this many content
# words and the word this many letters. Read off a BASIL calibration miss (a regret
# quoted by its adverb); not swept. Lexical, analyses of 14d00ed, one change, same runs:
# calibration P / R 0.971 / 0.773 -> 0.971 / 0.785 (2 pairs), development 0.972 /
# 0.708, Multi-News development 0.975 / 0.514 and dev2 1.000 / 0.545 unchanged (before
# the unquoted-term guard development joined a wrong pair, P 0.959).
_QUOTED_WORD_FLOOR = 0.5
_QUOTED_WORD_CLAUSE = 3
_QUOTED_WORD_LETTERS = 5
Scores = npt.NDArray[np.float64]
Mask = npt.NDArray[np.bool_]


def _scores(units: Sequence[Unit], similarity: TextSimilarity, options: StatementOptions) -> Scores:
    """Pairwise content similarity, 1.0 where one unit quotes the other verbatim."""
    return quoted_words(units, _verbatim(units, _similarities(units, similarity, options), options))


def _similarities(
    units: Sequence[Unit],
    similarity: TextSimilarity,
    options: StatementOptions,
    *,
    refit: bool = True,
) -> Scores:
    """Pairwise content similarity of the units' comparable texts. Lexical weights
    between two of the analysis's quotes are fitted on those quotes alone (see
    :func:`_fitted`); not with ``refit`` False (for a caller that reads no such pair)."""
    texts = [spell_units(comparable_text(u.text)) for u in units]
    quotes = [i for i, u in enumerate(units) if not added(u)] if refit else []
    scores = _fitted(similarity, texts, quotes)
    if similarity.dense and options.blend_lexical > 0:
        lexical = _fitted(LexicalSimilarity(), texts, quotes)
        scores = (1 - options.blend_lexical) * scores + options.blend_lexical * lexical
    return scores


def _fitted(similarity: TextSimilarity, texts: Sequence[str], quotes: Sequence[int]) -> Scores:
    """The similarity matrix of ``texts``; for lexical similarity, the block between the
    ``quotes`` (the units not added past the analysis) computed on them alone. Lexical
    weights are fitted on the texts compared, so every added unit (a speech act, a
    missed quotation) moved the score of every pair of quotes: on the sample gold a
    translation's pair at the ``link`` threshold (0.650) fell to 0.649 when three acts
    joined the port story, and the split quote it held apart was rejoined (lexical
    121 / 2 -> 120 / 6 pairs right / wrong). Added units add pairs; they do not move
    the others."""
    scores = np.asarray(similarity.matrix(texts, texts), dtype=np.float64)
    if similarity.dense or len(quotes) in (0, len(texts)):
        return scores
    own = [texts[i] for i in quotes]
    scores[np.ix_(quotes, quotes)] = np.asarray(similarity.matrix(own, own), dtype=np.float64)
    return scores


def _verbatim(
    units: Sequence[Unit], similarities: Scores, options: StatementOptions, *, rounded: bool = False
) -> Scores:
    """The similarities raised to 1.0 where one unit quotes the other verbatim
    (``verbatim_words`` or more), rounded; ``rounded``: the similarities come rounded
    (rounding them once serves two calls: the 1.0 and 0.0 set here round to themselves,
    so the result is the same, and a rounding of n x n is dear)."""
    scores = similarities.copy()
    holding = _Holders([normalize_words(u.text) for u in units])
    fragments = [
        [v for v in u.verbatim if v.count(" ") - 1 >= options.verbatim_words] for u in units
    ]
    for i, frags in enumerate(fragments):
        for fragment in frags:
            holders = [j for j in holding(fragment) if i != j]
            if _term(fragment, [units[j] for j in holders], units[i].article, options):
                continue
            for j in holders:
                scores[i, j] = scores[j, i] = 1.0
    np.fill_diagonal(scores, 0.0)
    # Rounded, so that the last bits of an embedding (which batching and the BLAS
    # library may change from run to run) never decide which of two tied merges wins.
    return scores if rounded else np.round(scores, _SCORE_DECIMALS)


def quoted_words(units: Sequence[Unit], scores: Scores) -> Scores:
    """``scores`` with the pairs of an indirect clause that quotes one word ('he
    "profoundly" regrets the delay') and a direct quote of the same speaker in another
    article holding that word ("I am deeply and profoundly sorry for the delay") raised to
    :data:`_QUOTED_WORD_FLOOR`, where that article's units hold the word in one quote
    group only: the reporter took the word from that quote. A clause of
    :data:`_QUOTED_WORD_CLAUSE` content words or more, a word of
    :data:`_QUOTED_WORD_LETTERS` letters or more and no stop word; never a lone quoted
    word (a lone "prank" says nothing of which claim it renders), nor a word the clause
    also writes outside the marks (a term it discusses: 'the definition of "person"'
    in a clause on 'a person's ability', BASIL development, joined a quote that holds
    "any person")."""
    words = [_quoted_word_list(u) for u in units]
    if not any(words):
        return scores
    raised = scores.copy()
    holding = _Holders([normalize_words(u.text) for u in units])
    for i, fragments in enumerate(words):
        for fragment in fragments:
            for members in _holders_per_article(units, holding(fragment), units[i]):
                for j in members:
                    if raised[i, j] < _QUOTED_WORD_FLOOR:
                        raised[i, j] = raised[j, i] = _QUOTED_WORD_FLOOR
    return raised


def _quoted_word_list(unit: Unit) -> list[str]:
    """The one-word quotes (normalised, padded) of a resolved indirect clause long
    enough for :func:`quoted_words`."""
    if unit.direct or not unit.speaker or not unit.verbatim:
        return []
    if _content_word_count(unit.text) < _QUOTED_WORD_CLAUSE:
        return []
    words = normalize_words(unit.text)
    return [
        f for f in unit.verbatim
        if f.count(" ") == 2 and len(f.strip()) >= _QUOTED_WORD_LETTERS
        and f.strip() not in _STOP_WORDS and words.count(f) == 1
    ]  # fmt: skip


def _holders_per_article(
    units: Sequence[Unit], holders: Sequence[int], unit: Unit
) -> list[list[int]]:
    """Per other article whose units hold the word in one quote group only, its direct
    units that ``unit``'s speaker said. A word other units of that article use too (a
    term such as "person", defined in a law and paraphrased around it) says nothing of
    which quote the clause took it from."""
    found: dict[str, list[int]] = defaultdict(list)
    for j in holders:
        if units[j].article != unit.article:
            found[units[j].article].append(j)
    return [
        [j for j in members if units[j].direct and units[j].speaker == unit.speaker]
        for members in found.values()
        if len({units[j].group for j in members}) == 1
    ]


class _Holders:
    """The units whose normalised words hold a normalised fragment (:func:`normalize_words`
    pads both, so a hit is a run of whole words), in unit order: the units holding the
    fragment's rarest word, searched once per distinct fragment. Scanning every unit's
    text for every fragment was quadratic in a story of one event, where hundreds of
    copies and renderings quote the same words."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._texts = texts
        self._index: dict[str, list[int]] = defaultdict(list)
        for number, text in enumerate(texts):
            for word in dict.fromkeys(text.split()):
                self._index[word].append(number)
        self._found: dict[str, list[int]] = {}

    def __call__(self, fragment: str) -> list[int]:
        found = self._found.get(fragment)
        if found is None:
            words = fragment.split()
            if words:
                rarest = min((self._index.get(w, []) for w in words), key=len)
            else:
                rarest = list(range(len(self._texts)))
            found = self._found[fragment] = [j for j in rarest if fragment in self._texts[j]]
        return found


def _term(fragment: str, holders: Sequence[Unit], own: str, options: StatementOptions) -> bool:
    """Whether a short quoted fragment is a term rather than one statement's words: one
    other article uses it in two quote groups ("tidal levy", quoted in the
    candidate's demand and in the reply to it). Such a fragment says nothing about
    which of them it renders. Longer fragments (``verbatim_words`` + 1 words or more)
    are always words of a statement."""
    if fragment.count(" ") - 1 > options.verbatim_words:
        return False
    groups: dict[str, set[int]] = defaultdict(set)
    for unit in holders:
        if unit.article != own:
            groups[unit.article].add(unit.group)
    return any(len(g) > 1 for g in groups.values())


def _margins(scores: Scores, forbid: Mask, units: Sequence[Unit]) -> tuple[Scores, Mask]:
    """Per pair (i, j): its score minus the best score of a rival, a unit of j's
    article (another quote group than j's) that i may join, or of i's article that j
    may join (0 where there is none); and whether there is one. One speaker's different claims
    in one article compete for the same rendering elsewhere: the claim a rendering
    renders is the one it fits best, by a margin (the same-speaker hard negatives of
    the paraphrase set)."""
    # Worked out transposed (row j: the rivals of every i for target j), so that each
    # article's units are whole rows: the column blocks per article this replaced (the
    # same maxima, tests/test_scale_statements.py) were most of the statements step
    # in a story of hundreds of articles.
    rival = _rivals_by_target(scores, forbid, units)
    best = np.maximum(rival, rival.T)
    del rival
    rivalled = np.isfinite(best)
    best[~rivalled] = 0.0
    margins: Scores = np.subtract(scores, best, out=best)
    return margins, rivalled


def _rivals_by_target(scores: Scores, forbid: Mask, units: Sequence[Unit]) -> Scores:
    """Row j, column i: the best of ``scores[i, k]`` (not forbidden) over the units k of
    j's article in another quote group than j's; -inf where there is none. Per article,
    from the best and second-best group per column (a tie of two groups leaves the top
    as the second best, as :func:`_best_other_group` does). An article's columns are
    read as one slice when its units are consecutive (story order), and transposed a
    block at a time."""
    rival: Scores = np.empty_like(scores)
    articles: dict[str, list[int]] = defaultdict(list)
    for index, unit in enumerate(units):
        articles[unit.article].append(index)
    for members in articles.values():
        rows = np.array(members)
        consecutive = members[-1] - members[0] == len(members) - 1
        columns = slice(members[0], members[-1] + 1) if consecutive else rows
        opened = np.where(forbid[:, columns].T, -np.inf, scores[:, columns].T)
        _, local = np.unique([units[k].group for k in members], return_inverse=True)
        order = np.argsort(local, kind="stable")
        starts = np.flatnonzero(np.r_[True, local[order][1:] != local[order][:-1]])
        per_group = np.maximum.reduceat(opened[order], starts, axis=0)
        if len(per_group) < 2:
            rival[rows] = -np.inf
            continue
        first = np.argmax(per_group, axis=0)
        columns = np.arange(per_group.shape[1])
        top = per_group[first, columns]
        per_group[first, columns] = -np.inf
        second = per_group.max(axis=0)
        rival[rows] = np.where(local[:, None] == first[None, :], second, top)
    return rival


def _best_other_group(block: Scores, groups: Sequence[int]) -> Scores:
    """Per (i, j) of one article's columns: the best score of i with a column of another
    group than j's. From each row's best and second-best group, so the cost is rows x
    columns (a rivals x targets cube per article took minutes and gigabytes on an
    article of a thousand units)."""
    _, inv = np.unique(np.asarray(groups), return_inverse=True)
    count = int(inv.max()) + 1
    if count < 2:
        return np.full(block.shape, -np.inf)
    per_group = np.stack([block[:, inv == g].max(axis=1) for g in range(count)], axis=1)
    order = np.argsort(-per_group, axis=1, kind="stable")
    rows = np.arange(block.shape[0])
    best, second = per_group[rows, order[:, 0]], per_group[rows, order[:, 1]]
    mine = order[:, 0][:, None] == inv[None, :]
    out: Scores = np.where(mine, second[:, None], best[:, None])
    return out


def _content_word_count(text: str) -> int:
    """Distinct content words of a text (see :data:`_MARGIN_WORDS`)."""
    words = TOKEN.findall(comparable_text(text).casefold())
    return len({w for w in words if (len(w) >= 3 or w.isdigit()) and w not in _STOP_WORDS})


def _pair_features(
    units: Sequence[Unit], similarity: TextSimilarity, options: StatementOptions
) -> PairEvidence:
    return _evidence(units, _scores(units, similarity, options))


def _evidence(units: Sequence[Unit], scores: Scores) -> PairEvidence:
    forbid, resolved = _constraints(units)
    _allow_one_quote(units, forbid)
    # A quoted question renders no quoted claim (questions put to the speaker).
    forbid_question_answers(units, scores, forbid)
    margins, rivalled = _margins(scores, forbid, units)
    few = np.array([_content_word_count(u.text) < _MARGIN_WORDS for u in units], dtype=bool)
    blind = (few[:, None] | few[None, :]) & (scores < 1.0)
    np.minimum(margins, 0.0, out=margins, where=blind)  # in place: n x n floats are dear
    # Nor does one speaker on both sides say which of the speaker's claims a lone word
    # renders: resolved as a person ("Senator Kell's office said" read as Kell's words),
    # a lone "prank" joined whichever of Kell's claims held the word (stop 41's held
    # speech change b6cfab2 resolves an office to its holder: BASIL calibration
    # gained that false link, P 0.979 -> 0.971; with this rule 0.978, R 0.785 both).
    # One word only: a short sentence of stop words ("I hope it goes well") is a
    # claim, and counting content words instead lost two such pairs on the BASIL
    # calibration and development golds. Current analysis: all four development golds
    # unchanged (cached analyses, lexical).
    lone = np.array([len(TOKEN.findall(comparable_text(u.text))) == 1 for u in units], dtype=bool)
    both = resolved[:, None] & resolved[None, :]
    both &= ~((lone[:, None] | lone[None, :]) & (scores < 1.0))
    # Tellers described alike count as resolved, on units of two content words or more
    # (a lone "prank" of "Kell's office" is no evidence whose claim it renders); so do a
    # person and their office or spokesperson named with a title or another spelling.
    both |= (described_alike(units) | office_alike(units)) & ~(few[:, None] | few[None, :])
    return PairEvidence(scores, margins, rivalled, both, forbid)


def _allow_one_quote(units: Sequence[Unit], forbid: Mask) -> None:
    """Lift the speaker constraint (in place) between two units of different articles
    when both are direct, the words of one, :data:`_SAME_QUOTE_WORDS` or more, are all
    of the other's or a run inside them, and their speakers' names may be one person's
    (:func:`_one_person`): one sentence printed word for word under "Ana Veldt" and
    "Ana Velt" or "Ana Morrow" is one person named two ways (a misspelling, a profile
    name, a maiden name), whose renderings the constraint kept apart."""
    texts = [normalize_words(u.text) if u.direct else "" for u in units]
    long = [i for i, t in enumerate(texts) if t.count(" ") - 1 >= _SAME_QUOTE_WORDS]
    if not long:
        return
    holding = _Holders(texts)
    # Per (article, speaker, article, speaker): the unit pairs of shared quotes, and
    # the shorter text of each (the words both print).
    shared: dict[tuple[str, str, str, str], list[tuple[int, int, str]]] = defaultdict(list)
    for i in long:
        for j in holding(texts[i]):
            one, other = units[i], units[j]
            if one.article == other.article or not one.speaker or not other.speaker:
                continue
            if one.speaker != other.speaker:
                key = (one.article, one.speaker, other.article, other.speaker)
                shared[min(key, key[2:] + key[:2])].append((i, j, texts[i]))
    rosters = _rosters(units)
    for (article, speaker, article2, speaker2), pairs in shared.items():
        quotes = len({text for _, _, text in pairs})
        if speaker2 in rosters[article] or speaker in rosters[article2]:
            logger.debug("%s and %s: one article names both, two people", speaker, speaker2)
            continue
        if _one_person(speaker, speaker2, quotes):
            for i, j, _ in pairs:
                forbid[i, j] = forbid[j, i] = False


def _one_person(speaker: str, other: str, quotes: int) -> bool:
    """Whether two speakers of two articles who print ``quotes`` distinct sentences word
    for word may be one person (neither article names both: the caller asks that):
    both names are people's, not organisations' ("Varen Police Department" and
    "Ostra Police Department" issue one stock sentence). A name a letter
    apart or one surname with one initial (:data:`SAME_PERSON`) takes one such quote;
    one given name with another surname (:data:`SAME_GIVEN`: "Ana Veldt" / "Ana
    Morrow", but also "Ivo Brand" / "Ivo Tamm") takes :data:`_SAME_GIVEN_QUOTES`."""
    kinship = name_kinship(speaker, other)
    return kinship == SAME_PERSON or (kinship == SAME_GIVEN and quotes >= _SAME_GIVEN_QUOTES)


def _rosters(units: Sequence[Unit]) -> dict[str, set[str]]:
    """Per article, the names of the speakers it writes at a quote ("..., Veldt said")
    and of its co-speakers. Not a speaker given to a pronoun ("he said"): that may be
    one inferred from the other articles, under the other name of the same person."""
    named: dict[str, set[str]] = defaultdict(set)
    for unit in units:
        if unit.speaker and _written(unit.speaker, unit.speaker_mention):
            named[unit.article].add(unit.speaker)
        if unit.cospeaker:
            named[unit.article].add(unit.cospeaker)
    return named


def _written(name: str, mention: str | None) -> bool:
    """Whether the mention of a speaker writes a word of the speaker's name."""
    return bool(mention) and not set(fold_key(name).split()).isdisjoint(
        fold_key(mention or "").split()
    )


def _constraints(units: Sequence[Unit]) -> tuple[Mask, Mask]:
    """(forbidden pairs: one article, or two speakers of whom neither unit names the
    other's: a unit with a co-speaker may join either person's words; resolved units).
    :func:`_evidence` lifts the speaker part for one quote printed word for word."""
    # Strings as numbers of one vocabulary: the n x n comparisons run on integers, not
    # on Python strings (seconds for the thousands of units of a story of one event).
    vocabulary: dict[str, int] = {}

    def codes(texts: Iterable[str]) -> npt.NDArray[np.int64]:
        return np.array([vocabulary.setdefault(t, len(vocabulary)) for t in texts], dtype=np.int64)

    articles = codes(u.article for u in units)
    speakers = codes(u.speaker or "" for u in units)
    others = codes(u.cospeaker or "-" for u in units)
    resolved = speakers != vocabulary.setdefault("", len(vocabulary))
    forbid = articles[:, None] == articles[None, :]
    shared = (speakers[:, None] == speakers[None, :]) | (others[:, None] == speakers[None, :])
    shared |= shared.T
    forbid |= resolved[:, None] & resolved[None, :] & ~shared
    _forbid_kinds(units, forbid)
    return forbid, resolved


def _forbid_kinds(units: Sequence[Unit], forbid: Mask) -> None:
    """Forbid (in place) an unresolved unit told by a kind of body only ("Police said",
    "Witnesses said") with the units of a resolved speaker whose name holds that word
    ("<Town> City Police"): another town's force, eyewitnesses (review s37,
    :func:`~newsprism.reconcile.statement_speakers.names_the_kind`). Cost: the kind-only
    units times the distinct speakers."""
    kinds = [
        i
        for i, u in enumerate(units)
        if u.speaker is None and kind_mention_words(u.speaker_mention)
    ]
    if not kinds:
        return
    speakers = np.array([u.speaker or "" for u in units], dtype=object)
    for name in {u.speaker for u in units if u.speaker}:
        told = [i for i in kinds if names_the_kind(units[i].speaker_mention, name)]
        if told:
            others = speakers == name
            for i in told:
                forbid[i, others] = forbid[others, i] = True


def _codes(texts: Iterable[str]) -> npt.NDArray[np.int64]:
    """Strings as numbers (equal strings, equal numbers): n x n comparisons of numbers,
    not of Python strings in object arrays."""
    vocabulary: dict[str, int] = {}
    return np.array([vocabulary.setdefault(t, len(vocabulary)) for t in texts], dtype=np.int64)
