"""``-`` given twice reads standard input once: the second was "empty input (no text in
it)", as if the user had piped nothing."""

from __future__ import annotations

import io

from newsprism.ingest import IngestOptions, read_inputs
from newsprism.model import Article, IngestFailure

TEXT = b"The ferry to Lorvik returns on Monday after a week of storms, the harbour master said."


def test_standard_input_named_twice_is_read_once_and_the_second_said_so() -> None:
    items = list(read_inputs(["-", "-"], IngestOptions(), stdin=io.BytesIO(TEXT)))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], IngestFailure)
    assert items[1].reason == "standard input was read already (give - once)"
