"""The cross-check scored on real reporting: a hand-labelled gold over BASIL stories.

Run: ``.venv/bin/python eval/basil_gold.py [--gold PATH] [--validate] [--pin] [--no-dense]
[--cache] [--errors N] [--no-write]`` (a few minutes on 2 shared cores: the articles are analysed
afresh unless ``--cache``, which reuses ``eval/.cache`` keyed by ``ANALYZER_VERSION``).
``--validate`` only checks the gold file (structure, offsets, span hashes) against the
shared texts and exits; ``--pin`` writes the gold file's and the data's SHA-256 to
``eval/gate_basil_gold.json`` (``tests/test_eval_basil_gold.py`` fails when the gold
changes without a re-pin, so changing it is deliberate). Writes
``eval/results/basil_gold.json`` / ``.md`` (numbers only, no text). ``--gold PATH`` checks or
scores another gold file of the same schema (the held-out
``eval/data/basil_gold_heldout.json``); its results are named after it
(``eval/results/basil_gold_heldout.json`` / ``.md``) and only the default file is pinned.
A gold file may label only some parts: its ``parts`` names them (absent: all four), the
others are empty lists and are neither validated as missing nor scored
(``eval/data/basil_gold_contradictions.json`` labels contradictions only). Contradictions
may come with ``hard_negatives``, claim groups that look contradictory but are
compatible; a predicted discrepancy hitting one is counted as a flagged hard negative.

Gold: ``eval/data/basil_gold.json``, ids and offsets only; its ``rules`` say how each
part was labelled (also in eval/README.md). Parts: statements (one utterance, every
outlet's rendering of it; single-outlet statements are hard negatives), fact groups
(one quantity across outlets, status agree/differ), contradictions, exclusives.
No setting of newsprism was tuned on these stories.

Scoring units (:mod:`basil_gold_score`): a predicted item matches a gold item when their
spans overlap (share an alphanumeric character) in each article concerned; statements
and fact groups are scored over pairs of articles, contradictions per item, exclusives
per span; fact status over the gold facts a predicted fact recalls. Summary support:
every summary sentence's supporters, none of whose own sentence may differ from it on a
number (:func:`numbers_clash`) or a negation (:func:`negated`).

Systems, same run: **exact text** (the baseline of every part: quote parts grouped by
exact normalised text as Quootstrap merges quotes; the analyser's quantities grouped by
exact normalised text, status always agree; sentence pairs of two outlets sharing most
content words with opposite negation; sentences whose normalised text no other outlet
has, as exclusives) and **newsprism** (the brief of ``Reconciler``, lexical, and dense
when installed).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import re
import sys
import time
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import basil
import basil_gold_score as score
from basil_gold_score import Counts, Group, Span

logger = logging.getLogger(__name__)

GOLD: Final = basil.ROOT / "eval" / "data" / "basil_gold.json"
GATE: Final = basil.ROOT / "eval" / "gate_basil_gold.json"
RESULTS: Final = basil.ROOT / "eval" / "results"
PARTS: Final = ("statements", "facts", "contradictions", "exclusives")
BASELINE: Final = "exact text (baseline)"
HALVES: Final = ("even", "odd")
# The contradiction baseline's pairing: two sentences of different outlets sharing at
# least this share of the shorter one's content words (and 3 of them). Not fitted: a
# plain "same sentence, opposite polarity" reading, set once before scoring.
BASELINE_SHARED: Final = 0.5
_CONTENT: Final = re.compile(r"[a-z0-9]{4,}")
_SPAN_KEYS: Final = {"article", "start", "end", "sha1"}
# Causes of statement misses and of wrong statement pairs (basil_gold_score.statement_misses).
_MISSES: Final = ("unit", "speaker", "linkage", "other")
_FALSE: Final = ("cross", "half")


# --- the gold file -----------------------------------------------------------------------


def load_gold(path: Path = GOLD) -> dict[str, Any]:
    return dict(json.loads(path.read_text(encoding="utf-8")))


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def parts_of(gold: dict[str, Any]) -> tuple[str, ...]:
    """The parts a gold file labels: its ``parts`` (in PARTS order), all four when absent."""
    named = gold.get("parts", PARTS)
    return tuple(p for p in PARTS if p in named)


def spans_of(story: dict[str, Any]) -> list[dict[str, Any]]:
    """Every span the story's gold holds (hard negatives included)."""
    found = [v for s in story["statements"] for v in s["variants"]]
    found += [v for f in story["facts"] for v in f["values"]]
    found += [c for x in story["contradictions"] for c in x["claims"]]
    found += [c for x in story.get("hard_negatives", []) for c in x["claims"]]
    return found + list(story["exclusives"])


