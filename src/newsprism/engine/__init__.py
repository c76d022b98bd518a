"""Engines: where the reading, cleaning and analysis of a run happen.

:class:`~newsprism.engine.base.LocalEngine` runs them in this process (and its
``--jobs`` pool); :class:`~newsprism.engine.dask.DaskEngine` spreads them over a Dask
cluster. Both store the same records in the same order, so grouping and briefs, which
always run here afterwards, give the same stories.
"""

from newsprism.engine.base import Engine, EngineRun, LocalEngine

__all__ = ["Engine", "EngineRun", "LocalEngine"]
