"""An article whose current text an edit changed is signed again: a later copy of the
new text (another outlet running the corrected report) is found as a copy of it, where
the old text's signature missed it once the edit added paragraphs. Invented word salad."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

from newsprism.cluster.batch import cluster_stored
from newsprism.cluster.dedup import DedupOptions, signature, signature_bytes
from newsprism.model import Article
from newsprism.store import Store

_VOCAB = [f"w{n}" for n in range(3000)]
WHEN = datetime(2026, 3, 3, 9, tzinfo=UTC)
URL = "https://coast.example/pier"


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_VOCAB) for _ in range(words))


def _page(ident: str, text: str, outlet: str = "Coast Radio") -> Article:
    return Article(
        id=ident, source="pier.html", text=text, url=URL, outlet=outlet, published=WHEN
    )


def test_a_copy_of_an_edited_articles_new_text_is_found_as_its_copy(tmp_path: Path) -> None:
    rng = random.Random(4)
    first = _text(rng, 160)
    # The edit keeps every word and adds twice as many: another report no longer.
    new = first + " " + _text(rng, 320)
    origins = {"pier.html": "file:/news/pier.html"}
    with Store(tmp_path / "news.db") as store:
        other = Article(id="other", source="other.txt", text=_text(rng, 200), published=WHEN)
        store.add_articles([_page("orig", first), other], origins=origins)
        cluster_stored(store, [_page("orig", first), other], {})
        store.add_articles([_page("edit", new)], origins=origins)
        folded = store.fold_version("orig", "edit")
        assert folded is not None and folded.current
        stored = dict(store.signatures())["orig"]
        assert stored == signature_bytes(signature(new, DedupOptions()), DedupOptions())
        copy = Article(id="copy", source="copy.txt", text=new, outlet="Tessel Courier",
                       published=WHEN)  # fmt: skip
        store.add_articles([copy])
        (story,) = cluster_stored(store, [copy], {})
    assert "orig" in story.articles and ("orig", "copy") in story.duplicates


def test_an_article_not_clustered_yet_gets_no_signature_from_an_edit(tmp_path: Path) -> None:
    rng = random.Random(5)
    first = _text(rng, 160)
    origins = {"pier.html": "file:/news/pier.html"}
    with Store(tmp_path / "news.db") as store:
        store.add_articles([_page("orig", first)], origins=origins)
        store.add_articles([_page("edit", first + " one more line")], origins=origins)
        assert store.fold_version("orig", "edit") is not None
        assert dict(store.signatures()) == {}
