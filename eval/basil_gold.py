"""The cross-check scored on real reporting: a hand-labelled gold over BASIL stories.

Run: ``.venv/bin/python eval/basil_gold.py [--validate] [--no-dense] [--errors N] [--no-write]``
(about a minute). ``--validate`` only checks the gold file's offsets against the shared
texts and exits. Writes ``eval/results/basil_gold.json`` / ``.md`` (numbers only).

Gold: ``eval/data/basil_gold.json``, written by reading each story's three articles
(NYT, Fox News, HuffPost) in full: statements (one utterance, each outlet's rendering
of it as a variant; single-variant statements included, as hard negatives), numeric
facts (the figures outlets give for one measure, with agree/differ status),
contradictions (claims that cannot all hold), and exclusives (details one outlet alone
carries). Every item is an article uuid and character offsets into the text
:mod:`basil` rebuilds, with a short hash of the span to catch drift; never a passage.
No setting of newsprism was tuned on these stories: every one is reported.

Scores (per kind, summed over the stories):

* statements: pairwise precision / recall over gold variants, matched to predicted
  variants as in ``eval/crosscheck.py``; systems: the exact-text baseline (Quootstrap)
  and newsprism (lexical, and dense when installed);
* fact groups: the same pairwise scores over gold values, and the share of gold facts
  (two or more matched values) whose predicted status is the gold one;
* contradictions: a predicted negation or date discrepancy is right when each of two
  of its claims overlaps a claim of one gold contradiction; precision over predicted,
  recall over gold;
* exclusives: recall (a gold exclusive overlapped by a predicted exclusive of its
  article) and precision (a predicted exclusive overlapping any gold exclusive, over
  predicted: a lower bound, since the gold lists the clearest exclusives only);
* summary support: supporters whose own sentence differs from the summary sentence
  on a number or a negation (must be 0).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import basil
from crosscheck import Pairs, exact_text, match, pairs, statement_spans
from paraphrase_set import GoldVariant

GOLD: Final = basil.ROOT / "eval" / "data" / "basil_gold.json"
RESULTS: Final = basil.ROOT / "eval" / "results"


def validate(gold: dict[str, Any], articles: dict[str, basil.BasilArticle]) -> list[str]:
    """Problems with the gold's spans (empty: every span fits its text and hash)."""
    problems = []
    for story in gold["stories"]:
        for span in _spans(story):
            article = articles.get(span["article"])
            if article is None:
                problems.append(f"{story['story']}: unknown article {span['article']}")
                continue
            if not 0 <= span["start"] < span["end"] <= len(article.text):
                problems.append(f"{span['article']}: span {span['start']}-{span['end']} out")
                continue
            piece = article.text[span["start"] : span["end"]]
            if hashlib.sha1(piece.encode()).hexdigest()[:12] != span["sha1"]:
                problems.append(f"{span['article']}: span {span['start']} changed")
    return problems


def _spans(story: dict[str, Any]) -> list[dict[str, Any]]:
    found = [v for s in story["statements"] for v in s["variants"]]
    found += [v for f in story["facts"] for v in f["values"]]
    found += [c for x in story["contradictions"] for c in x["claims"]]
    return found + list(story["exclusives"])


def _variants(items: Sequence[dict[str, Any]], key: str) -> list[GoldVariant]:
    return [
        GoldVariant(item["id"], v["article"], v["start"], v["end"])
        for item in items
        for v in item[key]
    ]


def _overlap(a: tuple[str, int, int], b: tuple[str, int, int]) -> bool:
    return a[0] == b[0] and min(a[2], b[2]) > max(a[1], b[1])


