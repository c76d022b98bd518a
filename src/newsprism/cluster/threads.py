"""BLAS threads for story clustering's small matrix products.

Scoring a candidate multiplies a story's headline vectors (at most 64 x 512) with an
article's or another story's: products far too small to gain from threads. OpenBLAS
still splits them over every core, and where the cores are busy its threads wait on each
other: on the 2-core shared machine one 64 x 512 x 64 product took 26-66 ms with
OpenBLAS's 2 threads and 2-3 ms with one (measured 2026-12-04, load average 12-15). The
clusterer therefore runs its adds and consolidation with ``ClusterOptions.blas_threads``
BLAS threads (default 1); the setting is put back on the way out, so the rest of the
process (briefs, dense similarity) keeps its threads.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from threadpoolctl import ThreadpoolController

logger = logging.getLogger(__name__)

__all__ = ["blas_libraries", "blas_threads"]


@lru_cache(maxsize=1)
def blas_libraries() -> tuple[Any, ...]:
    """The BLAS libraries loaded in this process (numpy's), found once."""
    return tuple(ThreadpoolController().select(user_api="blas").lib_controllers)


@contextmanager
def blas_threads(count: int | None) -> Iterator[None]:
    """Run the block with ``count`` BLAS threads (None: leave them as they are). Cost: a
    thread-count change per library on the way in and out, about 0.15 ms on the loaded
    2-core machine (so a whole batch runs inside one block)."""
    if count is None:
        yield
        return
    saved = [(lib, lib.num_threads) for lib in blas_libraries()]
    for lib, threads in saved:
        if threads != count:
            lib.set_num_threads(count)
    try:
        yield
    finally:
        for lib, threads in saved:
            if threads != count:
                lib.set_num_threads(threads)
