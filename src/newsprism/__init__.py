"""newsprism: one story, every source, cross-checked.

The public Python API is :class:`Workspace` (one store and the main job over it: ingest,
analyse, group into stories, cross-check), the records of :mod:`newsprism.model` it
returns (each with ``to_dict()``; a ``Brief`` also gives pandas DataFrames of its tables),
and the errors of :mod:`newsprism.errors`. Lower level, also public:
:mod:`newsprism.ingest` (``read_inputs``, ``IngestOptions``), :mod:`newsprism.store`
(``Store``), :mod:`newsprism.flow` (the main job as functions over a store) and
:mod:`newsprism.export` (a brief's tables as CSV, JSON Lines or Parquet). Everything
else is private to its package. See the README's "Python" section.
"""

from __future__ import annotations

# Not `from typing import TYPE_CHECKING`: typing (and collections, re, enum) took
# ~0.05 s to import before the CLI's Ctrl-C handling was in place, and a Ctrl-C then
# printed a traceback. Type checkers read this name as `typing.TYPE_CHECKING`.
TYPE_CHECKING = False

if TYPE_CHECKING:
    from typing import Any

    from newsprism.workspace import Workspace

    __version__: str

__all__ = ["Workspace", "__version__"]


def __getattr__(name: str) -> Any:
    # Lazy: `import newsprism` (the CLI's start-up, `--version`) must not load the store
    # and ingest stack; `from newsprism import Workspace` loads it on first use.
    # The version too: the script imports this package before the CLI's Ctrl-C handling
    # is in place, so it does as little as it can here.
    if name == "__version__":
        return _version()
    if name == "Workspace":
        from newsprism.workspace import Workspace

        return Workspace
    raise AttributeError(f"module 'newsprism' has no attribute {name!r}")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsprism")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0"
