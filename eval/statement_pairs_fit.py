"""The statement pair model fitted on real reporting: unit pairs of the BASIL gold.

Run by hand: ``.venv/bin/python eval/statement_pairs_fit.py [--no-dense] [--labels
best|all] [--half] [--c C] [--e2e] [--shifts 0,1,2]`` (seconds lexical, a minute with
dense; ``--e2e`` a few more; analyses from ``eval/.cache``). ``--misses NAME``
(``calibration``, ``development``, ``multinews`` or ``dev2``, the Multi-News golds)
prints instead, per gold pair the alignment does not recall, the unit pair that came
closest and its evidence (:func:`misses`).

Units and evidence are the product's own: :func:`align_statements` runs on each story of
the calibration (``eval/data/basil_gold.json``) and development
(``eval/data/basil_gold_heldout.json``) golds as the brief runs it (roster, story scope
of the dense model), and the units and :class:`PairEvidence` it hands to its clustering
step (``statements._cluster``) are recorded. The blind sets are never read here.

Labels, per allowed pair of units of two articles (``forbid`` pairs never link, so
they are left out): a unit's gold statements are those with a variant it overlaps (an
alphanumeric character in common, the scorer's rule, eval/basil_gold_score.py).

* 1 when both units overlap variants of one gold statement. With ``--labels best`` (the
  default) only one such pair per gold pair (statement, two articles) is a positive:
  the one of highest content similarity (``PairEvidence.scores``, not the model being
  fitted); the other pairs of the statement's units are left out. A gold variant is
  often a passage of several sentences that the product cuts into units (sentence
  pieces, clauses), and the pairs of its different sentences are not renderings of
  one another: step 3 of ``statements`` rejoins them, the pair model need not. With
  ``--labels all`` every such pair is a positive (the brief's first reading): the pair
  AUC falls to about 0.8, and end to end, at the thresholds in use, those fits recall
  less (fitted on both files: calibration P / R 0.957 / 0.640, against 0.971 / 0.773
  for the weights in use); shifted, they do no better than the best-pair fits
  (fitted on calibration, +1.0: development 0.921 / 0.688, in use 0.933 / 0.698).
* 0 when both units overlap gold statements but never the same one (the hard
  negatives: one story's other claims, often one speaker's);
* 0 when one unit overlaps a gold statement and the other overlaps none (``--half``
  leaves these out): the gold lists every outlet that renders a labelled statement,
  so joining a labelled unit to unlabelled text is a wrong pair for the scorer too
  (its ``half`` errors);
* left out when neither unit overlaps a gold statement (the gold is not exhaustive:
  nothing is known about such a pair).

Fit: logistic regression (sklearn, L2, ``--c``) of the label on the model's features
(:meth:`PairModel.features`), fitted on one file and scored on the other (pair-level
ROC AUC, recall at precision 0.95), beside the weights in use; then fitted on both.
``--e2e`` also scores each model end to end (statement pairs P / R and misses by cause,
the BASIL gold scorer, at the thresholds of ``StatementOptions``) with its intercept
shifted by each of ``--shifts``: a fit of real pairs has a lower prior than the
invented set, so at one threshold it sits at another point of its precision / recall
curve; the shifts trace each model's curve, so models are compared at equal precision
or recall rather than at one threshold.

Evidence tried against the linkage misses (``--misses``; cached analyses, BASIL
calibration / development and Multi-News development, lexical and dense, 6 Dec), none
kept: (a) the best similarity of a clause of one unit (cut at sentence ends, commas,
dashes and clause-opening conjunctions, four content words or more) with the other
whole, as the content score where higher: lexical recall unchanged on all three files
(P calibration 0.971 -> 0.950, development 0.947 -> 0.973, Multi-News 0.974 ->
0.947); dense calibration 136 -> 138 of 172 pairs but P 0.972 -> 0.953, development
69 -> 68 of 96, Multi-News 35 -> 36 of 70 (P 0.974 -> 0.951); the new pairs join a
long unit that says two things, on one clause, to a unit the gold gives to another
statement or to none. (b) Mutual best (each unit the other's most probable partner in
the other's article): of the labelled pairs between probability 0.35 and the link
threshold, the mutual best are the positives' side (the others are almost all
negatives), but only one in three of them is a positive (lexical calibration 14 of
48, development 7 of 38): linking them would join two wrong pairs per right one. (c) A
unit's probabilities with others raised to the best of its word-for-word copies in
other articles (a paraphrase fits one copy better than the other only by their
rivals): lexical calibration 133 -> 135 pairs (P 0.971 -> 0.964), dense calibration P
0.972 -> 0.938 (5 more wrong pairs, recall unchanged). (d) A one-word partial quote
found word for word in a direct quote of the same resolved speaker as verbatim
evidence: of 11 such pairs (the partial's unit with three content words or more) on
the two BASIL files, 3 are negatives ("prank", "person"). (e) Two unresolved units
whose speaker mentions share a content word ("Administration officials", "The
administration") read as both resolved: lexical calibration 133 -> 134 pairs (P 0.971
both), nothing else moved; not kept for one pair against the risk of "U.S. officials"
and "Iranian officials" read as one speaker. The misses left are mostly
paraphrases sharing few words, at probabilities (0.3-0.6) where wrong pairs of the
same speakers are as many or more.

The misses by class (``--misses``, lexical, analysis v31, 6 Dec; gold pairs not
recalled: calibration 39, development 28, Multi-News development 34): no unit on one
side (the gold variant is narration, an action or a position the reporter states, or a
letter, post or "apology from X: ..." lead-in) 5 / 13 / 17; every unit pair forbidden
(two speakers: a spokesman beside the body, one name spelled two ways) 0 / 0 / 3; best
unit pair at or above ``link`` but kept out by the average with a third outlet's
rendering (0.74 with one unit of a pair at 0.91, 0.24 with the other) 2 / 0 / 0; under
``link``: 0.5-0.65 6 / 1 / 4, 0.3-0.5 9 / 6 / 2, under 0.3 17 / 8 / 8. In the band
0.3-0.65 the labelled pairs of the three files are 25 best-pair positives against 141
negatives and 161 half pairs; neither a shared number (1 positive, 4 negatives), mutual
best, nor an unresolved side (p >= 0.5: 4 positives, 7 negatives or half) sets the
positives apart. Tried on the content text, none kept (cached analyses, one change, same
runs; calibration / development / Multi-News development / dev2 P and pairs, against
0.978 133, 0.972 68, 0.975 36, 1.000 11): (f) personal pronouns dropped and "am"/"have"
folded (a quote speaks in the first person, its report in the third): 0.971 132, 0.948
70, 0.974 35, 1.000 11; (g) the pronouns folded to the third person instead ("I", "she"
-> "he", "my", "her" -> "his", "we" -> "they"): 0.971 134, 0.946 68, 0.975 36, 1.000 11.
Both make every same-speaker pair of a quote and a report closer, the wrong ones too.
Tried on the linkage, none kept: (h) ``link`` 0.60 scores 0.965 138, 0.935 69 (the
Multi-News files unchanged): its new wrong pairs share one content word (a verb, a noun)
or one place name, or two (a verb and a place: "during the war years" against "in the
war", invented); pairs at 0.60-0.65 lowered under 0.60 unless they share two content
stems do not hold them out (0.972 137, 0.935 69: a cluster's mean passes 0.60 on a pair
above 0.65), and such pairs raised by 0.05 instead give 0.971 135, 0.960 69 (three
stems: 0.978 133, 0.960 69). (i) A one-word partial quote of five letters or more, no
determiner before it ('he is "gravely" sorry', invented), printed word for word in a
direct quote of the same resolved speaker in another article, as verbatim evidence
(``_term`` still applies): 0.978 133 (judged right 132 -> 133), development 0.959 68
(one wrong pair more); in the golds the word (a noun there) also stands in the speaker's
other claims. (j) ``unresolved`` 0.65 moves nothing on the four files; 0.60: 0.971 133,
0.972 68, 0.976 37, 0.900 11 (a wrong pair each on calibration and dev2, one right one
on Multi-News development). (k) Two final clusters with no forbidden pair whose best
unit pair is 0.70 or more (their mean under ``link``): on the three files 2 would join a
gold pair, 1 two different statements of one speaker and 1 a labelled unit to unlabelled
text, so a join on the best pair is no safer than ``link`` 0.60.

A second, semantic score for the band (``--band LOW,HIGH``: lexical runs of the four
development files, BASIL calibration and development, Multi-News development and dev2;
labelled pairs as for the fit, one positive per gold pair; the MiniLM cosine of the two
units' comparable texts, each embedded alone, and its margin over the pair's best rival,
read as ``PairEvidence.margins`` is; analysis v33, 6 Dec). None kept. Lexical
probability 0.3-0.65, positives / negatives / half pairs: all 30 / 112 / 101; cosine
>= 0.5 16 / 38 / 17, >= 0.6 10 / 15 / 7, >= 0.65 6 / 7 / 4, >= 0.7 4 / 7 / 2; with the
cosine's margin >= 0.1 too, at 0.6 5 / 6 / 2, at 0.65 4 / 4 / 2. In 0.5-0.65: all 9 /
11 / 18, cosine >= 0.65 2 / 0 / 2 (two right pairs on four files against two wrong).
Mutual best and one resolved speaker on both sides, on top of the cosine, left a wrong
pair or more per right one on every row (unit pairs, every pair of one gold statement a
positive: cosine >= 0.6, 0.3-0.65, mutual and same speaker 7 / 3 / 1; in 0.5-0.65 6 /
1 / 1). The dense runs (blended score, band 0.3-0.6 under their ``link``) likewise:
cosine >= 0.6 20 / 18 / 9, >= 0.65 12 / 9 / 5 (unit pairs). Nor at any probability
under ``link``: cosine >= 0.8, lexical 4 / 0 / 2, dense 4 / 1 / 2 (unit pairs), >= 0.85
0 / 0 / 1. Nor the band weighed whole: a logistic fit on the band's pairs (probability,
cosine, content score, margin, mutual best, resolved) on the calibration files
(basil_gold, multinews_gold) recalls 2 of the other two files' 12 band positives at
precision 0.95, fitted on those two it recalls none of the calibration files' 19. Nor
shared names (capitalised words other than the speaker's: two or more shared, 2 / 3 /
3) or numbers (1 / 1 / 0). MiniLM places a quote and another claim of its speaker on
the same subject as close as a quote and its report. Option values tried end to end
(lexical, four files, P and pairs against 0.971 133, 0.972 68, 0.975 36, 1.000 12):
``piece_support`` 0.4 unchanged, 0.25 0.963 132, 0.947 69, 0.975 36, 1.000 13;
``co_group_sources`` 1 0.957 133, 0.972 68, 0.951 36, 1.000 12; ``background_lexical``
0.4 0.971 133, 0.946 68 (the rest unchanged), 0.6 0.974 35 on Multi-News development
(the rest unchanged).
Also tried, end to end, not kept: (m) a partial quote of four words or more that no
other unit holds word for word, found in another article with one inner word changed
("would sharply increase the risk" against "would sharply raise the risk", invented),
as verbatim evidence: recall unchanged on the four files, calibration judged pairs
right 132 / 136 -> 130 / 134.
(n) A second look after average linkage (7 Dec, analysis 37, lexical, four files):
join two sure clusters with no forbidden pair whose best unit pair reaches 0.65 (or
0.70) and is mutual best in both articles, their mean at least 0.45 (0.30 the same),
one side from one article: the two gold pairs the average blocks are recalled (a
rendering that fits one member of a cluster well and another badly, 0.80 / 0.22; a
report of a quote printed twice, 0.69 / 0.54), but so are four wrong joins (a short
"This is her caucus, clearly" to another claim at 0.85; one shared word, "interested",
at 0.65). Calibration 0.971 / 0.785 -> 0.946 / 0.802, development 0.972 -> 0.946 (R
unchanged), Multi-News files unchanged; at 0.70, calibration 0.958 / 0.791. The best
pair and the mean do not separate the right joins (0.69 / 0.62, 0.80 / 0.51) from
the wrong (0.98 / 0.54, 0.85 / 0.47, 0.65 / 0.49, 0.65 / 0.65).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Final
from unittest import mock

import numpy as np
import numpy.typing as npt

sys.path.insert(0, str(Path(__file__).resolve().parent))

import basil
import basil_gold
import basil_gold_score as score
from newsprism.reconcile import statements
from newsprism.reconcile.pair_model import PairEvidence, PairModel
from newsprism.reconcile.roster import RosterOptions, build_roster
from newsprism.reconcile.similarity import TextSimilarity, make_similarity
from newsprism.reconcile.statements import StatementOptions, Unit, align_statements

FILES: Final = {
    "calibration": basil.ROOT / "eval" / "data" / "basil_gold.json",
    "development": basil.ROOT / "eval" / "data" / "basil_gold_heldout.json",
}
# The Multi-News development golds (multinews_gold.json, multinews_gold_dev2.json).
MULTINEWS: Final = {
    "multinews": basil.ROOT / "eval" / "data" / "multinews_gold.json",
    "dev2": basil.ROOT / "eval" / "data" / "multinews_gold_dev2.json",
}
PRECISION: Final = 0.95
# ``--band`` rows: MiniLM cosine floors and floors of its margin over the best rival.
BAND_FLOORS: Final = (0.0, 0.4, 0.5, 0.6, 0.65, 0.7)
BAND_MARGINS: Final = (-2.0, 0.0, 0.1)
Floats = npt.NDArray[np.float64]


@dataclass
class StoryRun:
    """One story's gold, texts, and what one alignment run made of it."""

    gold: basil_gold.GoldStory
    texts: dict[str, str]
    units: list[Unit]
    evidence: PairEvidence
    predicted: list[list[score.Span]]
    speakers: list[str | None]


