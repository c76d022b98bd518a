"""``--engine dask`` is quiet without ``--verbose``: importing ``distributed`` sets its
loggers to INFO, and when that import came after the engine had quieted them, the first
run in a process printed its scheduler's and nannies' start and stop (25 lines) among
the report's."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprism.engine.dask import _quiet_dask

# What distributed's own import does to logging (distributed.config.initialize_logging).
FAKE_DISTRIBUTED = 'import logging\nlogging.getLogger("distributed").setLevel(logging.INFO)\n'


@pytest.fixture
def fresh_distributed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A ``distributed`` not imported yet, whose import sets its logger to INFO."""
    (tmp_path / "distributed").mkdir()
    (tmp_path / "distributed" / "__init__.py").write_text(FAKE_DISTRIBUTED, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    saved = sys.modules.pop("distributed", None)
    dask_logger = logging.getLogger("distributed")
    level = dask_logger.level
    dask_logger.setLevel(logging.NOTSET)
    try:
        yield
    finally:
        sys.modules.pop("distributed", None)
        if saved is not None:
            sys.modules["distributed"] = saved
        dask_logger.setLevel(level)


def test_dask_chatter_is_off_even_when_distributed_is_first_imported_inside(
    fresh_distributed: None, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)  # no --verbose
    with _quiet_dask():
        assert not logging.getLogger("distributed.scheduler").isEnabledFor(logging.INFO)
        import distributed  # noqa: F401  (what the engine's client start imports)

        assert not logging.getLogger("distributed.scheduler").isEnabledFor(logging.INFO)
