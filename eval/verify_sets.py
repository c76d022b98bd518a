"""Stories and planted summary errors for the verify evaluation (eval/verify.py).

Stories are built from their gold membership, never by the clusterer:

* ``samples:<slug>``: the sample stories (``samples/gold/<slug>.json`` lists the
  articles and duplicate groups).
* ``basil:<triplet-uuid>``: one BASIL story (NYT, Fox News, HuffPost); an article's text
  is its paragraphs joined by a blank line, each paragraph's sentences by one space.
* ``multinews:<n>``: one Multi-News cluster, each document (whitespace runs of a line
  folded, paragraphs kept) an article of its own outlet; with the editors' summary.

Real texts are read from ``../shared/data`` (or ``$NEWSPRISM_DATA``) and never written
into the repository: the gold file (eval/data/verify_gold.json) holds story ids,
article numbers, character spans and short edits only. :func:`plant` writes it; the
rules are deterministic (a seeded choice among the sentences that qualify).
"""

from __future__ import annotations

import json
import os
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from newsprism.analyze.analyzer import Analyzer
from newsprism.ingest import read_inputs
from newsprism.model import Article, Story
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.statements import normalize_words

ROOT: Final = Path(__file__).resolve().parent.parent
SAMPLES: Final = ROOT / "samples"
DATA: Final = Path(os.environ.get("NEWSPRISM_DATA", ROOT.parent / "shared" / "data"))

# Gold verdict of each planted kind.
VERDICT_OF: Final = {
    "faithful": "supported",
    "changed_number": "contradicted",
    "negated_claim": "contradicted",
    "wrong_speaker": "contradicted",
    "invented_detail": "unsupported",
    "invented_clause": "partly",
    "paraphrase_as_quote": "partly",
}


@dataclass(frozen=True)
class Case:
    """One story of the evaluation, with its human summary when the set has one."""

    key: str
    material: StoryMaterial
    summary: str | None = None


# --- readers -----------------------------------------------------------------------------


def _ref(article: Article) -> str:
    path = Path(article.source).resolve().relative_to(SAMPLES).as_posix()
    return article.url if path.endswith((".xml", ".jsonl")) and article.url else path


def _material(
    key: str,
    title: str | None,
    articles: list[Article],
    analyzer: Analyzer,
    duplicates: tuple[tuple[str, ...], ...] = (),
) -> StoryMaterial:
    story = Story(key, title, tuple(a.id for a in articles), duplicates)
    analyses = {a.id: x for a, x in zip(articles, analyzer.analyze_many(articles), strict=True)}
    return StoryMaterial(story, articles, analyses)


