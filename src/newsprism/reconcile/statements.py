"""Statements: one utterance, lined up across every outlet that renders it.

Outlets report the same words as a direct quote, a different translation, a paraphrase
in indirect speech, or a partial quote ("called the offer a 'non-starter'").
:func:`align_statements` groups those renderings into :class:`~newsprism.model.Statement`
records, in three steps:

1. **Units.** Each quote group of an article (:attr:`Quote.group`: the parts of a split
   quote, the partial quotes under one reporting verb) gives one unit per part; a direct
   partial quote that lies inside an indirect clause of its group is part of that
   clause's unit ("said the offer was 'fair and affordable' and ..."), as is one the
   analysis put in a group of its own inside another group's clause, unless their
   speakers differ (on the BASIL calibration gold a lone "prank" joined another
   outlet's "It was a prank": judged pairs right 133 / 138 -> 134 / 138 lexical,
   138 / 143 -> 139 / 143 dense; development, the sample gold and the paraphrase set
   unchanged); an indirect
   clause is cut before a nested report of another group ("..., while X has said ...")
   and left out when it runs across a paragraph break (an extraction error). Parts stay
   apart at first because one attribution can carry two things said: "This offer is a
   non-starter," X told reporters. "Our members kept this port running ..." is two
   statements when other outlets report only one of them. A direct part of several
   sentences is cut at its sentences where other outlets render them apart
   (:func:`sentence_units`: one outlet quotes a passage whole that others quote one
   sentence at a time, in different places). Likewise an indirect clause holding
   several partial quotes is cut before a partial that another outlet quotes in
   another quote group (:func:`partial_units`; on the BASIL gold's even stories 3 more
   of 99 pairs recalled, none wrong; the odd ones unchanged); a partial counts as
   quoted elsewhere by its first or last four words too. An indirect clause is also
   cut before a second report conjoined to it ("... and reminded reporters that ..."),
   or a second complement of its verb ("said X and that Y", "..., but that Y"; on the
   BASIL gold, lexical 129 -> 130 of 172 pairs, dense 132 -> 133, one wrong pair fewer).
   A speaker that is a place written in capitals (a dateline read as the subject) is
   no speaker; a second person named with the speaker ("both Rask and Lind
   referred to ...") is the unit's co-speaker. A speech act the analysis took for no
   quote ("Rask accused Lind of ...") is a unit too
   (:mod:`newsprism.reconcile.speech_acts`), and so is a quotation in quote marks the
   analysis missed (:mod:`newsprism.reconcile.missed_quotes`) and an outlet's own
   words that another outlet quotes (:mod:`newsprism.reconcile.printed_quotes`: "the
   Times reported, '...'" and the Times' article), and the sentences of a document
   an outlet prints in its issuer's voice (:mod:`newsprism.reconcile.own_documents`: a
   letter, a press release, a statement set off after a lead-in, a post printed with its
   sign-off), each where a unit of
   another source resembles it. Units are built in
   :mod:`newsprism.reconcile.statement_units`.
2. **Alignment.** Units are clustered by average linkage on the probability that two
   units render one utterance, a merge weighed against the merges it blocks
   (:func:`~newsprism.reconcile.linkage.average_linkage` with ``lookahead``)
   (:class:`PairModel`, a logistic model over
   :class:`PairEvidence`). Its evidence: the similarity of content
   (:class:`~newsprism.reconcile.similarity.TextSimilarity` cosine, raised to 1.0 when a
   direct quote of one unit, two words or more, normalised, occurs word for word in the
   other: the partial quote "non-starter" inside the full sentence; not for a short
   term that one other article quotes in two statements, see ``_term``; raised to 0.5
   where an indirect clause quotes one word of a direct quote its speaker gives in one
   quote group of another article, ``quoted_words``); the
   margin of that
   similarity over the pair's best rival (the same speaker's other claims in either
   article: a rendering renders the claim it fits best, so a translation sharing few
   words with its original still pairs with it when it fits no other claim better;
   not for a one-word partial quote, far from every rival, see ``_MARGIN_WORDS``);
   and whether both speakers are resolved. Constraints: two
   units of one article never share a statement (one article's different quote groups
   are different statements; syndicated copies are different articles, so their
   identical quotes do join); two resolved speakers must be one person of the story's
   roster (:func:`~newsprism.reconcile.roster.story_names`: alias-table fold, surnames,
   accents), or one of them the other's co-speaker, or two names sharing a word on one
   direct quote of six words or more printed word for word (one person named two ways:
   "Ana Veldt", "Ana Morrow"); a merge involving an unresolved
   speaker (None) needs the higher ``unresolved`` threshold. Before alignment, an
   unresolved speaker written as one person takes the only resolved speaker of other
   outlets it would join (:mod:`newsprism.reconcile.statement_speakers`), judged on its
   indirect clause whole (uncut at a second complement: on the BASIL gold a piece alone,
   "she had never met him", fitted two people's words where the clause fitted one).
   The evidence per pair (and ``_term``, ``_MARGIN_WORDS``, ``_fitted``) is built in
   :mod:`newsprism.reconcile.statement_evidence`.
3. **Parts rejoined** (:mod:`newsprism.reconcile.rejoin`). Two statements become one
   when their units share quote groups: in at least ``co_group_sources`` independent
   sources the same quote group holds both ("This is not a victory for one side," he
   said. "It is the first time in thirty years ..." told that way by several
   outlets), or both come from one source
   only and share its quote group (a split quote nobody else reports). A source whose
   one unit in one statement renders a part of the other too (one outlet's single
   sentence, another's two parts of a split quote) counts as holding both (on the
   BASIL gold's even stories: 2 more of 99 pairs recalled, none wrong). Never when an
   article has them in different groups.

A statement has one :class:`~newsprism.model.Variant` per (article, quote group): its
passage spans the first to the last of the group's parts in the statement (so the
attribution between two parts of a split quote is inside it, as
``article.text[start:end]`` gives it; the alternative, the longest part alone, would
drop half of a split sentence). Where another quote of the article stands between two
parts, they are two variants, so a passage never holds two quote groups. ``direct`` is
True when every part is a direct quote. Variants are in story order, then by offset.

Order: statements by number of independent sources (duplicate groups count once), most
first, then by first appearance (story order of the article, then offset); ids "st1",
"st2", ... in that order. Cost: one similarity matrix over the story's quote parts
(quadratic in them; for dense similarity, one embedding per part) plus average linkage
inside each connected component of pairs above the lower threshold.
"""

