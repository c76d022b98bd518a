"""A file read again after its manifest row was corrected updates the stored article: a
new outlet stored a second copy of the text (the id digests the outlet), and a new URL or
date was dropped as a duplicate. Records of one file that hold one text under two
outlets stay two articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.ingest import IngestOptions, batch
from newsprism.ingest.batch import ingest, plan_inputs
from newsprism.ingest.shards import read_pieces, split_input
from newsprism.model import Analysis, Article, article_id
from newsprism.store import Store
from tests.conftest import BODY

runner = CliRunner()
TEXT = (
    "Ferry returns\n\nThe ferry to Lorvik returns on Monday after a week of storms, the "
    "harbour master said on Sunday.\n"
)


def _folder(tmp_path: Path, row: str) -> Path:
    folder = tmp_path / "scraped"
    folder.mkdir(exist_ok=True)
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "newsprism.csv").write_text(f"path,outlet,url,published\n{row}\n", encoding="utf-8")
    return folder


def _article(outlet: str) -> Article:
    return Article(id=article_id(outlet, TEXT), source="a.jsonl", text=TEXT, outlet=outlet)


def _ingest(store: Store, folder: Path) -> list[str]:
    report = ingest(store, [str(folder)], IngestOptions())
    assert not report.failures, report.failures
    return report.article_ids


def test_a_corrected_outlet_updates_the_stored_article(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "a.txt,Harbour Herlad,,")
    with Store(tmp_path / "x.db") as store:
        (first,) = _ingest(store, folder)
        _folder(tmp_path, "a.txt,Harbour Herald,,")
        report = ingest(store, [str(folder)], IngestOptions())
        assert report.article_ids == [first] and report.corrected == [first]
        assert store.count_articles() == 1
        article = store.get_article(first)
        assert article is not None and article.outlet == "Harbour Herald"


def test_a_corrected_date_and_url_are_stored_and_the_analysis_is_redone(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "a.txt,Harbour Herald,,")
    with Store(tmp_path / "x.db") as store:
        (first,) = _ingest(store, folder)
        store.save_analyses([Analysis(article_id=first, version="v")])
        _folder(tmp_path, "a.txt,Harbour Herald,https://herald.example/ferry,2026-03-02T10:00:00Z")
        assert _ingest(store, folder) == [first]
        article = store.get_article(first)
        assert article is not None and article.url == "https://herald.example/ferry"
        assert article.published is not None and article.published.day == 2
        assert store.get_analysis(first, "v") is None  # its dates resolved against no date


def test_reading_the_same_file_again_is_a_duplicate(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "a.txt,Harbour Herald,,")
    with Store(tmp_path / "x.db") as store:
        (first,) = _ingest(store, folder)
        report = ingest(store, [str(folder)], IngestOptions())
        assert report.duplicates == [first] and not report.corrected


def test_a_copy_of_the_file_elsewhere_keeps_its_own_metadata(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "a.txt,Harbour Herald,,2026-03-02T10:00:00Z")
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.txt").write_text(TEXT, encoding="utf-8")
    (other / "newsprism.csv").write_text("path,outlet\na.txt,Harbour Herald\n", encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        (first,) = _ingest(store, folder)
        assert _ingest(store, other) == [first]
        article = store.get_article(first)
        assert article is not None and article.published is not None


def test_one_text_under_two_outlets_in_one_file_is_two_articles(tmp_path: Path) -> None:
    rows = [{"text": TEXT, "outlet": outlet} for outlet in ("Wire One", "Coast Daily")]
    export = tmp_path / "export.jsonl"
    export.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        assert len(set(_ingest(store, export))) == 2
        assert len(set(_ingest(store, export))) == 2
        assert store.count_articles() == 2


def test_the_cli_counts_a_correction(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "a.txt,Harbour Herlad,,")
    db = str(tmp_path / "x.db")
    assert runner.invoke(app, ["ingest", str(folder), "--db", db]).exit_code == 0
    _folder(tmp_path, "a.txt,Harbour Herald,,")
    result = runner.invoke(app, ["ingest", str(folder), "--db", db])
    assert result.exit_code == 0 and "corrected" in result.stdout
    listed = runner.invoke(app, ["articles", "--db", db])
    assert "Harbour Herald" in listed.stdout and "Herlad" not in listed.stdout


def test_a_corrected_article_read_again_in_a_later_batch_is_not_stored_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second record of one text and outlet comes in another transaction than the
    first (a file of more than BATCH_SIZE records): it could not correct, and was stored
    as a new article beside the corrected one (whose id digests its first outlet)."""
    export = tmp_path / "export.jsonl"

    def write(*outlets: str) -> None:
        rows = [{"text": TEXT, "outlet": outlet} for outlet in outlets]
        export.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")

    monkeypatch.setattr(batch, "BATCH_SIZE", 1)
    with Store(tmp_path / "x.db") as store:
        write("Harbour Herlad")
        (first,) = _ingest(store, export)
        write("Harbour Herald")
        assert _ingest(store, export) == [first]
        write("Harbour Herald", "Harbour Herald")
        report = ingest(store, [str(export)], IngestOptions())
        assert report.article_ids == [first, first] and not report.added
        assert store.count_articles() == 1