def score_story(
    story: dict[str, Any], material: Any, similarities: dict[str, Any]
) -> dict[str, Any]:
    from newsprism.reconcile.agreement import negated, numbers_clash, quantities_in
    from newsprism.reconcile.discrepancies import find_discrepancies
    from newsprism.reconcile.exclusives import find_exclusives
    from newsprism.reconcile.facts import compare_facts
    from newsprism.reconcile.statements import align_statements
    from newsprism.reconcile.summary import summarize

    result: dict[str, Any] = {"statements": {}}
    gold = _variants(story["statements"], "variants")
    result["statements"]["exact text (Quootstrap)"] = pairs(gold, match(gold, exact_text(material)))
    lexical = similarities["newsprism lexical"]
    statements: list[Any] = []
    for name, similarity in similarities.items():
        aligned = align_statements(material, similarity)
        statements = aligned if similarity is lexical else statements
        result["statements"][name] = pairs(gold, match(gold, statement_spans(aligned)))
    facts = compare_facts(material)
    values = _variants(story["facts"], "values")
    spans = [
        (f.id, v.passage.article, v.passage.start, v.passage.end) for f in facts for v in f.values
    ]
    labels = match(values, spans)
    result["facts"] = pairs(values, labels)
    status = {f.id: f.status for f in facts}
    gold_status = {f["id"]: f["status"] for f in story["facts"]}
    judged = right = 0
    for fact in story["facts"]:
        got = [
            lab for g, lab in zip(values, labels, strict=True) if g.statement == fact["id"] and lab
        ]
        if len(got) >= 2:
            judged += 1
            right += status[max(set(got), key=got.count)] == gold_status[fact["id"]]
    result["status"] = (right, judged)
    found = [d for d in find_discrepancies(material, facts, lexical) if d.kind != "number"]
    gold_claims = [
        [(c["article"], c["start"], c["end"]) for c in x["claims"]] for x in story["contradictions"]
    ]
    hits = 0
    for d in found:
        claims = [(c.article, c.start, c.end) for c in d.claims]
        hits += any(
            sum(any(_overlap(c, g) for c in claims) for g in group) >= 2 for group in gold_claims
        )
    recalled = sum(
        any(
            sum(any(_overlap((c.article, c.start, c.end), g) for c in d.claims) for g in group) >= 2
            for d in found
        )
        for group in gold_claims
    )
    result["contradictions"] = (hits, len(found), recalled, len(gold_claims))
    exclusives = find_exclusives(material, statements, facts, lexical)
    predicted = [(e.passage.article, e.passage.start, e.passage.end) for e in exclusives]
    golds = [(x["article"], x["start"], x["end"]) for x in story["exclusives"]]
    result["exclusives"] = (
        sum(any(_overlap(g, p) for p in predicted) for g in golds), len(golds),
        sum(any(_overlap(p, g) for g in golds) for p in predicted), len(predicted),
    )  # fmt: skip
    bad = 0
    for sentence in summarize(material, lexical):
        mine = quantities_in(material, sentence.passage)
        for passage in sentence.support:
            if passage != sentence.passage and (
                numbers_clash(mine, quantities_in(material, passage))
                or negated(passage.text) != negated(sentence.passage.text)
            ):
                bad += 1
    result["support_violations"] = bad
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--validate", action="store_true", help="check offsets and exit")
    parser.add_argument("--no-dense", action="store_true")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    if not basil.available():
        print(f"skipped: data folder not found ({basil.DATA})")
        return 0
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    articles = basil.load_articles()
    problems = validate(gold, articles)
    for problem in problems:
        print(f"{GOLD}: {problem}")
    if problems:
        return 1
    if args.validate:
        print(f"{GOLD}: {sum(len(_spans(s)) for s in gold['stories'])} spans valid")
        return 0
    from newsprism.analyze.analyzer import Analyzer
    from newsprism.cluster.vectors import dense_available
    from newsprism.model import Story
    from newsprism.reconcile.material import StoryMaterial
    from newsprism.reconcile.similarity import LexicalSimilarity, make_similarity

    began = time.perf_counter()
    similarities: dict[str, Any] = {"newsprism lexical": LexicalSimilarity()}
    if not args.no_dense and dense_available():
        similarities["newsprism dense"] = make_similarity("on")
    analyzer = Analyzer()
    grouped = basil.stories()
    totals: dict[str, Pairs] = {}
    facts, status, contradictions, exclusives, support = (
        Pairs(),
        [0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        0,
    )
    for story in gold["stories"]:
        items = basil.to_articles(grouped[story["story"]])
        analyses = dict(zip([a.id for a in items], analyzer.analyze_many(items), strict=True))
        material = StoryMaterial(
            Story(story["story"], None, tuple(a.id for a in items)), items, analyses
        )
        scored = score_story(story, material, similarities)
        for name, counted in scored["statements"].items():
            totals.setdefault(name, Pairs()).add(counted)
        facts.add(scored["facts"])
        status = [a + b for a, b in zip(status, scored["status"], strict=True)]
        contradictions = [
            a + b for a, b in zip(contradictions, scored["contradictions"], strict=True)
        ]
        exclusives = [a + b for a, b in zip(exclusives, scored["exclusives"], strict=True)]
        support += scored["support_violations"]
    report = {
        "when": time.strftime("%Y-%m-%d"),
        "stories": len(gold["stories"]),
        "statements": {name: p.scores() for name, p in totals.items()},
        "facts": {**facts.scores(), "status_right": status[0], "status_judged": status[1]},
        "contradictions": dict(
            zip(("right", "predicted", "recalled", "gold"), contradictions, strict=True)
        ),
        "exclusives": dict(
            zip(("recalled", "gold", "precise", "predicted"), exclusives, strict=True)
        ),
        "support_violations": support,
        "seconds": round(time.perf_counter() - began, 1),
    }
    print(json.dumps({k: v for k, v in report.items() if k != "when"}, indent=1))
    if not args.no_write:
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "basil_gold.json").write_text(json.dumps(report, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception:
        traceback.print_exc()
        sys.exit(1)
