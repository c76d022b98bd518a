"""Cost counters for tests of hangs: a test measures what a search reads, not seconds,
so it holds on a slow or busy machine."""

from __future__ import annotations

import re
from typing import Any


class CountingPattern:
    """A compiled pattern that counts the characters its ``finditer`` searches are
    handed (the cost of a scan, whatever the machine's speed); every other attribute is
    the pattern's own."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.read = 0

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        end = len(text) if endpos is None else endpos
        self.read += max(0, end - pos)
        return self.pattern.finditer(text, pos, end)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.pattern, name)
