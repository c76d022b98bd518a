"""Quote speakers on BASIL: newsprism's speaker for each quote BASIL's annotators marked.

Run: ``.venv/bin/python eval/basil_quotes.py [--limit N] [--errors N] [--no-write]``
(about 4 minutes for the 210 articles on 2 cores). Writes
``eval/results/basil_quotes.json`` / ``.md`` (numbers only).

Gold: BASIL's phrase annotations with ``quote: yes`` and a ``speaker`` (placed in the
text by :func:`eval.basil.quote_spans`). Scored: those whose speaker is a named person
or body ("Michael_Steele", "Barack_Obama", "Secure_America_Now"); BASIL's group labels
("other_anti", "Republican_Lawmakers", "senate_Democrats", ...) name no one and are
counted apart.

A gold quote is matched by the newsprism quote overlapping it most (any overlap); its
speaker is right when the gold speaker's last word (case-folded, "_" read as a space)
is a word of the predicted canonical ``speaker`` or of ``speaker_mention``.
``accuracy`` is over every scored gold quote (an unmatched one is wrong);
``accuracy (matched)`` over those a quote was found for.

Baseline (same gold, same matching rule): the nearest person name spaCy's NER tags
before the gold span in its paragraph, else after it in the same sentence (the usual
"closest PERSON" heuristic).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

sys.path.insert(0, str(Path(__file__).resolve().parent))

import basil

RESULTS: Final = basil.ROOT / "eval" / "results"
_WORD = re.compile(r"[^\W\d_]+")


# Group labels BASIL's annotators use for speakers who are no one person or body.
_GROUPS = frozenset(
    {"lawmakers", "democrats", "republicans", "officials", "members", "supporters",
     "critics", "leaders", "aides", "advisers", "advisors", "protesters", "experts",
     "analysts", "voters", "people", "students", "workers", "residents", "senators",
     "witnesses", "conservatives", "liberals", "activists", "administration", "staff"}
)  # fmt: skip


def named(speaker: str) -> bool:
    """A speaker that names someone: not "other_*", every part capitalised, not a
    group label ("Republican_Lawmakers", "senate_Democrats")."""
    parts = [p for p in speaker.split("_") if p]
    return (
        bool(parts)
        and not speaker.lower().startswith("other")
        and all(p[:1].isupper() for p in parts)
        and parts[-1].casefold() not in _GROUPS
    )


def right(gold: str, predicted: Sequence[str | None]) -> bool:
    last = _WORD.findall(gold.replace("_", " ").casefold())
    if not last:
        return False
    words = {w for p in predicted if p for w in _WORD.findall(p.casefold())}
    return last[-1] in words


def nearest_person(doc: Any, start: int, end: int) -> str | None:
    """The baseline: the closest PERSON before the span in its paragraph, else after it
    in its sentence."""
    text = doc.text
    paragraph = text.rfind("\n\n", 0, start) + 1
    before = [e for e in doc.ents if e.label_ == "PERSON" and paragraph <= e.start_char < start]
    if before:
        return str(before[-1].text)
    sentence_end = next((s.end_char for s in doc.sents if s.start_char <= start < s.end_char), end)
    after = [e for e in doc.ents if e.label_ == "PERSON" and end <= e.start_char < sentence_end]
    return str(after[0].text) if after else None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="first N articles only")
    parser.add_argument("--errors", type=int, default=0, help="print N wrong speakers")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    if not basil.available():
        print(f"skipped: data folder not found ({basil.DATA})")
        return 0
    from newsprism.analyze.analyzer import Analyzer
    from newsprism.analyze.nlp import load_english

    began = time.perf_counter()
    articles = basil.load_articles()
    spans = basil.quote_spans(articles)
    wanted = sorted({s.article for s in spans})
    if args.limit:
        wanted = wanted[: args.limit]
    items = basil.to_articles([articles[u] for u in wanted])
    analyses = dict(zip(wanted, Analyzer().analyze_many(items), strict=True))
    nlp = load_english()
    docs = dict(zip(wanted, nlp.pipe(a.text for a in items), strict=True))
    counts = {"gold": 0, "group_speakers": 0, "matched": 0, "right": 0, "baseline_right": 0}
    errors = []
    for span in spans:
        if span.article not in analyses:
            continue
        if not named(span.speaker):
            counts["group_speakers"] += 1
            continue
        counts["gold"] += 1
        quotes = analyses[span.article].quotes
        overlap = [(min(q.end, span.end) - max(q.start, span.start), q) for q in quotes]
        best = max((o for o in overlap if o[0] > 0), key=lambda o: o[0], default=None)
        base = nearest_person(docs[span.article], span.start, span.end)
        counts["baseline_right"] += right(span.speaker, [base])
        if best is None:
            errors.append(f"{span.speaker}: no quote found")
            continue
        counts["matched"] += 1
        quote = best[1]
        ok = right(span.speaker, [quote.speaker, quote.speaker_mention])
        counts["right"] += ok
        if not ok:
            errors.append(f"{span.speaker}: got {quote.speaker!r} / {quote.speaker_mention!r}")
    gold = counts["gold"] or 1
    report = {
        "when": time.strftime("%Y-%m-%d"),
        "articles": len(wanted),
        **counts,
        "accuracy": round(counts["right"] / gold, 4),
        "accuracy_matched": round(counts["right"] / (counts["matched"] or 1), 4),
        "baseline_accuracy": round(counts["baseline_right"] / gold, 4),
        "seconds": round(time.perf_counter() - began, 1),
    }
    print(
        f"BASIL quote speakers ({report['articles']} articles, {counts['gold']} named, "
        f"{counts['group_speakers']} group labels left out): newsprism {report['accuracy']:.3f} "
        f"(matched {counts['matched']}, {report['accuracy_matched']:.3f} of those); "
        f"nearest-person baseline {report['baseline_accuracy']:.3f}"
    )
    for line in errors[: args.errors]:
        print("  " + line)
    if not args.no_write:
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "basil_quotes.json").write_text(json.dumps(report, indent=1) + "\n")
        (RESULTS / "basil_quotes.md").write_text(
            "# Quote speakers on BASIL\n\n"
            f"Run by `eval/basil_quotes.py` on {report['when']} ({report['seconds']} s).\n\n"
            "| articles | named gold quotes | matched | accuracy | accuracy (matched) | "
            "nearest-person baseline |\n| ---: | ---: | ---: | ---: | ---: | ---: |\n"
            f"| {report['articles']} | {counts['gold']} | {counts['matched']} | "
            f"{report['accuracy']:.3f} | {report['accuracy_matched']:.3f} | "
            f"{report['baseline_accuracy']:.3f} |\n"
        )
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception:
        traceback.print_exc()
        sys.exit(1)
