"""An http(s) address without a host ("https://", "http:///x") is one failure saying so,
tried once: it was "network error (UnsupportedProtocol)", retried as a network error."""

from __future__ import annotations

import pytest

from newsprism.ingest import IngestOptions, read_inputs
from newsprism.ingest import fetch as fetch_module
from newsprism.model import IngestFailure


@pytest.mark.parametrize("url", ["https://", "http:///x", "https://:80/"])
def test_an_address_without_a_host_is_one_failure(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    tries: list[str] = []
    once = fetch_module._fetch_once

    def counted(client: object, address: str, max_bytes: int) -> object:
        tries.append(address)
        return once(client, address, max_bytes)  # type: ignore[arg-type]

    monkeypatch.setattr(fetch_module, "_fetch_once", counted)
    (failure,) = read_inputs([url], IngestOptions())
    assert isinstance(failure, IngestFailure) and failure.source == url
    assert failure.reason == "invalid URL (no host name)"
    assert tries == [url]  # not retried
