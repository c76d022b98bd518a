"""Cross-check measured: statement alignment and fact groups against labelled stories.

Run: ``.venv/bin/python eval/crosscheck.py [--sweep] [--no-dense] [--errors N] [--no-write]``
(about a minute; ``--sweep`` adds the threshold grid, about two more). Writes
``eval/results/crosscheck.json`` and ``eval/results/crosscheck.md`` (and with ``--sweep``
``crosscheck_sweep.json`` / ``.md``: the grid, and the pick of the rule at
:data:`PICK_PRECISION`, which the defaults of ``StatementOptions`` must equal).

Sets (how each was made: eval/README.md, section Cross-check):

* **samples** — the three sample stories (``samples/``), ingested and analysed, each
  story being its gold file's articles (the clusterer is not asked); gold: the ``statements``
  and ``facts`` of ``samples/gold/*.json``. Gold variants of articles the English
  analysis cannot read (the German original) are left out and counted.
* **paraphrase (records)** — the invented paraphrase set (``eval/paraphrase_set.py``,
  ``eval/data/paraphrases.json``) with quotes built from the construction: alignment
  alone, extraction perfect.
* **paraphrase (pipeline)** — the same articles through the real ``Analyzer``: quote
  extraction and speaker resolution included.

Systems:

* ``exact text (Quootstrap)``: quote parts (the units newsprism aligns, see
  :func:`newsprism.reconcile.statements.quote_units`) grouped by exact normalised text
  (case-folded, punctuation and spacing removed), speakers ignored, as Quootstrap
  (Pavllo et al., 2018) merges quotes.
* ``newsprism lexical`` / ``newsprism dense``: :func:`align_statements` with
  :class:`LexicalSimilarity` / :class:`DenseSimilarity` and the default
  :class:`StatementOptions` (dense: skipped row when not installed).

Scores, per set, summed over its stories: **pairwise** precision, recall and F1 over
pairs of gold variants of one story: a pair is predicted together when both gold
variants match variants of one predicted statement; a gold variant matches the
predicted variant of its article with the largest character overlap, that overlap
being at least half of the shorter span (none: unmatched, so every pair it is in is
a miss). ``matched`` is the share of gold variants that matched anything.

Facts: :func:`newsprism.reconcile.facts.compare_facts` on the samples, scored the same
way over gold fact values (a predicted fact value is its passage), plus how many gold
facts with two or more matched values got the gold status. The import is lazy: a
skipped row when the module is absent or fails.
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import platform
import re
import sys
import tempfile
import time
import traceback
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, Final

import numpy as np
from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.samples_material
sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsprism.model import Statement
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.similarity import LexicalSimilarity, TextSimilarity
from newsprism.reconcile.statements import (
    PairModel,
    StatementOptions,
    Unit,
    align_statements,
    fold_speakers,
    normalize_words,
    pair_features,
    quote_units,
)
from paraphrase_set import GoldVariant, LabelledStory, build_paraphrase_set, counts

ROOT: Final = Path(__file__).resolve().parent.parent
RESULTS: Final = ROOT / "eval" / "results"

Span = tuple[str, str, int, int]  # (label, article id, start, end)
System = Callable[[StoryMaterial], list[Span]]


@dataclass
class Pairs:
    """Pair counts of one system on one set."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    gold: int = 0
    matched: int = 0

    def add(self, other: Pairs) -> None:
        for name in ("tp", "fp", "fn", "gold", "matched"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def scores(self) -> dict[str, float | int]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "gold_pairs": self.tp + self.fn,
            "predicted_pairs": self.tp + self.fp,
            "gold_variants": self.gold,
            "matched": round(self.matched / self.gold, 4) if self.gold else 1.0,
        }


def match(gold: Sequence[GoldVariant], predicted: Sequence[Span]) -> list[str | None]:
    """Each gold variant's predicted label (see the module doc), or None."""
    by_article: dict[str, list[Span]] = defaultdict(list)
    for span in predicted:
        by_article[span[1]].append(span)
    labels: list[str | None] = []
    for g in gold:
        best, overlap = None, 0
        for label, _, start, end in by_article[g.article]:
            shared = min(g.end, end) - max(g.start, start)
            if shared > overlap and shared >= 0.5 * min(g.end - g.start, end - start):
                best, overlap = label, shared
        labels.append(best)
    return labels


