"""The exceptions newsprism raises, in one place.

Hierarchy::

    NewsprismError                 every error newsprism raises on purpose
    ├── InputError                 one input (file, record, URL) cannot be read;
    │   │                          batch runs record it and go on
    │   ├── UnsupportedInput       empty, binary, or a format nobody reads
    │   ├── InputTooLarge          over the configured size limit
    │   ├── MalformedInput         broken gzip, WARC, feed XML, JSON, undecodable text
    │   ├── NoArticleFound         a readable page with no article body in it
    │   └── FetchError             an HTTP fetch failed (status, timeout, size)
    ├── StoreError                 the store cannot be opened or written
    │   ├── StateChanged           another command saved the story state meanwhile
    │   ├── SchemaError            the store's schema is newer than this newsprism
    │   ├── ReadOnlyStore          a write asked of a store that can only be read
    │   └── StoreBusy              another process held the store past the busy timeout
    ├── ModelMissing               no English spaCy pipeline is installed
    ├── ClusterStateMismatch       stored story state made by another vectorizer/format
    ├── EmbeddingsUnavailable      dense embeddings asked for, but not installed
    ├── ExtraMissing               an optional feature's extra (pandas, parquet) is missing
    └── NotFound                   no stored story or article has this id
        └── AmbiguousId            several ids start with this prefix

Every message is one line that names the input and the problem, ready for a user.

:class:`AnalysisFailure` is not an exception but the record a batch run keeps when one
article's analysis raised: it is stored, shown by ``newsprism article ID`` and listed
in the report, and the rest of the batch goes on. :class:`BriefFailure` is its twin for
a story whose cross-check raised in a batch run: listed in the report, not stored (the
next run or ``newsprism brief`` tries again).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# What met a busy store's lock (:class:`StoreBusy`).
BusyAt = Literal["write", "read", "open"]

# Longest error text kept in a failure record (one line in a report, not a traceback).
MAX_ERROR_CHARS = 300


class NewsprismError(Exception):
    """Base class of every error newsprism raises on purpose."""


class InputError(NewsprismError):
    """One input cannot be read; ``source`` names it as the user gave it."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class UnsupportedInput(InputError):
    """The input is empty, binary, or in a format no reader handles."""


class InputTooLarge(InputError):
    """The input (or one record of it) is over the configured size limit."""


class MalformedInput(InputError):
    """The input is damaged: truncated gzip, broken WARC, feed or JSON, bad encoding."""


class NoArticleFound(InputError):
    """The input is readable but holds no article body."""


class FetchError(InputError):
    """An HTTP fetch failed: status, timeout, or size."""


class StoreError(NewsprismError):
    """The store cannot be opened, migrated or written."""


class StateChanged(StoreError):
    """Another command saved the story-clustering state after this one read it; saving
    would drop that command's stories, so nothing was saved (group again)."""


class SchemaError(StoreError):
    """The store was written by a newer newsprism than this one."""


class ReadOnlyStore(StoreError):
    """A command that writes was given a store that can only be read."""


class StoreBusy(StoreError):
    """Another process held the store past the busy timeout (``held_s`` seconds: the
    store's busy timeout, newsprism.store_open). What it says of what was stored holds
    for every caller: the write that met the lock is one transaction, undone whole, and
    every transaction before it is committed. A run that stores in batches (ingest,
    analyze: 200 a transaction) has stored its earlier batches, so "this step stored
    nothing" was false there; such a caller adds its own count with :meth:`kept_too`,
    and a rerun goes on from there (what is stored is not redone).

    ``met`` says what met the lock: ``write`` (the wording above), ``read`` (a command
    reading the store, which changes nothing in it) or ``open`` (opening the store,
    before the command did anything). A read command was told "the write that met it
    stored nothing", though it wrote nothing (stop 39 finding)."""

    def __init__(
        self, path: str, reason: str, held_s: float, kept: str = "", met: BusyAt = "write"
    ) -> None:
        self.path, self.reason, self.held_s, self.kept, self.met = path, reason, held_s, kept, met
        super().__init__(
            f"{path}: the store is busy ({reason}): another process (a newsprism command "
            f"or server) held it over {held_s:g} s; {_busy_outcome(met, kept)}: "
            "try again once that one is done"
        )

    def kept_too(self, kept: str) -> StoreBusy:
        """This error, saying what of the caller's run was stored before it (``kept``:
        "this run's 200 new articles"); itself when ``kept`` is empty."""
        if not kept:
            return self
        return StoreBusy(self.path, self.reason, self.held_s, kept, self.met)

    def __reduce__(self) -> tuple[type[StoreBusy], tuple[str, str, float, str, BusyAt]]:
        # Its arguments, not its message: an error raised in a worker comes back whole.
        return (StoreBusy, (self.path, self.reason, self.held_s, self.kept, self.met))


