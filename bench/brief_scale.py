"""Brief size sweep: seconds per brief step as one story grows to hundreds of articles.

Run: ``.venv/bin/python bench/brief_scale.py [--articles 50 200 400] [--repeats 3]
[--copies 0.25] [--blogs 1] [--name brief_scale] [--before NAME] [--profile STEP]``.
Writes ``bench/results/<name>.json`` and ``bench/results/<name>.md``; ``--before``
adds a before/after table against ``bench/results/NAME.json`` (a run of older code).

bench/brief.py times a story of 50 articles. A week of coverage of one event is
hundreds of articles: many outlets telling one event in their own words, syndicated
copies of wire stories, and now and then a live blog that runs all day. The story made
here for ``N`` articles (all invented, from ``eval/stream.py``'s generator):

* one event (the stream's largest story, 40 articles in its outlets' own words, its
  wire copies among them), grown to ``N`` minus the copies and blogs articles by
  retellings: an original's lede paragraph and as many paragraphs drawn from all the
  originals' bodies, under one of their outlets (only the stream's public
  ``generate_stream``; before 6 Dec the story was grown by the stream's private plan
  functions, so figures before then are of other texts);
* ``--copies`` (a share of ``N``) syndicated copies: an earlier article's text under
  another outlet, word for word or with its last paragraph cut, in the original's
  duplicate group;
* ``--blogs`` live blogs per 100 articles: one article that strings together the
  paragraphs of 40 others (about 400 sentences, a hundred quotes, hundreds of numbers).

The articles are analysed first (untimed; the analyses are kept under the system's
temporary folder, keyed by analyser version and story shape, for the next run). Each
step of the brief (:mod:`newsprism.reconcile.brief`), the whole brief, rendering the
brief (JSON, Markdown, HTML) and verifying a 10-sentence summary against it are timed
``--repeats`` times; medians are reported.
``--profile STEP`` prints a cProfile of one step at the largest size instead.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import json
import pickle
import platform
import pstats
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from rich.console import Console

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.append(str(Path(__file__).resolve().parent.parent / "eval"))  # after bench/: verify

import stream
from _results import RESULTS, write_report
from newsprism.analyze.analyzer import ANALYZER_VERSION, Analyzer
from newsprism.model import Analysis, Article, Story, article_id
from newsprism.reconcile.brief import Reconciler
from newsprism.reconcile.discrepancies import find_discrepancies
from newsprism.reconcile.exclusives import find_exclusives
from newsprism.reconcile.facts import compare_facts
from newsprism.reconcile.framing import frame
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.roster import build_roster
from newsprism.reconcile.similarity import LexicalSimilarity, TextSimilarity
from newsprism.reconcile.statements import align_statements
from newsprism.reconcile.summary import summarize
from newsprism.reconcile.timeline import build_timeline
from newsprism.reconcile.verify import Verifier
from newsprism.render.html import report_html
from newsprism.render.jsonout import brief_to_dict, dumps
from newsprism.render.markdown import brief_markdown
from verify import summary_of

SIZES = (50, 200, 400)
SUMMARY_SENTENCES = 10
BLOG_PARTS = 40
CACHE = Path(tempfile.gettempdir()) / "newsprism-bench-brief-scale"


def _event_articles(count: int) -> list[stream.StreamArticle]:
    """``count`` articles of one event: the stream's largest story (each outlet's own
    retelling, the stream's wire copies among them), then retellings made from its
    articles' paragraphs (:func:`_retelling`) until there are ``count``."""
    generated = stream.generate_stream(3_000)
    sizes: dict[int, int] = {}
    for item in generated.articles:
        sizes[item.story] = sizes.get(item.story, 0) + 1
    largest = max(sizes, key=lambda story: (sizes[story], -story))
    items = [i for i in generated.articles if i.story == largest and i.language == "en"]
    originals = [i.article for i in items]
    seen = {a.id for a in originals}
    number = 0
    while len(items) < count:
        made = _retelling(originals, number)
        number += 1
        if made.id not in seen:
            seen.add(made.id)
            items.append(replace(items[0], article=made, duplicate_group=None))
    return items[:count]


