"""A small invented corpus (two stories, three outlets) for the Python API, export and
store-view tests: quick to analyse, with a quote, a number two outlets disagree on, and
an outlet of its own."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import BODY

RIDGE = (
    "Ridge Post reported that the harbour board of Tessel voted on Tuesday to close the old "
    "ferry pier for repairs, moving about 450 daily passengers to the north quay.\n\n"
    "\u201cThe pier has served us for ninety years, but it cannot serve us safely for another "
    "winter,\u201d the board chair, Ilona Varga, said after the vote.\n\n"
    "The repairs will take eleven weeks and cost 2.4 million kroner, the board's engineers "
    "said."
)
BRIDGE = (
    "The council of Ridge postponed its vote on the new footbridge to next month, after 214 "
    "residents signed a petition against the design.\n\n"
    "\u201cWe owe people a proper hearing,\u201d said the mayor, Petra Lund, at the meeting."
)


def write_corpus(folder: Path) -> Path:
    """Write the corpus under ``folder`` (one sub-folder per outlet) and return it."""
    files = {
        "tessel-courier/pier-closure.txt": "Tessel closes its old ferry pier\n\n" + BODY,
        "ridge-post/pier-repairs.txt": "Tessel pier to shut for repairs\n\n" + RIDGE,
        "ridge-post/bridge.txt": "Ridge delays footbridge vote\n\n" + BRIDGE,
    }
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder
