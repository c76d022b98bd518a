"""Unicode repair skips ftfy only on lines ftfy would leave as they are.

:func:`~newsprism.ingest.unicode.repair_text` hands a line to ftfy only when it holds a
character outside printable ASCII (but "&"), the typographic quotes, dashes and
ellipsis of news prose, and the euro, pound and copyright signs between ASCII characters.
These tests check that promise against the installed ftfy: every string of up to three
characters the skip accepts, and long mixed lines, come back unchanged from ftfy with the
settings repair uses; mojibake next to curly quotes is still repaired; and the whole
repair equals the first, simpler way of doing it on generated texts.
"""

from __future__ import annotations

import itertools
import random
import re

import ftfy
from ftfy.badness import is_bad
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.ingest import unicode as unicode_module
from newsprism.ingest.unicode import _FTFY_CONFIG, _NEEDS_FTFY, repair_text

PUNCTUATION = "\u2018\u2019\u201c\u201d\u2013\u2014\u2026"
SIGNS = "\u20ac\u00a3\u00a9"
# ASCII stand-ins for every class ftfy's patterns look at: letters of both cases,
# digits, spaces and punctuation (the patterns' ASCII contexts: [a-z], \w, \s, [.,?!]).
ASCII = "aZ0 .,?!;:'\"()-/#%$@<>"


def test_safe_alphabet_is_what_the_skip_accepts() -> None:
    assert not _NEEDS_FTFY.search(PUNCTUATION + ASCII + " \u20ac5, \u00a32 and \u00a92026")
    for needs in ("&", "\t", "\u00e9", "\u201c\u20ac", "\u00a9\u2014", "\u00a3\u00a9"):
        assert _NEEDS_FTFY.search(needs), repr(needs)


def test_ftfy_leaves_short_safe_strings_alone() -> None:
    """ftfy's mojibake test never fires (each of its patterns needs a character outside
    this alphabet), and its whole repair leaves every pair alone (its other fixes work
    character by character)."""
    alphabet = PUNCTUATION + SIGNS + ASCII
    for size in (1, 2, 3):
        for chars in itertools.product(alphabet, repeat=size):
            text = "".join(chars)
            if _NEEDS_FTFY.search(text):
                continue
            assert not is_bad(text), repr(text)
            assert size == 3 or ftfy.fix_text(text, _FTFY_CONFIG) == text, repr(text)


def test_ftfy_leaves_long_safe_lines_alone() -> None:
    rng = random.Random(14)
    printable = "".join(chr(c) for c in range(0x20, 0x7F) if chr(c) != "&")
    checked = 0
    while checked < 300:
        size = rng.randint(1, 200)
        line = "".join(rng.choice(printable + PUNCTUATION * 3 + SIGNS) for _ in range(size))
        if not _NEEDS_FTFY.search(line):
            assert ftfy.fix_text(line, _FTFY_CONFIG) == line, repr(line)
            checked += 1


def test_mojibake_beside_curly_quotes_is_still_repaired() -> None:
    assert (
        repair_text("\u201cCaf\u00c3\u00a9\u201d \u2014 open")
        == "\u201cCaf\u00e9\u201d \u2014 open"
    )
    assert repair_text("It\u00e2\u20ac\u2122s done") == "It\u2019s done"
    assert repair_text("costs \u00e2\u201a\u00ac5") == "costs \u20ac5"


def _reference_repair(text: str) -> str:
    """repair_text as first written: ftfy on every line that is not plain ASCII, then the
    invisible characters, odd spaces and trailing spaces over the whole text."""
    lines = unicode_module._ODD_BREAKS.sub("\n", text).split("\n")
    fixed = "\n".join(
        line
        if line.isascii() and line.isprintable() and "&" not in line
        else ftfy.fix_text(line, _FTFY_CONFIG).replace("\n", " ")
        for line in lines
    )
    fixed = unicode_module._INVISIBLES.sub("", fixed)
    fixed = unicode_module._ODD_SPACES.sub(" ", fixed)
    return re.sub(r"[ ]+$", "", fixed, flags=re.MULTILINE)


_PIECES = st.sampled_from(
    [
        "Caf\u00c3\u00a9", "It\u00e2\u20ac\u2122s", "\u201cyes\u201d", "\u2014", "\u20ac5",
        "\u00a3",
        "\u00a9 2026", "&amp;", "\t", "\u00a0", "\u200b", "\u00ad", "\r\n", "\r", "\u2028", "\x0c",
        "\n", " ", "  ", "word", "\u00e9", "\ufb01", "\x85", "\u3000", "\u2026", "A", "1",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(_PIECES, max_size=30))
def test_repair_equals_the_line_by_line_reference(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert repair_text(text) == _reference_repair(text)