def pairs(gold: Sequence[GoldVariant], labels: Sequence[str | None]) -> Pairs:
    counted = Pairs(gold=len(gold), matched=sum(label is not None for label in labels))
    for a, b in itertools.combinations(range(len(gold)), 2):
        same = gold[a].statement == gold[b].statement
        together = labels[a] is not None and labels[a] == labels[b]
        counted.tp += same and together
        counted.fp += together and not same
        counted.fn += same and not together
    return counted


# --- systems -----------------------------------------------------------------------------


def exact_text(material: StoryMaterial) -> list[Span]:
    """The Quootstrap baseline: quote parts grouped by exact normalised text."""
    return [
        (normalize_words(u.text) or f"{u.article}:{u.start}", u.article, u.start, u.end)
        for u in quote_units(material)
    ]


def statement_spans(statements: Iterable[Statement]) -> list[Span]:
    return [
        (s.id, v.passage.article, v.passage.start, v.passage.end)
        for s in statements
        for v in s.variants
    ]


def newsprism(similarity: TextSimilarity, options: StatementOptions | None = None) -> System:
    def run(material: StoryMaterial) -> list[Span]:
        with story_scope(similarity, material):
            return statement_spans(align_statements(material, similarity, options))

    return run


def story_scope(
    similarity: TextSimilarity, material: StoryMaterial
) -> AbstractContextManager[None]:
    """The scope the product's brief gives a story (``Reconciler._story``): a dense
    model embeds the story's sentences in one pass and pools every quote part from
    them, so the eval measures the vectors the product compares."""
    story = getattr(similarity, "story", None)
    return nullcontext() if story is None else story(p.text for p in material.story_pieces())


# Word pieces of sentence passes the eval's dense model keeps (0.75 KiB each): enough
# for every set at once, so the sweep's grid embeds each sentence once.
EVAL_PIECE_BUDGET: Final = 2_000_000


def dense_similarity() -> TextSimilarity | None:
    from newsprism.cluster.vectors import dense_available
    from newsprism.reconcile.similarity import DenseSimilarity

    return DenseSimilarity(piece_budget=EVAL_PIECE_BUDGET) if dense_available() else None


# --- sets --------------------------------------------------------------------------------


def _spans_of(text: str, needle: str) -> list[tuple[int, int]]:
    return [(m.start(), m.start() + len(needle)) for m in re.finditer(re.escape(needle), text)]


def sample_sets() -> tuple[list[LabelledStory], list[dict[str, Any]], dict[str, Any]]:
    """The sample stories with gold statements as variants; gold facts' values as
    variants of fact labels (second list, per story: material, gold values, status)."""
    from tests.samples_material import SAMPLES, SampleStory, ref_of

    from newsprism.analyze.batch import analyze_stored
    from newsprism.ingest import read_inputs
    from newsprism.model import Article
    from newsprism.model import Story as StoryRecord
    from newsprism.store import Store

    # Each gold file's articles are its story (not the clusterer's grouping, which is
    # measured by eval/clustering.py): alignment is scored on the right articles.
    articles = [a for a in read_inputs([str(SAMPLES / "stories")]) if isinstance(a, Article)]
    by_ref = {ref_of(a): a for a in articles}
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "s.db") as store:
        store.add_articles(articles)
        analyses = analyze_stored(store, [a.id for a in articles])
    stories = {}
    for path in sorted((SAMPLES / "gold").glob("*.json")):
        gold_file = json.loads(path.read_text(encoding="utf-8"))
        members = [by_ref[item["ref"]] for item in gold_file["articles"]]
        record = StoryRecord(
            gold_file["story"], None, tuple(a.id for a in members), _copies(members)
        )
        material_of = StoryMaterial(record, members, {a.id: analyses[a.id] for a in members})
        stories[gold_file["story"]] = SampleStory(
            gold_file["story"], material_of, gold_file,
            {ref_of(a): a.id for a in members}, {a.id: ref_of(a) for a in members},
        )  # fmt: skip
    labelled, facts = [], []
    left_out: dict[str, list[str]] = defaultdict(list)
    for name, sample in sorted(stories.items()):
        material = sample.material
        readable = {a.id for a in material.english()}

        def variants(
            items: Iterable[tuple[str, dict[str, Any]]],
            kind: str,
            sample: Any = sample,
            readable: set[str] = readable,
        ) -> list[GoldVariant]:
            found = []
            for label, item in items:
                article = sample.id_of[item["ref"]]
                if article not in readable:
                    left_out[kind].append(f"{sample.name}: {item['ref']}: {item['text'][:40]}")
                    continue
                text = sample.material.by_id[article].text
                start, end = _spans_of(text, item["text"])[0]
                found.append(GoldVariant(label, article, start, end))
            return found

        gold = sample.gold
        statements = variants(
            ((f"s{k}", v) for k, s in enumerate(gold["statements"]) for v in s["variants"]),
            "statements",
        )
        labelled.append(LabelledStory(name, material, tuple(statements)))
        values = variants(
            ((f"f{k}", v) for k, f in enumerate(gold["facts"]) for v in f["values"]), "facts"
        )
        status = {f"f{k}": f["status"] for k, f in enumerate(gold["facts"])}
        facts.append({"material": material, "gold": values, "status": status})
    return labelled, facts, {k: sorted(v) for k, v in left_out.items()}