@dataclass
class PairSet:
    """Labelled pairs: feature rows, labels, story index, and whether one side is
    unlabelled (a ``half`` pair)."""

    rows: Floats
    labels: npt.NDArray[np.bool_]
    story: npt.NDArray[np.int64]
    half: npt.NDArray[np.bool_]


def materials(path: Path) -> list[tuple[basil_gold.GoldStory, Any]]:
    """The gold stories of a file with their materials (cached analyses)."""
    grouped = basil.stories()
    found = []
    for story in basil_gold.load_gold(path)["stories"]:
        material = basil_gold._material(story["story"], grouped[story["story"]], True)
        found.append((basil_gold.GoldStory.of(story), material))
    return found


@contextmanager
def recording(found: list[tuple[list[Unit], PairEvidence]]) -> Iterator[None]:
    """Record the units and evidence :func:`align_statements` clusters."""
    original = statements._cluster

    def record(units: Sequence[Unit], evidence: PairEvidence, *args: Any) -> Any:
        found.append((list(units), evidence))
        return original(units, evidence, *args)

    with mock.patch.object(statements, "_cluster", record):
        yield


def story_scope(similarity: TextSimilarity, material: Any) -> AbstractContextManager[None]:
    """The dense model's story scope, as ``Reconciler._story`` opens it."""
    story = getattr(similarity, "story", None)
    return nullcontext() if story is None else story(p.text for p in material.story_pieces())


