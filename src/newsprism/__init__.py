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

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("newsprism")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

if TYPE_CHECKING:
    from newsprism.workspace import Workspace

__all__ = ["Workspace", "__version__"]


def __getattr__(name: str) -> Any:
    # Lazy: `import newsprism` (the CLI's start-up, `--version`) must not load the store
    # and ingest stack; `from newsprism import Workspace` loads it on first use.
    if name == "Workspace":
        from newsprism.workspace import Workspace

        return Workspace
    raise AttributeError(f"module 'newsprism' has no attribute {name!r}")
