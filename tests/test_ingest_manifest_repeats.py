"""A file listed twice in a manifest: rows that agree are one row and one warning line
naming the manifest and the file; rows that disagree leave that file unread, as one
failure line naming the manifest and the rows, and the other files go on (the first row
used to win without a word)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.ingest import IngestOptions, read_inputs
from newsprism.ingest.shards import read_pieces, split_input
from newsprism.ingest.sources import expand_inputs
from newsprism.model import Article, IngestFailure, IngestWarning
from newsprism.store import ArticleQuery, Store
from tests.conftest import BODY


def _folder(tmp_path: Path, manifest: str, name: str = "newsprism.csv") -> Path:
    folder = tmp_path / "m"
    folder.mkdir()
    for n, town in enumerate(("Ormund", "Lund", "Kiel")):
        text = f"Pier closes in {town}\n\n" + BODY.replace("Tessel", town)
        (folder / f"{'abc'[n]}.txt").write_text(text, encoding="utf-8")
    (folder / name).write_text(manifest, encoding="utf-8")
    return folder


def test_rows_that_agree_are_one_row_and_one_warning_line(tmp_path: Path) -> None:
    manifest = "path,outlet\na.txt,The Ledger\n./a.txt,The  Ledger\nb.txt,Ridge Post\n"
    folder = _folder(tmp_path, manifest)
    db = tmp_path / "n.db"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert _lines(result.stderr) == [
        f"warning: {folder / 'newsprism.csv'}: a.txt is listed in row 2 and row 3 "
        "with the same facts; read once"
    ]
    with Store(db) as store:
        found = {Path(a.source).name: a.outlet for a in store.list_articles(ArticleQuery())}
    assert found == {"a.txt": "The Ledger", "b.txt": "Ridge Post", "c.txt": "c"}


def test_rows_that_disagree_leave_the_file_unread_and_the_rest_goes_on(tmp_path: Path) -> None:
    manifest = "path,outlet,url\nb.txt,Ridge Post,\na.txt,The Ledger,\na.txt,The Courier,\n"
    folder = _folder(tmp_path, manifest)
    db = tmp_path / "n.db"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert _lines(result.stderr) == [
        f"failed: {folder / 'a.txt'}: {folder / 'newsprism.csv'} lists it in row 3 and row 4, "
        "which disagree (outlet 'The Ledger' / 'The Courier'); not read until one row is left"
    ]
    with Store(db) as store:
        found = {Path(a.source).name: a.outlet for a in store.list_articles(ArticleQuery())}
    assert found == {"b.txt": "Ridge Post", "c.txt": "c"}


def test_a_blank_beside_a_value_disagrees_and_json_rows_are_named_as_items(
    tmp_path: Path,
) -> None:
    rows = [{"path": "c.txt", "published": "2026-03-03"}, {"path": "c.txt"}]
    folder = _folder(tmp_path, json.dumps(rows), "newsprism.json")
    items = list(read_inputs([str(folder)], IngestOptions()))
    failed = [i for i in items if isinstance(i, IngestFailure)]
    assert [f.source for f in failed] == [str(folder / "c.txt")]
    assert "item 0 and item 1, which disagree (published '2026-03-03T00:00:00+00:00' / blank)" in (
        failed[0].reason
    )
    assert sorted(Path(a.source).name for a in items if isinstance(a, Article)) == [
        "a.txt",
        "b.txt",
    ]


def test_a_file_read_in_ranges_is_refused_whole_and_said_once(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "path,outlet\nfeed.jsonl,A\nfeed.jsonl,B\nb.txt,C\nb.txt,C\n")
    lines = [json.dumps({"title": f"Pier {n}", "text": BODY}) for n in range(6)]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    pieces = [p for i in expand_inputs([str(folder)]) for p in split_input(i, 200)]
    assert sum(p.source.endswith("feed.jsonl") for p in pieces) > 1  # read in ranges
    warnings: list[IngestWarning] = []
    items = list(read_pieces(pieces, IngestOptions(), warnings.append))
    failed = [i for i in items if isinstance(i, IngestFailure)]
    assert [f.source for f in failed] == [str(folder / "feed.jsonl")]
    assert not any(isinstance(i, Article) and i.source.endswith("jsonl") for i in items)
    assert [w.message for w in warnings] == [
        "b.txt is listed in row 4 and row 5 with the same facts; read once"
    ]


def _lines(stderr: str) -> list[str]:
    """Stderr's lines, without the blank one the transient progress bar leaves."""
    return [line for line in stderr.splitlines() if line.strip()]
