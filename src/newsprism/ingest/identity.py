r"""Article ids of huge texts in bounded memory.

:func:`newsprism.model.article_id` normalizes the whole text at once: NFKC, case folding
and space folding each make a full copy, NFKC in four bytes a character, so a 50 MB text
briefly needs about 16 times its size. :func:`streaming_article_id` gives the very same
id (a property test checks it) normalizing one piece at a time: pieces end just before a
line break, where neither NFKC nor case folding can join characters across the cut.

It also gives it faster: the regex of :func:`~newsprism.model.normalize_for_id` that
folds runs of spaces was four fifths of the id's time on a 4,000-character article
(bench/ingest.py), and ``str.split`` cuts at the very characters ``\s`` matches (both
ask Python's ``Py_UNICODE_ISSPACE``; tests/test_ingest_identity.py checks every code
point), so :func:`fold_for_id` joins the words instead. For ASCII text NFKC changes
nothing and case folding is lower-casing, which it skips to.

Most news text is ASCII but for a few characters (a pound sign, a copyright sign, curly
quotes), and Python's case and space functions take a slow path on any string that is
not all ASCII: folding a 4,000-character article cost 0.2-0.5 ms. :func:`folded_utf8`
folds the UTF-8 bytes instead, where lower-casing and space folding touch ASCII bytes
only, whenever the text's other characters are untouched by case folding and none is a
space (tests/test_ingest_identity.py checks it against the definition on random text).
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections.abc import Iterator

logger = logging.getLogger(__name__)

# Characters normalized at a time; below it the plain function is as cheap. 1 M
# characters cost at most 16 MB of scratch, and the hashing speed is unchanged.
PIECE_CHARS = 1_000_000
_SPACE_RUN = re.compile(r"\s+")
_ASCII_BYTES = bytes(range(128))
# Capitals made small, and every ASCII character str.split() cuts at but the space (\t \n
# \v \f \r and \x1c-\x1f) made a line break: one bytes.translate does case and spaces.
_LINE_BREAKS = bytes(c for c in range(128) if chr(c).isspace() and c != ord(" "))
_FOLD_ASCII = bytes.maketrans(
    _LINE_BREAKS + bytes(range(65, 91)), b"\n" * len(_LINE_BREAKS) + bytes(range(97, 123))
)


def fold_for_id(text: str) -> str:
    """:func:`~newsprism.model.normalize_for_id` of ``text``, the same string."""
    folded = text.lower() if text.isascii() else unicodedata.normalize("NFKC", text).casefold()
    return " ".join(folded.split())


def folded_utf8(text: str) -> bytes:
    """``fold_for_id(text).encode("utf-8")``, folding bytes where that gives the same."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    data = text.encode("utf-8")
    if not text.isascii():
        others = data.translate(None, _ASCII_BYTES).decode("utf-8")  # in text order
        if others.casefold() != others or others.split() != [others]:
            return fold_for_id(text).encode("utf-8")  # a capital or a space beyond ASCII
    data = data.translate(_FOLD_ASCII)
    if b"  " in data:
        return b" ".join(data.split())  # splits at the space and the line break, as str does
    # Clean text has single spaces and breaks between paragraphs: its few lines stripped
    # are its words joined. Splitting every word out cost more than all the rest.
    return b" ".join([line for part in data.split(b"\n") if (line := part.strip(b" "))])


def streaming_article_id(outlet: str | None, text: str, piece_chars: int = PIECE_CHARS) -> str:
    """:func:`~newsprism.model.article_id` of ``outlet`` and ``text``, in pieces."""
    head = folded_utf8(outlet or "") + b"\x1f"
    if len(text) <= piece_chars:
        return hashlib.sha256(head + folded_utf8(text)).hexdigest()[:16]
    digest = hashlib.sha256(head)
    for part in _normalized_parts(text, piece_chars):
        digest.update(part.encode("utf-8"))
    return digest.hexdigest()[:16]


def _pieces(text: str, size: int) -> Iterator[str]:
    """``text`` cut just before a line break at least ``size`` characters on."""
    start = 0
    while start < len(text):
        cut = text.find("\n", start + size)
        end = len(text) if cut < 0 else cut
        yield text[start:end]
        start = end


def _normalized_parts(text: str, size: int) -> Iterator[str]:
    """The pieces of ``normalize_for_id(text)``: each piece folded, runs of spaces that
    span a cut folded to one, no space at either end of the whole."""
    started = pending = False
    for piece in _pieces(text, size):
        folded = _SPACE_RUN.sub(" ", unicodedata.normalize("NFKC", piece).casefold())
        core = folded.strip()
        if not core:
            pending = pending or bool(folded)
            continue
        if started and (pending or folded[0] == " "):
            yield " "
        yield core
        started, pending = True, folded[-1] == " "
