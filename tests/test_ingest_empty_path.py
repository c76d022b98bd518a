"""An empty path ("$DIR" unset in a script) is one failure that says so; it was
"failed: : no articles found in it (it holds no files)", naming nothing."""

from __future__ import annotations

from newsprism.ingest.sources import expand_inputs
from newsprism.model import IngestFailure


def test_an_empty_path_is_named_as_such() -> None:
    assert list(expand_inputs(["", "  "])) == [
        IngestFailure("''", "an empty path (nothing named)"),
        IngestFailure("'  '", "an empty path (nothing named)"),
    ]