def test_a_later_record_with_the_outlet_of_a_corrected_article_is_that_article(
    tmp_path: Path,
) -> None:
    with Store(tmp_path / "x.db") as store:
        article = _article("Harbour Herlad")
        origins = {article.source: "/feeds/a.jsonl"}  # the one file both read
        (first,) = store.add_articles([article], origins=origins).added
        fixed = _article("Harbour Herald")
        assert store.add_articles([fixed], {fixed.id}, origins=origins).corrected == (first,)
        again = store.add_articles([fixed])  # not the first read of its text this run
        assert again.duplicates == (first,) and again.stored_ids == (first,)
        assert store.count_articles() == 1


def test_two_records_of_one_text_and_outlet_keep_the_first_and_correct_nothing(
    tmp_path: Path,
) -> None:
    """The second record (the same page at another URL) 'corrected' the first to its URL
    on every run, and the next run back: each run dropped the analysis and the brief."""
    rows = [
        {"text": TEXT, "outlet": "Harbour Herald", "url": f"https://herald.example/{page}"}
        for page in ("ferry", "amp/ferry")
    ]
    export = tmp_path / "export.jsonl"
    export.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        for _ in range(2):
            report = ingest(store, [str(export)], IngestOptions())
            assert not report.corrected and len(set(report.article_ids)) == 1
        article = store.get_article(report.article_ids[0])
        assert article is not None and article.url == "https://herald.example/ferry"


def test_reading_again_without_the_outlet_given_keeps_it(tmp_path: Path) -> None:
    """Without --outlet the second time, the file's name was taken for a corrected
    outlet: the outlet the user gave was lost, and the analysis and brief with it."""
    folder = tmp_path / "scraped"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        (first,) = ingest(store, [str(folder)], IngestOptions(outlet="Harbour Herald")).article_ids
        report = ingest(store, [str(folder)], IngestOptions())
        assert report.article_ids == [first] and report.duplicates == [first]
        assert not report.corrected
        article = store.get_article(first)
        assert article is not None and article.outlet == "Harbour Herald"


def test_reading_again_without_the_manifest_keeps_what_it_said(tmp_path: Path) -> None:
    """A manifest moved away: the stored URL and date were set to none, the outlet to
    the file's name."""
    folder = _folder(tmp_path, "a.txt,Harbour Herald,https://herald.example/ferry,2026-03-02")
    with Store(tmp_path / "x.db") as store:
        (first,) = _ingest(store, folder)
        (folder / "newsprism.csv").unlink()
        report = ingest(store, [str(folder)], IngestOptions())
        assert report.article_ids == [first] and not report.corrected
        article = store.get_article(first)
        assert article is not None and article.outlet == "Harbour Herald"
        assert article.url == "https://herald.example/ferry" and article.published is not None


