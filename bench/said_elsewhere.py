"""Said-elsewhere benchmark: the exclusives of one story in which many outlets quote one
official, each in words of its own.

The "said elsewhere" rule (:class:`newsprism.reconcile.exclusive_told.SaidElsewhere`)
weighs each quote or claim with a speaker against every other source's sentences of that
speaker, two texts at a time: one pair per candidate and other source. It once fitted a
TF-IDF per pair (~20 ms loaded): ``--outlets`` 30 outlets quoting one official made
thousands of fits. The story: ``--outlets`` invented articles, each quoting Mayor Ansel
Roos in ``--quotes`` sentences drawn from a pool of invented words (so most statements
are one outlet's and are candidates), analysed beforehand (untimed). Timed (median of
``--repeats``): the rule's ``told`` over the exclusives' candidates, and
:func:`~newsprism.reconcile.exclusives.find_exclusives` whole. Before/after: run with
``PYTHONPATH=<old tree>/src``, as in bench/README.md.

    .venv/bin/python bench/said_elsewhere.py [--outlets 30] [--quotes 8] [--repeats 3]

On 2026-12-06 (2 shared cores, load about 6: upper bounds), 30 outlets, 117 statements,
34 candidates (28 told elsewhere, the same before and after): the rule 5.39 s with a fit
per pair, 0.139 s with :class:`~newsprism.reconcile.pair_lexical.PairLexical`; all
exclusives 7.82 -> 0.33 s (medians of 3).

Prints one JSON object (and writes ``bench/results/said_elsewhere.json`` unless
``--no-write``).
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import time
from collections.abc import Callable, Sequence
from typing import Any

from _results import RESULTS, write_report
from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Article, Story
from newsprism.reconcile import exclusive_told, exclusives
from newsprism.reconcile.exclusive_details import StoryDetails
from newsprism.reconcile.facts import compare_facts
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.roster import build_roster, story_names
from newsprism.reconcile.similarity import LexicalSimilarity
from newsprism.reconcile.statements import align_statements

_SUBJECTS = (
    "the harbour", "the old ferry line", "the northern quay", "the lock gates", "the levy",
    "the fishing fleet", "the night shuttle", "the sea wall", "the fuel depot", "the pier",
    "the tram depot", "the grain silo", "the school roof", "the lighthouse", "the bridge",
)  # fmt: skip
_VERBS = (
    "will need", "was refused", "cannot wait for", "deserves", "has lost", "must get",
    "should never have had", "will be given", "has asked for", "was promised",
)  # fmt: skip
_OBJECTS = (
    "a new survey", "money from the region", "a second inquiry", "three more pumps",
    "an honest account", "stronger cables", "a night watchman", "fresh timber",
    "a proper drain", "the old crane", "its own budget", "a better road",
)  # fmt: skip
_WHEN = (
    "before the summer", "by the spring", "this winter", "after the vote", "next month",
    "within a year", "once the storm passes", "before the elections",
)  # fmt: skip


_SYLLABLES = ("bro", "vel", "tar", "sen", "kol", "mir", "dun", "ash", "pel", "rik", "sto", "ven")


def _nonce(rng: random.Random) -> str:
    """An invented modifier ("brovel"): few quotes share all their words."""
    return "".join(rng.choice(_SYLLABLES) for _ in range(3))


def article_text(rng: random.Random, outlet: int, quotes: int) -> str:
    """One outlet's report: a lead, then quotes and reported speech of the mayor, each
    its own draw of words (so most statements are one outlet's)."""
    lines = [f"Velmar's council met on Tuesday after the storm, Outlet {outlet} reports."]
    for n in range(quotes):
        verb, thing, when = (rng.choice(pool) for pool in (_VERBS, _OBJECTS, _WHEN))
        words = f"{verb} {_nonce(rng)} {thing.split()[-1]} {when}"
        subject = rng.choice(_SUBJECTS).replace("the ", f"the {_nonce(rng)} ", 1)
        if n % 2:
            lines.append(f"Mayor Ansel Roos said on Tuesday that {subject} {words}.")
        else:
            lines.append(f"\u201c{subject.capitalize()} {words},\u201d Mayor Ansel Roos said.")
    return "\n\n".join(lines)


def material(outlets: int, quotes: int) -> StoryMaterial:
    rng = random.Random(72026)
    articles = [
        Article(f"a{n}", f"bench/said/{n}", article_text(rng, n, quotes),
                outlet=f"Outlet {n}", language="en")
        for n in range(outlets)
    ]  # fmt: skip
    story = Story("said", None, tuple(a.id for a in articles))
    analyses = {a.article_id: a for a in Analyzer().analyze_many(articles)}
    return StoryMaterial(story, articles, analyses)


def timed(run: Callable[[], object], repeats: int) -> float:
    seconds = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds)


def run(outlets: int, quotes: int, repeats: int) -> dict[str, Any]:
    story = material(outlets, quotes)
    statements = align_statements(story, LexicalSimilarity())
    facts = compare_facts(story)
    sentences = story.story_pieces()
    people = build_roster(story)
    elsewhere = StoryDetails(story, sentences, story_names(story, people))
    options = exclusives.ExclusiveOptions()
    detailed, plain = exclusives._claim_candidates(
        story, sentences, statements, facts, elsewhere, options
    )
    candidates = [
        *exclusives._quote_candidates(story, statements, facts, elsewhere),
        *detailed,
        *plain,
    ]
    rule = exclusive_told.SaidElsewhere(story, sentences, statements, elsewhere, options)
    told = rule.told(candidates)
    return {
        "outlets": outlets,
        "statements": len(statements),
        "candidates": len(candidates),
        "told_elsewhere": sum(told),
        "told_seconds": timed(lambda: rule.told(candidates), repeats),
        "exclusives_seconds": timed(lambda: exclusives.find_exclusives(story, statements, facts),
                                    repeats),
        "python": platform.python_version(),
    }  # fmt: skip


def markdown(report: dict[str, Any]) -> str:
    return (
        "# Said-elsewhere benchmark\n\n"
        f"{report['outlets']} outlets quoting one official, {report['statements']} "
        f"statements, {report['candidates']} candidates ({report['told_elsewhere']} told "
        f"elsewhere): the rule {report['told_seconds']:.3f} s, all exclusives "
        f"{report['exclusives_seconds']:.3f} s (medians).\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--outlets", type=int, default=30)
    parser.add_argument("--quotes", type=int, default=8)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    report = run(args.outlets, args.quotes, args.repeats)
    print(json.dumps(report, indent=2))
    if not args.no_write:
        write_report(RESULTS, "said_elsewhere", report, markdown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
