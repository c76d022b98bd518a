"""Who published an article: never a folder's name; metadata, URL, credits, a manifest
or ``--outlet``; bylines that name a publication; photo and agency credits as metadata."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.ingest import IngestOptions, read_inputs
from newsprism.ingest.clean import clean_scraped_text
from newsprism.model import Article, IngestFailure
from newsprism.store import ArticleQuery, Store
from tests.conftest import BODY

Write = Callable[..., Path]


def read_all(*values: str, **options: object) -> list[Article | IngestFailure]:
    return list(read_inputs(list(values), IngestOptions(**options)))  # type: ignore[arg-type]


def outlets(items: list[Article | IngestFailure]) -> dict[str, str | None]:
    return {Path(a.source).name: a.outlet for a in items if isinstance(a, Article)}


def story(town: str, *extra: str) -> str:
    return "\n\n".join(["Pier closes for repairs", *extra, BODY.replace("Tessel", town)])


# --- outlets ---------------------------------------------------------------------------------


def test_four_unmarked_files_in_one_folder_are_four_sources(write: Write, tmp_path: Path) -> None:
    for name in ("nyt-pier", "fox-pier", "huffpost-pier", "ap-pier"):
        write(f"pier-story/{name}.txt", story(name.split("-")[0].title()))
    found = outlets(read_all(str(tmp_path / "pier-story")))
    assert found == {f"{n}.txt": n for n in ("ap-pier", "fox-pier", "huffpost-pier", "nyt-pier")}


def test_outlet_from_credits_in_the_text(write: Write, tmp_path: Path) -> None:
    write(
        "f/copyright.txt", story("Ormund") + "\n\n© 2026 Ormund Evening Post. All rights reserved."
    )
    write("f/syndicated.txt", story("Lund") + "\n\nDistributed by Continental Press Agency.")
    dateline = "LORVIK, March 3 (CPA) - " + BODY.replace("Tessel", "Lorvik")
    write("f/wire.txt", "Pier closes for repairs\n\n" + dateline)
    write("f/byline.txt", story("Ardmoor", "By Lena Hart, Ardmoor Gazette"))
    found = outlets(read_all(str(tmp_path / "f")))
    assert found == {
        "copyright.txt": "Ormund Evening Post",
        "syndicated.txt": "Continental Press Agency",
        "wire.txt": "CPA",
        "byline.txt": "Ardmoor Gazette",
    }


def test_byline_publication_is_not_a_writer(write: Write) -> None:
    article = read_all(str(write("a/x.txt", story("Ardmoor", "By Lena Hart, Ardmoor Gazette"))))[0]
    assert isinstance(article, Article)
    assert (article.byline, article.outlet, article.credit) == (
        "Lena Hart",
        "Ardmoor Gazette",
        None,
    )


def test_byline_publication_is_a_credit_when_the_outlet_is_known(write: Write) -> None:
    record = {"text": story("Ardmoor", "By Lena Hart, Ardmoor Gazette"), "outlet": "Harbour Herald"}
    article = read_all(str(write("e.jsonl", json.dumps(record))))[0]
    assert isinstance(article, Article)
    assert (article.outlet, article.byline, article.credit) == (
        "Harbour Herald",
        "Lena Hart",
        "Ardmoor Gazette",
    )


def test_outlet_option_wins_over_everything(write: Write, tmp_path: Path) -> None:
    write("o/a.txt", story("Ormund") + "\n\n© 2026 Ormund Evening Post. All rights reserved.")
    write("o/b.jsonl", json.dumps({"text": story("Lund"), "outlet": "Valdoria Today"}))
    found = outlets(read_all(str(tmp_path / "o"), outlet="The Ledger"))
    assert found == {"a.txt": "The Ledger", "b.jsonl": "The Ledger"}


# --- manifests -------------------------------------------------------------------------------


def test_csv_manifest_names_outlet_url_and_date_per_file(write: Write, tmp_path: Path) -> None:
    write("m/nyt.txt", story("Ormund"))
    write("m/sub/fox.txt", story("Lund"))
    write("m/other.txt", story("Kiel"))
    write(
        "m/newsprism.csv",
        "path,outlet,url,published\n"
        "nyt.txt,The New York Times,,2026-03-03T09:15:00-05:00\n"
        "sub/*.txt,,https://www.foxnews.example/pier,\n",
    )
    items = read_all(str(tmp_path / "m"))
    by_name = {Path(a.source).name: a for a in items if isinstance(a, Article)}
    assert set(by_name) == {"nyt.txt", "fox.txt", "other.txt"}  # the manifest is no article
    assert by_name["nyt.txt"].outlet == "The New York Times"
    assert by_name["nyt.txt"].published is not None
    assert by_name["nyt.txt"].published.isoformat() == "2026-03-03T09:15:00-05:00"
    assert by_name["fox.txt"].outlet == "foxnews.example"
    assert by_name["fox.txt"].url == "https://www.foxnews.example/pier"
    assert by_name["other.txt"].outlet == "other"


def test_json_manifest_with_a_folder_wide_pattern(write: Write, tmp_path: Path) -> None:
    write("j/a.txt", story("Ormund"))
    write("j/b.txt", story("Lund"))
    write("j/newsprism.json", json.dumps([{"path": "*", "outlet": "The Ledger"}]))
    assert set(outlets(read_all(str(tmp_path / "j"))).values()) == {"The Ledger"}


def test_broken_manifest_is_one_failure_and_the_files_are_still_read(
    write: Write, tmp_path: Path
) -> None:
    write("b/a.txt", story("Ormund"))
    write("b/b.txt", story("Lund"))
    write("b/newsprism.csv", "file,outlt\na.txt,X\n")
    items = read_all(str(tmp_path / "b"))
    failed = [i for i in items if isinstance(i, IngestFailure)]
    assert len(failed) == 1 and failed[0].source.endswith("newsprism.csv")
    assert "no path column" in failed[0].reason
    assert outlets(items) == {"a.txt": "a", "b.txt": "b"}


def test_cli_outlet_option_is_stored(write: Write, tmp_path: Path) -> None:
    path = write("c/a.txt", story("Ormund"))
    db = tmp_path / "s.db"
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", str(db), "--outlet", "Ridge"])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        assert [a.outlet for a in store.list_articles(ArticleQuery())] == ["Ridge"]


# --- credits leave the body -------------------------------------------------------------------


def test_photo_credits_leave_the_body_under_their_own_rule() -> None:
    text = story("Ormund", "Photo: Nordlicht Photo Agency", "Image: Jane Doe/CPA")
    cleaned = clean_scraped_text(text)
    assert "Photo:" not in cleaned.text and "Image:" not in cleaned.text
    assert {r.line: r.reason for r in cleaned.removed if r.reason != "title"} == {
        "Photo: Nordlicht Photo Agency": "photo_credit",
        "Image: Jane Doe/CPA": "photo_credit",
    }


def test_caption_ending_in_a_credit_leaves_the_body() -> None:
    caption = "The old pier at dawn. Photo: Museum Victoria"
    cleaned = clean_scraped_text(story("Ormund", caption))
    assert caption not in cleaned.text
    assert [r.reason for r in cleaned.removed if r.line == caption] == ["caption"]


def test_agency_foot_byline_becomes_byline_and_credit() -> None:
    cleaned = clean_scraped_text(story("Ormund") + "\n\nNguyen Van An (According to Reuters, AFP)")
    assert "According to" not in cleaned.text
    assert (cleaned.byline, cleaned.credit) == ("Nguyen Van An", "Reuters, AFP")
    assert [r.reason for r in cleaned.removed][-1] == "agency_byline"


def test_according_to_inside_a_body_sentence_stays() -> None:
    sentence = "The pier (according to the board) will reopen in May, after eleven weeks of work."
    cleaned = clean_scraped_text(story("Ormund") + "\n\n" + sentence)
    assert sentence in cleaned.text
