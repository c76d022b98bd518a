"""The exceptions newsprism raises, in one place.

Hierarchy::

    NewsprismError                 every error newsprism raises on purpose
    ├── InputError                 one input (file, record, URL) cannot be read;
    │   │                          batch runs record it and go on
    │   ├── UnsupportedInput       empty, binary, or a format nobody reads
    │   ├── InputTooLarge          over the configured size limit
    │   ├── MalformedInput         broken gzip, WARC, feed XML, JSON, undecodable text
    │   ├── NoArticleFound         a readable page with no article body in it
    │   └── FetchError             an HTTP fetch failed (status, timeout, size)
    ├── StoreError                 the store cannot be opened or written
    │   └── SchemaError            the store's schema is newer than this newsprism
    ├── ModelMissing               no English spaCy pipeline is installed
    └── EmbeddingsUnavailable      dense embeddings asked for, but not installed

Every message is one line that names the input and the problem, ready for a user.
"""

from __future__ import annotations


class NewsprismError(Exception):
    """Base class of every error newsprism raises on purpose."""


class InputError(NewsprismError):
    """One input cannot be read; ``source`` names it as the user gave it."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class UnsupportedInput(InputError):
    """The input is empty, binary, or in a format no reader handles."""


class InputTooLarge(InputError):
    """The input (or one record of it) is over the configured size limit."""


class MalformedInput(InputError):
    """The input is damaged: truncated gzip, broken WARC, feed or JSON, bad encoding."""


class NoArticleFound(InputError):
    """The input is readable but holds no article body."""


class FetchError(InputError):
    """An HTTP fetch failed: status, timeout, or size."""


class StoreError(NewsprismError):
    """The store cannot be opened, migrated or written."""


class SchemaError(StoreError):
    """The store was written by a newer newsprism than this one."""


class ModelMissing(NewsprismError):
    """No English spaCy pipeline is installed."""


class EmbeddingsUnavailable(NewsprismError):
    """Dense embeddings were asked for but torch, sentence-transformers or the model
    package (the ``embed`` extra) is not installed."""