def run(
    stories: Sequence[tuple[basil_gold.GoldStory, Any]],
    similarity: TextSimilarity,
    options: StatementOptions,
) -> list[StoryRun]:
    """Align every story as the brief does; the units, evidence and statements."""
    runs = []
    for gold, material in stories:
        found: list[tuple[list[Unit], PairEvidence]] = []
        roster = build_roster(material, RosterOptions())
        with story_scope(similarity, material), recording(found):
            aligned = align_statements(material, similarity, options, roster=roster)
        units, evidence = found[-1] if found else ([], _empty())
        predicted = [[(v.passage.article, v.passage.start, v.passage.end) for v in s.variants]
                     for s in aligned]  # fmt: skip
        texts = {a.id: a.text for a in material.articles}
        runs.append(StoryRun(gold, texts, units, evidence, predicted, [s.speaker for s in aligned]))
    return runs


def _empty() -> PairEvidence:
    nothing = np.zeros((0, 0))
    mask = np.zeros((0, 0), dtype=bool)
    return PairEvidence(nothing, nothing, mask, mask, mask)


def unit_statements(story: StoryRun) -> list[set[int]]:
    """Per unit, the gold statements (indices) with a variant it overlaps."""
    span_of = [(u.article, u.start, u.end) for u in story.units]
    return [
        {k for k, group in enumerate(story.gold.statements)
         if any(score.overlaps(story.texts, span, g) for g in group)}
        for span in span_of
    ]  # fmt: skip