def _copies(members: Sequence[Any]) -> tuple[tuple[str, ...], ...]:
    """Syndicated copies among the articles (the near-duplicate index the clusterer
    uses), as the story's duplicate groups."""
    from newsprism.cluster.dedup import DuplicateIndex, signature

    index = DuplicateIndex()
    for article in members:
        index.add(article.id, signature(article.text))
    groups: dict[str, list[str]] = defaultdict(list)
    for article in members:
        groups[index.group_of(article.id)].append(article.id)
    return tuple(tuple(g) for g in groups.values() if len(g) > 1)


# --- runs --------------------------------------------------------------------------------


def score_set(stories: Sequence[LabelledStory], system: System) -> tuple[Pairs, list[str]]:
    total, errors = Pairs(), []
    for story in stories:
        labels = match(story.gold, system(story.material))
        total.add(pairs(story.gold, labels))
        errors.extend(_errors(story, labels))
    return total, errors


def _errors(story: LabelledStory, labels: Sequence[str | None]) -> list[str]:
    """Gold variants split from their statement's majority label, or unmatched."""
    found = []
    by_statement: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(story.gold):
        by_statement[g.statement].append(i)
    for statement, members in by_statement.items():
        seen = [labels[i] for i in members if labels[i] is not None]
        major = max(set(seen), key=seen.count) if seen else None
        for i in members:
            if labels[i] != major or labels[i] is None:
                g = story.gold[i]
                text = story.material.by_id[g.article].text[g.start : g.end]
                found.append(f"{story.name} {statement} -> {labels[i]}: {text[:70]!r}")
    return found


