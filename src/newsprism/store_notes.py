"""Why a store lists no story, said once for every interface.

``newsprism stories`` (and ``export --all``) and the web's story list and ``GET
/api/stories`` each said it in their own words (review s43/e M2): one note, the
facts (nothing stored, or articles stored that no story groups yet) shared, and only
the advice worded for where the reader is (a command line, or the web's Ingest page).
"""

from __future__ import annotations

import logging
from typing import Literal

logger = logging.getLogger(__name__)

__all__ = ["Interface", "empty_store_note"]

Interface = Literal["cli", "web"]

# (advice for an empty store, advice for a store whose articles no story groups yet)
_ADVICE: dict[Interface, tuple[str, str]] = {
    "cli": (
        "newsprism analyze PATHS reads and groups",
        "newsprism analyze on the same PATHS analyses and groups them",
    ),
    "web": (
        "add files on the Ingest page, or run newsprism analyze",
        "run newsprism analyze on the same files (it analyses and groups them), "
        "or add them on the Ingest page",
    ),
}


def empty_store_note(articles: int, interface: Interface) -> str:
    """Why a store with ``articles`` stored articles lists no story: a store that
    ``newsprism ingest`` filled holds articles no story groups yet (``analyze`` groups
    them). ``interface`` words the advice: a terse stderr line for the CLI, sentences
    for the web page."""
    empty, ungrouped = _ADVICE[interface]
    many = "1 article" if articles == 1 else f"{articles:,} articles"
    if interface == "cli":
        if not articles:
            return f"no stories yet: nothing is stored ({empty})"
        return f"no stories yet: {many} stored but not grouped ({ungrouped})"
    if not articles:
        return f"Nothing is stored yet: {empty}."
    verb = "is" if articles == 1 else "are"
    return f"{many} {verb} stored but not grouped into stories yet: {ungrouped}."
