"""The cross-check scored on a second real gold: hand-labelled Multi-News clusters.

Run: ``.venv/bin/python eval/multinews_gold.py [--gold PATH ...] [--validate] [--no-dense]
[--cache] [--errors N] [--no-write]`` (a few minutes on 2 shared cores: the documents are
analysed afresh unless ``--cache``, which reuses ``eval/.cache`` keyed by ``ANALYZER_VERSION``).
``--gold`` may be given several times (``make eval`` scores the development and the blind
files in one run); without it the development file ``eval/data/multinews_gold.json`` is
scored. ``--validate`` only checks the files (structure, offsets, span hashes) against the
shared texts and exits. Writes ``eval/results/<gold file stem>.json`` / ``.md`` (numbers
only, no text).

Why a second gold: the BASIL gold files (``eval/basil_gold.py``) use nearly all of BASIL's
70 stories, and every rule read off them has been judged on at most 20 blind stories of
three outlets (NYT, Fox News, HuffPost). The Multi-News sample
(``../shared/data/multinews-sample/clusters.jsonl``) is other reporting: scraped pages of
2-10 outlets about one event, with page debris, tweets and verbatim copies of statements.

Gold: ``eval/data/multinews_gold.json`` (development, 11 clusters),
``eval/data/multinews_gold_blind.json`` and ``multinews_gold_blind2.json`` (blind, 10 and
11 clusters), the schema and rules of the BASIL gold (``rules`` copied unchanged), ids and
offsets only; their ``about`` says how the clusters were chosen. An article id is
``<cluster>-<document index>``; a story's ``articles`` are the documents that report its
event. Texts are rebuilt by :func:`text_of`
(paragraphs kept, whitespace folded: the form ``eval/real_sets.py`` reads, so analyses are
shared through the cache). Documents have no outlet metadata: each is its own source, named
by its id, as a folder of unlabelled scraped files is read; they are undated and untitled.

A file marked ``"blind": true`` is scored for totals only: no per-story rows are written
and ``--errors`` prints nothing for it.

Scoring and systems are those of ``eval/basil_gold.py`` (spans that overlap,
``eval/basil_gold_score.py``): the exact-text baseline beside newsprism lexical and dense.
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
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Final

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import basil_gold
import basil_gold_score as score
from basil_gold import BASELINE, PARTS, GoldStory, Scored
from real_sets import data_root

logger = logging.getLogger(__name__)

ROOT: Final = Path(__file__).resolve().parent.parent
GOLD: Final = ROOT / "eval" / "data" / "multinews_gold.json"
BLIND: Final = ROOT / "eval" / "data" / "multinews_gold_blind.json"
RESULTS: Final = ROOT / "eval" / "results"
_ID: Final = re.compile(r"^(\d+)-(\d+)$")


def data_file() -> Path:
    return data_root() / "multinews-sample" / "clusters.jsonl"


def available() -> bool:
    return data_file().exists()


def text_of(document: str) -> str:
    """A document as the gold's offsets read it: paragraphs split at blank lines and joined
    by one blank line, whitespace runs inside a paragraph folded to one space."""
    paragraphs = re.split(r"\n\s*\n", document)
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def _rows(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def load_texts(path: Path | None = None) -> dict[str, str]:
    """Every document of the sample by article id ``<cluster>-<index>``."""
    return {
        f"{row['cluster']}-{i}": text_of(document)
        for row in _rows(path or data_file())
        for i, document in enumerate(row["documents"])
    }


def load_gold(path: Path = GOLD) -> dict[str, Any]:
    return dict(json.loads(path.read_text(encoding="utf-8")))


def structure_problems(gold: dict[str, Any]) -> list[str]:
    """The BASIL gold's shape checks, and: every article id names a document of the story's
    cluster, every span lies in one of the story's articles (needs no data)."""
    problems = basil_gold.structure_problems(gold)
    for story in gold["stories"]:
        cluster, articles = story["story"], story.get("articles", [])
        if len(articles) < 2 or len(set(articles)) != len(articles):
            problems.append(f"{cluster}: needs two or more distinct articles")
        for aid in articles:
            found = _ID.match(aid)
            if found is None or found.group(1) != cluster:
                problems.append(f"{cluster}: article {aid} is not a document of the cluster")
        for span in basil_gold.spans_of(story):
            if span.get("article") not in articles:
                problems.append(f"{cluster}: span in {span.get('article')}, not a story article")
    return problems


