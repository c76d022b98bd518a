"""Summary content on real multi-outlet clusters: the brief's summary against an editor's.

Run: ``.venv/bin/python eval/summary.py [--limit N] [--offset K] [--dense] [--no-write]``
(about 3 minutes for 60 clusters on 2 cores). Writes ``eval/results/summary.json`` and
``eval/results/summary.md`` (numbers only, never text).

Data: the Multi-News sample (``../shared/data/multinews-sample/clusters.jsonl``; see its
NOTES.md): each cluster is 2-10 articles about one story as scraped, and the summary a
newser.com editor wrote (about 215 words). Evaluation only; nothing is copied.

Each cluster is one story (the clusterer is not asked: this measures the summary, not
the grouping). Its documents are written to a temporary folder and read by the real
ingest (cleaning included), analysed, and summarised by
:func:`newsprism.reconcile.summary.summarize`.

Systems, each scored with ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 (the ``rouge-score``
package, Porter stemming on, sentences one per line for Lsum) against the editor's
summary (its leading "– " dropped):

* ``newsprism`` — the brief's summary, its sentences in the brief's order;
* ``lead (same length)`` — the first sentences of the documents taken in turn (first
  sentence of each document, then the second of each, ...), cut to the same number of
  words as newsprism's summary for that cluster (the classic lead baseline, with the
  length held equal so that length does not decide the comparison).

Also reported: summary words (median, and their correlation with the cluster's total
words: the length should grow with the story), and the share of summary sentences that
cite at least one source (every one must). Published anchors (different sample, the
full test set): LexRank / TextRank about 38 ROUGE-1 (Fabbri et al., 2019).

Clusters 0-59 were used to tune the summary's length rule (``SummaryOptions``); the
report gives them and, separately, clusters 60-124, which were not looked at while
tuning (``--offset 60 --limit 65``).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import statistics
import sys
import tempfile
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

ROOT: Final = Path(__file__).resolve().parent.parent
RESULTS: Final = ROOT / "eval" / "results"
DATA: Final = Path(os.environ.get("NEWSPRISM_DATA", ROOT.parent / "shared" / "data"))
CLUSTERS: Final = DATA / "multinews-sample" / "clusters.jsonl"
_WORD = re.compile(r"\S+")

logger = logging.getLogger(__name__)


def load_clusters(offset: int, limit: int) -> list[dict[str, Any]]:
    with CLUSTERS.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    return rows[offset : offset + limit]


def story_material(cluster: dict[str, Any], analyzer: Any) -> Any:
    """The cluster as one story: its documents ingested from files, analysed."""
    from newsprism.ingest import read_inputs
    from newsprism.model import Article, Story
    from newsprism.reconcile.material import StoryMaterial

    with tempfile.TemporaryDirectory() as folder:
        for n, text in enumerate(cluster["documents"]):
            (Path(folder) / f"doc{n:02d}.txt").write_text(text, encoding="utf-8")
        articles = [a for a in read_inputs([folder]) if isinstance(a, Article)]
    articles.sort(key=lambda a: a.source)
    analyses = dict(zip([a.id for a in articles], analyzer.analyze_many(articles), strict=True))
    story = Story(f"mn{cluster['cluster']}", None, tuple(a.id for a in articles))
    return StoryMaterial(story, articles, analyses)


def lead(material: Any, words: int) -> list[str]:
    """First sentences of the documents in turn, cut to ``words`` words."""
    queues = [[p.text.strip() for p in material.sentences(a.id)] for a in material.articles]
    chosen: list[str] = []
    count, depth = 0, 0
    while count < words and any(depth < len(q) for q in queues):
        for queue in queues:
            if depth < len(queue) and count < words:
                tokens = _WORD.findall(queue[depth])[: words - count]
                chosen.append(" ".join(tokens))
                count += len(tokens)
        depth += 1
    return chosen


def reference(summary: str) -> str:
    return summary.strip().removeprefix("–").strip()


def score(scorer: Any, sentences: Sequence[str], gold: str) -> dict[str, float]:
    text = "\n".join(s.replace("\n", " ") for s in sentences)
    gold_lines = "\n".join(_sentences(gold))
    scores = scorer.score(gold_lines, text)
    return {name: scores[name].fmeasure for name in ("rouge1", "rouge2", "rougeLsum")}


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?\"”’])\s+(?=[A-Z\"“‘])", text) if s]


def run(clusters: Sequence[dict[str, Any]], dense: bool) -> dict[str, Any]:
    from rouge_score import rouge_scorer

    from newsprism.analyze.analyzer import Analyzer
    from newsprism.reconcile.similarity import make_similarity
    from newsprism.reconcile.summary import summarize

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    analyzer = Analyzer()
    similarity = make_similarity("on" if dense else "off")
    rows = []
    for cluster in clusters:
        material = story_material(cluster, analyzer)
        brief = summarize(material, similarity)
        sentences = [s.passage.text for s in brief]
        words = sum(len(_WORD.findall(s)) for s in sentences)
        gold = reference(cluster["summary"])
        story_words = sum(len(_WORD.findall(a.text)) for a in material.articles)
        rows.append(
            {
                "cluster": cluster["cluster"],
                "articles": len(material.articles),
                "story_words": story_words,
                "words": words,
                "sentences": len(brief),
                "cited": sum(bool(s.sources) for s in brief),
                "newsprism": score(scorer, sentences, gold),
                "lead": score(scorer, lead(material, words), gold),
            }
        )
        logger.info("cluster %s: %d words", cluster["cluster"], words)
    return summarise(rows)


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    def mean(system: str, metric: str) -> float:
        return round(100 * statistics.fmean(r[system][metric] for r in rows), 2)

    metrics = ("rouge1", "rouge2", "rougeLsum")
    words = [r["words"] for r in rows]
    sizes = [r["story_words"] for r in rows]
    growth = statistics.correlation(sizes, words) if len(rows) > 2 and len(set(words)) > 1 else 0
    sentences = sum(r["sentences"] for r in rows)
    return {
        "clusters": len(rows),
        "systems": {s: {m: mean(s, m) for m in metrics} for s in ("newsprism", "lead")},
        "median_words": statistics.median(words) if words else 0,
        "length_story_correlation": round(growth, 3),
        "cited_share": round(sum(r["cited"] for r in rows) / sentences, 4) if sentences else 1.0,
        "empty_summaries": sum(r["sentences"] == 0 for r in rows),
        "rows": [{k: v for k, v in r.items() if k not in ("newsprism", "lead")} for r in rows],
    }


def _markdown(report: dict[str, Any]) -> str:
    lines = [
        "# Summary content on the Multi-News sample",
        "",
        f"Run by `eval/summary.py` on {report['when']} ({report['seconds']} s). ROUGE F1 x 100, "
        "rouge-score with stemming, against the newser.com editors' summaries. Lead: first "
        "sentences of the documents in turn, cut to the same length as newsprism's summary.",
        "",
        "| clusters | system | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | median words | length~story r |"
        " cited |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, part in report["parts"].items():
        for system, values in part["systems"].items():
            lines.append(
                f"| {name} ({part['clusters']}) | {system} | {values['rouge1']:.1f} | "
                f"{values['rouge2']:.1f} | {values['rougeLsum']:.1f} | {part['median_words']} | "
                f"{part['length_story_correlation']:.2f} | {part['cited_share']:.0%} |"
            )
    lines += ["", "Published anchor (full test set): LexRank / TextRank about 38 ROUGE-1."]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offset", type=int, default=None, help="first cluster (one part)")
    parser.add_argument("--limit", type=int, default=60, help="clusters in that part")
    parser.add_argument("--dense", action="store_true", help="dense similarity")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    if not CLUSTERS.exists():
        print(f"skipped: data folder not found ({CLUSTERS.parent})")
        return 0
    logging.basicConfig(level=logging.WARNING)
    began = time.perf_counter()
    if args.offset is not None:
        parts = {f"clusters {args.offset}-": load_clusters(args.offset, args.limit)}
    else:
        parts = {
            "tuning 0-59": load_clusters(0, 60),
            "held out 60-124": load_clusters(60, 65),
        }
    report: dict[str, Any] = {"when": time.strftime("%Y-%m-%d"), "dense": args.dense}
    report["parts"] = {name: run(rows, args.dense) for name, rows in parts.items()}
    report["seconds"] = round(time.perf_counter() - began, 1)
    for name, part in report["parts"].items():
        for system, values in part["systems"].items():
            print(
                f"{name:18} {system:10} R1 {values['rouge1']:5.1f} R2 {values['rouge2']:5.1f} "
                f"RLsum {values['rougeLsum']:5.1f}  median words {part['median_words']}  "
                f"length~story r {part['length_story_correlation']:.2f}  "
                f"cited {part['cited_share']:.0%}"
            )
    if not args.no_write:
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "summary.json").write_text(json.dumps(report, indent=1) + "\n")
        (RESULTS / "summary.md").write_text(_markdown(report))
        print(f"wrote {RESULTS / 'summary.json'} and summary.md")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception:
        traceback.print_exc()
        sys.exit(1)