def pair_set(runs: Sequence[StoryRun], model: PairModel, best: bool = True) -> PairSet:
    """Every labelled allowed pair of the runs (labels: see the module doc; ``best``:
    one positive per gold pair), with ``model``'s feature rows."""
    rows, labels, stories, halves = [], [], [], []
    for number, story in enumerate(runs):
        if not story.units:
            continue
        features = model.features(story.evidence)
        for i, j, same, half in labelled_pairs(story, best):
            rows.append(features[:, i, j])
            labels.append(same)
            stories.append(number)
            halves.append(half)
    return PairSet(
        np.array(rows, dtype=np.float64).reshape(-1, len(model.weights()) - 1),
        np.array(labels, dtype=bool),
        np.array(stories, dtype=np.int64),
        np.array(halves, dtype=bool),
    )


def labelled_pairs(story: StoryRun, best: bool = True) -> Iterator[tuple[int, int, bool, bool]]:
    """The story's labelled allowed pairs (i, j), i < j, with the label and whether one
    side is unlabelled (see the module doc; ``best``: one positive per gold pair)."""
    gold = unit_statements(story)
    chosen = renderings(story, gold) if best else None
    n = len(story.units)
    for i in range(n):
        for j in range(i + 1, n):
            if story.evidence.forbid[i, j] or not (gold[i] or gold[j]):
                continue
            same = bool(gold[i] & gold[j])
            if same and chosen is not None and (i, j) not in chosen:
                continue
            yield i, j, same, not (gold[i] and gold[j])