def structure_problems(gold: dict[str, Any]) -> list[str]:
    """What is wrong with the gold's shape (needs no data): ids unique in a story, spans
    of ids and offsets only, facts with a status and two outlets, contradictions across
    two outlets."""
    problems = []
    parts = parts_of(gold)
    unknown = set(gold.get("parts", PARTS)) - set(PARTS)
    if unknown or not parts:
        problems.append(f"parts must name some of {', '.join(PARTS)}: {sorted(unknown)}")
    for story in gold["stories"]:
        name = story["story"][:8]
        grouped = ("statements", "facts", "contradictions", "hard_negatives")
        ids = [x["id"] for part in grouped for x in story.get(part, [])]
        if len(ids) != len(set(ids)):
            problems.append(f"{name}: repeated ids")
        for span in spans_of(story):
            if set(span) != _SPAN_KEYS or not 0 <= span["start"] < span["end"]:
                problems.append(f"{name}: bad span {sorted(span)} {span.get('start')}")
        for fact in story["facts"]:
            if fact["status"] not in ("agree", "differ") or _outlets(fact["values"]) < 2:
                problems.append(f"{name}: fact {fact['id']} needs a status and two outlets")
        for item in story["contradictions"] + story.get("hard_negatives", []):
            if _outlets(item["claims"]) < 2:
                problems.append(f"{name}: contradiction {item['id']} within one outlet")
        problems += _part_problems(name, story, parts)
    return problems


def _part_problems(name: str, story: dict[str, Any], parts: tuple[str, ...]) -> list[str]:
    """A labelled statements part needs statements with variants; an unlabelled part must
    be empty (so nothing labelled is silently left unscored)."""
    problems = [
        f"{name}: {p} not labelled but not empty" for p in PARTS if p not in parts and story[p]
    ]
    if "contradictions" not in parts and story.get("hard_negatives"):
        problems.append(f"{name}: hard negatives without the contradictions part")
    statements = story["statements"]
    if "statements" in parts and (not statements or any(not s["variants"] for s in statements)):
        problems.append(f"{name}: a statement without variants")
    return problems


def _outlets(spans: Sequence[dict[str, Any]]) -> int:
    return len({s["article"] for s in spans})


def validate(gold: dict[str, Any], articles: dict[str, basil.BasilArticle]) -> list[str]:
    """Problems with the gold (empty: well formed, every span fits its text and hash)."""
    problems = structure_problems(gold)
    for story in gold["stories"]:
        for span in spans_of(story):
            article = articles.get(span["article"])
            if article is None or article.story != story["story"]:
                problems.append(f"{story['story'][:8]}: article {span['article']} not in story")
                continue
            if span["end"] > len(article.text):
                problems.append(f"{span['article']}: span {span['start']}-{span['end']} out")
                continue
            piece = article.text[span["start"] : span["end"]]
            if hashlib.sha1(piece.encode()).hexdigest()[:12] != span["sha1"]:
                problems.append(f"{span['article']}: span {span['start']} changed")
    return problems


def _span(item: dict[str, Any]) -> Span:
    return (item["article"], item["start"], item["end"])


@dataclass
class GoldStory:
    """One story's gold as spans."""

    statements: list[Group]
    statement_ids: list[str]
    facts: list[Group]
    statuses: list[str]
    contradictions: list[Group]
    exclusives: list[Span]
    hard_negatives: list[Group] = field(default_factory=list)

    @classmethod
    def of(cls, story: dict[str, Any]) -> GoldStory:
        return cls(
            [[_span(v) for v in s["variants"]] for s in story["statements"]],
            [s["id"] for s in story["statements"]],
            [[_span(v) for v in f["values"]] for f in story["facts"]],
            [f["status"] for f in story["facts"]],
            [[_span(c) for c in x["claims"]] for x in story["contradictions"]],
            [_span(x) for x in story["exclusives"]],
            [[_span(c) for c in x["claims"]] for x in story.get("hard_negatives", [])],
        )

    def shared(self) -> list[Span]:
        """Spans of statements and facts carried by two or more outlets."""
        groups = [g for g in self.statements + self.facts if len({s[0] for s in g}) >= 2]
        return [span for g in groups for span in g]