from __future__ import annotations

import itertools
import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from newsprism.model import RosterEntry, Statement, Variant
from newsprism.reconcile.comparable import comparable_text
from newsprism.reconcile.linkage import average_linkage
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.missed_quotes import missed_quote_units
from newsprism.reconcile.own_documents import own_document_units
from newsprism.reconcile.pair_model import MODEL_DENSE, MODEL_LEXICAL, PairEvidence, PairModel
from newsprism.reconcile.printed_quotes import printed_quote_units
from newsprism.reconcile.rejoin import rejoin
from newsprism.reconcile.roster import story_names
from newsprism.reconcile.similarity import BackgroundLexicalSimilarity, TextSimilarity
from newsprism.reconcile.speaker_bodies import speaking_for
from newsprism.reconcile.speaker_names import canonical_speakers
from newsprism.reconcile.speech_acts import speech_act_units
from newsprism.reconcile.statement_evidence import (
    _SCORE_DECIMALS,
    Mask,
    Scores,
    _best_other_group,  # noqa: F401 (tests/test_robustness_statements.py imports it from here)
    _codes,
    _content_word_count,
    _evidence,
    _margins,  # noqa: F401 (tests/test_robustness_statements.py imports it from here)
    _pair_features,
    _scores,
    _similarities,
    _verbatim,
    quoted_words,
)
from newsprism.reconcile.statement_speakers import infer_speakers, reattribute_speakers
from newsprism.reconcile.statement_units import (
    TOKEN,
    Unit,
    added,
    cut_partials,
    normalize_words,
    quote_units,
    report_pieces,
    sentence_breaks,
)

logger = logging.getLogger(__name__)

__all__ = [
    "PairEvidence",
    "PairModel",
    "StatementOptions",
    "Unit",
    "align_statements",
    "comparable_text",
    "fold_speakers",
    "normalize_words",
    "pair_features",
    "partial_units",
    "quote_units",
]

# Shortest sentence piece (words) of a direct quote that stands as a unit of its own.
_MIN_PIECE_WORDS = 3
# Shortest verbatim run (words) that counts as evidence for correcting a speaker
# (statement_speakers.reattribute_speakers), as for the partial quotes that identify
# one statement (statement_units: three-word runs are common phrases).
_RUN_WORDS = 4


@dataclass(frozen=True)
class StatementOptions:
    """Thresholds of :func:`align_statements`, one set per kind of similarity.

    ``model_*``: the :class:`PairModel` that turns a pair's evidence into the
    probability of one utterance. ``link_*``: average probability for two clusters of
    one speaker to merge. ``unresolved_*``: the same when either side has no resolved
    speaker (a quote the analysis could not attribute joins a statement only on higher
    probability).
    ``blend_lexical``: with dense similarity, the weight of the lexical cosine mixed in
    (exact words — names, numbers — that the embedding blurs; the mix raised the
    same-speaker pair AUC on every labelled set, e.g. 0.918 -> 0.925 on the paraphrase
    set through the pipeline). ``verbatim_words``: shortest direct quote (words) whose
    verbatim occurrence in another unit counts as similarity 1.0. ``co_group_sources``:
    sources that must carry two statements in one quote group before they rejoin.
    ``piece_support``: the content similarity a sentence of a direct quote needs with
    some unit of another article to stand as a unit of its own (0.5, the middle of the
    cosine range, set before scoring; on the BASIL gold's even stories 0.4, 0.5 and 0.6
    score the same: 58 of 99 pairs recalled, 54 of 59 judged pairs right).
    ``act_support_*``: the content similarity an added unit (a speech act, a missed or
    printed quotation) needs with some unit of another source to stay (see
    :func:`_supported_acts`). It was ``piece_support`` (0.5) while added units moved the
    lexical weights of the analysis's quotes (now fitted apart, ``_fitted``). An
    act is worded by the reporter ("blamed 'tourism' for Kelmar's troubles",
    "rejected claims that he betrayed the dock unions") and shares fewer words with the quote
    it renders than a sentence of that quote does. Calibrated on the BASIL calibration
    and development golds (clean worktree of 50ac602, one change, same runs). Lexical:
    development 61 -> 62 of 96 pairs at 0.45 and 0.40, 63 at 0.35 and at 0.0 (P 0.928
    -> 0.930, judged right 64 / 69 -> 66 / 71; at 8220af7, 64 -> 66); calibration
    unchanged at every value; at 0.0 the calibration exclusives' precision falls (0.860
    -> 0.859: an unsupported act read as a statement), at 0.35 no other part moves;
    eval/crosscheck.py samples and paraphrase sets unchanged at 0.35 (the highest
    value tried with the whole development gain). Dense stays at 0.5, as before: at
    0.45 development gained a pair (67 -> 68 of 96) but the paraphrase set through the
    pipeline lost one (R 0.726 -> 0.722), and at 0.35 calibration joined one wrong
    pair more (139 / 143 -> 139 / 144).
    ``speech_acts``: speech acts without a quote ("accused Lind of ...") are units too
    (:mod:`newsprism.reconcile.speech_acts`). ``missed_quotes``: so are quotations in
    quote marks the analysis did not extract (:mod:`newsprism.reconcile.missed_quotes`).
    ``printed_quotes``: and the words of a quote credited to an outlet that the
    outlet's own article prints (:mod:`newsprism.reconcile.printed_quotes`; BASIL
    lexical, one change, same run: development 59 -> 60 of 96 pairs, P 0.924 -> 0.925;
    calibration and the sample gold unchanged).
    ``own_documents``: and the sentences of a letter, press release or statement an
    outlet prints whole in its issuer's voice, or a post printed with its sign-off,
    with the issuer as speaker (:mod:`newsprism.reconcile.own_documents`; one change,
    same runs: Multi-News development lexical 21 -> 33 of 70 pairs, P 0.952 -> 0.973,
    dense 21 -> 33, P 0.952 -> 0.972, exclusives unchanged; BASIL calibration and
    development unchanged, no page there holds such a document).
    ``background_lexical``: with lexical similarity, the share of a cosine whose
    weights are fitted on the story's sentences rather than on the units compared
    (:class:`~newsprism.reconcile.similarity.BackgroundLexicalSimilarity`): fitted on a
    few dozen quotes, a word the whole story uses ("the United States", "interested")
    looks as rare as a claim's own words, and two claims of one speaker sharing it
    joined. BASIL lexical, cached analyses, one change, same runs: development P / R
    0.947 / 0.708 -> 0.972 / 0.708 (wrong pairs 4 -> 2), calibration 0.971 / 0.773 ->
    0.978 / 0.767 (one pair fewer each way); Multi-News development unchanged (0.975 /
    0.514); eval/crosscheck.py: samples unchanged (0.984 / 0.667), paraphrase records
    0.984 / 0.539 -> 0.992 / 0.548, pipeline 0.992 / 0.517 -> 1.000 / 0.504. The
    whole background cosine (1.0) lost recall on every BASIL and Multi-News file
    (calibration 131, development 67, Multi-News 34 pairs); at 0.5, ``link`` 0.60
    gained calibration pairs (137 of 172) but gave development its wrong pairs back
    (P 0.935). Dense similarity is left as it was (its lexical blend unchanged).
    ``lookahead``: a merge is weighed against the merges it blocks
    (:func:`~newsprism.reconcile.linkage.average_linkage`; BASIL lexical, one change,
    same run: development 60 -> 61 of 96 pairs, judged right 62 / 67 -> 64 / 69,
    calibration 132 of 172 both, 131 / 136 -> 133 / 138; paraphrase set records R
    0.535 -> 0.539, pipeline 0.513 -> 0.517, P unchanged). With dense similarity the two
    together: development 62 -> 64 of 96 (P 0.970 -> 0.971), calibration 135 of 172
    both (P 0.964 -> 0.965).

    Calibration (``eval/crosscheck.py --sweep``, table in
    eval/results/crosscheck_sweep.md): the models fitted first (above), then a grid of
    ``link`` 0.40-0.80 and ``unresolved`` 0.6-0.9 scored on the sample gold, the
    invented paraphrase set with perfect extraction and through the pipeline. The pick,
    separately for lexical and dense: precision >= 0.95 on every set, both at the point
    and at the next lower ``link`` (0.05 below: no knife edge), then the best mean F1
    over the two end-to-end sets. Lexical 0.65 / 0.70; dense 0.60 / 0.60 with
    ``blend_lexical`` 0.7 (fitted and scored at 0.3, 0.5 and 0.7: with 0.5 or 0.3 no
    grid point kept the samples at 0.95, as a split quote the gold keeps as two
    statements is rejoined as one, step 3). Dense was 0.65 / 0.70 while the eval
    embedded every quote part alone; scored through the product's pooled story pass
    (5 Dec) the pick is 0.60 / 0.60 (0.60 / 0.70 scores the same): paraphrase
    pipeline P/R 0.988 / 0.704 against 0.985 / 0.587 at 0.65, samples 0.984 / 0.683
    at both, every set >= 0.966 at 0.55; on the BASIL gold's even stories 0.60 recalls
    one pair more and joins one wrong pair more (P 0.908 -> 0.895), the odd ones
    score the same. Lexical 0.60 scores better on every set but
    sits on an edge: at 0.55 the samples' precision falls to 0.92, and while the quote
    extraction changed (4 Dec) the pick moved between 0.60 and 0.65. Precision comes
    first: a wrong merge puts words in someone's mouth; a missed one shows two
    statements side by side.
    """

    link_lexical: float = 0.65
    link_dense: float = 0.60
    unresolved_lexical: float = 0.70
    unresolved_dense: float = 0.60
    verbatim_words: int = 2
    co_group_sources: int = 2
    blend_lexical: float = 0.7
    piece_support: float = 0.5
    act_support_lexical: float = 0.35
    act_support_dense: float = 0.5
    speech_acts: bool = True
    missed_quotes: bool = True
    printed_quotes: bool = True
    own_documents: bool = True
    lookahead: bool = True
    background_lexical: float = 0.5
    model_lexical: PairModel = MODEL_LEXICAL
    model_dense: PairModel = MODEL_DENSE

    def link(self, similarity: TextSimilarity) -> float:
        return self.link_dense if similarity.dense else self.link_lexical

    def unresolved(self, similarity: TextSimilarity) -> float:
        return self.unresolved_dense if similarity.dense else self.unresolved_lexical

    def act_support(self, similarity: TextSimilarity) -> float:
        return self.act_support_dense if similarity.dense else self.act_support_lexical

    def model(self, similarity: TextSimilarity) -> PairModel:
        return self.model_dense if similarity.dense else self.model_lexical


def sentence_units(
    material: StoryMaterial,
    units: Sequence[Unit],
    similarity: TextSimilarity,
    options: StatementOptions | None = None,
) -> list[Unit]:
    """The units with a direct quote of several sentences cut into pieces where other
    outlets render its sentences apart. One outlet quotes a whole passage where another
    quotes one sentence of it, or two sentences in two places: whole, the passage could
    join only one statement. A direct quote is cut at the analysis's sentence starts
    (never leaving a piece under :data:`_MIN_PIECE_WORDS` words); a piece stands alone
    only when some unit of another article resembles it (content similarity at least
    ``piece_support``), the rest stay with the piece before them (a sentence nobody
    else renders is not a statement of its own). Pieces keep their quote group, so step
    3 puts them back together where no other outlet tells them apart."""
    options = options or StatementOptions()
    starts = {a.id: [p.start for p in material.sentences(a.id)] for a in material.articles}
    pieces: list[Unit] = []
    origin: list[int] = []
    for number, unit in enumerate(units):
        for start, end in _sentence_bounds(unit, starts.get(unit.article, [])):
            pieces.append(_piece(unit, start, end))
            origin.append(number)
    if len(pieces) == len(units):
        return list(units)
    scores = _scores(pieces, similarity, options)
    articles = _codes([u.article for u in pieces])
    supported = np.where(articles[:, None] != articles[None, :], scores, 0.0).max(axis=1)
    supported = supported >= options.piece_support
    found: list[Unit] = []
    for number, unit in enumerate(units):
        members = [k for k, o in enumerate(origin) if o == number]
        for first, last in _segments([bool(supported[k]) for k in members]):
            found.append(_piece(unit, pieces[members[first]].start, pieces[members[last]].end))
    return found


def partial_units(units: Sequence[Unit], options: StatementOptions | None = None) -> list[Unit]:
    """The units with an indirect clause cut before a partial quote that another
    article quotes in another of its quote groups than the partial before it: 'she
    said they should "try keeping the quay clean," "treat the harbour like a home"
    and "don't block the ramps"', where another outlet quotes the three in two or three
    places. Whole, the clause could join one statement only; cut, each part joins its
    own, and step 3 puts the parts back together where no other outlet tells them
    apart. A partial counts when its words (``verbatim_words`` or more) occur in
    another article's unit; partials found nowhere stay with the piece before them."""
    return cut_partials(units, (options or StatementOptions()).verbatim_words)


def _sentence_bounds(unit: Unit, starts: Sequence[int]) -> list[tuple[int, int]]:
    """A direct unit's sentences as (start, end), no piece under the minimum words."""
    cuts = [c for c in starts if unit.start < c < unit.end] if unit.direct else []
    bounds = [unit.start]
    for cut in cuts:
        before = unit.text[bounds[-1] - unit.start : cut - unit.start]
        after = unit.text[cut - unit.start :]
        if min(len(TOKEN.findall(before)), len(TOKEN.findall(after))) >= _MIN_PIECE_WORDS:
            bounds.append(cut)
    return list(itertools.pairwise([*bounds, unit.end]))


def _piece(unit: Unit, start: int, end: int) -> Unit:
    """The part ``start``-``end`` of a direct unit (trailing space trimmed)."""
    if (start, end) == (unit.start, unit.end):
        return unit
    text = unit.text[start - unit.start : end - unit.start].rstrip()
    return replace(
        unit,
        start=start,
        end=start + len(text),
        text=text,
        verbatim=(normalize_words(text),),
        order=(unit.order[0], start),
    )


def _segments(supported: Sequence[bool]) -> list[tuple[int, int]]:
    """Runs (first, last) of pieces: a new run starts at a supported piece once the
    current run holds one; a run without one joins the run before it."""
    runs: list[list[int]] = []
    for k, ok in enumerate(supported):
        if runs and not (ok and any(supported[i] for i in runs[-1])):
            runs[-1].append(k)
        else:
            runs.append([k])
    return [(run[0], run[-1]) for run in runs]


