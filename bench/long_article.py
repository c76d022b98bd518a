"""Long-article benchmark: wall time and peak memory of analysing one huge article.

One article of ``--chars`` characters (default 1,200,000: over spaCy's 1,000,000-
character limit) is made from the paragraphs of ``bench/corpus.py``'s invented articles,
joined by blank lines, and analysed by the real :class:`Analyzer` (chunked analysis).
For comparison, the same paragraphs split back into ordinary articles of about 5,000
characters go through ``analyze_many`` (the short-article baseline: same characters,
same prose). Each pass runs in its own process, so each peak RSS is its own; the peak
with only the pipeline loaded is reported too. Every extracted span is checked against
the text (``text[start:end] == item.text``).

    .venv/bin/python bench/long_article.py [--chars 1200000] [--chunk-chars 100000]

Prints one JSON object (and writes ``bench/results/long_article.json``).

``--case quotes|transcript`` times instead one pathological article of ``--chars``
characters (median of ``--repeats`` runs, each in its own process): ``quotes``, one
paragraph of short quotes with a name or a pronoun after each ('"Yes," Arno Brask
said. "No," he said.'), ``transcript``, one paragraph of reporting with a question
put to a named person, "a spokesman ... the spokesman", an office that speaks for its
owner, pronouns. Speaker resolution once scanned back from each speaker mention over
the whole paragraph (quadratic). Before/after: ``PYTHONPATH=/tmp/base/src``, as in
bench/README.md. Writes ``bench/results/long_article_<case>.json``.
On 2026-12-06 (2 cores shared with 4 other jobs, load 8-9: upper bounds), ``--case
quotes --chars 40000`` (1,982 quotes, one chunk): 314.7 s before the speaker indexes
(2e65e98, 23c265d; runs 406 / 299 / 315 s), 6.8 s after (4.8 / 6.8 / 7.5 s); same quotes.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

from _results import RESULTS, write_report
from corpus import iter_articles

SHORT_CHARS = 5_000
_PEOPLE = ("Arno Brask", "Dalia Corlan", "Edrik Farrow", "Hesta Lorne", "Ilvo Marrick")


def case_text(case: str, chars: int) -> str:
    """One unbroken paragraph of about ``chars`` characters (invented names)."""
    out: list[str] = []
    total, i = 0, 0
    while total < chars:
        a, b = _PEOPLE[i % 5], _PEOPLE[(i * 3 + 1) % 5]
        if case == "quotes":
            line = f'"Yes," {a} said. "No," he said.'
        else:
            line = (
                f'{a} asked {b} if the harbour wall would hold. "It will," she said. '
                f'{b.split()[1]}\'s office issued a statement. "We are ready," the office said. '
                'A spokesman for the port said talks would go on. "No deal," the spokesman said.'
            )
        out.append(line)
        total += len(line) + 1
        i += 1
    return " ".join(out)


def run_case(case: str, chars: int) -> dict[str, Any]:
    """One pathological article through the real Analyzer, in this process."""
    from newsprism.analyze.analyzer import AnalyzeOptions, Analyzer
    from newsprism.model import Article, article_id

    text = case_text(case, chars)
    article = Article(id=article_id("bench", text), source="bench", text=text, language="en")
    analyzer = Analyzer(AnalyzeOptions(errors="raise"))
    analyzer.nlp("Warm up the pipeline.")
    started = time.perf_counter()
    analysis = analyzer.analyze(article)
    wall = time.perf_counter() - started
    return {
        "case": case,
        "chars": len(text),
        "wall_s": round(wall, 2),
        "quotes": len(analysis.quotes),
    }


def paragraphs(chars: int) -> Iterator[str]:
    """Invented paragraphs, about ``chars`` characters of them in all."""
    total = 0
    for article in iter_articles(10**9):
        for paragraph in article.paragraphs:
            yield paragraph
            total += len(paragraph) + 2
            if total >= chars:
                return


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_pass(mode: str, chars: int, chunk_chars: int) -> dict[str, Any]:
    """One pass in this process: ``long`` (one article) or ``short`` (many)."""
    from newsprism.analyze.analyzer import AnalyzeOptions, Analyzer
    from newsprism.model import Article, article_id

    body = list(paragraphs(chars))
    if mode == "long":
        texts = ["\n\n".join(body)]
    else:
        texts, current = [], []
        for paragraph in body:
            current.append(paragraph)
            if sum(len(p) + 2 for p in current) >= SHORT_CHARS:
                texts.append("\n\n".join(current))
                current = []
        texts += ["\n\n".join(current)] if current else []
    articles = [
        Article(id=article_id("bench", t), source=f"bench-{n}", text=t, language="en")
        for n, t in enumerate(texts)
    ]
    analyzer = Analyzer(AnalyzeOptions(errors="raise", chunk_chars=chunk_chars))
    analyzer.nlp("Warm up the pipeline.")
    loaded = peak_rss_mb()
    started = time.perf_counter()
    analyses = list(analyzer.analyze_many(articles))
    wall = time.perf_counter() - started
    wrong = sum(
        1
        for article, analysis in zip(articles, analyses, strict=True)
        for start, end, text in _spans(analysis)
        if article.text[start:end] != text
    )
    return {
        "mode": mode,
        "articles": len(articles),
        "chars": sum(len(t) for t in texts),
        "wall_s": round(wall, 2),
        "chars_per_s": round(sum(len(t) for t in texts) / wall),
        "peak_rss_mb_model_loaded": round(loaded),
        "peak_rss_mb": round(peak_rss_mb()),
        "quotes": sum(len(a.quotes) for a in analyses),
        "quantities": sum(len(a.quantities) for a in analyses),
        "dates": sum(len(a.dates) for a in analyses),
        "entities": sum(len(a.entities) for a in analyses),
        "wrong_spans": wrong,
    }


def _spans(analysis: Any) -> Iterator[tuple[int, int, str]]:
    for q in analysis.quotes:
        yield q.start, q.end, q.text
    for q in analysis.quantities:
        yield q.start, q.end, q.text
    for d in analysis.dates:
        yield d.start, d.end, d.text
    for e in analysis.entities:
        for m in e.mentions:
            yield m.start, m.end, m.text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chars", type=int, default=1_200_000)
    parser.add_argument("--chunk-chars", type=int, default=100_000)
    parser.add_argument("--pass", dest="mode", choices=("long", "short"))
    parser.add_argument("--case", choices=("prose", "quotes", "transcript"), default="prose")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case != "prose":
        print(json.dumps(_case_runs(args)))
        return
    if args.mode:
        print(json.dumps(run_pass(args.mode, args.chars, args.chunk_chars)))
        return
    results = {}
    for mode in ("long", "short"):
        command = [sys.executable, __file__, "--pass", mode, "--chars", str(args.chars)]
        command += ["--chunk-chars", str(args.chunk_chars)]
        done = subprocess.run(command, check=True, capture_output=True, text=True)
        results[mode] = json.loads(done.stdout.strip().splitlines()[-1])
    write_report(RESULTS, "long_article", results)
    print(json.dumps(results, indent=2))


def _case_runs(args: argparse.Namespace) -> dict[str, Any]:
    """``--repeats`` runs of one case, each in a fresh process; the median wall time."""
    if args.one:
        return run_case(args.case, args.chars)
    runs = []
    for _ in range(args.repeats):
        command = [sys.executable, __file__, "--case", args.case, "--chars", str(args.chars)]
        done = subprocess.run([*command, "--one"], check=True, capture_output=True, text=True)
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    walls = sorted(r["wall_s"] for r in runs)
    result = {**runs[0], "wall_s": walls[len(walls) // 2], "runs_s": [r["wall_s"] for r in runs]}
    write_report(RESULTS, f"long_article_{args.case}", result)
    return result


if __name__ == "__main__":
    main()
