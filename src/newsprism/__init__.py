"""newsprism: one story, every source, cross-checked.

The public surface is small: :mod:`newsprism.model` (records), :mod:`newsprism.ingest`
(``read_inputs``, ``IngestOptions``), :mod:`newsprism.store` (``Store``) and
:mod:`newsprism.errors`. Everything else is private to its package.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("newsprism")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = ["__version__"]
