"""False-flag monitor on ECB+: every contradiction the brief raises inside one real event.

Run: ``.venv/bin/python eval/ecb_flags.py [--show N] [--no-write]`` (analyses from
``eval/.cache``; about ten minutes on 2 cores when the cache is cold, a few when warm).

ECB+ (``../shared/data/ecbplus``, read by ``eval/real_sets.py``) holds 720 articles of
65 events; no gold exists for contradictions, but its articles of one gold event report
one event, so what the brief flags there is mostly false: two sides of a real conflict
in reporting are rare, and earlier stops read every flag by hand (stop 37: 4 flags, 3
right). Each gold event with two or more articles is briefed as one story
(:class:`~newsprism.reconcile.brief.Reconciler`, lexical) and its discrepancies are
counted by kind; number discrepancies (fact status 'differ') are counted apart.

Writes ``eval/results/ecb_flags.json`` and ``.md``: counts per kind and every flag as
article ids and character offsets only (never text: the data's licence allows
evaluation only). ``--show N`` prints the first N flags' claims, clipped, to the
terminal, and the run always prints which flags are new or gone against the results
file it replaces, so a change that adds a false flag is read, not averaged away.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, Final

from rich.console import Console
from rich.progress import track

sys.path.insert(0, str(Path(__file__).resolve().parent))

import real_sets

ROOT: Final = Path(__file__).resolve().parent.parent
RESULTS: Final = ROOT / "eval" / "results"
NAME: Final = "ecb_flags"
CLIP: Final = 160


def _flag(event: str, discrepancy: Any) -> dict[str, Any]:
    return {
        "event": event,
        "kind": discrepancy.kind,
        "claims": [[c.article, c.start, c.end] for c in discrepancy.claims],
    }


def _events(labelled: real_sets.LabelledSet) -> dict[str, list[Any]]:
    by_event: dict[str, list[Any]] = {}
    for article in labelled.articles:
        by_event.setdefault(labelled.gold[article.id], []).append(article)
    return {e: arts for e, arts in sorted(by_event.items()) if len(arts) >= 2}


def flags_of(
    labelled: real_sets.LabelledSet, cache: Path = real_sets.CACHE
) -> list[dict[str, Any]]:
    """Every discrepancy of every gold event's brief (ids and offsets only)."""
    from newsprism.model import Story
    from newsprism.reconcile.brief import BriefOptions, Reconciler
    from newsprism.reconcile.material import StoryMaterial

    reconciler = Reconciler(BriefOptions(embeddings="off"))
    events = _events(labelled)
    found = real_sets.analyses([a for arts in events.values() for a in arts], cache)
    flags: list[dict[str, Any]] = []
    for event, articles in track(list(events.items()), description="briefing ECB+ events"):
        story = Story(event, None, tuple(a.id for a in articles))
        material = StoryMaterial(story, articles, {a.id: found[a.id] for a in articles})
        flags += [_flag(event, d) for d in reconciler.brief(material).discrepancies]
    return flags


def report(flags: list[dict[str, Any]], labelled: real_sets.LabelledSet) -> dict[str, Any]:
    """Counts per kind (number apart) and the flags themselves."""
    kinds = Counter(f["kind"] for f in flags)
    return {
        "when": date.today().isoformat(),
        "data": "ecbplus (all gold events with two or more articles)",
        "events": len(_events(labelled)),
        "articles": len(labelled.articles),
        "system": "newsprism lexical",
        "non_number_flags": sum(n for k, n in kinds.items() if k != "number"),
        "number_flags": kinds.get("number", 0),
        "by_kind": dict(sorted(kinds.items())),
        "flags": flags,
    }


def markdown(result: dict[str, Any]) -> str:
    rows = "\n".join(f"| {kind} | {n} |" for kind, n in result["by_kind"].items())
    return (
        f"# ECB+ false-flag monitor ({result['when']})\n\n"
        f"{result['events']} gold events ({result['articles']} articles), each briefed as "
        f"one story, {result['system']}. Flags inside one real event are mostly false "
        "(see eval/ecb_flags.py).\n\n"
        f"Non-number discrepancies: **{result['non_number_flags']}**; number "
        f"discrepancies (fact 'differ'): {result['number_flags']}.\n\n"
        f"| kind | flags |\n|---|---|\n{rows}\n"
    )


def _key(flag: dict[str, Any]) -> str:
    return json.dumps([flag["event"], flag["kind"], sorted(flag["claims"])])


def changes(old: Sequence[dict[str, Any]], new: Sequence[dict[str, Any]]) -> tuple[list, list]:
    """(flags new in this run, flags gone since the results file)."""
    before, after = {_key(f) for f in old}, {_key(f) for f in new}
    return [f for f in new if _key(f) not in before], [f for f in old if _key(f) not in after]


def _show(console: Console, label: str, flags: Sequence[dict[str, Any]], texts: dict[str, str],
          limit: int) -> None:
    for flag in flags[:limit]:
        console.print(f"[bold]{label}[/] {flag['event']} · {flag['kind']}")
        for article, start, end in flag["claims"]:
            clipped = texts[article][start:end][:CLIP].replace("\n", " ")
            console.print(f"    {article}: {clipped!r}", markup=False, highlight=False)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print the first N flags' claims")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    console = Console()
    try:
        labelled = real_sets.read_ecbplus()
    except FileNotFoundError as error:
        console.print(f"skipped: data folder not found ({error.filename})")
        return 0
    began = time.perf_counter()
    flags = flags_of(labelled)
    result = report(flags, labelled) | {"seconds": round(time.perf_counter() - began, 1)}
    path = RESULTS / f"{NAME}.json"
    old = json.loads(path.read_text())["flags"] if path.exists() else []
    added, gone = changes(old, flags)
    texts = {a.id: a.text for a in labelled.articles}
    console.print(markdown(result), markup=False, highlight=False)
    console.print(f"against {path.name}: {len(added)} new, {len(gone)} gone")
    _show(console, "new", added, texts, max(args.show, 20))
    _show(console, "gone", gone, texts, 20)
    _show(console, "flag", flags, texts, args.show)
    if not args.no_write:
        path.write_text(json.dumps(result, indent=1) + "\n")
        (RESULTS / f"{NAME}.md").write_text(markdown(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
