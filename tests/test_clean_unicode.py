"""Unicode repair skips ftfy only on lines ftfy would leave as they are.

:func:`~newsprism.ingest.unicode.repair_text` hands a line to ftfy only when it holds a
character outside printable ASCII (but "&"), the typographic quotes, dashes and
ellipsis of news prose, and the euro, pound and copyright signs between ASCII characters.
These tests check that promise against the installed ftfy: every string of up to three
characters the skip accepts, and long mixed lines, come back unchanged from ftfy with the
settings repair uses; and mojibake next to curly quotes is still repaired.
"""

from __future__ import annotations

import itertools
import random

import ftfy
from ftfy.badness import is_bad

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