def renderings(story: StoryRun, gold: Sequence[set[int]]) -> set[tuple[int, int]]:
    """Per gold pair (statement, two articles), the allowed pair (i, j), i < j, of units
    overlapping the statement in those articles with the highest content similarity."""
    chosen = set()
    scores, forbid = story.evidence.scores, story.evidence.forbid
    for k, group in enumerate(story.gold.statements):
        for a, b in score.article_pairs(group):
            firsts = [i for i, u in enumerate(story.units) if u.article == a and k in gold[i]]
            seconds = [j for j, u in enumerate(story.units) if u.article == b and k in gold[j]]
            pairs = [(i, j) for i in firsts for j in seconds if not forbid[i, j]]
            if pairs:
                i, j = max(pairs, key=lambda p: scores[p])
                chosen.add((min(i, j), max(i, j)))
    return chosen


def auc(probability: Floats, labels: npt.NDArray[np.bool_]) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(labels, probability))


def recall_at(probability: Floats, labels: npt.NDArray[np.bool_], precision: float) -> float:
    """The highest recall at any threshold whose precision is at least ``precision``."""
    order = np.argsort(-probability, kind="stable")
    hits = np.cumsum(labels[order])
    shown = np.arange(1, len(order) + 1)
    ok = hits / shown >= precision
    return float(hits[ok].max() / labels.sum()) if ok.any() and labels.sum() else 0.0


def fit(pairs: PairSet, template: PairModel, c: float) -> PairModel:
    """Logistic regression (L2, ``C=c``) of the labels on the feature rows."""
    from sklearn.linear_model import LogisticRegression

    fitted = LogisticRegression(C=c, max_iter=1000).fit(pairs.rows, pairs.labels)
    return template.with_weights(
        [round(float(w), 2) for w in (fitted.intercept_[0], *fitted.coef_[0])]
    )