def validate(gold: dict[str, Any], texts: dict[str, str]) -> list[str]:
    """Problems with the gold (empty: well formed, every span fits its text and hash)."""
    problems = structure_problems(gold)
    for story in gold["stories"]:
        for span in basil_gold.spans_of(story):
            text = texts.get(span["article"])
            if text is None:
                problems.append(f"{story['story']}: article {span['article']} not in the data")
            elif span["end"] > len(text):
                problems.append(f"{span['article']}: span {span['start']}-{span['end']} out")
            elif _sha1(text[span["start"] : span["end"]]) != span["sha1"]:
                problems.append(f"{span['article']}: span {span['start']} changed")
    return problems


def _sha1(piece: str) -> str:
    return hashlib.sha1(piece.encode()).hexdigest()[:12]


# --- the run ------------------------------------------------------------------------------


def _systems(use_dense: bool) -> dict[str, Any]:
    from newsprism.cluster.vectors import dense_available
    from newsprism.reconcile.brief import BriefOptions, Reconciler

    found = {"newsprism lexical": Reconciler(BriefOptions(embeddings="off"))}
    if use_dense and dense_available():
        found["newsprism dense"] = Reconciler(BriefOptions(embeddings="on"))
    return found


def material(story: dict[str, Any], texts: dict[str, str], cached: bool) -> Any:
    """The story's documents as newsprism articles (each its own source, undated), analysed."""
    from newsprism.model import Article, Story
    from newsprism.reconcile.material import StoryMaterial

    articles = [
        Article(aid, f"multinews/{aid}", texts[aid], outlet=aid, language="en")
        for aid in story["articles"]
    ]
    if cached:
        from real_sets import analyses

        found = analyses(articles)
    else:
        from newsprism.analyze.analyzer import Analyzer

        found = dict(zip([a.id for a in articles], Analyzer().analyze_many(articles), strict=True))
    return StoryMaterial(Story(story["story"], None, tuple(story["articles"])), articles, found)


def evaluate(
    gold: dict[str, Any],
    texts: dict[str, str],
    use_dense: bool,
    cached: bool,
    errors: int,
    path: Path = GOLD,
) -> dict[str, Any]:
    """Every system on every gold story; the report (numbers only; no per-story rows for a
    blind file)."""
    began = time.perf_counter()
    blind = bool(gold.get("blind"))
    systems = _systems(use_dense)
    scored = {name: Scored(PARTS) for name in [BASELINE, *systems]}
    per_story: list[dict[str, Any]] = []
    shown: list[str] = []
    for story in gold["stories"]:
        found = material(story, texts, cached)
        mine = {a.id: a.text for a in found.articles}
        truth = GoldStory.of(story)
        row: dict[str, Any] = {"story": story["story"]}
        for name, system in [(BASELINE, None), *systems.items()]:
            got = (
                basil_gold.baseline(found)
                if system is None
                else basil_gold.of_brief(system.brief(found), found)
            )
            scored[name].add_story(mine, truth, got)
            counted = score.group_pairs(mine, truth.statements, got.statements)
            row[name] = {"statement_pairs": [counted.recalled, counted.gold]}
            if name == "newsprism lexical" and not blind:
                shown += basil_gold.statement_errors(mine, story, truth, got)
                shown += basil_gold.contradiction_errors(mine, story, got)
        per_story.append(row)
    for line in shown[:errors]:
        print(line)
    report = {
        "when": time.strftime("%Y-%m-%d"),
        "gold_file": path.name,
        "gold_sha256": basil_gold.sha256_of(path),
        "blind": blind,
        "gold": basil_gold.gold_counts(gold) | {"articles": _articles(gold)},
        "unit": "overlap (see eval/basil_gold_score.py)",
        "systems": {name: s.report(name != BASELINE) for name, s in scored.items()},
        "goals": basil_gold.goals(scored),
        "seconds": round(time.perf_counter() - began, 1),
    }
    if not blind:
        report["stories"] = per_story
    return report


def _articles(gold: dict[str, Any]) -> int:
    return sum(len(story["articles"]) for story in gold["stories"])