# --- predictions --------------------------------------------------------------------------


@dataclass
class Predicted:
    """One system's output on one story, as spans."""

    statements: list[Group] = field(default_factory=list)
    facts: list[Group] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    contradictions: list[Group] = field(default_factory=list)
    exclusives: list[Span] = field(default_factory=list)
    support: tuple[int, int, int] = (0, 0, 0)  # summary sentences, supporters, violations
    speakers: list[str | None] | None = None  # each statement's speaker (None: no speakers)


def _passage(p: Any) -> Span:
    return (p.article, p.start, p.end)


def of_brief(brief: Any, material: Any) -> Predicted:
    """The spans of a newsprism brief (number discrepancies are fact status, not
    contradictions: they are scored under facts)."""
    return Predicted(
        [[_passage(v.passage) for v in s.variants] for s in brief.statements],
        [[_passage(v.passage) for v in f.values] for f in brief.facts],
        [f.status for f in brief.facts],
        [[_passage(c) for c in d.claims] for d in brief.discrepancies if d.kind != "number"],
        [_passage(e.passage) for e in brief.exclusives],
        support_check(material, brief.summary),
        [s.speaker for s in brief.statements],
    )


def support_check(material: Any, summary: Sequence[Any]) -> tuple[int, int, int]:
    """(sentences, supporters checked, supporters whose own sentence differs from the
    summary sentence on a number or a negation)."""
    from newsprism.reconcile.agreement import negated, numbers_clash, quantities_in

    checked = bad = 0
    for sentence in summary:
        mine = quantities_in(material, sentence.passage)
        for passage in sentence.support:
            if passage == sentence.passage:
                continue
            checked += 1
            bad += numbers_clash(mine, quantities_in(material, passage)) or negated(
                passage.text
            ) != negated(sentence.passage.text)
    return len(summary), checked, bad


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def baseline(material: Any) -> Predicted:
    """The exact-text baseline of every part (see the module doc)."""
    from crosscheck import exact_text

    statements: dict[str, list[Span]] = {}
    for label, article, start, end in exact_text(material):
        statements.setdefault(label, []).append((article, start, end))
    facts: dict[str, list[Span]] = {}
    for article in material.articles:
        analysis = material.analysis(article.id)
        for q in analysis.quantities if analysis else ():
            facts.setdefault(_key(q.text), []).append((article.id, q.start, q.end))
    sentences = [s for a in material.articles for s in material.sentences(a.id)]
    return Predicted(
        list(statements.values()),
        list(facts.values()),
        ["agree"] * len(facts),
        _negation_pairs(sentences),
        _unique_sentences(sentences),
    )


def _negation_pairs(sentences: Sequence[Any]) -> list[Group]:
    from newsprism.reconcile.agreement import negated

    words = [set(_CONTENT.findall(s.text.casefold())) for s in sentences]
    found: list[Group] = []
    for i, a in enumerate(sentences):
        for j in range(i + 1, len(sentences)):
            b = sentences[j]
            shared = len(words[i] & words[j])
            if a.article == b.article or shared < 3:
                continue
            if shared >= BASELINE_SHARED * min(len(words[i]), len(words[j])) and negated(
                a.text
            ) != negated(b.text):
                found.append([_passage(a), _passage(b)])
    return found


def _unique_sentences(sentences: Sequence[Any]) -> list[Span]:
    seen: dict[str, set[str]] = {}
    for s in sentences:
        seen.setdefault(_key(s.text), set()).add(s.article)
    return [_passage(s) for s in sentences if seen[_key(s.text)] == {s.article}]


# --- scoring ------------------------------------------------------------------------------


