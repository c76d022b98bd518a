"""A re-read corrects a stored article only when it reads the same file: the same real
path (stored as the article's origin), not the same path as typed.

Matched by the relative path as typed, two outlets' identical wire copies, each in its
own folder (``cd alpha; ingest in``, ``cd beta; ingest ./in/``), were one source, and
the second run relabelled the first outlet's article as the second's: the first
outlet's copy was lost. So did one text piped twice (``-``) under two outlets, and two
web uploads named alike. A manifest corrected and read again through another spelling
of its folder (absolute, a link, ``in/../in``) stored a second copy instead."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.web import WebOptions, create_app
from newsprism.web import jobs as web_jobs
from tests.test_web_manifest import _job_done

runner = CliRunner()

WIRE = (
    "The Varnholt canal lock was shut on Tuesday after divers found a cracked gate, "
    "the waterways board said.\n\n"
    "Barges were held at Drossel quay, and the board expects the repair to take a week.\n"
)


def _rows(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return sorted(conn.execute("SELECT outlet, source FROM articles"))


def _ingest(*args: str, stdin: str | None = None) -> None:
    result = runner.invoke(app, ["ingest", *args], input=stdin)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("second", ["in", "./in/", "in/story.txt"])
def test_another_folders_file_of_the_same_name_keeps_the_first_outlets_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, second: str
) -> None:
    db = str(tmp_path / "s.db")
    for outlet in ("alpha", "beta"):
        (tmp_path / outlet / "in").mkdir(parents=True)
        (tmp_path / outlet / "in" / "story.txt").write_text(WIRE, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "alpha")
    _ingest("in", "--outlet", "Alpha Daily", "--db", db)
    monkeypatch.chdir(tmp_path / "beta")
    _ingest(second, "--outlet", "Beta Times", "--db", db)
    assert [outlet for outlet, _ in _rows(Path(db))] == ["Alpha Daily", "Beta Times"]


def test_one_text_piped_twice_under_two_outlets_is_two_articles(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    _ingest("-", "--outlet", "Alpha Daily", "--db", db, stdin=WIRE)
    _ingest("-", "--outlet", "Beta Times", "--db", db, stdin=WIRE)
    assert _rows(tmp_path / "s.db") == [("Alpha Daily", "-"), ("Beta Times", "-")]


def _manifest_folder(tmp_path: Path, outlet: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    (folder / "story.txt").write_text(WIRE, encoding="utf-8")
    (folder / "newsprism.csv").write_text(f"path,outlet\nstory.txt,{outlet}\n", encoding="utf-8")


@pytest.mark.parametrize("spelling", ["in", "./in/", "{abs}/in", "link", "in/../in"])
def test_a_corrected_manifest_corrects_through_any_spelling_of_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spelling: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "link").symlink_to("in")
    db = str(tmp_path / "s.db")
    _manifest_folder(tmp_path, "Alpha Daily")
    _ingest("in", "--db", db)
    _manifest_folder(tmp_path, "Beta Times")
    result = runner.invoke(app, ["ingest", spelling.format(abs=tmp_path), "--db", db])
    assert result.exit_code == 0 and "corrected" in result.stdout, result.output
    assert _rows(tmp_path / "s.db") == [("Beta Times", "in/story.txt")]


def test_an_article_stored_without_an_origin_is_never_relabelled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store written before origins were kept: the row's path as typed may name
    another folder's file, so a re-read stores beside it rather than relabel it."""
    monkeypatch.chdir(tmp_path)
    db = str(tmp_path / "s.db")
    _manifest_folder(tmp_path, "Alpha Daily")
    _ingest("in", "--db", db)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET origin = NULL")
    _manifest_folder(tmp_path, "Beta Times")
    _ingest("in", "--db", db)
    assert [outlet for outlet, _ in _rows(Path(db))] == ["Alpha Daily", "Beta Times"]


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setattr(web_jobs, "_analyze", lambda *args, **kwargs: {})
    options = WebOptions(embeddings="off", allowed_hosts=("testserver",))
    with TestClient(create_app(tmp_path / "web.db", options)) as test_client:
        yield test_client


def _job(client: TestClient, name: str, content: str) -> dict[str, Any]:
    files = [("files", (name, content.encode(), "text/plain"))]
    response = client.post("/api/ingest", files=files)
    assert response.status_code == 202, response.text
    return _job_done(client, response.json()["job"])


def test_two_uploads_named_alike_without_a_manifest_are_two_outlets_articles(
    client: TestClient, tmp_path: Path
) -> None:
    for byline in ("By Ivo Brandl, Alpha Daily", "By Lena Storm, Beta Times"):
        done = _job(client, "story.txt", f"Lock shut\n\n{byline}\n\n{WIRE}")
        assert done["results"][0]["status"] == "ok", done
        assert done["results"][0]["reason"] is None, done
    assert [outlet for outlet, _ in _rows(tmp_path / "web.db")] == ["Alpha Daily", "Beta Times"]


def test_a_web_job_says_the_ingest_warnings_of_an_upload(client: TestClient) -> None:
    """The CLI prints a German upload's 'not analysed' warning; a web job said 'ok' and
    nothing more (review s36/2 M3: every ingest warning was dropped)."""
    german = (
        "Werk Tormstadt steht still\n\nDie Gewerkschaft Metall Ost lehnt das Angebot der "
        "Werksleitung ab. Die Bänder stehen still, und die Arbeiter bleiben vor dem Tor, "
        "bis die Leitung ein neues Angebot macht.\n"
    )
    done = _job(client, "werk.txt", german)
    (result,) = done["results"]
    assert result["status"] == "ok" and "language de: not analysed" in result["reason"], done


def test_a_file_read_again_by_another_spelling_stays_one_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A JSON Lines file of one text under two outlets read as 'in/wire.jsonl', then by
    its absolute path after the second record's outlet was changed (a later record never
    corrects): the new article was stored under the second spelling, one file as two
    sources."""
    db = str(tmp_path / "s.db")
    (tmp_path / "in").mkdir()
    records = tmp_path / "in" / "wire.jsonl"
    text = WIRE.replace("\n", " ")

    def write(second: str) -> None:
        lines = [f'{{"text": "{text}", "outlet": "{o}"}}\n' for o in ("Alpha Daily", second)]
        records.write_text("".join(lines), encoding="utf-8")

    write("Beta Times")
    monkeypatch.chdir(tmp_path)
    _ingest(str(Path("in") / "wire.jsonl"), "--db", db)
    write("Gamma Post")
    _ingest(str(records), "--db", db)
    rows = _rows(Path(db))
    assert [outlet for outlet, _ in rows] == ["Alpha Daily", "Beta Times", "Gamma Post"]
    assert {source for _, source in rows} == {str(Path("in") / "wire.jsonl")}