def markdown(report: dict[str, Any], name: str) -> str:
    """The results as Markdown (numbers only)."""
    g = report["gold"]
    kind = "blind: totals only" if report["blind"] else "development"
    lines = [
        f"# Multi-News gold: the cross-check on real reporting ({report['when']})",
        "",
        f"Gold file: `eval/data/{name}.json` ({kind}).",
        "",
        f"{g['stories']} clusters, {g['articles']} documents (each its own source, undated), "
        f"{g['spans']} gold spans: {g['statements']} statements carried by 2+ documents "
        f"({g['statement_pairs']} pairs) and {g['single_statements']} single-document ones, "
        f"{g['facts']} fact groups ({g['facts_differ']} differ), {g['contradictions']} "
        f"contradictions, {g['exclusives']} exclusives. Unit: spans overlap "
        "(eval/basil_gold_score.py); `eval/multinews_gold.py`, untuned.",
        "",
        "| part | system | P | R | F1 | right / judged | recalled / gold |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for part in PARTS:
        for system, rows in report["systems"].items():
            r = rows[part]
            lines.append(
                f"| {part} | {system} | {r['precision']:.3f} | {r['recall']:.3f} | "
                f"{r['f1']:.3f} | {r['right']} / {r['judged']} | {r['recalled']} / {r['gold']} |"
            )
    lines += _details(report)
    if "stories" in report:
        lines += _stories(report)
    lines += ["", "Goals (issue 12):", ""]
    for system, met in report["goals"].items():
        for goal, ok in met.items():
            lines.append(f"- {system}: {goal}: {'met' if ok else 'not met'}")
    lines += ["", f"Run time {report['seconds']} s on a shared 2-core machine."]
    return "\n".join(lines) + "\n"


def _details(report: dict[str, Any]) -> list[str]:
    """Statement misses by cause and wrong pairs; fact status; summary support."""
    lines = [
        "",
        "Statement pairs missed by cause (unit, speaker, linkage, other) and wrong pairs "
        "(cross, half), as in eval/basil_gold.md; fact status and summary support:",
        "",
        "| system | unit | speaker | linkage | other | wrong: cross | wrong: half "
        "| fact status right | differ flagged | summary supporters | violations |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for system, rows in report["systems"].items():
        st, fa = rows["statements"], rows["facts"]
        causes = [st["misses"][k] for k in ("unit", "speaker", "linkage", "other")]
        causes += [st["false_links"][k] for k in ("cross", "half")]
        support = rows.get("summary_support")
        lines.append(
            f"| {system} | " + " | ".join(str(c) for c in causes)
            + f" | {fa['status_right']} / {fa['status_judged']}"
            + f" | {fa['differ_flagged']} / {fa['differ_gold']} | "
            + (f"{support['supporters']} | {support['violations']} |" if support else "- | - |")
        )  # fmt: skip
    return lines


def _stories(report: dict[str, Any]) -> list[str]:
    systems = list(report["systems"])
    lines = [
        "",
        "Statement pairs recalled / gold per cluster:",
        "",
        "| cluster | " + " | ".join(systems) + " |",
        "| --- |" + " ---: |" * len(systems),
    ]
    for row in report["stories"]:
        cells = [
            f"{row[s]['statement_pairs'][0]} / {row[s]['statement_pairs'][1]}" for s in systems
        ]
        lines.append(f"| {row['story']} | " + " | ".join(cells) + " |")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--gold", type=Path, action="append", help="gold file (repeatable)")
    parser.add_argument("--validate", action="store_true", help="check the gold and exit")
    parser.add_argument("--no-dense", action="store_true")
    parser.add_argument("--cache", action="store_true", help="reuse eval/.cache analyses")
    parser.add_argument("--errors", type=int, default=0, help="print N errors (not for blind)")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    if not available():
        print(f"skipped: data folder not found ({data_file().parent})")
        return 0
    texts = load_texts()
    logging.basicConfig(level=logging.WARNING)
    for path in args.gold or [GOLD]:
        gold = load_gold(path)
        problems = validate(gold, texts)
        for problem in problems:
            print(f"{path}: {problem}")
        if problems:
            return 1
        if args.validate:
            print(f"{path}: {basil_gold.gold_counts(gold)['spans']} spans valid")
            continue
        report = evaluate(gold, texts, not args.no_dense, args.cache, args.errors, path)
        print(json.dumps({k: report[k] for k in ("gold", "systems", "goals", "seconds")}, indent=1))
        if not args.no_write:
            RESULTS.mkdir(parents=True, exist_ok=True)
            (RESULTS / f"{path.stem}.json").write_text(json.dumps(report, indent=1) + "\n")
            (RESULTS / f"{path.stem}.md").write_text(markdown(report, path.stem), encoding="utf-8")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception:
        traceback.print_exc()
        sys.exit(1)