@dataclass
class Scored:
    """One system's counts, summed over stories, for the parts the gold labels (``labelled``;
    the others are skipped). ``negatives`` (flagged, gold) counts hard negatives hit by a
    predicted discrepancy; it is reported only when the gold has hard negatives."""

    labelled: tuple[str, ...] = PARTS
    parts: dict[str, Counts] = field(default_factory=dict)
    status: list[int] = field(default_factory=lambda: [0, 0])  # right, judged
    differ: list[int] = field(default_factory=lambda: [0, 0])  # flagged differ, gold differ
    support: list[int] = field(default_factory=lambda: [0, 0, 0])
    negatives: list[int] = field(default_factory=lambda: [0, 0])  # flagged, gold
    misses: dict[str, int] = field(default_factory=dict)  # statement misses by cause

    def __post_init__(self) -> None:
        self.parts = {p: Counts() for p in self.labelled}

    def add_story(self, texts: dict[str, str], gold: GoldStory, got: Predicted) -> None:
        counted = {
            "statements": lambda: score.group_pairs(texts, gold.statements, got.statements),
            "facts": lambda: score.group_pairs(texts, gold.facts, got.facts),
            "contradictions": lambda: score.contradictions(
                texts, gold.contradictions, got.contradictions
            ),
            "exclusives": lambda: score.exclusives(
                texts, gold.exclusives, gold.shared(), got.exclusives
            ),
        }
        for part in self.labelled:
            self.parts[part].add(counted[part]())
        if "statements" in self.labelled:
            causes = score.statement_misses(
                texts, gold.statements, got.statements, got.speakers
            )
            self.misses = {k: self.misses.get(k, 0) + v for k, v in causes.items()}
        flagged = score.hard_negatives(texts, gold.hard_negatives, got.contradictions)
        self.negatives = [self.negatives[0] + flagged, self.negatives[1] + len(gold.hard_negatives)]
        self.support = [a + b for a, b in zip(self.support, got.support, strict=True)]
        if "facts" in self.labelled:
            self._add_status(texts, gold, got)

    def _add_status(self, texts: dict[str, str], gold: GoldStory, got: Predicted) -> None:
        for group, status in zip(gold.facts, gold.statuses, strict=True):
            best = score.best_group(texts, group, got.facts)
            if best is not None:
                self.status[0] += got.statuses[best] == status
                self.status[1] += 1
            if status == "differ":
                self.differ[1] += 1
                self.differ[0] += best is not None and got.statuses[best] == "differ"

    def report(self, with_support: bool) -> dict[str, Any]:
        found: dict[str, Any] = {p: c.scores() for p, c in self.parts.items()}
        if "facts" in found:
            right, judged = self.status
            found["facts"]["status_right"], found["facts"]["status_judged"] = right, judged
            found["facts"]["status_accuracy"] = round(right / judged, 4) if judged else None
            found["facts"]["differ_flagged"], found["facts"]["differ_gold"] = self.differ
        if "statements" in found:
            found["statements"]["misses"] = {k: self.misses.get(k, 0) for k in _MISSES}
            found["statements"]["false_links"] = {k: self.misses.get(k, 0) for k in _FALSE}
        if "contradictions" in found and self.negatives[1]:
            flagged, gold = self.negatives
            found["contradictions"]["hard_negatives_flagged"] = flagged
            found["contradictions"]["hard_negatives"] = gold
        if with_support:
            found["summary_support"] = dict(
                zip(("sentences", "supporters", "violations"), self.support, strict=True)
            )
        return found


def statement_errors(
    texts: dict[str, str], story: dict[str, Any], gold: GoldStory, got: Predicted
) -> list[str]:
    """Missed gold statement pairs (gold id and note) and wrong predicted pairs (clipped
    text, for the terminal only)."""
    lines = []
    for sid, group, raw in zip(
        gold.statement_ids, gold.statements, story["statements"], strict=True
    ):
        for a, b in score.article_pairs(group):
            pair = [s for s in group if s[0] in (a, b)]
            if not score.group_pairs(texts, [pair], got.statements).recalled:
                lines.append(f"  missed {story['story'][:8]} {sid} ({raw.get('note', '')})")
    for group in got.statements:
        for a, b in score.article_pairs(group):
            pair = [s for s in group if s[0] in (a, b)]
            counted = score.group_pairs(texts, gold.statements, [pair])
            if counted.judged and not counted.right:
                clips = [texts[s[0]][s[1] : s[2]][:70].replace("\n", " ") for s in pair[:2]]
                lines.append(f"  wrong  {story['story'][:8]} {clips[0]!r} ~ {clips[1]!r}")
    return lines


# --- the run ------------------------------------------------------------------------------


