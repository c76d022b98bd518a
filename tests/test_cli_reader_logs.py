"""A page the HTML readers cannot parse is one failure line naming it: trafilatura's own
error line ("ERROR trafilatura.utils: parsed tree length: 1, wrong data type or not
valid HTML", naming no file) came first on stderr."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprism.cli_base import _READER_LOGGERS, _quiet_third_parties
from newsprism.ingest import IngestOptions, read_inputs
from newsprism.model import IngestFailure


@pytest.fixture
def restored_levels() -> Iterator[None]:
    names = ("transformers", "sentence_transformers", "huggingface_hub", "torch", *_READER_LOGGERS)
    levels = {name: logging.getLogger(name).level for name in names}
    try:
        yield None
    finally:
        _quiet_third_parties(verbose=True)  # takes the readers' filter off the handlers
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)


def _record(name: str, level: int) -> logging.LogRecord:
    return logging.LogRecord(name, level, __file__, 1, "parsed tree length: 1", None, None)


def test_a_page_nested_too_deep_logs_nothing_but_its_failure(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, restored_levels: None
) -> None:
    page = tmp_path / "deep.html"
    page.write_text("<div>" * 100_000 + "Ferry text" + "</div>" * 100_000, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        _quiet_third_parties(verbose=False)
        items = list(read_inputs([str(page)], IngestOptions()))
        _quiet_third_parties(verbose=True)
    assert [type(i) for i in items] == [IngestFailure]
    assert [r for r in caplog.records if r.name.split(".")[0] in _READER_LOGGERS] == []


def test_the_filter_lets_verbose_and_other_records_through(restored_levels: None) -> None:
    handler = logging.StreamHandler()
    logging.getLogger().addHandler(handler)
    try:
        _quiet_third_parties(verbose=False)
        assert not handler.filter(_record("trafilatura.utils", logging.ERROR))
        assert handler.filter(_record("trafilatura.utils", logging.CRITICAL))
        assert handler.filter(_record("newsprism.ingest.watch", logging.WARNING))
        _quiet_third_parties(verbose=True)
        assert handler.filter(_record("trafilatura.utils", logging.ERROR))
    finally:
        logging.getLogger().removeHandler(handler)