def fold_speakers(units: Sequence[Unit]) -> list[Unit]:
    """The units with speakers that name one person folded to one name (see
    :func:`~newsprism.reconcile.speaker_names.canonical_speakers`)."""
    canonical = canonical_speakers({s for u in units for s in (u.speaker, u.cospeaker) if s})
    return [
        replace(
            u,
            speaker=canonical[u.speaker] if u.speaker else None,
            cospeaker=canonical[u.cospeaker] if u.cospeaker else None,
        )
        for u in units
    ]


def pair_features(
    units: Sequence[Unit], similarity: TextSimilarity, options: StatementOptions | None = None
) -> PairEvidence:
    """The evidence :func:`align_statements` weighs per pair of units (for fitting
    :class:`PairModel` in eval)."""
    return _pair_features(units, similarity, options or StatementOptions())


def _components(allowed: Mask) -> list[list[int]]:
    """Connected components of a symmetric adjacency matrix, each sorted, in order."""
    seen = np.zeros(len(allowed), dtype=bool)
    components = []
    for start in range(len(allowed)):
        if seen[start]:
            continue
        stack, members = [start], []
        seen[start] = True
        while stack:
            node = stack.pop()
            members.append(node)
            for other in np.flatnonzero(allowed[node] & ~seen):
                seen[other] = True
                stack.append(int(other))
        components.append(sorted(members))
    return components


def _units(
    material: StoryMaterial,
    units: Sequence[Unit],
    similarity: TextSimilarity,
    options: StatementOptions,
) -> list[Unit]:
    """Step 1 past the quote parts: direct quotes cut into sentences, indirect clauses
    at partial quotes, where other outlets render them apart."""
    return partial_units(sentence_units(material, units, similarity, options), options)


def _inferred(
    material: StoryMaterial,
    parts: Sequence[Unit],
    similarity: TextSimilarity,
    options: StatementOptions,
    types: Mapping[str, str],
) -> tuple[list[Unit], PairEvidence]:
    """The units of step 1 from the quote ``parts``, with unresolved speakers inferred
    across outlets (:func:`infer_speakers`), and the pairs' evidence with them.
    Speakers are inferred on the units with indirect clauses whole, as the outlet
    wrote them (not cut at a second complement, :func:`report_pieces`): a piece alone
    ("she had never met him") may fit two people's words where the clause fits one."""
    pieces = report_pieces(parts)
    cut = _units(material, pieces, similarity, options)
    raw = np.round(_similarities(cut, similarity, options), _SCORE_DECIMALS)
    evidence = _evidence(cut, quoted_words(cut, _verbatim(cut, raw, options, rounded=True)))
    model = options.model(similarity)

    def person(name: str) -> bool:
        return types.get(name) == "PERSON"

    # A speaker is corrected on evidence that ignores every speaker (a rendering's
    # rivals are all other claims of the article) and on longer verbatim runs only:
    # two people of one story use one term ("radical Islam", "deeply concerned").
    anyone = [replace(u, speaker=None, cospeaker=None) for u in cut]
    strict_options = replace(options, verbatim_words=_RUN_WORDS)
    strict = _evidence(anyone, _verbatim(cut, raw, strict_options, rounded=True))
    del raw  # the n x n matrices of a story of one event take gigabytes: each goes early
    articles = _codes([u.article for u in cut])
    sure = model.probability(strict)
    sure[strict.scores < options.piece_support] = 0.0
    del strict
    corrected = reattribute_speakers(
        cut,
        sure,
        articles[:, None] == articles[None, :],
        options.unresolved(similarity),
        person=person,
        content_words=_content_word_count,
    )
    del sure
    if all(u.speaker is not None for u in cut):
        return _with_speakers(cut, corrected, evidence)
    whole = cut if len(pieces) == len(parts) else _units(material, parts, similarity, options)
    told = evidence if whole is cut else _pair_features(whole, similarity, options)
    found = infer_speakers(
        whole,
        model.probability(replace(told, resolved=np.ones_like(told.resolved))),
        told.forbid,
        options.link(similarity),
        person=person,
        content_words=_content_word_count,
    )
    by_group: dict[tuple[str, int], list[Unit]] = defaultdict(list)
    for unit in found:
        by_group[(unit.article, unit.group)].append(unit)
    named = [_told(u, by_group[(u.article, u.group)]) for u in corrected]
    return _with_speakers(cut, named, evidence)