def _retelling(originals: Sequence[Article], number: int) -> Article:
    """One more outlet's article of the event: an original's lede paragraph, then as
    many paragraphs as that original has, drawn from all the originals' bodies (the
    same people, quotes, numbers and dates, in the outlets' words), under one of their
    outlets, published after the original."""
    rng = random.Random(f"brief-scale:retelling:{number}")
    lede = rng.choice(originals)
    paragraphs = lede.text.split("\n\n")
    body = [p for a in originals for p in a.text.split("\n\n")[1:]]
    chosen = rng.sample(body, min(len(body), max(1, len(paragraphs) - 1)))
    text = "\n\n".join([paragraphs[0], *chosen])
    outlet = rng.choice(sorted({a.outlet or "" for a in originals}))
    published = lede.published + timedelta(minutes=rng.randint(5, 600)) if lede.published else None
    return Article(id=article_id(outlet, text), source=f"{lede.source}?retold={number}",
                   text=text, outlet=outlet, title=lede.title, published=published, language="en")


def _copy(original: Article, outlet: str, cut: bool) -> Article:
    paragraphs = original.text.split("\n\n")
    text = "\n\n".join(paragraphs[:-1] if cut and len(paragraphs) > 3 else paragraphs)
    return replace(original, id=article_id(outlet, text), text=text, outlet=outlet,
                   source=f"{original.source}?via={outlet}", url=None)


def _blog(parts: Sequence[Article], number: int) -> Article:
    text = "\n\n".join(p.text for p in parts)
    outlet = f"Live Desk {number}"
    return Article(id=article_id(outlet, text), source=f"https://live{number}.example/blog",
                   text=text, outlet=outlet, title=f"Live: {parts[0].title}",
                   published=parts[-1].published, language="en")


