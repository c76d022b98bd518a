"""The story clusterer's saved state: a compressed npz archive (no pickle) of a JSON meta
record, the hot stories' centroid totals and headline vectors, and the vectorizer's own
state; and the frozen story rebuilt from a stored record.

Formats: 3 adds what each member of a hot story brought while the story can still be
split (:class:`~newsprism.cluster.split.Kept`: its float16 text vector, names, speakers,
numbers, date, language, copy link and, for a member the analyser gave no names, its
text) and the source count at its last split check, so a story restored in a later run
is re-placed, split and has its names looked up again like a story built in the same
run. 2 holds the hot window only (its size does not grow with the store) and is still
read, with a warning: its stories keep no members, so they are never split (as before
format 3). 1 held every story, frozen ones as member lists, and is still read (see
:meth:`~newsprism.cluster.stories.StoryClusterer.restored_frozen`).

Measured (cross-set lexical models, ``eval/real_clustering.py``'s arrival order cut in 4
runs, B-cubed F1 of the 4-run stories against the one run's): with the state saved and
restored between runs and one consolidation at the end, ECB+ 0.938 before format 3 and
1.000 with it (Multi-News 1.000); with a consolidation after each run as well, ECB+
0.990 -> 1.000, Multi-News 0.996 (one article: consolidating between runs changes
later joins, not the round trip).

Size: a kept member costs 2 x dim bytes of vector (as much as its headline vector) plus
its keys in the JSON record, before compression; a story of more than
:data:`~newsprism.cluster.split.MAX_KEPT` members keeps none.
"""

from __future__ import annotations

import io
import json
import logging
import zipfile
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from newsprism.cluster.dedup_window import day_of
from newsprism.cluster.hot import HotStory, iso, stack, when, widen_span
from newsprism.cluster.split import Kept
from newsprism.cluster.vectors import (
    DenseVectorizer,
    LexicalVectorizer,
    OnlineVectorizer,
    TextVectorizer,
)
from newsprism.errors import ClusterStateMismatch
from newsprism.model import Story

logger = logging.getLogger(__name__)

__all__ = [
    "STATE_FORMAT",
    "DamagedState",
    "kept_of",
    "pack",
    "thawed",
    "unpack",
    "vectorizer_kind",
]

STATE_FORMAT = 3
READABLE_FORMATS = (1, 2, 3)
# The first format that keeps members (kept_of).
_KEPT_FORMAT = 3

Arrays = dict[str, npt.NDArray[Any]]
_T = TypeVar("_T")
# How a zip archive (what np.savez writes) starts.
_ZIP_MAGIC = b"PK\x03\x04"
# What reading a damaged archive or record raises: numpy and zipfile on cut or overwritten
# bytes (BadZipFile, EOFError, ValueError for "pickled data"), json on a bad record, and
# the lookups of a record that lacks a field or has one of the wrong shape.
DAMAGE = (
    zipfile.BadZipFile,
    EOFError,
    OSError,
    ValueError,
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
    StopIteration,
)


class DamagedState(ClusterStateMismatch):
    """The stored state cannot be read: cut short, overwritten, or a record missing its
    fields. The stories it came from are in the store; only the hot window is lost."""