def pair_scores(model: PairModel, pairs: PairSet) -> dict[str, float]:
    probability = model.probability_of_rows(pairs.rows)
    return {
        "auc": round(auc(probability, pairs.labels), 3),
        "recall@0.95": round(recall_at(probability, pairs.labels, PRECISION), 3),
        "positives": int(pairs.labels.sum()),
        "pairs": len(pairs.labels),
    }


def end_to_end(runs: Sequence[StoryRun]) -> dict[str, Any]:
    """Statement pairs P / R and misses by cause (the BASIL gold scorer)."""
    counts = score.Counts()
    misses: dict[str, int] = {}
    for story in runs:
        counts.add(score.group_pairs(story.texts, story.gold.statements, story.predicted))
        found = score.statement_misses(
            story.texts, story.gold.statements, story.predicted, story.speakers
        )
        misses = {k: misses.get(k, 0) + v for k, v in found.items()}
    scored = counts.scores()
    return {
        "P": scored["precision"],
        "R": scored["recall"],
        "right/judged": f"{counts.right}/{counts.judged}",
        "recalled/gold": f"{counts.recalled}/{counts.gold}",
        "misses": misses,
    }


def with_model(
    options: StatementOptions, similarity: TextSimilarity, model: PairModel
) -> StatementOptions:
    """The options with ``model`` as the pair model of ``similarity``'s kind."""
    if similarity.dense:
        return replace(options, model_dense=model)
    return replace(options, model_lexical=model)


def shifted(model: PairModel, shift: float) -> PairModel:
    """The model with its intercept moved by ``shift``."""
    return model.with_weights([model.intercept + shift, *model.weights()[1:]])


def development_stories(name: str) -> list[tuple[basil_gold.GoldStory, Any]]:
    """The gold stories of a development file (``calibration``, ``development``,
    ``multinews`` or ``dev2``, the Multi-News files) with their materials (cached
    analyses). Never a blind file."""
    if name not in MULTINEWS:
        return materials(FILES[name])
    import multinews_gold

    texts = multinews_gold.load_texts()
    return [
        (basil_gold.GoldStory.of(story), multinews_gold.material(story, texts, True))
        for story in multinews_gold.load_gold(MULTINEWS[name])["stories"]
    ]


def misses(runs: Sequence[StoryRun], model: PairModel) -> Iterator[str]:
    """Per gold pair (statement, two articles) not recalled, lines: the allowed unit
    pair of the two sides with the highest probability under ``model`` (``scores``,
    ``margins``, ``rivalled``, ``resolved``, the probability) with both units (speaker,
    direct, quote group, text) and each one's best rival in the other's article; or
    which side has no unit, or that every unit pair is forbidden."""
    for story in runs:
        gold = unit_statements(story) if story.units else []
        probability = model.probability(story.evidence) if story.units else np.zeros((0, 0))
        for k, group in enumerate(story.gold.statements):
            sides = score._by_article(group)
            for a, b in score.article_pairs(group):
                if _recalled(story, sides, a, b):
                    continue
                label = f"{story.gold.statement_ids[k]} {a} ~ {b}"
                yield from _miss_lines(story, gold, probability, k, (a, b), label)


def _recalled(story: StoryRun, sides: dict[str, list[score.Span]], a: str, b: str) -> bool:
    for predicted in story.predicted:
        mine = score._by_article(predicted)
        covers_a = score._covers(story.texts, mine.get(a, []), sides[a])
        if covers_a and score._covers(story.texts, mine.get(b, []), sides[b]):
            return True
    return False


