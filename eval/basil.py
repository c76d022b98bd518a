"""BASIL (one story told by NYT, Fox News and HuffPost) read for the cross-check evals.

The data stays in ``../shared/data/basil`` (or ``$NEWSPRISM_DATA/basil``); nothing is
copied. :func:`load_stories` rebuilds each article's text the same way every time
(paragraphs joined by a blank line, a paragraph's sentences by one space), so character
offsets into that text (the gold files under ``eval/data/`` hold only ids and offsets)
are stable. :func:`quote_spans` finds BASIL's own quote annotations (``quote: yes`` with
a ``speaker``) in that text: BASIL gives each span's offsets inside its sentence and
its words, so a span is placed at the occurrence of its words whose offset inside its
sentence is the annotated one (the first occurrence when none is).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

ROOT: Final = Path(__file__).resolve().parent.parent
DATA: Final = Path(os.environ.get("NEWSPRISM_DATA", ROOT.parent / "shared" / "data")) / "basil"
OUTLETS: Final = {"nyt": "The New York Times", "fox": "Fox News", "hpo": "HuffPost"}


@dataclass(frozen=True)
class BasilArticle:
    """One article: its id (``uuid``: BASIL's uuid, see :func:`article_id`), story
    (triplet) uuid, outlet code, text and where each sentence of the text starts."""

    uuid: str
    story: str
    source: str
    title: str
    date: str
    text: str
    sentence_starts: tuple[int, ...]


@dataclass(frozen=True)
class QuoteSpan:
    """A BASIL quote annotation placed in an article's text."""

    article: str
    start: int
    end: int
    speaker: str


def available() -> bool:
    return (DATA / "articles.jsonl").exists() and (DATA / "annotations.jsonl").exists()


def _text(paragraphs: list[Any]) -> tuple[str, tuple[int, ...]]:
    parts: list[str] = []
    starts: list[int] = []
    at = 0
    for paragraph in paragraphs:
        sentences = paragraph if isinstance(paragraph, list) else [paragraph]
        sentences = [s.strip() for s in sentences if s and s.strip()]
        if not sentences:
            continue
        if parts:
            parts.append("\n\n")
            at += 2
        for n, sentence in enumerate(sentences):
            if n:
                parts.append(" ")
                at += 1
            starts.append(at)
            parts.append(sentence)
            at += len(sentence)
    return "".join(parts), tuple(starts)


def stories_as_drawn() -> dict[str, list[BasilArticle]]:
    """:func:`stories` as the gold files' story selection saw them (before 6 Dec): articles
    keyed by uuid alone, so of the rows sharing a uuid only the last was read, and the
    other stories sharing it looked one article short of three. The gold files' tests
    replay their selection rule over this view."""
    rows = _rows("articles.jsonl")
    shared = _shared_uuids(rows)
    last = {row["uuid"]: article_id(row, shared) for row in rows if row["uuid"] in shared}
    hidden = {article_id(row, shared) for row in rows if row["uuid"] in shared} - set(last.values())
    return {story: [a for a in items if a.uuid not in hidden] for story, items in stories().items()}


def _rows(name: str) -> list[dict[str, Any]]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def _shared_uuids(rows: list[dict[str, Any]]) -> set[str]:
    """Uuids more than one row carries (four HuffPost rows of four stories share "empty")."""
    return {uuid for uuid, n in Counter(row["uuid"] for row in rows).items() if n > 1}


def article_id(row: dict[str, Any], shared: set[str]) -> str:
    """A row's article id: its uuid, or ``<uuid>-<triplet uuid>`` when other rows share the
    uuid (keyed by the uuid alone, the last such row hid the others and their quotes)."""
    uuid = str(row["uuid"])
    return f"{uuid}-{row['triplet-uuid']}" if uuid in shared else uuid


def load_articles() -> dict[str, BasilArticle]:
    """Every article by its :func:`article_id`."""
    rows = _rows("articles.jsonl")
    shared = _shared_uuids(rows)
    found = {}
    for row in rows:
        text, starts = _text(row["body-paragraphs"])
        aid = article_id(row, shared)
        found[aid] = BasilArticle(
            aid, row["triplet-uuid"], row["source"].lower(), row.get("title") or "",
            row.get("date") or "", text, starts,
        )  # fmt: skip
    return found


def stories() -> dict[str, list[BasilArticle]]:
    """Articles per story (triplet uuid), in the order nyt, fox, hpo."""
    grouped: dict[str, list[BasilArticle]] = {}
    for article in load_articles().values():
        grouped.setdefault(article.story, []).append(article)
    order = list(OUTLETS)
    return {k: sorted(v, key=lambda a: order.index(a.source)) for k, v in sorted(grouped.items())}


def quote_spans(articles: dict[str, BasilArticle]) -> list[QuoteSpan]:
    """BASIL's quote annotations with a speaker, placed in the articles' texts."""
    found = []
    rows = _rows("annotations.jsonl")
    shared = _shared_uuids(rows)
    for row in rows:
        article = articles.get(article_id(row, shared))
        if article is None:
            continue
        for span in row["phrase-level-annotations"]:
            if span.get("quote") != "yes" or not span.get("speaker") or not span.get("txt"):
                continue
            at = _place(article, span["txt"], int(span["start"]))
            if at is not None:
                found.append(QuoteSpan(article.uuid, at, at + len(span["txt"]), span["speaker"]))
    return found


def _place(article: BasilArticle, words: str, offset: int) -> int | None:
    hits = []
    at = article.text.find(words)
    while at >= 0:
        hits.append(at)
        at = article.text.find(words, at + 1)
    for hit in hits:
        sentence = max((s for s in article.sentence_starts if s <= hit), default=0)
        if hit - sentence == offset:
            return hit
    return hits[0] if hits else None


def to_articles(items: list[BasilArticle]) -> list[Any]:
    """newsprism Articles of BASIL articles (id = BASIL uuid, noon UTC of the date)."""
    from newsprism.model import Article

    result = []
    for item in items:
        published = None
        if item.date:
            published = datetime.fromisoformat(item.date).replace(hour=12, tzinfo=UTC)
        result.append(
            Article(
                item.uuid, f"basil/{item.story}/{item.source}", item.text,
                outlet=OUTLETS[item.source], title=item.title, published=published,
                language="en",
            )
        )  # fmt: skip
    return result