def pack(meta: dict[str, Any], hot: Sequence[HotStory], vectorizer: TextVectorizer) -> bytes:
    """The archive of ``meta`` (``format`` added) and the hot stories' vectors."""
    dim = vectorizer.dim
    kept = [_kept_entry(s) for s in hot]
    vectors = [
        k.vector for s in hot if s.kept for _, k in sorted(s.kept.items()) if k.vector is not None
    ]
    record = {"format": STATE_FORMAT, **meta, "kept": kept}
    arrays: dict[str, Any] = {
        "meta": np.frombuffer(json.dumps(record).encode(), dtype=np.uint8),
        "totals": stack([s.total for s in hot if s.total is not None], dim),
        "headlines": stack([h[2] for s in hot for h in s.headlines], dim),
        "kept": stack(vectors, dim).astype(np.float16),
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
    newsprism does not read or a vectorizer of another kind or dimension, and
    :class:`DamagedState` for bytes or a record that cannot be read."""
    meta, arrays = _damage_checked(lambda: _read(data))
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
        state = arrays["vectorizer"].tobytes()
        _damage_checked(lambda: vectorizer.load_state(state))
    return meta, arrays, vectorizer


def _read(data: bytes) -> tuple[dict[str, Any], Arrays]:
    """The archive's meta record (checked for the fields :func:`unpack` reads) and
    arrays; raises one of :data:`DAMAGE` for bytes that are no such archive."""
    if not data:
        raise ValueError("it is empty")
    if not data.startswith(_ZIP_MAGIC):  # numpy took any other bytes for a pickle
        raise ValueError("it is no npz archive")
    with np.load(io.BytesIO(data), allow_pickle=False) as saved:
        meta = json.loads(saved["meta"].tobytes().decode())
        arrays = {name: saved[name] for name in saved.files}
    if not isinstance(meta, dict):
        raise TypeError(f"its record is a JSON {type(meta).__name__}, not an object")
    if meta.get("format") in READABLE_FORMATS:
        missing = [k for k in ("vectorizer", "dim", "counters", "stories") if k not in meta]
        if missing:
            raise KeyError(missing[0])
        if not isinstance(meta["vectorizer"], str) or not isinstance(meta["dim"], int):
            raise TypeError("its vectorizer kind or dimension is not a name and a number")
    return meta, arrays


def _damage_checked(read: Callable[[], _T]) -> _T:
    """``read()``, with what a damaged state raises (:data:`DAMAGE`) as :class:`DamagedState`."""
    try:
        return read()
    except DAMAGE as exc:
        raise DamagedState(f"stored story state is damaged ({damage_of(exc)})") from exc


def damage_of(exc: BaseException) -> str:
    """One line saying what was wrong with a damaged state."""
    if isinstance(exc, KeyError):
        return f"its record has no {exc.args[0]!r}" if exc.args else "a field is missing"
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]


def _kept_entry(story: HotStory) -> dict[str, Any]:
    """The story's kept members (null when it keeps none) and its last check; vectors go
    to the ``kept`` array, in story order then sequence order."""
    members = None
    if story.kept is not None:
        members = [
            [
                seq,
                k.article,
                k.vector is not None,
                sorted(k.names),
                sorted(k.speakers),
                sorted(k.numbers),
                k.day,
                iso(k.published),
                k.language,
                k.copy_of,
                k.text,
            ]
            for seq, k in sorted(story.kept.items())
        ]
    return {"checked": story.checked, "members": members}


def kept_of(
    meta: dict[str, Any], arrays: Mapping[str, npt.NDArray[Any]]
) -> list[tuple[dict[int, Kept] | None, int]]:
    """Each saved story's kept members (None: it keeps none) and source count at its last
    split check, in the order of ``meta["stories"]``. A state before format 3 kept no
    members: its stories are never split or re-placed (warned once)."""
    stories = meta["stories"]
    if meta.get("format", 0) < _KEPT_FORMAT:
        if any(entry["hot"] for entry in stories):
            logger.warning(
                "the stored story state has format %s, before members were kept: its %d "
                "hot stories are not split or re-placed; stories started from now on are",
                meta.get("format"),
                sum(1 for entry in stories if entry["hot"]),
            )
        return [(None, 0)] * len(stories)
    vectors = iter(arrays["kept"])
    out: list[tuple[dict[int, Kept] | None, int]] = []
    for entry in meta["kept"]:
        members = entry["members"]
        kept = None if members is None else dict(_kept_member(m, vectors) for m in members)
        out.append((kept, entry["checked"]))
    return out


def _kept_member(row: list[Any], vectors: Any) -> tuple[int, Kept]:
    seq, article, has_vector, names, speakers, numbers, day, published, *rest = row
    language, copy_of, text = rest
    vector = np.asarray(next(vectors), dtype=np.float16).copy() if has_vector else None
    member = Kept(
        article,
        vector,
        frozenset(names),
        frozenset(speakers),
        frozenset(numbers),
        day,
        when(published),
        language,
        copy_of,
        text,
    )
    return seq, member


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
