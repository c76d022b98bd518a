"""ISO-2022 text (Korean and Japanese mail and news archives: 7-bit ASCII whose escape
sequences switch character sets) is decoded by the codec its designators name, or
refused as an unsupported encoding; it is never stored as ASCII gibberish. Review s32
finding 3: an ISO-2022-KR article was stored as "$)CGW18 @g03" and analysed as English."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.ingest.decode import decode
from newsprism.ingest.pipeline import IngestOptions, read_inputs
from newsprism.model import Article, IngestFailure

_KOREAN = "마로 항구 재개\n\n마로 항구가 월요일 폭풍 후 다시 문을 열었다고 관계자들이 말했다.\n"
_JAPANESE = "マロウ港が再開\n\nマロウ市は月曜日、嵐の後に港を再開したと発表した。\n"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(_KOREAN, "iso2022_kr"), (_JAPANESE, "iso2022_jp"), (_KOREAN, "iso2022_jp_2")],
    ids=["kr", "jp", "jp-2"],
)
def test_iso2022_text_is_decoded_by_its_designators(text: str, encoding: str) -> None:
    decoded = decode(text.encode(encoding), "note.txt")
    assert decoded.text == text
    assert decoded.encoding == encoding


def test_an_iso2022_kr_article_is_stored_in_korean(tmp_path: Path) -> None:
    path = tmp_path / "hangu.txt"
    path.write_bytes(_KOREAN.encode("iso2022_kr"))
    (article,) = read_inputs([str(path)], IngestOptions())
    assert isinstance(article, Article)
    assert article.title == "마로 항구 재개"
    assert article.text.startswith("마로 항구가 월요일")


def test_an_iso2022_set_no_codec_reads_is_an_unsupported_encoding(tmp_path: Path) -> None:
    # ISO-2022-CN designates GB 2312 into G1 (ESC $ ) A) and shifts to it with SO.
    path = tmp_path / "gang.txt"
    path.write_bytes(b"Port\n\n\x1b$)A\x0e8[?Z\x0f reopened on Monday, officials said.\n")
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", str(tmp_path / "n.db")])
    assert result.exit_code == 1
    assert result.stderr == f"failed: {path}: unsupported encoding (an ISO-2022 character set)\n"
    (failure,) = read_inputs([str(path)], IngestOptions())
    assert isinstance(failure, IngestFailure)


def test_ansi_colour_escapes_are_no_iso2022() -> None:
    decoded = decode(b"Port reopens \x1b[31mtoday\x1b[0m, officials said.\n", "x.txt")
    assert decoded.encoding == "utf-8"