def big_story(count: int, copies: float, blogs: int) -> tuple[Story, list[Article]]:
    """One story of ``count`` articles: originals, syndicated copies, live blogs."""
    rng = random.Random(f"brief-scale:{count}")
    n_blogs = blogs * count // 100
    n_copies = int(copies * count)
    items = _event_articles(count - n_copies - n_blogs)
    articles = [i.article for i in items]
    groups: dict[str, list[str]] = {}
    for item in items:
        if item.duplicate_group is not None:
            groups.setdefault(f"wire{item.duplicate_group}", []).append(item.article.id)
    outlets = sorted({a.outlet or "" for a in articles})
    for k in range(n_copies):
        original = rng.choice(articles[: max(1, len(articles) // 3)])
        copy = _copy(original, f"{rng.choice(outlets)} Syndication {k % 7}", rng.random() < 0.5)
        if copy.id in {a.id for a in articles}:
            continue
        key = next((g for g, ids in groups.items() if original.id in ids), original.id)
        groups.setdefault(key, [original.id] if key == original.id else []).append(copy.id)
        articles.append(copy)
    originals = list(articles)
    for number in range(n_blogs):
        articles.append(_blog(rng.sample(originals, min(BLOG_PARTS, len(originals))), number))
    story = Story(id=f"scale{count}", title=articles[0].title,
                  articles=tuple(a.id for a in articles),
                  duplicates=tuple(tuple(ids) for ids in groups.values() if len(ids) > 1))
    return story, articles


def story_material(count: int, copies: float, blogs: int) -> StoryMaterial:
    """The story's material, its analyses read from the cache when there."""
    story, articles = big_story(count, copies, blogs)
    digest = hashlib.sha256("".join(story.articles).encode()).hexdigest()[:16]
    path = CACHE / f"v{ANALYZER_VERSION}-{count}-{digest}.pickle"
    analyses: dict[str, Analysis]
    if path.exists():
        analyses = pickle.loads(path.read_bytes())
    else:
        analyses = {a.article_id: a for a in Analyzer().analyze_many(articles)}
        CACHE.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(analyses))
    return StoryMaterial(story, articles, analyses)


def _clock(run: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    value = run()
    return value, time.perf_counter() - started


def one_pass(
    story: StoryMaterial, similarity: TextSimilarity, verifier: Verifier
) -> dict[str, float]:
    """Seconds of each step, in the order :class:`Reconciler` runs them, on fresh
    material (its cached tables are paid for by the step that first needs them, as in
    a brief); then the whole brief on fresh material, its renderings, and verifying a
    summary of :data:`SUMMARY_SENTENCES` sentences against it (bench/verify.py's: the
    brief's sentences, then the story's, every third figure changed)."""
    fresh = _fresh(story)
    seconds: dict[str, float] = {}
    roster, seconds["roster"] = _clock(lambda: build_roster(fresh))
    statements, seconds["statements"] = _clock(
        lambda: align_statements(fresh, similarity, roster=roster))
    facts, seconds["facts"] = _clock(lambda: compare_facts(fresh))
    _, seconds["timeline"] = _clock(lambda: build_timeline(fresh))
    _, seconds["exclusives"] = _clock(
        lambda: find_exclusives(fresh, statements, facts, similarity, roster=roster))
    _, seconds["discrepancies"] = _clock(lambda: find_discrepancies(fresh, facts, similarity))
    _, seconds["summary"] = _clock(lambda: summarize(fresh, similarity))
    _, seconds["framing"] = _clock(lambda: frame(fresh, statements, facts))
    done, seconds["brief"] = _clock(
        lambda: Reconciler(similarity=similarity).brief(_fresh(story)))
    outlets = {a.id: a.outlet or "" for a in story.articles}
    _, seconds["render json"] = _clock(lambda: dumps(brief_to_dict(done)))
    _, seconds["render markdown"] = _clock(lambda: brief_markdown(done, outlets))
    _, seconds["render html"] = _clock(lambda: report_html([done], outlets))
    text = summary_of(story, done, SUMMARY_SENTENCES)
    _, seconds["verify"] = _clock(lambda: verifier.verify(_fresh(story), done, text))
    return seconds


def _fresh(story: StoryMaterial) -> StoryMaterial:
    """The same material without its cached properties: each timed run pays for them,
    as a brief of a newly loaded story does."""
    return StoryMaterial(story.story, story.articles, story.analyses)


def measure(story: StoryMaterial, repeats: int) -> dict[str, Any]:
    similarity = LexicalSimilarity()
    verifier = Verifier(similarity, Analyzer())
    # Warm on a few articles: spaCy for the clause checks loads here, untimed.
    few = story.articles[:5]
    one_pass(StoryMaterial(replace(story.story, articles=tuple(a.id for a in few),
                                   duplicates=()), few, story.analyses), similarity, verifier)
    runs = [one_pass(story, similarity, verifier) for _ in range(repeats)]
    return {
        "articles": len(story.articles),
        "duplicate_groups": len(story.story.duplicates),
        "sentences": sum(len(a.sentences) for a in story.analyses.values()),
        "quotes": sum(len(a.quotes) for a in story.analyses.values()),
        "quantities": sum(len(a.quantities) for a in story.analyses.values()),
        "steps": {
            name: {
                "median": statistics.median(r[name] for r in runs),
                "min": min(r[name] for r in runs),
                "max": max(r[name] for r in runs),
            }
            for name in runs[0]
        },
    }


def profile(story: StoryMaterial, name: str, limit: int = 30) -> str:
    similarity = LexicalSimilarity()
    fresh = _fresh(story)
    roster = build_roster(fresh)
    statements = align_statements(fresh, similarity, roster=roster)
    facts = compare_facts(fresh)
    runs: dict[str, Callable[[], object]] = {
        "roster": lambda: build_roster(_fresh(story)),
        "statements": lambda: align_statements(fresh, similarity, roster=roster),
        "facts": lambda: compare_facts(_fresh(story)),
        "timeline": lambda: build_timeline(fresh),
        "exclusives": lambda: find_exclusives(fresh, statements, facts, similarity,
                                                roster=roster),
        "discrepancies": lambda: find_discrepancies(fresh, facts, similarity),
        "summary": lambda: summarize(fresh, similarity),
        "framing": lambda: frame(fresh, statements, facts),
        "brief": lambda: Reconciler(similarity=similarity).brief(_fresh(story)),
    }
    if name == "verify":
        done = Reconciler(similarity=similarity).brief(fresh)
        text = summary_of(story, done, SUMMARY_SENTENCES)
        verifier = Verifier(similarity)
        runs["verify"] = lambda: verifier.verify(_fresh(story), done, text)
    profiler = cProfile.Profile()
    profiler.runcall(runs[name])
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(limit)
    return out.getvalue()


def markdown(report: dict[str, Any]) -> str:
    sizes = report["sizes"]
    lines = [
        "# Brief size sweep",
        "",
        "One story of one invented event (bench/brief_scale.py): originals in each outlet's "
        f"words, {report['copies']:.0%} syndicated copies, {report['blogs']} live blog(s) "
        f"of {BLOG_PARTS} articles per 100 articles; lexical similarity; median of "
        f"{report['repeats']} runs, each on freshly built story material, seconds. "
        "Measured on a shared 2-core machine.",
        "",
        "| articles | " + " | ".join(str(s["articles"]) for s in sizes) + " |",
        "| --- |" + " ---: |" * len(sizes),
    ]
    for label in ("duplicate_groups", "sentences", "quotes", "quantities"):
        lines.append(f"| {label.replace('_', ' ')} | "
                     + " | ".join(str(s[label]) for s in sizes) + " |")
    for step in sizes[0]["steps"]:
        cells = " | ".join(f"{s['steps'][step]['median']:.3f}" for s in sizes)
        lines.append(f"| {step} s | {cells} |")
    return "\n".join(lines) + "\n"


def comparison(before: dict[str, Any], after: dict[str, Any]) -> str:
    """Markdown: each step's median before and after, per size both reports hold."""
    sizes = [(b, a) for b in before["sizes"] for a in after["sizes"]
             if b["articles"] == a["articles"]]
    lines = [
        "", "Before and after (median seconds, the same story and machine):", "",
        "| step | " + " | ".join(f"{a['articles']} before | {a['articles']} after"
                                  for _, a in sizes) + " |",
        "| --- |" + " ---: | ---: |" * len(sizes),
    ]
    for step in after["sizes"][0]["steps"]:
        cells = []
        for b, a in sizes:
            old = b["steps"].get(step)
            cells += ["-" if old is None else f"{old['median']:.3f}",
                      f"{a['steps'][step]['median']:.3f}"]
        lines.append(f"| {step} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--copies", type=float, default=0.25)
    parser.add_argument("--blogs", type=int, default=1)
    parser.add_argument("--profile", metavar="STEP")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--name", default="brief_scale", help="results file name")
    parser.add_argument("--before", metavar="NAME",
                        help="results file (bench/results/NAME.json) to compare with")
    args = parser.parse_args(argv)
    console = Console()
    if args.profile:
        story = story_material(max(args.articles), args.copies, args.blogs)
        print(profile(story, args.profile))
        return 0
    report: dict[str, Any] = {
        "copies": args.copies, "blogs": args.blogs, "repeats": args.repeats,
        "python": platform.python_version(), "machine": platform.machine(), "sizes": [],
    }
    for count in args.articles:
        with console.status(f"story of {count} articles"):
            story = story_material(count, args.copies, args.blogs)
            report["sizes"].append(measure(story, args.repeats))
        console.print(f"{count} articles: " + ", ".join(
            f"{k} {v['median']:.2f}" for k, v in report["sizes"][-1]["steps"].items()))
    text = markdown(report)
    if args.before:
        before = json.loads((RESULTS / f"{args.before}.json").read_text(encoding="utf-8"))
        report["before"] = {"name": args.before, "sizes": before["sizes"]}
        text += comparison(before, report)
    console.print(text)
    if not args.no_write:
        write_report(RESULTS, args.name, report, text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
