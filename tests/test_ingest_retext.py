"""A page read again whose cleaned text changed (a cleaning rule added since, the page
saved again after an edit) updates the stored article in place: it had a new id, so the
store kept both texts of one page, one outlet counted twice in its story."""

from __future__ import annotations

import io
import json
from pathlib import Path

from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.ingest import IngestOptions
from newsprism.ingest.batch import ingest
from newsprism.model import Analysis, Article, article_id
from newsprism.store import Store
from newsprism.store_corrections import same_page

runner = CliRunner()
BODY = (
    "The crane at the Vellmar pier fell into the water on Tuesday morning, the port "
    "authority said.\n\n"
    '"Nobody was hurt, which is a small miracle," said harbour master Ilse Trond.\n\n'
    "Work at the pier was halted for two days while divers checked the wreck."
)
# What an older cleaning kept at the foot of the page.
OLD_BODY = BODY + "\n\nThis story has been updated."
# The page as its outlet updated it later.
UPDATED = BODY + "\n\nThe pier will reopen on Friday, the port authority added."
OTHER = (
    "The Vellmar ferry will run a night service from June, the operator said on Friday, "
    "after residents asked for a later crossing to the island."
)


def _store_as_read_before(store: Store, source: str, text: str, url: str | None = None) -> str:
    """Store ``text`` as an earlier run's cleaning gave it for ``source``."""
    old = Article(
        id=article_id("Vellmar Post", text),
        source=source,
        text=text,
        outlet="Vellmar Post",
        url=url,
    )
    store.add_articles([old])
    return old.id


def test_a_changed_cleaning_updates_the_stored_article_in_place(tmp_path: Path) -> None:
    page = tmp_path / "pier.txt"
    page.write_text(BODY + "\n", encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        first = _store_as_read_before(store, str(page), OLD_BODY)
        store.save_analyses([Analysis(article_id=first, version="v")])
        report = ingest(store, [str(page)], IngestOptions(outlet="Vellmar Post"))
        assert report.corrected == [first] and report.article_ids == [first]
        assert not report.added and store.count_articles() == 1
        article = store.get_article(first)
        assert article is not None and article.text == BODY
        assert store.get_analysis(first, "v") is None  # its offsets were into the old text
        again = ingest(store, [str(page)], IngestOptions(outlet="Vellmar Post"))
        assert again.duplicates == [first] and store.count_articles() == 1
        assert store.list_articles(None) and store.integrity_problems() == []


def test_another_article_saved_under_the_same_name_is_a_new_article(tmp_path: Path) -> None:
    page = tmp_path / "pier.txt"
    page.write_text(OTHER + "\n", encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        first = _store_as_read_before(store, str(page), BODY)
        report = ingest(store, [str(page)], IngestOptions(outlet="Vellmar Post"))
        assert len(report.added) == 1 and not report.corrected
        kept = store.get_article(first)
        assert kept is not None and kept.text == BODY and store.count_articles() == 2


def test_a_record_of_a_file_of_many_is_found_by_its_url(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.jsonl"
    rows = [
        {"text": BODY, "url": "https://post.example/pier", "outlet": "Vellmar Post"},
        {"text": OTHER, "url": "https://post.example/ferry", "outlet": "Vellmar Post"},
    ]
    crawl.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        pier = _store_as_read_before(store, str(crawl), OLD_BODY, "https://post.example/pier")
        _store_as_read_before(store, str(crawl), OTHER, "https://post.example/ferry")
        report = ingest(store, [str(crawl)], IngestOptions())
        assert pier in report.corrected and not report.added  # the other: its language
        assert store.count_articles() == 2
        article = store.get_article(pier)
        assert article is not None and article.text == BODY


def test_two_versions_of_one_page_in_one_file_stay_two(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.jsonl"
    rows = [{"text": t, "url": "https://post.example/pier"} for t in (BODY, UPDATED)]
    crawl.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        report = ingest(store, [str(crawl)], IngestOptions(outlet="Vellmar Post"))
        assert len(report.added) == 2 and store.count_articles() == 2
        again = ingest(store, [str(crawl)], IngestOptions(outlet="Vellmar Post"))
        assert len(again.duplicates) == 2 and not again.corrected


def test_the_cli_counts_the_updated_article(tmp_path: Path) -> None:
    page = tmp_path / "pier.txt"
    page.write_text(BODY + "\n", encoding="utf-8")
    db = str(tmp_path / "x.db")
    with Store(db) as store:
        _store_as_read_before(store, str(page), OLD_BODY)
    result = runner.invoke(app, ["ingest", str(page), "--outlet", "Vellmar Post", "--db", db])
    assert result.exit_code == 0, result.output
    assert "corrected" in result.output
    with Store(db) as store:
        assert store.count_articles() == 1


def test_same_page_tells_a_trimmed_text_from_another_report() -> None:
    assert same_page(OLD_BODY, BODY) and same_page(BODY, OLD_BODY)
    assert not same_page(BODY, OTHER)
    assert not same_page("", BODY) and not same_page("One", "One")


def test_an_excerpt_saved_over_a_long_article_does_not_replace_it(tmp_path: Path) -> None:
    long_text = "\n\n".join(
        f"Paragraph {n}: divers checked part {n} of the wreck at the Vellmar pier on day {n}."
        for n in range(10)
    )
    excerpt = "\n\n".join(long_text.split("\n\n")[:2])
    page = tmp_path / "pier.txt"
    page.write_text(excerpt + "\n", encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        first = _store_as_read_before(store, str(page), long_text)
        report = ingest(store, [str(page)], IngestOptions(outlet="Vellmar Post"))
        assert len(report.added) == 1 and not report.corrected
        kept = store.get_article(first)
        assert kept is not None and kept.text == long_text


def test_two_articles_piped_in_are_never_one_page(tmp_path: Path) -> None:
    with Store(tmp_path / "x.db") as store:
        first = _store_as_read_before(store, "-", OLD_BODY)
        stdin = io.BytesIO(BODY.encode())
        report = ingest(store, ["-"], IngestOptions(outlet="Vellmar Post"), stdin=stdin)
        assert len(report.added) == 1 and not report.corrected
        kept = store.get_article(first)
        assert kept is not None and kept.text == OLD_BODY
