"""Memory benchmark: peak RSS of ingesting one huge article, against its size.

Run: ``.venv/bin/python bench/memory.py [--sizes 5 20 50] [--out bench/results]``.

For each size (MB) and each format (a plain-text transcript, and the same text as an
HTML page), it writes a generated article to a temporary folder and ingests it into a
fresh store in a child process (``newsprism.ingest.batch.ingest`` with ``--max-bytes``
raised), which reports its own peak RSS (``getrusage``). A child that ingests a 2 KB
article gives the baseline (interpreter, libraries, the language model); the figure
quoted is the growth over it divided by the input size: peak RSS = baseline + factor x
input bytes. Results go to ``<out>/memory.json`` and ``<out>/memory.md``.

The text is prose paragraphs of 40-120 words, one a line with blank lines between, with
curly quotes and accented names on a third of the lines (so Unicode repair has work),
like a long hearing transcript or a page that swallowed its comment thread.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from _results import write_report

MB = 1_000_000
PROSE = (
    "the council harbour board minister said on Tuesday that repairs would take eleven weeks "
    "and cost about million kroner according to engineers who inspected the pier last month "
    "residents asked whether ferries could use the north quay while work continued and the "
    "mayor promised a vote before the summer season after a long debate in the chamber"
)
WORDS = PROSE.split()
NAMES = ("Jördis Weiß", "Ilona Varga", "Ana Perić", "José Núñez", "Zoë Brontë", "Ola Berg")


def paragraph(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(40, 120))]
    sentence = " ".join(words).capitalize() + "."
    if rng.random() < 0.33:
        quote = f"{words[0].capitalize()} {' '.join(words[1:9])}"
        sentence += f" \u201c{quote},\u201d said {rng.choice(NAMES)}."
    return sentence


def generate_text(size: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    parts = ["Hearing on the ferry pier: the full transcript"]
    total = len(parts[0])
    while total < size:
        parts.append(paragraph(rng))
        total += len(parts[-1].encode()) + 2
    return "\n\n".join(parts)


def generate_html(size: int, seed: int = 7) -> str:
    body = generate_text(size, seed).split("\n\n")
    paragraphs = "".join(f"<p>{p}</p>\n" for p in body[1:])
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{body[0]}</title><meta property='og:site_name' content='Tessel Courier'>"
        "</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>{body[0]}</h1>\n{paragraphs}</article>"
        "<footer>© 2026 Tessel Courier</footer></body></html>"
    )


# --- the child: one ingest, its own peak RSS -------------------------------------------------


def child(path: str, db: str) -> dict[str, Any]:
    from newsprism.ingest import IngestOptions
    from newsprism.ingest.batch import ingest
    from newsprism.store import Store

    started = time.perf_counter()
    with Store(Path(db)) as store:
        report = ingest(store, [path], IngestOptions(max_bytes=1_000 * MB))
    seconds = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "articles": len(report.article_ids),
        "failures": [str(f) for f in report.failures],
        "seconds": round(seconds, 2),
        "peak_rss_mib": round(peak_kib / 1024, 1),
    }


def run_child(path: Path, workdir: Path) -> dict[str, Any]:
    db = workdir / f"{path.stem}.db"
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(path), str(db)],
        check=True,
        capture_output=True,
        text=True,
    )
    db.unlink(missing_ok=True)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


# --- the parent ----------------------------------------------------------------------------


def measure(sizes: Sequence[int], workdir: Path) -> dict[str, Any]:
    tiny = workdir / "tiny.txt"
    tiny.write_text(generate_text(2_000), encoding="utf-8")
    baseline = run_child(tiny, workdir)
    rows = []
    for fmt, make in (("text", generate_text), ("html", generate_html)):
        for size in sizes:
            path = workdir / f"huge-{size}mb.{'txt' if fmt == 'text' else 'html'}"
            path.write_text(make(size * MB), encoding="utf-8")
            result = run_child(path, workdir)
            input_mb = path.stat().st_size / MB
            growth = result["peak_rss_mib"] * 1.048576 - baseline["peak_rss_mib"] * 1.048576
            rows.append(
                {
                    "format": fmt,
                    "input_mb": round(input_mb, 1),
                    **result,
                    "growth_mb": round(growth, 1),
                    "factor": round(growth / input_mb, 2),
                }
            )
            print(json.dumps(rows[-1]), flush=True)
            path.unlink()
    return {"baseline": baseline, "rows": rows}


def write_results(results: dict[str, Any], out: Path) -> None:
    results["python"] = platform.python_version()
    results["when"] = datetime.now(UTC).isoformat(timespec="seconds")
    write_report(out, "memory", results, markdown)


def markdown(results: dict[str, Any]) -> str:
    lines = [
        "# Memory benchmark: one huge article",
        "",
        f"Python {results['python']}, {results['when']}. Peak RSS of a child process that "
        "ingests one generated article into a fresh store; growth = peak - baseline "
        f"(a 2 KB article: {results['baseline']['peak_rss_mib']} MiB); factor = growth / input.",
        "",
        "| format | input MB | peak RSS MiB | growth MB | factor (x input) | seconds |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in results["rows"]:
        lines.append(
            f"| {row['format']} | {row['input_mb']} | {row['peak_rss_mib']} | "
            f"{row['growth_mb']} | {row['factor']} | {row['seconds']} |"
        )
    worst = max(r["factor"] for r in results["rows"])
    lines += ["", f"- Worst factor: **{worst}x** the input size."]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 20, 50], help="MB")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results")
    parser.add_argument("--child", nargs=2, metavar=("PATH", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(*args.child)))
        return 0
    with tempfile.TemporaryDirectory(prefix="newsprism-memory-") as tmp:
        results = measure(args.sizes, Path(tmp))
    write_results(results, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
