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
* ``multinews``: the Multi-News sample's clusters (source articles of one newser.com
  summary each, 2-7 outlets, undated, no titles), as scraped; page debris that is not
  an article is left out (see :func:`read_multinews`). Gold: ``cluster``.
* ``semeval``: 736 article pairs with human ``Overall`` ratings (1 same story .. 4
  unrelated); the two sides of a pair in :class:`Pair`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from newsprism.model import Analysis, Article

logger = logging.getLogger(__name__)

CACHE: Final = Path(__file__).resolve().parent / ".cache"
SETS: Final = ("ecbplus", "basil", "multinews")
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
    articles: list[Article] = []
    gold: dict[str, str] = {}
    for row in _jsonl(path):
        aid = _basil_id(row, gold)
        published = datetime.fromisoformat(row["date"]).replace(tzinfo=UTC)
        articles.append(Article(id=aid, source=row["url"] or aid,
                                text=_paragraphs(row["body-paragraphs"]), outlet=row["source"],
                                title=row.get("title"), published=published, language="en"))
        gold[aid] = row["triplet-uuid"]
    return LabelledSet("basil", articles, gold, (path,))


def _basil_id(row: dict[str, Any], taken: dict[str, str]) -> str:
    """The article's id: "basil-" and its uuid; a uuid another row has already (four
    HuffPost rows of four stories share the uuid "empty") takes its story's uuid too, so
    the four stay four articles (as one id they were one article, its gold the last)."""
    aid = "basil-" + row["uuid"]
    return aid if aid not in taken else f"{aid}-{row['triplet-uuid']}"


# A Multi-News document shorter than this is page debris (a cookie or video notice), as
# in eval/verify_sets.py; and one whose opening another cluster's document shares is
# crawler or embed boilerplate ("These crawls are part of an effort to archive pages",
# "Tweet with a location"), not a report of the cluster's event.
MULTINEWS_MIN_WORDS: Final = 50
_OPENING: Final = 60


def read_multinews(root: Path | None = None) -> LabelledSet:
    """The Multi-News sample's clusters, each one story; debris left out (documents under
    :data:`MULTINEWS_MIN_WORDS` words, openings shared across clusters, near-duplicates
    of another cluster's document), then clusters left with one document."""
    from newsprism.cluster.dedup import DuplicateIndex, signature

    path = (root or data_root()) / "multinews-sample" / "clusters.jsonl"
    docs = [(str(row["cluster"]), i, _whitespace(text)) for row in _jsonl(path)
            for i, text in enumerate(row["documents"])]
    docs = [d for d in docs if len(d[2].split()) >= MULTINEWS_MIN_WORDS]
    clusters_of: dict[str, set[str]] = {}
    for cluster, _, text in docs:
        clusters_of.setdefault(text[:_OPENING], set()).add(cluster)
    index, owner, debris = DuplicateIndex(), {}, set()
    for cluster, i, text in docs:
        aid = f"mn-{cluster}-{i}"
        owner[aid] = cluster
        twin = index.add(aid, signature(text))
        if len(clusters_of[text[:_OPENING]]) > 1:
            debris.add(aid)
        if twin is not None and owner.get(twin, cluster) != cluster:
            debris |= {aid, twin}
    kept = [(c, i, t) for c, i, t in docs if f"mn-{c}-{i}" not in debris]
    sizes = Counter(c for c, _, _ in kept)
    articles, gold = [], {}
    for cluster, i, text in kept:
        if sizes[cluster] >= 2:
            aid = f"mn-{cluster}-{i}"
            articles.append(Article(id=aid, source=aid, text=text, language="en"))
            gold[aid] = cluster
    return LabelledSet("multinews", articles, gold, (path,))


def _whitespace(document: str) -> str:
    """Paragraphs kept, whitespace runs within them folded (the scrape's line breaks)."""
    paragraphs = re.split(r"\n\s*\n", document)
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def read_set(name: str, root: Path | None = None) -> LabelledSet:
    readers = {"ecbplus": read_ecbplus, "basil": read_basil, "multinews": read_multinews}
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