def _systems(use_dense: bool) -> dict[str, Any]:
    from newsprism.cluster.vectors import dense_available
    from newsprism.reconcile.brief import BriefOptions, Reconciler

    found = {"newsprism lexical": Reconciler(BriefOptions(embeddings="off"))}
    if use_dense and dense_available():
        found["newsprism dense"] = Reconciler(BriefOptions(embeddings="on"))
    return found


def _material(story_id: str, items: list[basil.BasilArticle], cached: bool) -> Any:
    from newsprism.model import Story
    from newsprism.reconcile.material import StoryMaterial

    articles = basil.to_articles(items)
    if cached:
        from real_sets import analyses

        found = analyses(articles)
    else:
        from newsprism.analyze.analyzer import Analyzer

        found = dict(zip([a.id for a in articles], Analyzer().analyze_many(articles), strict=True))
    return StoryMaterial(Story(story_id, None, tuple(a.id for a in articles)), articles, found)


def gold_counts(gold: dict[str, Any]) -> dict[str, int]:
    """How much the gold holds, per part."""
    stories = gold["stories"]
    multi = [s for x in stories for s in x["statements"] if _outlets(s["variants"]) >= 2]
    negatives = sum(len(x.get("hard_negatives", [])) for x in stories)
    return {
        "stories": len(stories),
        "statements": len(multi),
        "statement_pairs": sum(
            len(score.article_pairs([_span(v) for v in s["variants"]])) for s in multi
        ),
        "single_statements": sum(len(x["statements"]) for x in stories) - len(multi),
        "facts": sum(len(x["facts"]) for x in stories),
        "facts_differ": sum(f["status"] == "differ" for x in stories for f in x["facts"]),
        "contradictions": sum(len(x["contradictions"]) for x in stories),
        "exclusives": sum(len(x["exclusives"]) for x in stories),
        "spans": sum(len(spans_of(x)) for x in stories),
    } | ({"hard_negatives": negatives} if negatives else {})


def evaluate(
    gold: dict[str, Any], use_dense: bool, cached: bool, errors: int, path: Path = GOLD
) -> dict[str, Any]:
    """Every system on every gold story; the report (numbers only). The halves are
    reported for the default gold only: elsewhere no half was calibrated on."""
    began = time.perf_counter()
    systems = _systems(use_dense)
    grouped = basil.stories()
    labelled = parts_of(gold)
    scored = {name: Scored(labelled) for name in [BASELINE, *systems]}
    halves = {name: {h: score.Counts() for h in HALVES} for name in scored}
    exclusive_halves = {name: {h: score.Counts() for h in HALVES} for name in scored}
    per_story: list[dict[str, Any]] = []
    shown: list[str] = []
    for position, story in enumerate(gold["stories"]):
        material = _material(story["story"], grouped[story["story"]], cached)
        texts = {a.id: a.text for a in material.articles}
        truth = GoldStory.of(story)
        row: dict[str, Any] = {"story": story["story"]}
        for name, system in [(BASELINE, None), *systems.items()]:
            got = (
                baseline(material) if system is None else of_brief(system.brief(material), material)
            )
            scored[name].add_story(texts, truth, got)
            counted = score.group_pairs(texts, truth.statements, got.statements)
            halves[name][half_of(position)].add(counted)
            exclusive_halves[name][half_of(position)].add(
                score.exclusives(texts, truth.exclusives, truth.shared(), got.exclusives)
            )
            row[name] = _story_row(texts, truth, got, labelled, "parts" in gold)
            if name == "newsprism lexical":
                shown += _errors(texts, story, truth, got, labelled)
        per_story.append(row)
    for line in shown[:errors]:
        print(line)
    report = {
        "when": time.strftime("%Y-%m-%d"),
        "gold_file": path.name,
        "gold_sha256": sha256_of(path),
        "gold": gold_counts(gold),
        "unit": "overlap (see eval/basil_gold_score.py)",
        "systems": {name: s.report(name != BASELINE) for name, s in scored.items()},
        "goals": goals(scored),
        "statement_halves": _half_scores(halves),
        "exclusive_halves": _half_scores(exclusive_halves),
        "stories": per_story,
        "seconds": round(time.perf_counter() - began, 1),
    }
    if path.resolve() != GOLD.resolve():
        del report["statement_halves"], report["exclusive_halves"]
    if "parts" in gold:
        report["parts"] = list(labelled)
    return report


