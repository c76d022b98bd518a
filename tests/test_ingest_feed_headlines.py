"""A headline feed (titles and links, no text): each entry's failure said only "feed
entry has no text", with nothing on how to read the linked pages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from newsprism.ingest import IngestOptions, read_inputs
from newsprism.model import IngestFailure

Write = Callable[..., Path]

FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Coast Radio</title>'
    "<item><title>Pier closes</title><link>https://coast.example/pier</link></item>"
    "<item><title>No link</title></item></channel></rss>"
)


def test_an_entry_with_only_a_link_says_how_to_read_it(write: Write) -> None:
    linked, unlinked = read_inputs([str(write("coast.xml", FEED))], IngestOptions())
    assert isinstance(linked, IngestFailure) and isinstance(unlinked, IngestFailure)
    assert linked.reason == "feed entry has no text (its linked page is read with --fetch-links)"
    assert unlinked.reason == "feed entry has no text"
