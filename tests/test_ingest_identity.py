"""Article ids: the ingest's fast folding gives the model's normalization, to the byte."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.ingest.identity import fold_for_id, folded_utf8, streaming_article_id
from newsprism.model import article_id, normalize_for_id

# Spaces of every kind, characters NFKC or case folding change (ligature, sharp s,
# capital sharp s, diaeresis and its combining form, Kelvin sign, dotted I), ASCII.
ALPHABET = "ab C\n \t\r\x0b\x0c\x1c\x85\u00a0\u2002\u2028\u3000\u00a8\u0308ﬁß\u1e9eé\u212a\u0130Z9"
# News text: mostly ASCII words and spaces, a few signs case folding leaves alone (the
# byte path) and now and then one it changes or a space beyond ASCII (the general path).
NEWS_WORDS = st.sampled_from(
    ["The", "PIER", "closes", "£5m", "©", "’s", "“Yes”", "—", "€", "日本", "\u0301", "É", "\u00a0"]
)
NEWS_SPACES = st.sampled_from([" ", "  ", "\n\n", "\t", "\x1f", "\r\n", "\x85", "\u2028", ""])
NEWS_TEXT = st.lists(st.tuples(NEWS_WORDS, NEWS_SPACES), max_size=40).map(
    lambda pairs: "".join(w + s for w, s in pairs)
)


def test_split_cuts_at_exactly_the_characters_regex_space_matches() -> None:
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    # What split drops is exactly what the regex drops: the same set of characters.
    assert "".join(every.split()) == re.sub(r"\s", "", every)


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(ALPHABET)) | st.text())
def test_fold_for_id_is_normalize_for_id(text: str) -> None:
    assert fold_for_id(text) == normalize_for_id(text)
    assert streaming_article_id(text, text) == article_id(text, text)


def test_ascii_and_unicode_texts_keep_their_ids() -> None:
    text = "  Tessel CLOSES its pier.\n\nThe  board\tvoted 5-2.  "
    assert fold_for_id(text) == "tessel closes its pier. the board voted 5-2."
    assert streaming_article_id("Ardmoor Gazette", text) == article_id("Ardmoor Gazette", text)
    german = "Straße\u00a0ﬁnal  ÄRGER"
    assert fold_for_id(german) == "strasse final ärger"


@settings(max_examples=300, deadline=None)
@given(text=NEWS_TEXT | st.text(alphabet=st.sampled_from(ALPHABET)) | st.text())
def test_folding_bytes_gives_the_general_folding(text: str) -> None:
    """The fast path (ASCII bytes folded, the rest kept) equals the slow general one."""
    assert folded_utf8(text) == normalize_for_id(text).encode("utf-8")


def test_byte_folding_keeps_signs_and_folds_what_ascii_cannot() -> None:
    assert folded_utf8("  The PIER’s £5m\n\nrefit ©  ") == "the pier’s £5m refit ©".encode()
    assert folded_utf8("ÉCOLE\u2028Straße") == "école strasse".encode()  # the general path