def _busy_outcome(met: BusyAt, kept: str) -> str:
    """What a busy store left done, by what met the lock (:class:`StoreBusy`)."""
    this_run = f" ({kept} too)" if kept else ""
    if met == "read":
        return f"reading it changed nothing in it{this_run}"
    if met == "open":
        return f"it was met opening the store, so nothing was read or changed{this_run}"
    return f"the write that met it stored nothing, all stored before it is kept{this_run}"


class ModelMissing(NewsprismError):
    """No English spaCy pipeline is installed."""


class ClusterStateMismatch(NewsprismError):
    """The stored story-clustering state was made with another vectorizer (lexical vs
    dense, another dimension) or state format than this run's."""


class EmbeddingsUnavailable(NewsprismError):
    """Dense embeddings were asked for but torch, tokenizers, safetensors or the model
    package (the ``embed`` extra) is not installed."""


class EngineError(NewsprismError):
    """The engine that runs the work could not start: a Dask scheduler that cannot be
    reached, a local cluster that would not come up."""


@dataclass(frozen=True, slots=True)
class AnalysisFailure:
    """One article whose analysis raised: which article, its source, the step that
    failed (``parse``, ``entities``, ``quotes``, ``quantities``, ``dates``, ``worker``)
    and the error in one line."""

    article: str
    source: str
    stage: str
    error: str

    def __str__(self) -> str:
        return f"{self.source}: analysis failed at {self.stage} ({self.error})"


@dataclass(frozen=True, slots=True)
class BriefFailure:
    """One story whose cross-check (brief) raised in a batch run: the story's id and the
    error in one line. Its articles stay stored and grouped."""

    story: str
    error: str

    @property
    def source(self) -> str:
        """The story as the report's ``failures[].source`` names it."""
        return f"story {self.story}"

    def __str__(self) -> str:
        return f"{self.source}: cross-check failed ({self.error})"


def describe(exc: BaseException) -> str:
    """An exception as one line: our errors by their message, others with their type."""
    text = str(exc) if isinstance(exc, NewsprismError) else f"{type(exc).__name__}: {exc}"
    line = " ".join(text.split()) or type(exc).__name__
    return line if len(line) <= MAX_ERROR_CHARS else line[: MAX_ERROR_CHARS - 1] + "\u2026"


class ExtraMissing(NewsprismError):
    """An optional feature needs a package its extra installs; the message names the
    extra (``pip install 'newsprism[parquet]'``)."""

    def __init__(self, feature: str, extra: str) -> None:
        super().__init__(f"{feature} needs the '{extra}' extra: pip install 'newsprism[{extra}]'")
        self.extra = extra


class NotFound(NewsprismError):
    """No stored story (or article) has this id or id prefix."""

    def __init__(self, kind: str, key: str) -> None:
        super().__init__(f"no {kind} with id {key!r}")
        self.kind = kind
        self.key = key


class AmbiguousId(NotFound):
    """An id prefix that several stored ids start with (or one too short to trust)."""

    def __init__(self, kind: str, key: str, matches: list[str], reason: str = "") -> None:
        NewsprismError.__init__(
            self,
            reason
            or f"{kind} id {key!r} is ambiguous: it starts {', '.join(matches[:5])}"
            f"{', ...' if len(matches) > 5 else ''}; give more characters",
        )
        self.kind = kind
        self.key = key
        self.matches = matches
