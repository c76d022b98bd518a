"""How much of two texts of one page is the same, at a cost bounded for any length: the
comparison :mod:`newsprism.store_versions` decides a re-read edit with.

difflib's matcher over words (without its junk heuristic, which drops a report's common
words) grows faster than the texts: 0.4 s for two edited 20,000-word texts here, 13 s
for two unrelated 60,000-word ones, and hours for the 20 MB a single input may hold. It
ran inside the store's write transaction, so a re-read of an edited huge file held every
other writer (a second ingest, a clustering run) for that long. So the words both texts
begin and end with (an edit keeps most of a long text as it was) are matched first, in
linear time, and difflib runs on the middle only where it is short enough; a longer
middle is compared by its word trigrams (counted once each, in linear time): texts of
another report share few trigrams, an edit most of them.
"""

from __future__ import annotations

import difflib
import logging
from collections import Counter
from collections.abc import Sequence

logger = logging.getLogger(__name__)

__all__ = ["MAX_MATCHED_WORDS", "changed_words", "shared_share"]

# The longest middle (words, each text) given to difflib: two unrelated 20,000-word
# texts take about 1 s here, two edited ones 0.4 s; past it the time grows faster than
# the length (13 s at 60,000).
MAX_MATCHED_WORDS = 20_000


def shared_share(before: str, after: str) -> float:
    """The share of the shorter text's words found in the other, in order (difflib's
    matching blocks; past :data:`MAX_MATCHED_WORDS` of differing middle, the share of
    its word trigrams the other holds)."""
    a, b = before.split(), after.split()
    if not a or not b:
        return 0.0
    a_mid, b_mid = _middles(a, b)
    same = len(a) - len(a_mid)  # the common beginning and end
    if len(a_mid) <= MAX_MATCHED_WORDS and len(b_mid) <= MAX_MATCHED_WORDS:
        matcher = difflib.SequenceMatcher(None, a_mid, b_mid, autojunk=False)
        matched = sum(block.size for block in matcher.get_matching_blocks())
    else:
        logger.info("texts of %d and %d words: their middles compared by trigrams", len(a), len(b))
        matched = round(_trigram_share(a_mid, b_mid) * min(len(a_mid), len(b_mid)))
    return min(1.0, (same + matched) / min(len(a), len(b)))


def changed_words(before: str, after: str) -> tuple[list[str], list[str]] | None:
    """The words of ``before`` replaced or removed, and the words of ``after`` put in,
    in order; None when the texts' middles are too long to tell which (the caller takes
    the safe side)."""
    a, b = before.split(), after.split()
    a_mid, b_mid = _middles(a, b)
    if len(a_mid) > MAX_MATCHED_WORDS or len(b_mid) > MAX_MATCHED_WORDS:
        return None
    gone: list[str] = []
    put: list[str] = []
    matcher = difflib.SequenceMatcher(None, a_mid, b_mid, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "delete"):
            gone.extend(a_mid[i1:i2])
        if tag in ("replace", "insert"):
            put.extend(b_mid[j1:j2])
    return gone, put


def _middles(a: Sequence[str], b: Sequence[str]) -> tuple[list[str], list[str]]:
    """Each text's words between the words both begin with and those both end with."""
    most = min(len(a), len(b))
    start = 0
    while start < most and a[start] == b[start]:
        start += 1
    end = 0
    while end < most - start and a[-1 - end] == b[-1 - end]:
        end += 1
    return list(a[start : len(a) - end]), list(b[start : len(b) - end])


def _trigram_share(a: Sequence[str], b: Sequence[str]) -> float:
    """The share of the shorter text's word trigrams the other holds (as often)."""
    ta, tb = _trigrams(a), _trigrams(b)
    if not ta or not tb:
        return 0.0
    held = sum((ta & tb).values())
    return held / min(sum(ta.values()), sum(tb.values()))


def _trigrams(words: Sequence[str]) -> Counter[tuple[str, ...]]:
    return Counter(tuple(words[i : i + 3]) for i in range(max(0, len(words) - 2)))
