"""Readers for the labelled real-news sets that story clustering is measured on, and a
content-hash cache of their analyses.

The data lives outside the repository (``../shared/data/<set>`` or
``$NEWSPRISM_DATA/<set>``); see each set's NOTES.md. Licences allow evaluation only:
nothing read here is ever written into the repository. The analysis cache
(``eval/.cache/``, gitignored) holds spaCy analyses keyed by a hash of the article's
text, so a second run of the evaluation skips the minutes of parsing.

* ``ecbplus``: 720 articles, 65 events in 33 topics, two look-alike events per topic;
  no dates, no outlets. Gold story: ``event``.
* ``basil``: 70 stories told by NYT, Fox News and HuffPost, dated. Gold: ``triplet-uuid``.
* ``semeval``: 736 article pairs with human ``Overall`` ratings (1 same story .. 4
  unrelated); the two sides of a pair in :class:`Pair`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from newsprism.model import Analysis, Article

logger = logging.getLogger(__name__)

CACHE: Final = Path(__file__).resolve().parent / ".cache"
SETS: Final = ("ecbplus", "basil")
# ECB+ text is tokenised in places: "word , word" and `` ... '' quote pairs.
_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]])")
_SPACE_AFTER = re.compile(r"([(\[$]) ")
_QUOTES = re.compile(r"``\s?|\s?''")


def data_root() -> Path:
    """Where the shared data sets live."""
    configured = os.environ.get("NEWSPRISM_DATA")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parent.parent.parent / "shared" / "data"


@dataclass(frozen=True)
class LabelledSet:
    """Articles with their gold story labels (article id -> story label)."""

    name: str
    articles: list[Article]
    gold: dict[str, str]
    files: tuple[Path, ...]

    def sha256(self) -> str:
        """Hash of the data files read (the gate pins it)."""
        digest = hashlib.sha256()
        for path in self.files:
            digest.update(path.read_bytes())
        return digest.hexdigest()


@dataclass(frozen=True)
class Pair:
    """One SemEval pair: two articles and the mean human ``Overall`` rating (1..4)."""

    pair_id: str
    first: Article
    second: Article
    overall: float


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _detokenise(text: str) -> str:
    text = _QUOTES.sub('"', text)
    return _SPACE_AFTER.sub(r"\1", _SPACE_BEFORE.sub(r"\1", text))


def read_ecbplus(root: Path | None = None) -> LabelledSet:
    """ECB+ articles (undated, no outlet) and their events."""
    path = (root or data_root()) / "ecbplus" / "articles.jsonl"
    articles, gold = [], {}
    for row in _jsonl(path):
        aid = "ecb-" + row["id"]
        title = _detokenise(row["title"]) if row.get("title") else None
        articles.append(Article(id=aid, source=row["id"], text=_detokenise(row["text"]),
                                title=title, language="en"))
        gold[aid] = row["event"]
    return LabelledSet("ecbplus", articles, gold, (path,))


def _paragraphs(body: Any) -> str:
    if isinstance(body, str):
        return body
    return "\n\n".join(p if isinstance(p, str) else " ".join(p) for p in body)


def read_basil(root: Path | None = None) -> LabelledSet:
    """BASIL articles (dated, three outlets a story) and their stories."""
    path = (root or data_root()) / "basil" / "articles.jsonl"
    articles, gold = [], {}
    for row in _jsonl(path):
        aid = "basil-" + row["uuid"]
        published = datetime.fromisoformat(row["date"]).replace(tzinfo=UTC)
        articles.append(Article(id=aid, source=row["url"] or aid,
                                text=_paragraphs(row["body-paragraphs"]), outlet=row["source"],
                                title=row.get("title"), published=published, language="en"))
        gold[aid] = row["triplet-uuid"]
    return LabelledSet("basil", articles, gold, (path,))


def read_set(name: str, root: Path | None = None) -> LabelledSet:
    readers = {"ecbplus": read_ecbplus, "basil": read_basil}
    return readers[name](root)


def read_semeval(root: Path | None = None) -> tuple[list[Pair], Path]:
    """The SemEval-2022 task 8 pairs; the title is the text's first line when it has one
    (the upstream texts are "title  body" with the title glued on)."""
    path = (root or data_root()) / "semeval2022-task8" / "pairs.jsonl"
    pairs = []
    for row in _jsonl(path):
        sides = [Article(id=f"sem-{row['pair_id']}-{n}", source=row["pair_id"],
                         text=row[f"text{n}"] or "", language=row[f"lang{n}"])
                 for n in (1, 2)]
        pairs.append(Pair(row["pair_id"], sides[0], sides[1], float(row["Overall"])))
    return pairs, path


# --- the analysis cache ------------------------------------------------------------------


def _key(article: Article) -> str:
    material = f"{article.language}\x1f{article.title or ''}\x1f{article.text}"
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:32]


def analyses(articles: Sequence[Article], cache: Path = CACHE) -> dict[str, Analysis]:
    """The analysis of every article, from the cache where it has one, the rest parsed
    (and cached). Keyed by the article's id; the cache by its text's hash."""
    from newsprism.analyze.analyzer import ANALYZER_VERSION, Analyzer
    from newsprism.codec import analysis_from_record, analysis_to_record

    version = ANALYZER_VERSION
    folder = cache / "analyses" / version
    folder.mkdir(parents=True, exist_ok=True)
    found: dict[str, Analysis] = {}
    missing: list[Article] = []
    for article in articles:
        path = folder / f"{_key(article)}.json"
        if path.exists():
            found[article.id] = analysis_from_record(
                article.id, version, json.loads(path.read_text(encoding="utf-8")))
        else:
            missing.append(article)
    if missing:
        logger.info("analysing %d articles (cached: %d)", len(missing), len(found))
        for article, analysis in zip(missing, Analyzer().analyze_many(missing), strict=True):
            (folder / f"{_key(article)}.json").write_text(
                json.dumps(analysis_to_record(analysis)), encoding="utf-8")
            found[article.id] = analysis
    return found


def with_ids(found: Mapping[str, Analysis], articles: Sequence[Article]) -> dict[str, Analysis]:
    """Only the analyses of ``articles``."""
    return {a.id: found[a.id] for a in articles if a.id in found}