def _miss_lines(
    story: StoryRun, gold: Sequence[set[int]], probability: Floats, k: int,
    articles: tuple[str, str], label: str,
) -> Iterator[str]:  # fmt: skip
    a, b = articles
    firsts = [i for i, u in enumerate(story.units) if u.article == a and k in gold[i]]
    seconds = [j for j, u in enumerate(story.units) if u.article == b and k in gold[j]]
    if not firsts or not seconds:
        yield f"{label}: no unit in {a if not firsts else b}"
        return
    evidence = story.evidence
    pairs = [(i, j) for i in firsts for j in seconds if not evidence.forbid[i, j]]
    if not pairs:
        yield f"{label}: every unit pair forbidden (speakers)"
        return
    i, j = max(pairs, key=lambda p: probability[p])
    yield (
        f"{label}: p {probability[i, j]:.3f} score {evidence.scores[i, j]:.3f} margin "
        f"{evidence.margins[i, j]:.3f} rivalled {bool(evidence.rivalled[i, j])} resolved "
        f"{bool(evidence.resolved[i, j])}"
    )
    for x, y in ((i, j), (j, i)):
        unit = story.units[x]
        yield (
            f"    [{unit.speaker} ({unit.speaker_mention!r}) | direct {unit.direct}"
            f" | group {unit.group}] {unit.text!r}"
        )
        rivals = [r for r, u in enumerate(story.units)
                  if u.article == story.units[y].article and r != y
                  and not evidence.forbid[x, r]]  # fmt: skip
        if rivals:
            r = max(rivals, key=lambda r: evidence.scores[x, r])
            mark = "gold" if gold[r] else "unlabelled"
            rival = story.units[r].text
            yield f"      best rival ({mark}) score {evidence.scores[x, r]:.3f}: {rival!r}"


@dataclass(frozen=True)
class BandPair:
    """A labelled pair whose probability lies in the band (``--band``): its label
    (``pos``, ``neg`` or ``half``, see the module doc), the second score (a cosine) and
    that score's margin over the pair's best rival, read as ``PairEvidence.margins`` is
    (a unit of either article in another quote group that the other unit may join; the
    cosine itself where there is none)."""

    label: str
    cosine: float
    margin: float


def band_pairs(
    runs: Sequence[StoryRun], model: PairModel, cosines: Sequence[Floats], low: float, high: float
) -> list[BandPair]:
    """The labelled pairs (one positive per gold pair) whose probability under ``model``
    is at least ``low`` and under ``high``, with the second score of each story's
    ``cosines`` (n x n per run, units in run order)."""
    found = []
    for story, cosine in zip(runs, cosines, strict=True):
        if not story.units:
            continue
        probability = model.probability(story.evidence)
        for i, j, same, half in labelled_pairs(story):
            if low <= probability[i, j] < high:
                label = "pos" if same else "half" if half else "neg"
                margin = _cosine_margin(story, cosine, i, j)
                found.append(BandPair(label, float(cosine[i, j]), margin))
    return found


def _cosine_margin(story: StoryRun, cosine: Floats, i: int, j: int) -> float:
    units, forbid = story.units, story.evidence.forbid
    rivals = [
        cosine[x, r]
        for x, y in ((i, j), (j, i))
        for r, u in enumerate(units)
        if u.article == units[y].article and u.group != units[y].group and not forbid[x, r]
    ]
    return float(cosine[i, j] - max(rivals, default=0.0))


def band_table(
    pairs: Sequence[BandPair], floors: Sequence[float], margins: Sequence[float]
) -> Iterator[str]:
    """Per cosine floor and margin floor, the pairs at or above both, by label."""
    for floor in floors:
        for margin in margins:
            kept = [p.label for p in pairs if p.cosine >= floor and p.margin >= margin]
            counts = ", ".join(f"{k} {kept.count(k)}" for k in ("pos", "neg", "half"))
            yield f"cosine >= {floor:.2f}, margin >= {margin:+.2f}: {counts}"


