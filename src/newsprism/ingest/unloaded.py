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

from newsprism.model import word_count

logger = logging.getLogger(__name__)

__all__ = ["unloaded_reason"]

# A page's body under this many words is no article unless it is a sentence: the stubs
# and chrome met (an outlet's name, "Advertisement", a section's name) hold 1-3 words and
# end in no sentence mark, while a one-line breaking page ("BREAKING: <mayor> has
# resigned.") holds 6-8 (review s42/2 S3: at 8 such pages were refused), and a real page
# of two or three words is a sentence ("Mayor resigns.": refused by the floor alone until
# stop 43's audit). Words as model.word_count counts them: each Han or kana letter and
# each Thai syllable's letters count, so a Chinese or Japanese page (one whitespace
# "word") is long.
MIN_WORDS: Final = 4
# A short body of at least this many words ending in a sentence's mark is a story's.
SENTENCE_WORDS: Final = 2
_ENDS_SENTENCE: Final = re.compile("[.!?\u3002\uff01\uff1f][\"'\u2019\u201d)]*$")
# A sentence of this many words is prose (ingest/clean.PROSE_MIN_WORDS): beside a
# placeholder phrase in its block, it says the phrase is the story's, not the page's.
PROSE_WORDS: Final = 8
# Text a page shows in place of its article until a script, a consent or a check lets it
# load: found in a body of at most :data:`PLACEHOLDER_MAX_WORDS` words whose every
# block either holds such a phrase or is no prose (under :data:`PROSE_WORDS` words: the
# outlet's name, the headline again), the page did not load, unless the phrase's block
# holds a sentence of the story's own (:func:`_story_prose`). A brief that mentions
# cookies in a block of its own, or a story that opens "Access denied: <residents found
# the portal locked>", is kept.
_PLACEHOLDER: Final = re.compile(
    r"\b(?:enable|turn\s+on|activate|allow)\s+javascript\b"
    r"|\bjavascript\s+(?:is\s+)?(?:required|disabled|must\s+be\s+(?:enabled|turned\s+on))"
    r"|^\W*loading\b|\bloading\s+(?:the\s+)?(?:article|content|story|page)\b"
    r"|\b(?:enable|accept|allow)\s+cookies\b|\baccess\s+denied\b"
    r"|\bchecking\s+(?:if\s+the\s+site\s+connection\s+is\s+secure|your\s+browser)\b"
    r"|\bare\s+you\s+a\s+(?:robot|human)\b|\bverify\s+you\s+are\s+(?:a\s+)?human\b"
    r"|\bbrowser\s+will\s+redirect\b"
    r"|\b(?:do\s+not|don['\u2019]t)\s+have\s+permission\s+to\s+(?:access|view)\b"
    # "loading" in Chinese (simplified, traditional), Japanese and Korean: a 3-5 letter
    # placeholder that the word floor no longer refuses by its length alone.
    r"|\u52a0\u8f7d\u4e2d|\u8f09\u5165\u4e2d|\u8aad\u307f\u8fbc\u307f\u4e2d|\ub85c\ub529\s*\uc911",
    re.IGNORECASE,
)
PLACEHOLDER_MAX_WORDS: Final = 40
# Where a block's sentences part: after a full stop, mark or colon and a space (a colon
# too: "Access denied: <a sentence>" is a phrase, then the story's own words), or after
# the full-width marks of scripts without spaces.
_SENTENCE_END: Final = re.compile(r"(?<=[.!?:;])\s+|(?<=[\u3002\uff01\uff1f\uff1a])")
# Words a placeholder's other sentences use about the page itself: the browser, its
# scripts and cookies, the site, the check it runs, the redirect it waits for.
_SHELL_WORDS: Final = re.compile(
    r"\b(?:browsers?|javascript|cookies?|(?:web)?sites?|(?:web)?pages?|redirect\w*|checks?)\b",
    re.IGNORECASE,
)
# A placeholder phrase opening a block, then a colon: what follows is the block's own.
_OPENING_PHRASE: Final = re.compile(rf"\W*(?:{_PLACEHOLDER.pattern})[^:.!?]{{0,20}}:\s*", re.I)
# Words by which a page's chrome speaks to its reader, never a news story's narration.
_TO_THE_READER: Final = re.compile(r"\b(?:you|your|please|we|our|us)\b", re.IGNORECASE)
# How a shell names the page it stands in for ("this page", "the article will appear").
_THE_PAGE_ITSELF: Final = re.compile(
    r"\bthis\s+(?:page|article|story|site|website|content|server)\b"
    r"|\bthe\s+(?:article|content|page|story)\s+(?:will|is|has|should|may|can|could)\b",
    re.IGNORECASE,
)
# The body's text quoted in the error, cut at this many characters.
_SHOWN: Final = 80


def unloaded_reason(blocks: Sequence[str]) -> str | None:
    """Why the extracted ``blocks`` of an HTML page (title left out) are no article
    body, for the error line; None when they read as one."""
    text = " ".join(" ".join(blocks).split())
    words = word_count(text)
    if words < MIN_WORDS and not (words >= SENTENCE_WORDS and _ENDS_SENTENCE.search(text)):
        return f"the page's body is {_count(words)} ({_quoted(text)}): did it load?"
    if words <= PLACEHOLDER_MAX_WORDS and _only_placeholder(blocks):
        return f"the page's body is a placeholder ({_quoted(text)}): its article did not load"
    return None


def _only_placeholder(blocks: Sequence[str]) -> bool:
    """Some block holds a placeholder phrase and no block is the story's own prose."""
    held = [bool(_PLACEHOLDER.search(block)) for block in blocks]
    return any(held) and not any(
        _story_prose(block) if found else word_count(block) >= PROSE_WORDS
        for block, found in zip(blocks, held, strict=True)
    )


def _story_prose(block: str) -> bool:
    """Whether a block holding a placeholder phrase also holds a sentence of the story's
    own: prose (:data:`PROSE_WORDS` words) with no placeholder phrase, no word of the
    page's own machinery (:data:`_SHELL_WORDS`) and none speaking to its reader. A
    shell's placeholder runs to a second sentence about the browser or the site ("This
    check is automatic and your browser will be taken to the page shortly."), the
    page's, not a story's (review s42/4 S7)."""
    if _told_after_colon(block):
        return True
    return any(
        word_count(sentence) >= PROSE_WORDS
        and not _PLACEHOLDER.search(sentence)
        and not _SHELL_WORDS.search(sentence)
        and not _TO_THE_READER.search(sentence)
        for sentence in _SENTENCE_END.split(block)
    )


def _told_after_colon(block: str) -> bool:
    """Whether ``block`` opens with a placeholder phrase and a colon, then tells of
    something in a sentence of prose: "Access denied: Tessel residents found the
    council's tax website locked for three days." is a story about a website, kept
    though it names one (stop 43's audit), while a shell's own sentence after the
    colon asks the reader ("Access denied: your browser failed our check") or holds
    another placeholder phrase."""
    opening = _OPENING_PHRASE.match(block)
    if opening is None:
        return False
    rest = block[opening.end() :]
    return (
        word_count(rest) >= PROSE_WORDS
        and not _PLACEHOLDER.search(rest)
        and not _TO_THE_READER.search(rest)
        and not _THE_PAGE_ITSELF.search(rest)
    )


def _count(words: int) -> str:
    return "1 word" if words == 1 else f"{words} words"


def _quoted(text: str) -> str:
    shown = text if len(text) <= _SHOWN else text[: _SHOWN - 1].rstrip() + "\u2026"
    return f"\u201c{shown}\u201d"