def _story_row(
    texts: dict[str, str], truth: GoldStory, got: Predicted, labelled: Sequence[str], partial: bool
) -> dict[str, Any]:
    """One story's numbers for one system: statement pairs recalled / gold when labelled,
    summary-support violations; for a file labelling some parts only (``partial``), the
    contradictions recalled / gold and the hard negatives flagged / gold."""
    row: dict[str, Any] = {}
    if "statements" in labelled:
        counted = score.group_pairs(texts, truth.statements, got.statements)
        row["statement_pairs"] = [counted.recalled, counted.gold]
    row["support_violations"] = got.support[2]
    if partial and "contradictions" in labelled:
        found = score.contradictions(texts, truth.contradictions, got.contradictions)
        flagged = score.hard_negatives(texts, truth.hard_negatives, got.contradictions)
        row["contradictions"] = [found.recalled, found.gold]
        row["hard_negatives_flagged"] = [flagged, len(truth.hard_negatives)]
    return row


def _errors(
    texts: dict[str, str], story: dict[str, Any], truth: GoldStory, got: Predicted,
    labelled: Sequence[str],
) -> list[str]:  # fmt: skip
    """The error lines ``--errors`` prints, for the labelled parts."""
    lines = statement_errors(texts, story, truth, got) if "statements" in labelled else []
    if "contradictions" in labelled:
        lines += contradiction_errors(texts, story, got)
    return lines


def contradiction_errors(texts: dict[str, str], story: dict[str, Any], got: Predicted) -> list[str]:
    """Missed gold contradictions and flagged hard negatives (gold ids and abouts, no text),
    and predicted discrepancies that hit neither (clipped text, for the terminal only)."""
    lines, name = [], story["story"][:8]
    for item in story["contradictions"]:
        claims = [_span(c) for c in item["claims"]]
        if not any(score.hits(texts, p, claims) for p in got.contradictions):
            lines.append(f"  missed contradiction {name} {item['id']} ({item.get('about', '')})")
    labelled = [[_span(c) for c in x["claims"]] for x in story["contradictions"]]
    for item in story.get("hard_negatives", []):
        claims = [_span(c) for c in item["claims"]]
        if any(score.hits(texts, p, claims) for p in got.contradictions):
            lines.append(f"  flagged hard negative {name} {item['id']} ({item.get('about', '')})")
    for group in got.contradictions:
        if not any(score.hits(texts, group, g) for g in labelled):
            clips = [texts[s[0]][s[1] : s[2]][:70].replace("\n", " ") for s in group[:2]]
            lines.append(f"  unlabelled discrepancy {name} {' ~ '.join(repr(c) for c in clips)}")
    return lines


def _half_scores(halves: dict[str, dict[str, score.Counts]]) -> dict[str, Any]:
    return {name: {h: c.scores() for h, c in by_half.items()} for name, by_half in halves.items()}


def half_of(position: int) -> str:
    """The half a gold story belongs to by its position in the gold file: statement
    pairing is calibrated on the even half (0, 2, ...) and the odd half is held out."""
    return HALVES[position % 2]


def goals(scored: dict[str, Scored]) -> dict[str, dict[str, bool]]:
    """The issue's goals, per newsprism system: met or not (a part the gold does not label
    has no goal line)."""
    return {name: _goals_met(s.report(True)) for name, s in scored.items() if name != BASELINE}


def _goals_met(r: dict[str, Any]) -> dict[str, bool]:
    met: dict[str, bool] = {}
    if "statements" in r:
        st = r["statements"]
        met["statements recall >= 0.85 at precision >= 0.95"] = (
            st["recall"] >= 0.85 and st["precision"] >= 0.95
        )
    if "contradictions" in r:
        co = r["contradictions"]
        met["contradictions recall >= 0.8 at precision >= 0.9"] = (
            co["recall"] >= 0.8 and co["precision"] >= 0.9
        )
    if "facts" in r:
        fa = r["facts"]
        met["fact groups F1 >= 0.9 and status >= 0.9"] = (
            fa["f1"] >= 0.9 and (fa["status_accuracy"] or 0) >= 0.9
        )
    if "exclusives" in r:
        met["exclusives recall >= 0.8"] = r["exclusives"]["recall"] >= 0.8
    met["no summary supporter differs on a number or a negation"] = (
        r["summary_support"]["violations"] == 0
    )
    return met


