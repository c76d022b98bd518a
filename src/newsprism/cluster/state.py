"""The story clusterer's saved state: a compressed npz archive (no pickle) of a JSON meta
record, the hot stories' centroid totals and headline vectors, and the vectorizer's own
state; and the frozen story rebuilt from a stored record.

Formats: 2 holds the hot window only (its size does not grow with the store); 1 held every
story, frozen ones as member lists, and is still read (see
:meth:`~newsprism.cluster.stories.StoryClusterer.restored_frozen`).
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from newsprism.cluster.dedup_window import day_of
from newsprism.cluster.hot import HotStory, stack, widen_span
from newsprism.cluster.vectors import (
    DenseVectorizer,
    LexicalVectorizer,
    OnlineVectorizer,
    TextVectorizer,
)
from newsprism.errors import ClusterStateMismatch
from newsprism.model import Story

logger = logging.getLogger(__name__)

__all__ = ["STATE_FORMAT", "pack", "thawed", "unpack", "vectorizer_kind"]

STATE_FORMAT = 2
READABLE_FORMATS = (1, 2)

Arrays = dict[str, npt.NDArray[Any]]


def pack(meta: dict[str, Any], hot: Sequence[HotStory], vectorizer: TextVectorizer) -> bytes:
    """The archive of ``meta`` (``format`` added) and the hot stories' vectors."""
    dim = vectorizer.dim
    arrays: dict[str, Any] = {
        "meta": np.frombuffer(
            json.dumps({"format": STATE_FORMAT, **meta}).encode(), dtype=np.uint8
        ),
        "totals": stack([s.total for s in hot if s.total is not None], dim),
        "headlines": stack([h[2] for s in hot for h in s.headlines], dim),
    }
    if isinstance(vectorizer, OnlineVectorizer):
        arrays["vectorizer"] = np.frombuffer(vectorizer.state(), dtype=np.uint8)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    return buffer.getvalue()


def unpack(
    data: bytes, vectorizer: TextVectorizer | None
) -> tuple[dict[str, Any], Arrays, TextVectorizer]:
    """The meta record, the arrays, and the vectorizer to go on with (``vectorizer``
    checked against the saved kind and dimension, or one of the saved kind made), its
    state loaded. Raises :class:`~newsprism.errors.ClusterStateMismatch` for a format this
    newsprism does not read or a vectorizer of another kind or dimension."""
    with np.load(io.BytesIO(data), allow_pickle=False) as saved:
        meta = json.loads(saved["meta"].tobytes().decode())
        arrays = {name: saved[name] for name in saved.files}
    if meta.get("format") not in READABLE_FORMATS:
        raise ClusterStateMismatch(
            f"stored story state has format {meta.get('format')!r}, this newsprism reads "
            f"{', '.join(map(str, READABLE_FORMATS))}: group the articles again in a new store"
        )
    vectorizer = vectorizer or _vectorizer_of(meta["vectorizer"], meta["dim"])
    kind = vectorizer_kind(vectorizer)
    if vectorizer.dim != meta["dim"] or kind != meta["vectorizer"]:
        raise ClusterStateMismatch(
            f"stored stories were grouped with the {meta['vectorizer']} vectorizer "
            f"({meta['dim']} dimensions), this run uses {kind} ({vectorizer.dim}): "
            f"pass --embeddings {'on' if meta['vectorizer'] == 'dense' else 'off'} "
            "as before, or use a new store"
        )
    if isinstance(vectorizer, OnlineVectorizer) and "vectorizer" in arrays:
        vectorizer.load_state(arrays["vectorizer"].tobytes())
    return meta, arrays, vectorizer


def thawed(key: int, record: Story) -> HotStory:
    """A frozen story rebuilt from its stored record (members in the stored order): what
    a copy of one of its articles joins."""
    story = HotStory(key, record.id, [(0, a) for a in record.articles], title=record.title)
    story.hot = False
    for published in (record.first_published, record.last_published):
        widen_span(story, day_of(published), published)
    return story


def vectorizer_kind(vectorizer: TextVectorizer) -> str:
    if isinstance(vectorizer, LexicalVectorizer):
        return "lexical"
    return "dense" if isinstance(vectorizer, DenseVectorizer) else type(vectorizer).__name__


def _vectorizer_of(kind: str, dim: int) -> TextVectorizer:
    if kind == "lexical":
        return LexicalVectorizer(dim)
    if kind == "dense":
        return DenseVectorizer()
    raise ClusterStateMismatch(
        f"stored stories were grouped with a {kind} vectorizer: pass that vectorizer"
    )
