"""Brief benchmark: seconds to cross-check one story of 50 articles, after analysis.

Run: ``.venv/bin/python bench/brief.py [--articles 50] [--repeats 5]``.
Writes ``bench/results/brief.json`` and ``bench/results/brief.md``.

The story: articles of ``eval/stream.py``'s generated stream (invented outlets, people,
quotes, numbers, dates; syndicated copies and follow-ups), taken from its largest story
and then the stories that follow it up (the same people, days later), until there are
``--articles``; one :class:`~newsprism.model.Story` holds them all, with the stream's
syndicated copies as duplicate groups. They are analysed first (untimed). Then
:meth:`~newsprism.reconcile.brief.Reconciler.brief` is timed ``--repeats`` times for
each similarity model (lexical; dense when installed, its model loaded beforehand), and
each step once on its own. The goal: under one second per brief.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))

from _results import RESULTS, write_report
from newsprism.analyze.analyzer import Analyzer
from newsprism.cluster.vectors import dense_available
from newsprism.model import Story
from newsprism.reconcile.brief import Reconciler
from newsprism.reconcile.discrepancies import find_discrepancies
from newsprism.reconcile.exclusives import find_exclusives
from newsprism.reconcile.facts import compare_facts
from newsprism.reconcile.framing import frame
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.roster import build_roster
from newsprism.reconcile.similarity import (
    DenseSimilarity,
    LexicalSimilarity,
    TextSimilarity,
)
from newsprism.reconcile.statements import align_statements
from newsprism.reconcile.summary import summarize
from newsprism.reconcile.timeline import build_timeline
from stream import StreamArticle, generate_stream

GOAL_SECONDS = 1.0


def story_articles(count: int) -> list[StreamArticle]:
    """The largest generated story, then its follow-ups and the next largest stories,
    until ``count`` articles."""
    stream = generate_stream(3_000)
    by_story: dict[int, list[StreamArticle]] = {}
    for item in stream.articles:
        by_story.setdefault(item.story, []).append(item)
    plans = sorted(stream.stories, key=lambda p: -len(by_story.get(p.index, [])))
    order = [plans[0].index]
    order += [p.index for p in stream.stories if p.parent == plans[0].index]
    order += [p.index for p in plans if p.index not in order]
    chosen: list[StreamArticle] = []
    for index in order:
        chosen += by_story.get(index, [])
        if len(chosen) >= count:
            break
    return chosen[:count]


def material(items: Sequence[StreamArticle]) -> StoryMaterial:
    articles = [i.article for i in items]
    groups: dict[int, list[str]] = {}
    for item in items:
        if item.duplicate_group is not None:
            groups.setdefault(item.duplicate_group, []).append(item.article.id)
    story = Story(
        id="sbench", title=articles[0].title, articles=tuple(a.id for a in articles),
        duplicates=tuple(tuple(g) for g in groups.values() if len(g) > 1),
    )
    analyses = {a.article_id: a for a in Analyzer().analyze_many(articles)}
    return StoryMaterial(story, articles, analyses)


def timed(run: Callable[[], object], repeats: int) -> dict[str, float]:
    seconds = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        seconds.append(time.perf_counter() - started)
    return {"median": statistics.median(seconds), "min": min(seconds), "max": max(seconds)}


def step_seconds(story: StoryMaterial, similarity: TextSimilarity) -> dict[str, float]:
    """Each step once, alone (the steps that need statements or facts get them)."""
    statements = align_statements(story, similarity)
    facts = compare_facts(story)
    steps: dict[str, Callable[[], object]] = {
        "statements": lambda: align_statements(story, similarity),
        "facts": lambda: compare_facts(story),
        "discrepancies": lambda: find_discrepancies(story, facts, similarity),
        "exclusives": lambda: find_exclusives(story, statements, facts),
        "timeline": lambda: build_timeline(story),
        "summary": lambda: summarize(story, similarity),
        "roster": lambda: build_roster(story),
        "framing": lambda: frame(story, statements, facts),
    }
    return {name: timed(step, 1)["median"] for name, step in steps.items()}


def run(count: int, repeats: int, console: Console) -> dict[str, Any]:
    with console.status("generating and analysing the story"):
        story = material(story_articles(count))
    models: dict[str, TextSimilarity] = {"lexical": LexicalSimilarity()}
    if dense_available():
        models["dense"] = DenseSimilarity()
    report: dict[str, Any] = {
        "articles": len(story.articles),
        "sentences": sum(len(a.sentences) for a in story.analyses.values()),
        "quotes": sum(len(a.quotes) for a in story.analyses.values()),
        "goal_seconds": GOAL_SECONDS,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "models": {},
    }
    for name, similarity in models.items():
        reconciler = Reconciler(similarity=similarity)
        # The first brief is timed apart: it loads spaCy for the clause checks and, for
        # the dense model, embeds every sentence once (later briefs hit that cache).
        first = timed(lambda r=reconciler: r.brief(story), 1)["median"]
        with console.status(f"timing the brief ({name})"):
            report["models"][name] = {
                "first_brief_seconds": first,
                "brief_seconds": timed(lambda r=reconciler: r.brief(story), repeats),
                "steps": step_seconds(story, similarity),
            }
    return report


def markdown(report: dict[str, Any]) -> str:
    lines = [
        "# Brief benchmark",
        "",
        f"One story of {report['articles']} generated articles ({report['sentences']} "
        f"sentences, {report['quotes']} quotes), analysed beforehand; median of repeats after "
        "a first brief timed apart (spaCy loading for clause checks; dense: embedding every "
        "sentence once, cached for later briefs). "
        f"Goal: under {report['goal_seconds']:.0f} s per brief.",
        "",
        "| similarity | first brief s | brief median s | min | max | slowest step |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for name, found in report["models"].items():
        b = found["brief_seconds"]
        step, secs = max(found["steps"].items(), key=lambda kv: kv[1])
        lines.append(f"| {name} | {found['first_brief_seconds']:.3f} | {b['median']:.3f} | "
                     f"{b['min']:.3f} | {b['max']:.3f} | "
                     f"{step} {secs:.3f} s |")
    lines += ["", "Per step (one run each, seconds):", "",
              "| step | " + " | ".join(report["models"]) + " |",
              "| --- |" + " ---: |" * len(report["models"])]
    steps = next(iter(report["models"].values()))["steps"]
    for step in steps:
        cells = " | ".join(f"{m['steps'][step]:.3f}" for m in report["models"].values())
        lines.append(f"| {step} | {cells} |")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    console = Console()
    report = run(args.articles, args.repeats, console)
    table = Table(title="Brief of one story", header_style="bold cyan")
    for column in ("similarity", "median s", "min s", "max s"):
        table.add_column(column, justify="right" if column != "similarity" else "left")
    for name, found in report["models"].items():
        b = found["brief_seconds"]
        table.add_row(name, f"{b['median']:.3f}", f"{b['min']:.3f}", f"{b['max']:.3f}")
    console.print(table)
    if not args.no_write:
        write_report(RESULTS, "brief", report, markdown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