def sample_cases(analyzer: Analyzer) -> list[Case]:
    """The three sample stories, from their gold membership."""
    articles = [a for a in read_inputs([str(SAMPLES / "stories")]) if isinstance(a, Article)]
    by_ref = {_ref(a): a for a in articles}
    cases = []
    for path in sorted((SAMPLES / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        members = [by_ref[a["ref"]] for a in gold["articles"]]
        groups = tuple(tuple(by_ref[r].id for r in g) for g in gold["duplicates"])
        key = f"samples:{gold['story']}"
        cases.append(Case(key, _material(key, gold["title"], members, analyzer, groups)))
    return cases


def _basil_text(paragraphs: Sequence[Any]) -> str:
    parts = [" ".join(p) if isinstance(p, list) else str(p) for p in paragraphs]
    return "\n\n".join(" ".join(p.split()) for p in parts if p.strip())


def basil_cases(analyzer: Analyzer, limit: int) -> list[Case]:
    """The first ``limit`` BASIL stories (in file order) with all three articles."""
    stories: dict[str, list[dict[str, Any]]] = {}
    with (DATA / "basil" / "articles.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            stories.setdefault(row["triplet-uuid"], []).append(row)
    cases = []
    for uuid, rows in stories.items():
        if len(rows) != 3 or len(cases) >= limit:
            continue
        rows.sort(key=lambda r: r["source"])
        articles = [
            Article(
                id=f"{r['source']}-{uuid[:8]}",
                source=f"basil/{r['uuid']}",
                text=_basil_text(r["body-paragraphs"]),
                outlet=r["source"],
                title=r.get("title"),
            )
            for r in rows
        ]
        key = f"basil:{uuid}"
        cases.append(Case(key, _material(key, rows[0].get("main-event"), articles, analyzer)))
    return cases


def _multinews_text(document: str) -> str:
    paragraphs = re.split(r"\n\s*\n", document)
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def multinews_cases(analyzer: Analyzer, limit: int, start: int = 0) -> list[Case]:
    """Multi-News clusters ``start .. start+limit-1``, each as one story with its
    editors' summary (the leading dash dropped)."""
    cases = []
    with (DATA / "multinews-sample" / "clusters.jsonl").open(encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if n < start:
                continue
            if len(cases) >= limit:
                break
            row = json.loads(line)
            docs = [_multinews_text(d) for d in row["documents"]]
            articles = [
                Article(
                    id=f"mn{row['cluster']}-{i}",
                    source=f"multinews/{row['cluster']}/{i}",
                    text=t,
                    outlet=f"outlet {i + 1}",
                )
                for i, t in enumerate(docs)
                if len(t.split()) >= 50
            ]
            if len(articles) < 2:
                continue
            key = f"multinews:{row['cluster']}"
            summary = row["summary"].lstrip("–- ").strip()
            cases.append(Case(key, _material(key, None, articles, analyzer), summary))
    return cases


# --- planting ----------------------------------------------------------------------------

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_AUX = re.compile(r"\b(is|was|are|were|will|has|have|had|would|could|can)\b(?!\s+(?:not|never)\b)")
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})


def _units(material: StoryMaterial) -> Iterator[tuple[int, int, int]]:
    """(article number, start, end) of each sentence piece of 8-40 words that ends with
    a full stop and is no question."""
    index = {a.id: n for n, a in enumerate(material.articles)}
    for piece in material.story_pieces():
        words = len(piece.text.split())
        if 8 <= words <= 40 and piece.text.endswith(".") and "?" not in piece.text:
            yield index[piece.article], piece.start, piece.end


def _item(case: Case, kind: str, unit: tuple[int, int, int], **extra: Any) -> dict[str, Any]:
    article, start, end = unit
    return {
        "story": case.key,
        "kind": kind,
        "verdict": VERDICT_OF[kind],
        "article": article,
        "sentence_span": [start, end],
        **extra,
    }


def _changed_number(case: Case, unit: tuple[int, int, int]) -> dict[str, Any] | None:
    article = case.material.articles[unit[0]]
    analysis = case.material.analysis(article.id)
    for q in analysis.quantities if analysis else ():
        if not unit[1] <= q.start < q.end <= unit[2] or q.about is None:
            continue
        m = _NUMBER.search(q.text)
        if m is None or re.fullmatch(r"(19|20)\d\d", m.group()) or q.value >= 1e9:
            continue
        old = float(m.group().replace(",", ""))
        new = f"{round(old * 1.6 + 3):,}"
        a = q.start - unit[1] + m.start()
        return _item(
            case, "changed_number", unit, edits=[{"replace": [a, a + len(m.group())], "with": new}]
        )
    return None


def _negated(case: Case, unit: tuple[int, int, int], text: str) -> dict[str, Any] | None:
    if re.search(r"\b(not|never|no|n't)\b", text) or '"' in text or "“" in text:
        return None
    m = _AUX.search(text)
    if m is None:
        return None
    return _item(
        case, "negated_claim", unit, edits=[{"replace": [m.end(), m.end()], "with": " not"}]
    )


def _people(material: StoryMaterial) -> list[str]:
    names: dict[str, str] = {}
    for analysis in material.analyses.values():
        for e in analysis.entities:
            if e.type == "PERSON" and len(e.name.split()) >= 2:
                names.setdefault(e.name.split()[-1].casefold(), e.name)
    return sorted(names.values())


def _wrong_speaker(
    case: Case, unit: tuple[int, int, int], rng: random.Random
) -> dict[str, Any] | None:
    article = case.material.articles[unit[0]]
    analysis = case.material.analysis(article.id)
    people = _people(case.material)
    for q in analysis.quotes if analysis else ():
        if not (q.direct and q.speaker and q.speaker_start is not None and q.speaker_end):
            continue
        if not unit[1] <= q.speaker_start < q.speaker_end <= unit[2]:
            continue
        if not unit[1] <= q.start < q.end <= unit[2] or len(q.text.split()) < 4:
            continue
        mention = article.text[q.speaker_start : q.speaker_end]
        if mention.casefold() in _PRONOUNS or not mention[:1].isupper():
            continue
        speaker = normalize_words(q.speaker)
        others = [p for p in people if normalize_words(p.split()[-1]) not in speaker]
        if not others:
            return None
        a = q.speaker_start - unit[1]
        return _item(
            case,
            "wrong_speaker",
            unit,
            edits=[{"replace": [a, a + len(mention)], "with": rng.choice(others)}],
        )
    return None


def _paraphrase_quote(case: Case, unit: tuple[int, int, int]) -> dict[str, Any] | None:
    article = case.material.articles[unit[0]]
    analysis = case.material.analysis(article.id)
    # Words written verbatim in another outlet, or in a direct quote, may be a quote:
    # such a clause is no paraphrase.
    quoted = " ".join(
        [
            normalize_words(q.text)
            for x in case.material.analyses.values()
            for q in x.quotes
            if q.direct
        ]
        + [normalize_words(a.text) for a in case.material.articles if a.id != article.id]
    )
    for q in analysis.quotes if analysis else ():
        if q.direct or q.speaker_start is None or q.speaker_end is None:
            continue
        if not (unit[1] <= q.start < q.end <= unit[2]) or len(q.text.split()) < 6:
            continue
        mention = article.text[q.speaker_start : q.speaker_end]
        if mention.casefold() in _PRONOUNS or not mention[:1].isupper():
            continue
        if normalize_words(q.text) in quoted or any(c in q.text for c in '"“”«»'):
            continue  # words quoted somewhere, or a clause holding a quote of its own
        return _item(
            case,
            "paraphrase_as_quote",
            unit,
            compose=[
                ["span", q.speaker_start, q.speaker_end],
                ["text", ' said: "'],
                ["span", q.start, q.end],
                ["text", '."'],
            ],
        )
    return None


_INVENTED: Final = (
    "{name} also announced a separate fund of {n} million dollars for flood defences.",
    "Officials said {n} police officers had been sent to guard {name}'s offices overnight.",
    "A spokesperson for {name} said a second inquiry would report within {n} days.",
)
_CLAUSE: Final = ", and {n} volunteers were sent to help on the same day."


def _named(material: StoryMaterial) -> list[str]:
    names = {
        e.name
        for x in material.analyses.values()
        for e in x.entities
        if e.type in ("PERSON", "ORG", "GPE") and 3 <= len(e.name) <= 30
    }
    return sorted(names)


def plant(case: Case, seed: int, per_kind: int) -> list[dict[str, Any]]:
    """Gold items for one story: up to ``per_kind`` of each kind, on different
    sentences, chosen by a seeded shuffle of the qualifying sentences."""
    rng = random.Random(f"{seed}:{case.key}")
    units = list(_units(case.material))
    rng.shuffle(units)
    items: list[dict[str, Any]] = []
    used: set[tuple[int, int]] = set()
    counts: dict[str, int] = {}

    def take(item: dict[str, Any] | None, unit: tuple[int, int, int]) -> bool:
        if item is None or counts.get(item["kind"], 0) >= per_kind or unit[:2] in used:
            return False
        counts[item["kind"]] = counts.get(item["kind"], 0) + 1
        used.add(unit[:2])
        items.append(item)
        return True

    for unit in units:
        article = case.material.articles[unit[0]]
        text = article.text[unit[1] : unit[2]]
        (
            take(_changed_number(case, unit), unit)
            or take(_wrong_speaker(case, unit, rng), unit)
            or take(_paraphrase_quote(case, unit), unit)
            or take(_negated(case, unit, text), unit)
        )
    for unit in units:
        if unit[:2] in used:
            continue
        if counts.get("faithful", 0) < per_kind:
            text = case.material.articles[unit[0]].text[unit[1] : unit[2]]
            m = re.search(r"\b(said|says)\b", text)
            edits = (
                []
                if m is None
                else [
                    {
                        "replace": [m.start(), m.end()],
                        "with": "stated" if m.group() == "said" else "states",
                    }
                ]
            )
            take(_item(case, "faithful", unit, edits=edits), unit)
        elif counts.get("invented_clause", 0) < per_kind:
            n = rng.randint(12, 90)
            take(_item(case, "invented_clause", unit, append=_CLAUSE.format(n=n)), unit)
    names = _named(case.material)
    for template in _INVENTED[:per_kind]:
        if names:
            text = template.format(name=rng.choice(names), n=rng.randint(14, 95))
            items.append(
                {
                    "story": case.key,
                    "kind": "invented_detail",
                    "verdict": "unsupported",
                    "text": text,
                }
            )
    return items


def sentence_of(case: Case, item: dict[str, Any]) -> str:
    """The summary sentence an item stands for, built from the story's texts."""
    if "text" in item:
        return str(item["text"])
    article = case.material.articles[item["article"]]
    if "compose" in item:
        parts = [article.text[p[1] : p[2]] if p[0] == "span" else p[1] for p in item["compose"]]
        built = "".join(parts)
        return built[0].upper() + built[1:]
    start, end = item["sentence_span"]
    text = article.text[start:end]
    for edit in sorted(item.get("edits", []), key=lambda e: -e["replace"][0]):
        a, b = edit["replace"]
        text = text[:a] + edit["with"] + text[b:]
    if "append" in item:
        text = text.rstrip(".") + item["append"]
    return text