def unit_cosines(runs: Sequence[StoryRun], similarity: TextSimilarity) -> list[Floats]:
    """Per run, the cosines of its units' comparable texts under ``similarity`` (each
    text embedded on its own, outside the story scope the brief pools in)."""
    from newsprism.reconcile.comparable import comparable_text

    found = []
    for story in runs:
        texts = [comparable_text(u.text) for u in story.units]
        found.append(np.asarray(similarity.matrix(texts, texts), dtype=np.float64))
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-dense", action="store_true", help="lexical only")
    parser.add_argument(
        "--labels",
        choices=("best", "all"),
        default="best",
        help="positives: the best unit pair per gold pair, or every one",
    )
    parser.add_argument("--half", action="store_true", help="leave out half-labelled pairs")
    parser.add_argument("--c", type=float, default=1.0, help="inverse L2 strength")
    parser.add_argument("--e2e", action="store_true", help="score each model end to end")
    parser.add_argument("--shifts", default="0", help="intercept shifts for --e2e (csv)")
    parser.add_argument(
        "--misses",
        choices=("calibration", "development", "multinews", "dev2"),
        help="print the pairs a development file misses, with their evidence, and exit",
    )
    parser.add_argument(
        "--band",
        metavar="LOW,HIGH",
        help="lexical runs of the four development files: the labelled pairs of lexical "
        "probability in [LOW, HIGH) by MiniLM cosine and its margin over rivals, and exit",
    )
    args = parser.parse_args(argv)
    if args.band:
        return _print_band(*(float(x) for x in args.band.split(",")))
    if args.misses:
        stories = development_stories(args.misses)
        for kind in ["off"] if args.no_dense else ["off", "on"]:
            similarity = make_similarity(kind)  # type: ignore[arg-type]
            options = StatementOptions()
            print(f"== {'dense' if similarity.dense else 'lexical'}, {args.misses}")
            found = run(stories, similarity, options)
            for line in misses(found, options.model(similarity)):
                print(line)
        return 0
    shifts = [float(x) for x in args.shifts.split(",")]
    loaded = {name: materials(path) for name, path in FILES.items()}
    for kind in ["off"] if args.no_dense else ["off", "on"]:
        similarity = make_similarity(kind)  # type: ignore[arg-type]
        options = StatementOptions()
        current = options.model(similarity)
        runs = {name: run(stories, similarity, options) for name, stories in loaded.items()}
        pairs = {n: pair_set(r, current, args.labels == "best") for n, r in runs.items()}
        if args.half:
            pairs = {name: _without_half(p) for name, p in pairs.items()}
        print(f"== {'dense' if similarity.dense else 'lexical'}, labels {args.labels}")
        models = {
            "in use": current,
            "fit calibration": fit(pairs["calibration"], current, args.c),
            "fit development": fit(pairs["development"], current, args.c),
            "fit both": fit(_joined(pairs["calibration"], pairs["development"]), current, args.c),
        }
        for label, model in models.items():
            print(f"{label}: weights {model.weights()}")
            for name, p in pairs.items():
                print(f"   pairs {name}: {pair_scores(model, p)}")
            for shift in shifts if args.e2e else []:
                moved = with_model(options, similarity, shifted(model, shift))
                for name, stories in loaded.items():
                    scored = end_to_end(run(stories, similarity, moved))
                    print(f"   e2e shift {shift:+.2f} {name}: {scored}")
    return 0


def _print_band(low: float, high: float) -> int:
    lexical, dense = make_similarity("off"), make_similarity("on")
    options = StatementOptions()
    every: list[BandPair] = []
    for name in ("calibration", "development", "multinews", "dev2"):
        runs = run(development_stories(name), lexical, options)
        found = band_pairs(runs, options.model(lexical), unit_cosines(runs, dense), low, high)
        every.extend(found)
        print(f"== {name}: lexical probability in [{low}, {high})")
        for line in band_table(found, BAND_FLOORS, BAND_MARGINS):
            print(f"   {line}")
    print("== all four")
    for line in band_table(every, BAND_FLOORS, BAND_MARGINS):
        print(f"   {line}")
    return 0


def _without_half(pairs: PairSet) -> PairSet:
    keep = ~pairs.half
    return PairSet(pairs.rows[keep], pairs.labels[keep], pairs.story[keep], pairs.half[keep])


def _joined(first: PairSet, second: PairSet) -> PairSet:
    offset = int(first.story.max()) + 1 if len(first.story) else 0
    return PairSet(
        np.vstack([first.rows, second.rows]),
        np.concatenate([first.labels, second.labels]),
        np.concatenate([first.story, second.story + offset]),
        np.concatenate([first.half, second.half]),
    )


if __name__ == "__main__":
    sys.exit(main())
