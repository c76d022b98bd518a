"""Which discrepancy pass finds each gold contradiction, and what each pass predicts
beside the gold (a diagnostic for the contradiction finder; terminal only, writes
nothing).

```
.venv/bin/python eval/contradictions_misses.py [--gold FILE] [--dense] [--texts] [--guards]
```

For every story of a calibration or development gold file (BASIL or Multi-News), every pass of
:data:`newsprism.reconcile.discrepancies.PASSES` runs alone on the story (the lexical
similarity by default), and the script prints, per gold contradiction, the passes that
hit it (``-`` when none does), then per pass the predictions that hit no gold
contradiction and the hard negatives it flags. ``--texts`` adds each missed
contradiction's claims, clipped (for reading in the terminal; never written anywhere).
``--guards`` adds, per missed contradiction, every pair of day-name sides
(:mod:`newsprism.reconcile.day_names`) on its claims of two sources, with the verdict of
each guard (which one holds the pair back), and no text.

The blind files (``basil_gold_heldout2.json``, ``basil_gold_heldout3.json``) are refused:
their misses are not to be read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import basil
import basil_gold
import basil_gold_score as score

BLIND = frozenset(
    {
        "basil_gold_heldout2.json",
        "basil_gold_heldout3.json",
        "multinews_gold_blind.json",
        "multinews_gold_blind2.json",
    }
)
DEFAULT = Path(__file__).resolve().parent / "data" / "basil_gold_contradictions.json"


def _reconciler(dense: bool) -> Any:
    from newsprism.reconcile.brief import BriefOptions, Reconciler

    return Reconciler(BriefOptions(embeddings="on" if dense else "off"))


def _source(path: Path) -> Any:
    """How a gold story becomes analysed material: Multi-News files by their document ids,
    the rest as BASIL stories."""
    if path.name.startswith("multinews"):
        import multinews_gold

        texts = multinews_gold.load_texts()
        return lambda story: multinews_gold.material(story, texts, True)
    grouped = basil.stories()
    return lambda story: basil_gold._material(story["story"], grouped[story["story"]], True)


def _groups(found: Sequence[Any]) -> list[list[tuple[str, int, int]]]:
    return [[(c.article, c.start, c.end) for c in d.claims] for d in found]


def _story(
    story: dict[str, Any], source: Any, reconciler: Any, texts_too: bool, guards: bool = False
) -> Counter[str]:
    material = source(story)
    with reconciler._story(material):
        return _passes(story, material, reconciler.similarity, texts_too, guards)


def _day_name_guards(material: Any, sentences: Any, parsed: Any, claims: Any) -> None:
    """Each pair of day-name sides of two sources on a missed contradiction's claims, and
    what each guard says of it (True: passes)."""
    from newsprism.reconcile import day_names
    from newsprism.reconcile.deed_match import one_time, same_participants

    def on_claims(side: Any) -> bool:
        s = side.clause.sentence
        return any(c[0] == s.article and c[1] < s.end and s.start < c[2] for c in claims)

    sides = [s for s in day_names._sides(material, sentences, parsed) if on_claims(s)]
    for i, a in enumerate(sides):
        for b in sides[i + 1 :]:
            if a.clause.source == b.clause.source:
                continue
            verdicts = {
                "one time": one_time(a.deed, b.deed),
                "labels clash": day_names.labels_clash(a.label, b.label),
                "no zone": not day_names._zone_apart(material, a, b),
                "same participants": same_participants(a.deed, b.deed),
            }
            told = ", ".join(f"{k} {v}" for k, v in verdicts.items())
            print(f"      day names {a.deed.lemma}/{b.deed.lemma}: {told}")


def _passes(
    story: dict[str, Any], material: Any, similarity: Any, texts_too: bool, guards: bool = False
) -> Counter[str]:
    from newsprism.reconcile.actors import StateNames
    from newsprism.reconcile.clauses import Parsed, english_parser
    from newsprism.reconcile.discrepancies import PASSES
    from newsprism.reconcile.discrepancy_groups import DiscrepancyOptions

    texts = {a.id: a.text for a in material.articles}
    sentences = material.story_pieces()
    parsed = Parsed(english_parser(), StateNames(material))
    gold = [[basil_gold._span(c) for c in x["claims"]] for x in story["contradictions"]]
    negatives = [
        [basil_gold._span(c) for c in x["claims"]] for x in story.get("hard_negatives", [])
    ]
    by_pass = {
        getattr(p, "__name__", repr(p)): _groups(
            p(material, sentences, parsed, similarity, DiscrepancyOptions())
        )
        for p in PASSES
    }
    tally: Counter[str] = Counter()
    name = story["story"][:8]
    for item, claims in zip(story["contradictions"], gold, strict=True):
        passes = [p for p, got in by_pass.items() if any(score.hits(texts, g, claims) for g in got)]
        tally["found" if passes else "missed"] += 1
        print(f"{name} {item['id']}: {', '.join(passes) or '-'}  ({item.get('about', '')[:90]})")
        if not passes and texts_too:
            for c in claims:
                print(f"      {c[0][:8]} {texts[c[0]][c[1] : c[2]][:160]!r}")
        if not passes and guards:
            _day_name_guards(material, sentences, parsed, claims)
    for p, got in by_pass.items():
        for group in got:
            if any(score.hits(texts, group, g) for g in gold):
                continue
            flagged = [
                x["id"]
                for x, n in zip(story.get("hard_negatives", []), negatives, strict=True)
                if score.hits(texts, group, n)
            ]
            tally["unlabelled"] += 1
            tally["flagged"] += bool(flagged)
            clips = " ~ ".join(repr(texts[s[0]][s[1] : s[2]][:60]) for s in group[:2])
            what = f"hard negative {','.join(flagged)}" if flagged else "unlabelled"
            print(f"{name}   {p} predicts {what}: {clips}")
    return tally


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT)
    parser.add_argument("--dense", action="store_true")
    parser.add_argument("--texts", action="store_true")
    parser.add_argument("--guards", action="store_true")
    args = parser.parse_args(argv)
    if args.gold.name in BLIND:
        print(f"{args.gold.name} is a blind set: its misses are not to be read", file=sys.stderr)
        return 2
    gold = basil_gold.load_gold(args.gold)
    source = _source(args.gold)
    reconciler = _reconciler(args.dense)
    total: Counter[str] = Counter()
    for story in gold["stories"]:
        total.update(_story(story, source, reconciler, args.texts, args.guards))
    print(dict(total))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
