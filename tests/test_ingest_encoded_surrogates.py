"""A UTF-8-encoded surrogate (b"\\xed\\xa0\\x80": what CESU-8, Java's modified UTF-8 and
WTF-8 write) is not UTF-8, and it marks UTF-8 text, not Windows-1252: a file of ASCII
and such bytes was read as cp1252 ("í\\xa0€") with no warning. It is read as UTF-8
text whose stray bytes read as cp1252, with the warning naming the file, as the README
says of bytes that are not UTF-8 inside UTF-8 text."""

from __future__ import annotations

from pathlib import Path

from newsprism.ingest import IngestOptions, read_inputs
from newsprism.ingest.decode import decode
from newsprism.model import Article, IngestWarning
from tests.conftest import BODY


def test_an_encoded_surrogate_is_read_with_a_warning() -> None:
    decoded = decode(b"Harbour \xed\xa0\x80 closes", "s.txt")
    assert decoded.encoding == "utf-8"
    assert decoded.warning == (
        "not valid UTF-8: 3 stray byte(s) read as cp1252 (1 UTF-8-encoded surrogate(s))"
    )


def test_plain_cp1252_text_is_still_read_silently() -> None:
    decoded = decode("Le café ferme à midi".encode("cp1252"), "c.txt")
    assert decoded.text == "Le café ferme à midi"
    assert decoded.encoding == "cp1252" and decoded.warning is None


def test_the_warning_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "surrogate.txt"
    ascii_body = BODY.replace("\u201c", '"').replace("\u201d", '"').encode("ascii")
    path.write_bytes(b"Ferry returns\n\n" + ascii_body + b" \xed\xa0\x80 \xed\xb0\x80")
    warnings: list[IngestWarning] = []
    items = list(read_inputs([str(path)], IngestOptions(), on_warning=warnings.append))
    assert [type(i) for i in items] == [Article]
    (warning,) = warnings
    assert warning.source == str(path)
    assert "not valid UTF-8: 6 stray byte(s) read as cp1252" in warning.message
