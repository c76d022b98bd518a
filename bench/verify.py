"""Verify benchmark: seconds to check a 10-sentence summary of a 20-article story,
after the story's brief.

Run: ``.venv/bin/python bench/verify.py [--articles 20] [--sentences 10] [--repeats 7]``.
Writes ``bench/results/verify.json`` and ``bench/results/verify.md``.

The story is bench/brief.py's (generated articles of ``eval/stream.py``: invented
outlets, people, quotes and figures), analysed and briefed beforehand (untimed), with
the analyser and the similarity model loaded. The summary: the brief's own sentences,
then the articles' sentences in order, until ``--sentences``; every third one with its
first figure changed, so the contradiction path is timed too. Timed: one
:meth:`~newsprism.reconcile.verify.Verifier.verify` call (the summary's analysis, the
similarity matrix, every check and the missing list), median of ``--repeats`` runs,
per similarity model (lexical; dense when installed). Goal: under one second.

``--summary-chars N`` makes the summary instead a long one of about N characters: the
story's pieces of 8-40 words, one a line, over and over (the size a pasted digest or a
whole live blog reaches); each check once read every item of the summary per summary
sentence (quadratic). Before/after: ``PYTHONPATH=/tmp/base/src``, as in bench/README.md.
On 2026-12-06 (load 8-9 on 2 cores: upper bounds; lexical, 20 articles; the verify call
after the summary's analysis, median of 3, same verification before and after):
20,000 chars (245 sentences) 4.32 -> 2.11 s; 100,000 chars (1,228 sentences) 42.9 ->
28.6 s. The summary's own analysis (45-56 s at 100,000 chars) is linear and now most
of a long summary's time.
"""

from __future__ import annotations

import argparse
import platform
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _results import RESULTS, write_report
from brief import material, story_articles, timed
from newsprism.analyze.analyzer import Analyzer
from newsprism.cluster.vectors import dense_available
from newsprism.model import Brief
from newsprism.reconcile.brief import Reconciler
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.similarity import (
    DenseSimilarity,
    LexicalSimilarity,
    TextSimilarity,
)
from newsprism.reconcile.verify import Verifier, verdict_counts

GOAL_SECONDS = 1.0
_FIGURE = re.compile(r"\d[\d,]*")


def summary_of(story: StoryMaterial, brief: Brief, count: int) -> str:
    """``count`` sentences: the brief's, then the story's; every third figure changed."""
    lines = [s.passage.text for s in brief.summary]
    for piece in story.story_pieces():
        if len(lines) >= count:
            break
        if 8 <= len(piece.text.split()) <= 40 and piece.text not in lines:
            lines.append(piece.text)
    changed = []
    for n, line in enumerate(lines[:count]):
        m = _FIGURE.search(line)
        if n % 3 == 2 and m is not None:
            value = int(m.group().replace(",", "")) * 2 + 3
            changed.append(line[: m.start()] + str(value) + line[m.end() :])
        else:
            changed.append(line)
    return "\n".join(changed)


def long_summary(story: StoryMaterial, chars: int) -> str:
    """About ``chars`` characters of the story's own pieces, one a line, repeated."""
    pieces = [p.text for p in story.story_pieces() if 8 <= len(p.text.split()) <= 40]
    lines: list[str] = []
    total = 0
    while pieces and total < chars:
        lines.append(pieces[len(lines) % len(pieces)])
        total += len(lines[-1]) + 1
    return "\n".join(lines)


def run(
    count: int, sentences: int, repeats: int, console: Console, summary_chars: int = 0
) -> dict[str, Any]:
    with console.status("generating and analysing the story"):
        story = material(story_articles(count))
        analyzer = Analyzer()
    models: dict[str, TextSimilarity] = {"lexical": LexicalSimilarity()}
    if dense_available():
        models["dense"] = DenseSimilarity()
    report: dict[str, Any] = {
        "articles": len(story.articles),
        "story_sentences": sum(len(a.sentences) for a in story.analyses.values()),
        "goal_seconds": GOAL_SECONDS,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "models": {},
    }
    for name, similarity in models.items():
        with console.status(f"briefing and verifying ({name})"):
            brief = Reconciler(similarity=similarity).brief(story)
            text = summary_of(story, brief, sentences)
            if summary_chars:
                text = long_summary(story, summary_chars)
            verifier = Verifier(similarity, analyzer)
            result = verifier.verify(story, brief, text)  # warm: first call timed apart
            report["models"][name] = {
                "summary_sentences": len(result.sentences),
                "verdicts": verdict_counts(result.sentences),
                "verify_seconds": timed(
                    lambda v=verifier, b=brief, t=text: v.verify(story, b, t), repeats
                ),
            }
    return report


def markdown(report: dict[str, Any]) -> str:
    lines = [
        "# Verify benchmark",
        "",
        f"A summary checked against one story of {report['articles']} generated articles "
        f"({report['story_sentences']} sentences), after the brief (analyser and similarity "
        f"loaded); median of repeats. Goal: under {report['goal_seconds']:.0f} s. "
        "Measured on a shared 2-core machine: an upper bound.",
        "",
        "| similarity | summary sentences | verdicts | median s | min | max |",
        "| --- | ---: | --- | ---: | ---: | ---: |",
    ]
    for name, found in report["models"].items():
        t = found["verify_seconds"]
        verdicts = ", ".join(f"{v} {n}" for v, n in found["verdicts"].items() if n)
        lines.append(
            f"| {name} | {found['summary_sentences']} | {verdicts} | "
            f"{t['median']:.3f} | {t['min']:.3f} | {t['max']:.3f} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--sentences", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--summary-chars", type=int, default=0)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    console = Console()
    report = run(args.articles, args.sentences, args.repeats, console, args.summary_chars)
    report["summary_chars"] = args.summary_chars
    text = markdown(report)
    console.print(text)
    if not args.no_write:
        write_report(RESULTS, "verify", report, text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