def markdown(report: dict[str, Any]) -> str:
    """The results as Markdown (numbers only)."""
    g = report["gold"]
    held = (
        f"{g['statements']} statements carried by 2+ outlets ({g['statement_pairs']} pairs) and "
        f"{g['single_statements']} single-outlet ones, {g['facts']} fact groups "
        f"({g['facts_differ']} differ), "
        f"{g['contradictions']} contradictions, {g['exclusives']} exclusives"
    )
    if "parts" in report:  # a file labelling some parts only: say what it holds
        held = ", ".join(f"{g[p]} {p}" for p in report["parts"])
        held += f", {g['hard_negatives']} hard negatives" if "hard_negatives" in g else ""
    lines = [
        f"# BASIL gold: the cross-check on real reporting ({report['when']})",
        "",
        f"Gold file: `eval/data/{report.get('gold_file', GOLD.name)}`.",
        "",
        f"{g['stories']} stories (NYT, Fox News, HuffPost), {g['spans']} gold spans: "
        f"{held}. Unit: spans overlap (eval/basil_gold_score.py); `eval/basil_gold.py`, untuned.",
        "",
        *_parts_markdown(report),
        "| part | system | P | R | F1 | right / judged | recalled / gold |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for part in report.get("parts", PARTS):
        for name, rows in report["systems"].items():
            r = rows[part]
            lines.append(
                f"| {part} | {name} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} "
                f"| {r['right']} / {r['judged']} | {r['recalled']} / {r['gold']} |"
            )
    lines += _misses_markdown(report)
    lines += _halves_markdown(report.get("statement_halves", {}), "Statement pairs")
    lines += _halves_markdown(report.get("exclusive_halves", {}), "Exclusives")
    lines += [
        "",
        "| system | fact status right | differ facts flagged | summary supporters | violations |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, rows in report["systems"].items():
        f, s = rows.get("facts"), rows.get("summary_support")
        support = f"{s['supporters']} | {s['violations']}" if s else "- | -"
        status = "- | -"
        if f:
            status = f"{f['status_right']} / {f['status_judged']} | "
            status += f"{f['differ_flagged']} / {f['differ_gold']}"
        lines.append(f"| {name} | {status} | {support} |")
    lines += ["", "Goals (issue 12):", ""]
    for name, met in report["goals"].items():
        for goal, ok in met.items():
            lines.append(f"- {name}: {goal}: {'met' if ok else 'not met'}")
    lines += ["", f"Run time {report['seconds']} s on a shared 2-core machine."]
    return "\n".join(lines) + "\n"


def _misses_markdown(report: dict[str, Any]) -> list[str]:
    """Statement pairs missed by cause and wrong pairs by kind, per system (see
    eval/basil_gold_score.py)."""
    # A file that labels no statements (the contradictions file) has no statements part.
    rows = [(name, r.get("statements", {})) for name, r in report["systems"].items()]
    rows = [(name, st) for name, st in rows if "misses" in st]
    if not rows:
        return []
    lines = [
        "",
        "Statement pairs missed, by cause (unit: a side was never a unit; speaker: the "
        "units' statements have two different speakers; linkage: units on both sides, in "
        "different statements; other: a side's units also hold another gold statement), and "
        "wrong pairs (cross: two labelled statements joined; half: one joined to unlabelled "
        "text):",
        "",
        "| system | unit | speaker | linkage | other | wrong: cross | wrong: half |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, st in rows:
        counts = [st["misses"][k] for k in _MISSES] + [st["false_links"][k] for k in _FALSE]
        lines.append(f"| {name} | " + " | ".join(str(c) for c in counts) + " |")
    return lines


def _parts_markdown(report: dict[str, Any]) -> list[str]:
    """For a gold file labelling some parts only: which, and the hard negatives each system
    flagged (a predicted discrepancy overlapping two outlets' claims of one)."""
    if "parts" not in report:
        return []
    lines = [f"Labelled parts: {', '.join(report['parts'])}; the others are not scored.", ""]
    for name, rows in report["systems"].items():
        co = rows.get("contradictions", {})
        if "hard_negatives" in co:
            lines.append(
                f"- {name}: hard negatives flagged {co['hard_negatives_flagged']} / "
                f"{co['hard_negatives']}"
            )
    return lines + ([""] if len(lines) > 2 else [])


def _halves_markdown(halves: dict[str, dict[str, dict[str, Any]]], what: str) -> list[str]:
    """``what`` (statement pairs, exclusives) per half of the gold (even: where pairing
    and the dense exclusives threshold are calibrated; odd: held out)."""
    if not halves:
        return []
    lines = [
        "",
        f"{what} per half (stories by position in the gold file; calibrated on the even "
        "half, the odd half is held out):",
        "",
        "| system | half | P | R | right / judged | recalled / gold |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for name, by_half in halves.items():
        for half, r in by_half.items():
            lines.append(
                f"| {name} | {half} | {r['precision']:.3f} | {r['recall']:.3f} "
                f"| {r['right']} / {r['judged']} | {r['recalled']} / {r['gold']} |"
            )
    return lines


def pin() -> dict[str, Any]:
    """Write the gold's and the data's hashes to the gate file (its minimums are kept)."""
    kept = json.loads(GATE.read_text(encoding="utf-8")).get("minimum", {}) if GATE.exists() else {}
    gate = {"gold_sha256": sha256_of(GOLD), "data_sha256": sha256_of(basil.DATA / "articles.jsonl"),
            "stories": len(load_gold()["stories"]), "minimum": kept}  # fmt: skip
    GATE.write_text(json.dumps(gate, indent=2) + "\n", encoding="utf-8")
    return gate


def gated_scores(system: dict[str, Any]) -> dict[str, float]:
    """The numbers of one system's report that the CI gate holds to their minimums."""
    st, fa, co, ex = (system[p] for p in ("statements", "facts", "contradictions", "exclusives"))
    return {
        "statements_precision": st["precision"],
        "statements_recall": st["recall"],
        "facts_f1": fa["f1"],
        "facts_status_accuracy": fa["status_accuracy"] or 0.0,
        "contradictions_precision": co["precision"] or 0.0,
        "contradictions_recall": co["recall"],
        "exclusives_precision": ex["precision"] or 0.0,
        "exclusives_recall": ex["recall"],
        "summary_support_clean": float(system["summary_support"]["violations"] == 0),
    }


def shortfalls(scores: dict[str, float], minimum: dict[str, float]) -> list[str]:
    """One line per gated score under its minimum (empty when the gate passes)."""
    return [
        f"{name}: {scores[name]:.4f} < minimum {floor:.4f}"
        for name, floor in minimum.items()
        if scores[name] < floor
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD, help="gold file (default: gated)")
    parser.add_argument("--validate", action="store_true", help="check the gold and exit")
    parser.add_argument("--pin", action="store_true", help="pin the gold's hash in the gate")
    parser.add_argument("--no-dense", action="store_true")
    parser.add_argument("--cache", action="store_true", help="reuse eval/.cache analyses")
    parser.add_argument("--errors", type=int, default=0, help="print N statement errors")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    if not basil.available():
        print(f"skipped: data folder not found ({basil.DATA})")
        return 0
    if args.pin and args.gold.resolve() != GOLD.resolve():
        print(f"{args.gold}: only {GOLD.name} is pinned in the gate")
        return 2
    gold = load_gold(args.gold)
    problems = validate(gold, basil.load_articles())
    for problem in problems:
        print(f"{args.gold}: {problem}")
    if problems:
        return 1
    if args.validate or args.pin:
        print(f"{args.gold}: {gold_counts(gold)['spans']} spans valid")
        if args.pin:
            print(f"{GATE}: {pin()['gold_sha256']}")
        return 0
    logging.basicConfig(level=logging.WARNING)
    report = evaluate(gold, not args.no_dense, args.cache, args.errors, args.gold)
    print(json.dumps({k: report[k] for k in ("gold", "systems", "goals", "seconds")}, indent=1))
    if not args.no_write:
        RESULTS.mkdir(parents=True, exist_ok=True)
        name = args.gold.stem  # basil_gold, basil_gold_heldout: one results pair per gold
        (RESULTS / f"{name}.json").write_text(json.dumps(report, indent=1) + "\n")
        (RESULTS / f"{name}.md").write_text(markdown(report), encoding="utf-8")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception:
        traceback.print_exc()
        sys.exit(1)