def score_facts(facts: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Fact-group pair scores on the samples, and gold statuses recovered."""
    try:
        from newsprism.reconcile.facts import compare_facts

        total, right, judged = Pairs(), 0, 0
        for story in facts:
            predicted = compare_facts(story["material"])
            spans = [
                (f.id, v.passage.article, v.passage.start, v.passage.end)
                for f in predicted
                for v in f.values
            ]
            status = {f.id: f.status for f in predicted}
            labels = match(story["gold"], spans)
            total.add(pairs(story["gold"], labels))
            grouped: dict[str, list[str]] = defaultdict(list)
            for g, label in zip(story["gold"], labels, strict=True):
                if label is not None:
                    grouped[g.statement].append(label)
            for fact, got in grouped.items():
                if len(got) >= 2:
                    judged += 1
                    right += status[max(set(got), key=got.count)] == story["status"][fact]
    except Exception as error:  # a sibling module in progress must not stop the run
        logging.getLogger(__name__).debug("facts failed", exc_info=True)
        return {"skipped": f"{type(error).__name__}: {error}".splitlines()[0][:200]}
    return {**total.scores(), "status_right": right, "status_judged": judged}


def systems(use_dense: bool) -> dict[str, System | None]:
    dense = dense_similarity() if use_dense else None
    return {
        "exact text (Quootstrap)": exact_text,
        "newsprism lexical": newsprism(LexicalSimilarity()),
        "newsprism dense": newsprism(dense) if dense is not None else None,
    }


# --- the pair model ------------------------------------------------------------------------

# The set the pair models of StatementOptions are fitted on: the invented paraphrase set
# with perfect extraction (its 44 utterances in 3-5 renderings and the same speakers'
# other claims are the hard negatives). The other sets are not used for fitting; the
# thresholds are picked on CALIBRATION_SETS below; BASIL gold (eval/basil_gold.py) is
# neither. eval/statement_pairs_fit.py checks these weights on real unit pairs of the
# BASIL golds (the result is in pair_model.py).
FIT_SET: Final = "paraphrase (records)"


def unit_labels(story: LabelledStory, units: Sequence[Unit]) -> list[str | None]:
    """Each unit's gold statement: the gold variant of its article it overlaps most,
    by at least half of the shorter span (as :func:`match` does), or None."""
    labels: list[str | None] = []
    for unit in units:
        best, overlap = None, 0
        for g in story.gold:
            shared = min(g.end, unit.end) - max(g.start, unit.start)
            half = 0.5 * min(g.end - g.start, unit.end - unit.start)
            if g.article == unit.article and shared > overlap and shared >= half:
                best, overlap = g.statement, shared
        labels.append(best)
    return labels


def pair_rows(
    stories: Sequence[LabelledStory], similarity: TextSimilarity
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Evidence rows (similarity, margin, rivalled, resolved) and gold labels (one
    utterance or not) of every allowed pair of labelled units in the stories."""
    rows, labels = [], []
    for story in stories:
        units = fold_speakers(quote_units(story.material))
        gold = unit_labels(story, units)
        with story_scope(similarity, story.material):
            e = pair_features(units, similarity)
        for i, j in itertools.combinations(range(len(units)), 2):
            if e.forbid[i, j] or gold[i] is None or gold[j] is None:
                continue
            rows.append([e.scores[i, j], e.margins[i, j], e.rivalled[i, j], e.resolved[i, j]])
            labels.append(gold[i] == gold[j])
    return np.array(rows, dtype=np.float64), np.array(labels, dtype=bool)


def fit_pair_model(stories: Sequence[LabelledStory], similarity: TextSimilarity) -> PairModel:
    """Logistic regression (L2, C=1) of one-utterance-or-not on the pair evidence."""
    from sklearn.linear_model import LogisticRegression

    rows, labels = pair_rows(stories, similarity)
    fitted = LogisticRegression(C=1.0).fit(rows, labels)
    weights = [round(float(w), 2) for w in (fitted.intercept_[0], *fitted.coef_[0])]
    return PairModel(*weights)


# The sweep's pick: among grid points with precision >= PICK_PRECISION on every set, at
# that point and at the next lower link threshold (a pick on a knife edge would not
# survive other data), the highest mean F1 over CALIBRATION_SETS (the two end-to-end
# sets; "records" is the same articles with perfect extraction, so counting it too
# would weigh that set twice).
PICK_PRECISION: Final = 0.95
CALIBRATION_SETS: Final = ("samples", "paraphrase (pipeline)")


def sweep(sets: dict[str, list[LabelledStory]], use_dense: bool) -> dict[str, Any]:
    """Scores per set over a grid of thresholds (and the dense blend), per similarity,
    with the pick of the rule above and the defaults' row."""
    base = StatementOptions()
    grids: dict[str, tuple[TextSimilarity | None, list[dict[str, float]]]] = {
        "lexical": (
            LexicalSimilarity(),
            [
                {"link_lexical": link, "unresolved_lexical": loose}
                for link in _grid(0.4, 0.8)
                for loose in (0.6, 0.7, 0.8, 0.9)
                if loose >= link
            ],
        ),
        "dense": (
            dense_similarity() if use_dense else None,
            [
                {"link_dense": link, "unresolved_dense": loose}
                for link in _grid(0.4, 0.8)
                for loose in (0.6, 0.7, 0.8, 0.9)
                if loose >= link
            ],
        ),
    }
    result: dict[str, Any] = {}
    for kind, (similarity, points) in grids.items():
        if similarity is None:
            continue
        rows = []
        for point in points:
            options = replace(base, **point)  # type: ignore[arg-type]
            scored = {
                name: score_set(stories, newsprism(similarity, options))[0].scores()
                for name, stories in sets.items()
            }
            rows.append({**point, "sets": scored})
        pick = max(_eligible(rows), key=_objective, default=None)
        defaults = {k: getattr(base, k) for k in points[0]}
        result[kind] = {
            "rows": rows,
            "pick": {k: v for k, v in pick.items() if k != "sets"} if pick else None,
            "defaults": defaults,
        }
    return result


def report_fit(stories: Sequence[LabelledStory], use_dense: bool, console: Console) -> None:
    """Print the pair models fitted on ``stories`` beside the defaults (which must
    equal them)."""
    base = StatementOptions()
    kinds: dict[str, TextSimilarity | None] = {
        "lexical": LexicalSimilarity(),
        "dense": dense_similarity() if use_dense else None,
    }
    for kind, similarity in kinds.items():
        if similarity is None:
            continue
        fitted = fit_pair_model(stories, similarity)
        default = base.model(similarity)
        same = fitted == default
        console.print(
            f"pair model {kind}: fitted {fitted}"
            + ("" if same else f" [red]differs from the default {default}[/]")
        )


def _precise(row: dict[str, Any] | None) -> bool:
    return row is not None and all(x["precision"] >= PICK_PRECISION for x in row["sets"].values())


def _eligible(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows precise at their point and at the next lower link threshold."""

    def key(row: dict[str, Any], shift: float = 0.0) -> tuple[tuple[str, float], ...]:
        return tuple(
            (k, round(v - shift, 2) if k.startswith("link") else v)
            for k, v in row.items()
            if k != "sets"
        )

    index = {key(row): row for row in rows}
    return [r for r in rows if _precise(r) and _precise(index.get(key(r, 0.05)))]


def _objective(row: dict[str, Any]) -> float:
    return _mean(row["sets"][name]["f1"] for name in CALIBRATION_SETS)


def _grid(low: float, high: float, step: float = 0.05) -> list[float]:
    return [round(float(x), 2) for x in np.arange(low, high + 1e-9, step)]


def _mean(values: Iterable[float]) -> float:
    items = list(values)
    return round(sum(items) / len(items), 4) if items else 0.0


# --- report ------------------------------------------------------------------------------


def _table(rows: list[dict[str, Any]]) -> Table:
    table = Table(title="Statement alignment: pairwise scores")
    for column in ("set", "system", "P", "R", "F1", "gold pairs", "matched"):
        table.add_column(column, justify="left" if column in ("set", "system") else "right")
    for row in rows:
        if "skipped" in row:
            table.add_row(row["set"], row["system"], "-", "-", "-", "-", row["skipped"])
            continue
        table.add_row(
            row["set"], row["system"], f"{row['precision']:.3f}", f"{row['recall']:.3f}",
            f"{row['f1']:.3f}", str(row["gold_pairs"]), f"{row['matched']:.2f}",
        )  # fmt: skip
    return table


def _markdown(report: dict[str, Any]) -> str:
    lines = [
        "# Cross-check evaluation",
        "",
        f"Run by `eval/crosscheck.py` on {report['when']} ({report['seconds']} s). "
        "How the sets were made: eval/README.md, section Cross-check.",
        "",
        "## Statement alignment (pairwise over gold variants)",
        "",
        "| set | system | precision | recall | F1 | gold pairs | matched |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in report["statements"]:
        if "skipped" in row:
            lines.append(f"| {row['set']} | {row['system']} | skipped: {row['skipped']} | | | | |")
        else:
            lines.append(
                f"| {row['set']} | {row['system']} | {row['precision']:.3f} | "
                f"{row['recall']:.3f} | {row['f1']:.3f} | {row['gold_pairs']} | "
                f"{row['matched']:.2f} |"
            )
    facts = report["facts"]
    lines += ["", "## Fact groups (samples, pairwise over gold values)", ""]
    if "skipped" in facts:
        lines.append(f"skipped: {facts['skipped']}")
    else:
        lines += [
            "| precision | recall | F1 | gold pairs | matched | status right |",
            "| ---: | ---: | ---: | ---: | ---: | ---: |",
            f"| {facts['precision']:.3f} | {facts['recall']:.3f} | {facts['f1']:.3f} | "
            f"{facts['gold_pairs']} | {facts['matched']:.2f} | "
            f"{facts['status_right']}/{facts['status_judged']} |",
        ]
    lines += ["", "## Gold items left out (not in an English article)", ""]
    for kind, items in report["left_out"].items():
        lines.append(f"- {kind}: {len(items)}")
    return "\n".join(lines) + "\n"


def _sweep_markdown(swept_all: dict[str, Any], when: str) -> str:
    lines = [
        "# Cross-check threshold sweep",
        "",
        f"Run by `eval/crosscheck.py --sweep` on {when}. Statement alignment, pairwise "
        "precision / recall / F1 per set at each grid point; the defaults of "
        "`StatementOptions` are the picks.",
    ]
    for kind, swept in swept_all.items():
        lines += ["", f"## Threshold sweep: {kind}", ""]
        lines.append(
            f"Pick (precision >= {PICK_PRECISION} on every set, there and at the next "
            f"lower link threshold; best mean F1 over {', '.join(CALIBRATION_SETS)}): "
            f"`{swept['pick']}`; defaults: "
            f"`{swept['defaults']}`."
        )
        rows = swept["rows"]
        names = list(rows[0]["sets"]) if rows else []
        keys = [k for k in rows[0] if k != "sets"] if rows else []
        lines += [
            "",
            "| " + " | ".join(keys) + " | " + " | ".join(f"{n} P / R / F1" for n in names) + " |",
            "| " + " | ".join("---:" for _ in keys + names) + " |",
        ]
        for row in rows:
            cells = [f"{row[k]:.2f}" for k in keys] + [
                "{precision:.3f} / {recall:.3f} / {f1:.3f}".format(**row["sets"][n]) for n in names
            ]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sweep", action="store_true", help="add the threshold grid")
    parser.add_argument("--no-dense", action="store_true", help="lexical only")
    parser.add_argument("--errors", type=int, default=0, help="print N misaligned variants")
    parser.add_argument("--no-write", action="store_true", help="do not write results")
    parser.add_argument("--fit", action="store_true", help=f"fit the pair models on {FIT_SET}")
    args = parser.parse_args(argv)
    console = Console(width=110)
    began = time.perf_counter()
    samples, facts, left_out = sample_sets()
    sets = {
        "samples": samples,
        "paraphrase (records)": build_paraphrase_set("records"),
        "paraphrase (pipeline)": build_paraphrase_set("pipeline"),
    }
    if args.fit:
        report_fit(sets[FIT_SET], not args.no_dense, console)
    rows, errors = [], {}
    for system_name, system in systems(not args.no_dense).items():
        for set_name, stories in sets.items():
            row: dict[str, Any] = {"set": set_name, "system": system_name}
            if system is None:
                rows.append({**row, "skipped": "dense embeddings not installed"})
                continue
            scored, found = score_set(stories, system)
            rows.append({**row, **scored.scores()})
            errors[f"{set_name} / {system_name}"] = found
    report: dict[str, Any] = {
        "when": time.strftime("%Y-%m-%d"),
        "python": platform.python_version(),
        "paraphrase_set": counts(),
        "options": asdict(StatementOptions()),
        "statements": rows,
        "facts": score_facts(facts),
        "left_out": left_out,
    }
    if args.sweep:
        report["sweep"] = sweep(sets, not args.no_dense)
        for kind, swept in report["sweep"].items():
            same = swept["pick"] == swept["defaults"]
            console.print(
                f"sweep {kind}: pick {swept['pick']}"
                + ("" if same else f" [red]differs from the defaults {swept['defaults']}[/]")
            )
    report["seconds"] = round(time.perf_counter() - began, 1)
    console.print(_table(rows))
    fact_row = report["facts"]
    console.print(
        f"fact groups (samples): {fact_row}" if "skipped" in fact_row else
        "fact groups (samples): P {precision:.3f} R {recall:.3f} F1 {f1:.3f}, "
        "status {status_right}/{status_judged}".format(**fact_row)
    )  # fmt: skip
    for name, found in errors.items():
        for line in found[: args.errors]:
            console.print(f"[dim]{name}:[/] {line}", markup=True, highlight=False)
    if not args.no_write:
        RESULTS.mkdir(parents=True, exist_ok=True)
        swept = report.pop("sweep", None)
        (RESULTS / "crosscheck.json").write_text(json.dumps(report, indent=1) + "\n")
        (RESULTS / "crosscheck.md").write_text(_markdown(report))
        console.print(f"wrote {RESULTS / 'crosscheck.json'} and crosscheck.md")
        if swept is not None:
            (RESULTS / "crosscheck_sweep.json").write_text(json.dumps(swept, indent=1) + "\n")
            (RESULTS / "crosscheck_sweep.md").write_text(_sweep_markdown(swept, report["when"]))
            console.print(f"wrote {RESULTS / 'crosscheck_sweep.json'} and crosscheck_sweep.md")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception:
        traceback.print_exc()
        sys.exit(1)
