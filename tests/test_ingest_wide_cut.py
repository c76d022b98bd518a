"""A UTF-16 or UTF-32 file with its byte-order mark, cut short inside a code unit (a
download stopped one byte early): its strict decoding failed, and it was read as cp1252,
the mark stored as "ÿþ" and every NUL dropped. Now it is read by its mark, the broken
unit replaced, with a warning."""

from __future__ import annotations

import codecs

import pytest

from newsprism.errors import UnsupportedInput
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


@pytest.mark.parametrize("cut", [0, 1])
def test_big_endian_utf32_with_its_mark_is_text(cut: int) -> None:
    # Review s35 r2 L3: its mark starts with two NULs, so the binary sniff refused it
    # ("binary content, not text") before the mark was looked at.
    data = codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be") + b"\x00" * cut
    decoded = decode(data, "be.txt")
    assert decoded.text.startswith("The crane at the Vellmar pier")
    assert decoded.warning == (None if cut == 0 else "broken UTF-32: 1 unit(s) replaced by U+FFFD")


def test_a_replacement_character_already_in_the_text_is_not_counted() -> None:
    # Review s35 r2 L3: one broken unit was "2 unit(s) replaced" when the text held a
    # U+FFFD of its own.
    text = "Mayor Tilde Orm said \ufffd marks a lost letter in the old ledger.\n"
    decoded = decode(codecs.BOM_UTF16_LE + text.encode("utf-16-le") + b"A", "ledger.txt")
    assert decoded.text.startswith("Mayor Tilde Orm said \ufffd marks")
    assert decoded.warning == "broken UTF-16: 1 unit(s) replaced by U+FFFD"


def test_utf32_noise_after_a_big_endian_mark_stays_binary() -> None:
    # The mark alone is no licence: code points over U+10FFFF are no UTF-32 text.
    noise = bytes(range(256)) * 8
    with pytest.raises(UnsupportedInput, match="binary content, not text"):
        decode(codecs.BOM_UTF32_BE + noise, "noise.bin")
