"""UTF-16 without a byte-order mark (as some Windows tools save "Unicode" text) is read
as UTF-16: it was refused as binary (its ASCII characters' high bytes are NULs), and a
page without a telling extension was read as text, tags and all."""

from __future__ import annotations

import math
import os
import struct
from pathlib import Path

import pytest

from newsprism.errors import UnsupportedInput
from newsprism.ingest import IngestOptions, read_inputs
from newsprism.ingest.decode import Format, decode, format_from_content
from newsprism.model import Article

ENGLISH = "The ferry to Lorvik returns on Monday after a week of storms, the harbour master said."
RUSSIAN = "Паром снова ходит каждый день, сказал мэр. В порту работают 1200 человек."
CHINESE = "渡轮周一恢复运行，市长说。港口在2026年3月关闭了12天，约1200名工人参加了罢工。"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [ENGLISH, RUSSIAN, CHINESE], ids=["en", "ru", "zh"])
def test_utf16_without_a_bom_is_decoded(encoding: str, text: str) -> None:
    decoded = decode((text * 3).encode(encoding), "note.txt")
    assert decoded.text == text * 3
    assert decoded.encoding == encoding and decoded.warning is None


def test_broken_utf16_is_decoded_with_a_warning() -> None:
    data = (ENGLISH * 2).encode("utf-16-le") + b"\x00\xd8" + ENGLISH.encode("utf-16-le")
    decoded = decode(data, "note.txt")
    assert ENGLISH in decoded.text and decoded.warning and "U+FFFD" in decoded.warning


def _sine_samples() -> bytes:
    return b"".join(struct.pack("<h", int(300 * math.sin(i / 10))) for i in range(3000))


@pytest.mark.parametrize(
    "data",
    [bytes(range(256)) * 8, os.urandom(4096), _sine_samples(), b"\x00\x01" * 2000],
    ids=["bytes", "random", "samples", "pairs"],
)
def test_binary_data_with_nuls_is_still_refused(data: bytes) -> None:
    with pytest.raises(UnsupportedInput, match="binary content"):
        decode(data, "blob.bin")


def test_a_utf16_page_is_sniffed_as_html() -> None:
    page = f"<html><head><title>Ferry</title></head><body><p>{ENGLISH}</p></body></html>"
    assert format_from_content(page.encode("utf-16-le")) is Format.HTML
    assert format_from_content(page.encode("utf-16")) is Format.HTML


def test_a_utf16_page_without_extension_is_ingested_as_a_page(tmp_path: Path) -> None:
    body = "".join(f"<p>{ENGLISH}</p>" for _ in range(3))
    head = "<html><head><title>Ferry returns</title></head>"
    page = f"{head}<body><article>{body}</article></body></html>"
    (tmp_path / "page").write_bytes(page.encode("utf-16-le"))
    (tmp_path / "note.txt").write_bytes(f"Ferry returns\n\n{ENGLISH}\n".encode("utf-16-be"))
    items = list(read_inputs([str(tmp_path)], IngestOptions()))
    assert all(isinstance(i, Article) for i in items), items
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) == 2
    assert all(a.title == "Ferry returns" and "<p>" not in a.text for a in articles)
    assert all(ENGLISH in a.text for a in articles)