def test_pieces_read_again_without_the_outlet_given_keep_it(tmp_path: Path) -> None:
    """The dask engine reads pieces (read_pieces) and stores them through an
    ArticleBatch: the pieces did not tell which outlets were only the file's name, so a
    re-read without --outlet 'corrected' the stored outlet to it."""
    folder = tmp_path / "scraped"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        (first,) = ingest(store, [str(folder)], IngestOptions(outlet="Harbour Herald")).article_ids
        pieces = [p for found in plan_inputs([str(folder)]) for p in split_input(found, 1 << 20)]
        articles, report = batch.ArticleBatch(), batch.IngestReport()
        guessed = articles.guessed_outlets.add
        for item in read_pieces(pieces, IngestOptions(), on_guessed_outlet=guessed):
            assert isinstance(item, Article)
            articles.add(item)
        articles.flush(store, report)
        assert report.article_ids == [first] and not report.corrected
        article = store.get_article(first)
        assert article is not None and article.outlet == "Harbour Herald"


def test_a_copy_with_another_url_and_date_is_told_it_was_not_taken(tmp_path: Path) -> None:
    """A copy of a file in another folder, whose manifest gives the same outlet another
    URL and date, is the stored article (a duplicate), and was so without a word: the
    user could not tell the new values were not taken."""
    text = "Pier closes\n\n" + BODY
    for folder, url, day in (("one", "pier", "03"), ("two", "pier-2", "04")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "pier.txt").write_text(text, encoding="utf-8")
        (tmp_path / folder / "newsprism.csv").write_text(
            f"path,outlet,url,published\npier.txt,Tessel Tidings,https://t.example/{url},"
            f"2026-03-{day}\n",
            encoding="utf-8",
        )
    with Store(tmp_path / "n.db") as store:
        first = ingest(store, [str(tmp_path / "one")], IngestOptions())
        again = ingest(store, [str(tmp_path / "two")], IngestOptions())
        (article,) = store.list_articles()
    assert first.warnings == [] and again.duplicates == [article.id]
    assert [str(w) for w in again.warnings] == [
        f"{tmp_path / 'two' / 'pier.txt'}: its text is stored already under 'Tessel Tidings' "
        f"from {tmp_path / 'one' / 'pier.txt'} with another URL and date: kept as stored, "
        "not updated from this copy"
    ]
    assert article.url == "https://t.example/pier"
    # Read again unchanged: nothing differs, nothing said.
    with Store(tmp_path / "n.db") as store:
        assert ingest(store, [str(tmp_path / "one")], IngestOptions()).warnings == []


def test_a_copy_under_the_same_name_in_another_folder_names_the_stored_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review s38/2 M5: 'feed.jsonl' read in one folder, then in another, was told its
    text was stored 'from this file': the stored copy came from the other folder's."""
    text = "Pier closes\n\n" + BODY
    for folder, url in (("one", "pier"), ("two", "pier-moved")):
        (tmp_path / folder).mkdir()
        record = {"url": f"https://t.example/{url}", "outlet": "Tessel Tidings", "text": text}
        (tmp_path / folder / "feed.jsonl").write_text(json.dumps(record) + "\n")
    db = tmp_path / "n.db"
    monkeypatch.chdir(tmp_path / "one")
    with Store(db) as store:
        ingest(store, ["feed.jsonl"], IngestOptions())
    monkeypatch.chdir(tmp_path / "two")
    with Store(db) as store:
        again = ingest(store, ["feed.jsonl"], IngestOptions())
    (warning,) = again.warnings
    stored_file = (tmp_path / "one" / "feed.jsonl").resolve()
    assert f"from {stored_file} with another URL" in warning.message
    assert "this file" not in warning.message
