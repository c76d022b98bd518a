"""A UTF-16 or UTF-32 file with its byte-order mark, cut short inside a code unit (a
download stopped one byte early): its strict decoding failed, and it was read as cp1252,
the mark stored as "ÿþ" and every NUL dropped. Now it is read by its mark, the broken
unit replaced, with a warning."""

from __future__ import annotations

import codecs

import pytest

from newsprism.ingest.decode import decode

TEXT = "The crane at the Vellmar pier fell into the water on Tuesday, the port said.\n"


@pytest.mark.parametrize(
    ("bom", "codec", "width"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    ],
)
def test_a_marked_wide_file_cut_short_is_read_by_its_mark(
    bom: bytes, codec: str, width: str
) -> None:
    decoded = decode(bom + TEXT.encode(codec) + b"A", "cut.txt")
    assert decoded.text.startswith("The crane") and decoded.text.endswith("\ufffd")
    assert decoded.warning == f"broken {width}: 1 unit(s) replaced by U+FFFD"


def test_a_whole_marked_file_reads_without_a_warning() -> None:
    decoded = decode(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "whole.txt")
    assert decoded.text == TEXT and decoded.warning is None
