"""What a web upload that re-reads a stored article with other metadata is told.

An upload whose text and outlet are stored already is a duplicate; when its manifest
gave another URL, date or title, those were dropped with only 'already in the store'
said, and the user could not tell the new values were not taken nor how to have them
taken. The stored copy is updated only when a job asks (the form's ``correct`` box,
review s37/2 S2: an upload of one name from another job is any other text's), and only
a copy stored from an upload of the same name beside a manifest can be (its origin).
"""

from __future__ import annotations

import logging

from newsprism.ingest.batch import IngestReport, named_columns
from newsprism.store import Store
from newsprism.store_corrections import stored_origins

logger = logging.getLogger(__name__)

# How a web job names the file an upload stands for (web.jobs: 'upload:NAME').
UPLOAD_ORIGIN = "upload:"


def kept_note(store: Store, report: IngestReport, origin: str, asked: bool) -> str | None:
    """What to add to a duplicate upload's 'already in the store' when the stored copy's
    metadata differs from the upload's: which values were kept, and how to update them.
    ``origin`` is the identity a correcting job gives the upload (``upload:NAME``);
    ``asked``: the job asked to correct, with a manifest (so it was not possible)."""
    kept = [i for i in dict.fromkeys(report.duplicates) if i in report.kept]
    if not kept:
        return None
    named = named_columns(c for i in kept for c in report.kept[i])
    with store.transaction() as conn:
        stored = stored_origins(conn, kept)
    others = [(source, at) for source, at in stored.values() if at != origin]
    several = " and " in named
    verbs = ("differ", "were") if several else ("differs", "was")
    said = f"its stored {named} {verbs[0]} from this upload's and {verbs[1]} kept"
    if not others and not asked:
        return f"{said} (to update, upload it again with its manifest and 'correct' ticked)"
    if not others:
        return said
    return f"{said}: {_how_to_update(*others[0])}"


def _how_to_update(source: str, origin: str | None) -> str:
    """Where the stored copy came from, by its stored origin, and whether and how an
    upload can update it (review s38/2 M4: 'no upload updates it' was said of a copy an
    upload of its own name and manifest does update, and of an upload without a manifest
    as 'not from an upload')."""
    if origin is not None and origin.startswith(UPLOAD_ORIGIN):
        name = origin.removeprefix(UPLOAD_ORIGIN)
        return (
            f"the stored copy came from the upload {name} (to update it, upload {name} "
            "again with its manifest and 'correct' ticked)"
        )
    if origin is None and source == "-":
        return "the stored copy was read from standard input, so no upload can update it"
    if origin is None:
        return (
            f"the stored copy was uploaded as {source} without a manifest, so no upload "
            "can update it"
        )
    return (
        f"the stored copy was read from {source}, not from an upload of this name beside "
        "a manifest, so an upload does not update it"
    )
