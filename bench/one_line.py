"""One-line benchmark: is a text with no line breaks slower to analyse than the same
text in paragraphs?

A user's 2.6 MB text file of one single line took about 3.6 minutes to analyse. This
times the real :class:`Analyzer` (chunked analysis, one pipeline loaded once) on the same
``--chars`` characters of invented reporting twice: as one line, and with a paragraph
break after each sentence group. Equal rates mean the time is the analysis's ordinary
cost per character (spaCy's parse and the extractors), not a cut or a pattern that goes
quadratic on a long line.

    .venv/bin/python bench/one_line.py [--chars 300000]

Prints one JSON object (and writes ``bench/results/one_line.json``).
"""

from __future__ import annotations

import argparse
import json
import random
import time
from typing import Any

from _results import RESULTS, write_report
from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Article

_PEOPLE = ("Arno Brask", "Dalia Corlan", "the minister", "Hesta Lorne", "the union")


def one_line_text(chars: int, seed: int = 1) -> str:
    """About ``chars`` characters of invented quotes and numbers, on one line."""
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < chars:
        sentence = (
            f'"We will reopen {rng.randint(2, 900)} berths by Monday," '
            f"{rng.choice(_PEOPLE)} said on Tuesday, as about {rng.randint(10, 99)}% of the "
            f"{rng.randint(100, 5000)} dockworkers in Lorvik stayed out."
        )
        out.append(sentence)
        total += len(sentence) + 1
    return " ".join(out)


def timed(analyzer: Analyzer, text: str, label: str) -> dict[str, Any]:
    article = Article(id=label, source=f"{label}.txt", text=text, language="en")
    start = time.perf_counter()
    analysis = analyzer.analyze(article)
    wall = time.perf_counter() - start
    return {
        "chars": len(text),
        "wall_s": round(wall, 2),
        "chars_per_s": round(len(text) / wall),
        "sentences": len(analysis.sentences),
        "quotes": len(analysis.quotes),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, default=300_000)
    args = parser.parse_args()
    analyzer = Analyzer()
    line = one_line_text(args.chars)
    paragraphs = line.replace(' "We', '\n\n"We')
    report = {
        "one_line": timed(analyzer, line, "one_line"),
        "paragraphs": timed(analyzer, paragraphs, "paragraphs"),
    }
    write_report(RESULTS, "one_line", report)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
