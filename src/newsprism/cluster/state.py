"""The story clusterer's saved state: a compressed npz archive (no pickle) of a JSON meta
record, the hot stories' centroid totals and headline vectors, and the vectorizer's own
state; and the frozen story rebuilt from a stored record.

Formats: 4 adds the calendar days (:func:`~newsprism.cluster.signals.calendar_days`) a
hot story's members give, as counts with the story and as a twelfth field of each kept
member, for the join model's ``days`` evidence. A format 3 state is still read (the
migration): its stories and kept members give no days, so a story restored from it is
scored on the days of the members that join it from then on (until then its ``days``
evidence is absent, as for an article that gives none, and it is joined as before), and
the next save writes format 4. 3 adds what each member of a hot story brought while the
story can still be split (:class:`~newsprism.cluster.split.Kept`: its float16 text
vector, names, speakers, numbers, date, language, copy link and, for a member the
analyser gave no names, its text) and the source count at its last split check, so a
story restored in a later run is re-placed, split and has its names looked up again like
a story built in the same run. 2 holds the hot window only (its size does not grow with
the store) and is still read, with a warning: its stories keep no members, so they are
never split (as before format 3). 1 held every story, frozen ones as member lists, and
is still read (see :meth:`~newsprism.cluster.stories.StoryClusterer.restored_frozen`).

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
import zlib
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

STATE_FORMAT = 4
READABLE_FORMATS = (1, 2, 3, 4)
# The first format that keeps members (kept_of).
_KEPT_FORMAT = 3
# The first format that keeps calendar days (a kept member's row: 11 fields before, 12
# from it, the days last).
_DAYS_FORMAT = 4

Arrays = dict[str, npt.NDArray[Any]]
_T = TypeVar("_T")
# How a zip archive (what np.savez writes) starts.
_ZIP_MAGIC = b"PK\x03\x04"
# What reading a damaged archive raises while it is read and decoded, and only then:
# zipfile and zlib on cut or overwritten bytes (BadZipFile, EOFError, zlib.error), numpy
# (ValueError for a bad array header or "pickled data"), json and utf-8 on a bad record
# (ValueError), and the explicit checks of the record (check_record: KeyError for a
# missing field, ValueError for an ill-typed one). Anything else (TypeError,
# AttributeError, ...) is a bug of this code and propagates: caught here it would read as
# "state damaged" and the hot window would be thrown away, then overwritten.
_READ_ERRORS = (zipfile.BadZipFile, EOFError, zlib.error, ValueError, KeyError)


# The vectorizer's own state is an npz archive read by its load_state, which indexes its
# count arrays with its saved feature numbers: a damaged one may be out of range as well.
_VECTORIZER_ERRORS = (*_READ_ERRORS, IndexError)


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
        _damage_checked(lambda: vectorizer.load_state(state), _VECTORIZER_ERRORS)
    return meta, arrays, vectorizer


def _read(data: bytes) -> tuple[dict[str, Any], Arrays]:
    """The archive's meta record (checked for the fields :func:`unpack` reads) and
    arrays; raises one of :data:`_READ_ERRORS` for bytes that are no such archive."""
    if not data:
        raise ValueError("it is empty")
    if not data.startswith(_ZIP_MAGIC):  # numpy took any other bytes for a pickle
        raise ValueError("it is no npz archive")
    with np.load(io.BytesIO(data), allow_pickle=False) as saved:
        meta = json.loads(saved["meta"].tobytes().decode())
        arrays = {name: saved[name] for name in saved.files}
    if not isinstance(meta, dict):
        raise ValueError(f"its record is a JSON {type(meta).__name__}, not an object")
    if meta.get("format") in READABLE_FORMATS:
        check_record(meta, arrays)
    return meta, arrays


def check_record(meta: dict[str, Any], arrays: Mapping[str, npt.NDArray[Any]]) -> None:
    """Check every field of a readable record that restoring reads (``_restore``,
    :func:`~newsprism.cluster.hot.story_from_meta`, :func:`kept_of`) and that the arrays
    hold a vector for each one it takes. Raises KeyError for a missing field and
    ValueError for an ill-typed one, so that restoring a checked record raises nothing
    for damage and whatever it raises is a bug."""
    _need(meta, "vectorizer", str)
    dim = _need(meta, "dim", int)
    counters = _need(meta, "counters", list)
    _expect(len(counters) == 2 and all(_is(c, int) for c in counters), "counters")
    _expect(meta.get("latest") is None or _is(meta.get("latest"), float), "latest")
    _expect(_is_list(meta.get("ids", []), str), "ids")
    late = meta.get("late", [])
    _expect(isinstance(late, list), "late")
    for pair in late:
        _expect(_is_pair(pair, int, (int, float)), "late")
    apart = meta.get("apart", [])
    _expect(isinstance(apart, list), "apart")
    for pair in apart:
        _expect(isinstance(pair, list) and len(pair) == 2 and _is_list(pair[1], int), "apart")
    _expect(_is_list(meta.get("ejected", []), int), "ejected")  # absent before 7 Dec
    stories = _need(meta, "stories", list)
    for entry in stories:
        _check_story(entry)
    hot = [e for e in stories if e["hot"]]
    _check_rows(arrays, "totals", len(hot), dim)
    _check_rows(arrays, "headlines", sum(len(e["headlines"]) for e in hot), dim)
    if meta["format"] >= _KEPT_FORMAT:
        kept = _need(meta, "kept", list)
        _expect(len(kept) == len(stories), "kept")
        width = 11 if meta["format"] < _DAYS_FORMAT else 12
        vectors = sum(_check_kept(entry, width) for entry in kept)
        _check_rows(arrays, "kept", vectors, dim)


def _check_story(entry: object) -> None:
    _expect(isinstance(entry, dict), "stories")
    assert isinstance(entry, dict)
    _need(entry, "key", int)
    _need(entry, "id", str)
    _need(entry, "sources", int)
    _need(entry, "hot", bool)
    _expect(_is_optional(entry.get("title", 0), str), "title")
    members = _need(entry, "members", list)
    _expect(all(_is_pair(m, int, str) for m in members), "members")
    span = _need(entry, "span", list)
    _expect(len(span) == 3 and all(_is_optional(t, float) for t in span), "span")
    published = _need(entry, "published", list)
    _expect(len(published) == 2 and all(_is_moment(t) for t in published), "published")
    if not entry["hot"]:
        return
    for name in ("names", "speakers", "languages", "numbers", "days", "rest"):
        counts = entry.get(name, {})
        _expect(isinstance(counts, dict) and all(_is(c, float) for c in counts.values()), name)
    headlines = _need(entry, "headlines", list)
    _expect(all(_is_pair(h, int, (str, type(None))) for h in headlines), "headlines")


def _check_kept(entry: object, width: int) -> int:
    """Check one story's kept members (rows of ``width`` fields); the number of them with
    a vector."""
    _expect(isinstance(entry, dict), "kept")
    assert isinstance(entry, dict)
    _need(entry, "checked", int)
    members = entry.get("members", 0)
    if members is None:
        return 0
    _expect(isinstance(members, list), "kept members")
    for row in members:
        _expect(isinstance(row, list) and len(row) == width, "kept members")
        seq, article, has_vector, names, speakers, numbers, day, published, *rest = row[:11]
        fields_ok = (
            _is(seq, int)
            and isinstance(article, str)
            and isinstance(has_vector, bool)
            and all(_is_list(v, str) for v in (names, speakers, numbers, *row[11:]))
            and _is_optional(day, float)
            and _is_moment(published)
            and all(_is_optional(v, str) for v in rest)
        )
        _expect(fields_ok, "kept members")
    return sum(1 for row in members if row[2])


def _check_rows(arrays: Mapping[str, npt.NDArray[Any]], name: str, rows: int, dim: int) -> None:
    if name not in arrays:
        raise KeyError(name)
    array = arrays[name]
    if array.ndim != 2 or array.shape[0] != rows or (rows and array.shape[1] != dim):
        raise ValueError(f"its {name} array holds {array.shape}, not {rows} x {dim} values")


def _need(record: dict[str, Any], key: str, kind: type) -> Any:
    if key not in record:
        raise KeyError(key)
    _expect(_is(record[key], kind), key)
    return record[key]


def _expect(ok: bool, field: str) -> None:
    if not ok:
        raise ValueError(f"its {field} field is not what a saved state holds")


def _is(value: object, kind: type) -> bool:
    """JSON's types: a float may be written as an int; a bool is no number."""
    if kind is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, kind)


def _is_optional(value: object, kind: type) -> bool:
    return value is None or _is(value, kind)


def _is_list(value: object, kind: type) -> bool:
    return isinstance(value, list) and all(_is(v, kind) for v in value)


def _is_pair(value: object, first: type, second: type | tuple[type, ...]) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 2
        and _is(value[0], first)
        and isinstance(value[1], second)
    )


def _is_moment(value: object) -> bool:
    if value is None:
        return True
    if not isinstance(value, str):
        return False
    try:
        when(value)
    except ValueError:
        return False
    return True


def _damage_checked(
    read: Callable[[], _T], errors: tuple[type[Exception], ...] = _READ_ERRORS
) -> _T:
    """``read()``, with what reading a damaged state raises (``errors``) as
    :class:`DamagedState`."""
    try:
        return read()
    except errors as exc:
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
                sorted(k.days),
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
    language, copy_of, text, *days = rest  # no days in a format 3 row
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
        frozenset(days[0]) if days else frozenset(),
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