def _with_speakers(
    cut: Sequence[Unit], named: list[Unit], evidence: PairEvidence
) -> tuple[list[Unit], PairEvidence]:
    """The units with their new speakers, and the evidence (reweighed when one
    changed)."""
    if [(u.speaker, u.cospeaker) for u in named] == [(u.speaker, u.cospeaker) for u in cut]:
        return list(cut), evidence
    return named, _evidence(named, evidence.scores)


def _told(unit: Unit, wholes: Sequence[Unit]) -> Unit:
    """An unresolved unit (a piece) with the speaker inferred on the whole unit of its
    quote group that holds it."""
    whole = next((w for w in wholes if w.start <= unit.start < w.end), None)
    if unit.speaker is not None or whole is None or whole.speaker is None:
        return unit
    return replace(unit, speaker=whole.speaker, cospeaker=whole.cospeaker)


def _cluster(
    units: Sequence[Unit],
    evidence: PairEvidence,
    similarity: TextSimilarity,
    options: StatementOptions,
) -> tuple[list[list[int]], Scores]:
    """Step 2: unit indices per aligned cluster, and the pair probabilities."""
    if not units:
        return [], np.zeros((0, 0))
    forbid = evidence.forbid
    scores = np.round(options.model(similarity).probability(evidence), _SCORE_DECIMALS)
    np.fill_diagonal(scores, 0.0)
    resolved = np.array([u.speaker is not None for u in units], dtype=bool)
    link, unresolved = options.link(similarity), options.unresolved(similarity)
    allowed = ~forbid & (scores >= min(link, unresolved))
    clusters: list[list[int]] = []
    for component in _components(allowed):
        if len(component) == 1:
            clusters.append(component)
            continue
        index = np.array(component)
        local = average_linkage(
            scores[np.ix_(index, index)],
            forbid[np.ix_(index, index)],
            link=link,
            loose=unresolved,
            sure=resolved[index],
            lookahead=options.lookahead,
        )
        clusters.extend([component[k] for k in members] for members in local)
    return clusters, scores


def _supported_acts(
    material: StoryMaterial,
    quoted: Sequence[Unit],
    acts: Sequence[Unit],
    similarity: TextSimilarity,
    options: StatementOptions,
) -> list[Unit]:
    """The added units (speech acts, missed quotations) that resemble a unit of another
    source (content similarity at least ``act_support_*``): one no other outlet renders
    is no statement across outlets, and each added text costs a row of every
    similarity. (Added texts no longer move the lexical weights between the analysis's
    quotes, ``_fitted``; before, on the sample stories an act told by two
    syndicated copies alone moved a clause into another statement.)"""
    if not acts:
        return []
    every = [*quoted, *acts]
    # Only the acts' rows are read: the quotes' block refitted on the quotes alone
    # (_fitted) changes none of them when every act is an added unit.
    refit = not all(added(u) for u in acts)
    # A unit quoting the other word for word supports it however few of its words the
    # act shares (_verbatim): Multi-News development lexical 33 -> 34 of 70 pairs, P
    # 0.973 -> 0.974, dense 34 -> 35; BASIL calibration and development unchanged
    # (cached analyses, one change, same runs).
    raw = _similarities(every, similarity, options, refit=refit)
    scores = _verbatim(every, raw, options)[len(quoted) :]
    sources = _codes([material.source_of(u.article) for u in every])
    kept = []
    floor = options.act_support(similarity)
    for row, unit, source in zip(scores, acts, sources[len(quoted) :], strict=True):
        other = sources != source
        if other.any() and row[other].max() >= floor:
            kept.append(unit)
    return kept


def _runs(members: Iterable[int], units: Sequence[Unit]) -> list[list[Unit]]:
    """The cluster's units in runs: consecutive parts of one quote group with no other
    quote of the article between them (``units`` are in story order)."""
    runs: list[list[int]] = []
    for i in sorted(members):
        same = runs and runs[-1][-1] == i - 1
        if same and (units[i].article, units[i].group) == (
            units[i - 1].article,
            units[i - 1].group,
        ):
            runs[-1].append(i)
        else:
            runs.append([i])
    return [[units[i] for i in run] for run in runs]


