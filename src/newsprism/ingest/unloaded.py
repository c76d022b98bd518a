"""A page whose article body did not load: an error naming the file, not an article.

A page saved before its script filled in the article (a single-page app's shell, a
"Loading article..." placeholder, a consent or robot check in place of the story) holds
a title and a line or two of chrome. Extraction found that line and ingest stored it as
a 4- or 9-word article, which then joined a story by its title, read as an exclusive of
its outlet and counted as a source in every summary line, while the user never learnt
the page had not loaded. Such a page is now :class:`~newsprism.errors.NoArticleFound`
with the text it held, one error line naming the file (an HTML page only: a short plain
text file is what its author wrote).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Final

logger = logging.getLogger(__name__)

__all__ = ["unloaded_reason"]

# A page's body under this many words is no article: a news brief runs to a sentence or
# two at least, and a line of prose holds 8 words (ingest/clean.PROSE_MIN_WORDS); the
# shells and placeholders met hold 3 to 9.
MIN_WORDS: Final = 8
# Text a page shows in place of its article until a script, a consent or a check lets it
# load: found in a body of at most :data:`PLACEHOLDER_MAX_WORDS` words whose other blocks
# are no prose (under :data:`MIN_WORDS` words each: the outlet's name, the headline
# again), the page did not load. A brief that mentions cookies in a sentence of its own
# is kept.
_PLACEHOLDER: Final = re.compile(
    r"\b(?:enable|turn\s+on|activate|allow)\s+javascript\b"
    r"|\bjavascript\s+(?:is\s+)?(?:required|disabled|must\s+be\s+(?:enabled|turned\s+on))"
    r"|^\W*loading\b|\bloading\s+(?:the\s+)?(?:article|content|story|page)\b"
    r"|\b(?:enable|accept|allow)\s+cookies\b|\baccess\s+denied\b"
    r"|\bchecking\s+(?:if\s+the\s+site\s+connection\s+is\s+secure|your\s+browser)\b"
    r"|\bare\s+you\s+a\s+(?:robot|human)\b|\bverify\s+you\s+are\s+(?:a\s+)?human\b"
    r"|\bbrowser\s+will\s+redirect\b",
    re.IGNORECASE,
)
PLACEHOLDER_MAX_WORDS: Final = 40
# The body's text quoted in the error, cut at this many characters.
_SHOWN: Final = 80


def unloaded_reason(blocks: Sequence[str]) -> str | None:
    """Why the extracted ``blocks`` of an HTML page (title left out) are no article
    body, for the error line; None when they read as one."""
    text = " ".join(" ".join(blocks).split())
    words = len(text.split())
    if words < MIN_WORDS:
        return f"the page's body is {_count(words)} ({_quoted(text)}): did it load?"
    if words <= PLACEHOLDER_MAX_WORDS and _only_placeholder(blocks):
        return f"the page's body is a placeholder ({_quoted(text)}): its article did not load"
    return None


def _only_placeholder(blocks: Sequence[str]) -> bool:
    held = [bool(_PLACEHOLDER.search(block)) for block in blocks]
    return any(held) and all(
        found or len(block.split()) < MIN_WORDS for block, found in zip(blocks, held, strict=True)
    )


def _count(words: int) -> str:
    return "1 word" if words == 1 else f"{words} words"


def _quoted(text: str) -> str:
    shown = text if len(text) <= _SHOWN else text[: _SHOWN - 1].rstrip() + "\u2026"
    return f"\u201c{shown}\u201d"
