"""A JSON Lines file written in a Windows code page is read as the other text inputs are
(UTF-8, else cp1252 where it fits, else a guess with one warning): a cp1252 curly
apostrophe (byte 0x92) failed every line as "not valid UTF-8"."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.ingest import IngestOptions, read_inputs
from newsprism.model import Article, IngestFailure, IngestWarning

LINES = [
    '{"text": "The minister\u2019s plan was approved by the council on Monday", "outlet": "Coast"}',
    '{"text": "The caf\xe9 on the pier reopens after a week of storms.", "outlet": "Nord"}',
]


def test_a_cp1252_jsonl_file_is_read_as_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_bytes("\n".join(LINES).encode("cp1252") + b"\n")
    items = list(read_inputs([str(path)], IngestOptions()))
    articles = [i for i in items if isinstance(i, Article)]
    assert not [i for i in items if isinstance(i, IngestFailure)], items
    assert [a.outlet for a in articles] == ["Coast", "Nord"]
    assert "minister\u2019s plan" in articles[0].text
    assert "café" in articles[1].text


def test_stray_cp1252_bytes_in_utf8_lines_warn_once(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    rows = [  # UTF-8 text with cp1252 curly quotes pasted in (bytes 0x93, 0x94)
        "Die Fähre nach Lorvik fährt am Montag wieder “heute”, sagte er.",
        "Die Brücke über den Fjord ist “gesperrt” bis Freitag, sagte sie.",
    ]
    path.write_bytes(
        b"\n".join(
            b'{"text": "'
            + r.replace("“", "\0")
            .replace("”", "\1")
            .encode("utf-8")
            .replace(b"\0", b"\x93")
            .replace(b"\1", b"\x94")
            + b'"}'
            for r in rows
        )
    )
    warnings: list[IngestWarning] = []
    items = list(read_inputs([str(path)], IngestOptions(), on_warning=warnings.append))
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) == 2, items
    assert "\u201cheute\u201d" in articles[0].text and "Fähre" in articles[0].text
    assert len(warnings) == 1 and warnings[0].source.endswith("mixed.jsonl:1"), warnings
    assert "stray byte(s) read as cp1252" in warnings[0].message


def test_the_cli_stores_every_line_of_a_cp1252_jsonl_file(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_bytes("\n".join(LINES).encode("cp1252"))
    result = CliRunner().invoke(app, ["ingest", "--db", str(tmp_path / "s.db"), str(path)])
    assert result.exit_code == 0, result.output
    assert "not valid UTF-8" not in result.output


def test_a_cp1252_json_file_is_read_as_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_bytes(("[" + ",".join(LINES) + "]").encode("cp1252"))
    items = list(read_inputs([str(path)], IngestOptions()))
    assert [i.outlet for i in items if isinstance(i, Article)] == ["Coast", "Nord"], items