def _statement(
    members: Sequence[int], units: Sequence[Unit], material: StoryMaterial
) -> tuple[str | None, tuple[Variant, ...]]:
    """The speaker and variants of one cluster: one variant per run of a quote group's
    parts, spanning the run's first part to its last."""
    variants = []
    for parts in _runs(members, units):
        first = parts[0]
        passage = material.passage(first.article, first.start, max(u.end for u in parts))
        variants.append(Variant(passage, all(u.direct for u in parts), first.speaker_mention))
    return _speaker([units[i] for i in sorted(members)]), tuple(variants)


def _story_similarity(
    material: StoryMaterial, similarity: TextSimilarity, options: StatementOptions
) -> TextSimilarity:
    """The lexical similarity with weights fitted on the story's sentences mixed in
    (``background_lexical``; see :class:`BackgroundLexicalSimilarity`); dense as given."""
    if similarity.dense or options.background_lexical <= 0:
        return similarity
    sentences = [
        comparable_text(p.text) for a in material.articles for p in material.sentences(a.id)
    ]
    return BackgroundLexicalSimilarity(sentences, options.background_lexical, similarity)


def _speaker(members: Sequence[Unit]) -> str | None:
    """A statement's speaker: the first resolved one that every resolved unit names
    (as its speaker or co-speaker); else the first resolved one."""
    named = [{u.speaker, u.cospeaker} for u in members if u.speaker]
    speakers = [u.speaker for u in members if u.speaker]
    common = [s for s in speakers if all(s in n for n in named)]
    return next(iter(common or speakers), None)


def align_statements(
    material: StoryMaterial,
    similarity: TextSimilarity,
    options: StatementOptions | None = None,
    *,
    roster: Sequence[RosterEntry] | None = None,
) -> list[Statement]:
    """The story's statements, each one utterance with every outlet's rendering.

    Guarantees: every quote of every analysed article (but an indirect clause across a
    paragraph break) lies inside a variant of exactly one statement, or, when it was
    cut into sentences or at its partial quotes (step 1), each of its pieces does; a statement holds
    at most one quote group per article; every variant's passage is
    ``article.text[start:end]``; order and ids as in the module doc.
    Cost: see the module doc (about 10 ms for a 10-article story with lexical
    similarity, plus one embedding per quote part with dense similarity).
    """
    options = options or StatementOptions()
    similarity = _story_similarity(material, similarity, options)
    names = story_names(material, roster)
    quoted = quote_units(material, names, pieces=False)
    acts = speech_act_units(material, names) if options.speech_acts else []
    acts += missed_quote_units(material) if options.missed_quotes else []
    acts += own_document_units(material, [*quoted, *acts], names) if options.own_documents else []
    acts += printed_quote_units(material, [*quoted, *acts]) if options.printed_quotes else []
    acts = _supported_acts(material, quoted, acts, similarity, options)
    # A direct added unit's sentences as the analysis cut them (the question rule reads
    # them; quote_units set them on the analysis's quotes already).
    ordered = sorted([*quoted, *sentence_breaks(material, acts)], key=lambda u: u.order)
    # Speakers tied to the body they speak for, before one person's names fold.
    whole = fold_speakers(speaking_for(material, ordered, names))
    units, evidence = _inferred(material, whole, similarity, options, names.types)
    clusters, probability = _cluster(units, evidence, similarity, options)
    linked = probability >= options.link(similarity)
    clusters = rejoin(clusters, units, material, options, linked)
    built = []
    for members in clusters:
        speaker, variants = _statement(members, units, material)
        sources = material.sources(v.passage.article for v in variants)
        first = min(units[i].order for i in members)
        built.append((-sources, first, speaker, variants))
    built.sort(key=lambda b: (b[0], b[1]))
    logger.debug(
        "story %s: %d quote parts, %d statements", material.story.id, len(units), len(built)
    )
    return [
        Statement(f"st{number}", speaker, variants)
        for number, (_, _, speaker, variants) in enumerate(built, start=1)
    ]
