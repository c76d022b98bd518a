"""Article ids: the ingest's fast folding gives the model's normalization, to the byte."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.ingest.identity import fold_for_id, streaming_article_id
from newsprism.model import article_id, normalize_for_id

# Spaces of every kind, characters NFKC or case folding change (ligature, sharp s,
# capital sharp s, diaeresis and its combining form, Kelvin sign, dotted I), ASCII.
ALPHABET = "ab C\n \t\r\x0b\x0c\x1c\x85\u00a0\u2002\u2028\u3000\u00a8\u0308ﬁß\u1e9eé\u212a\u0130Z9"


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
