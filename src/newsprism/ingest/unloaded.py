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
# A short body of at least this many words ending in a sentence's mark is a story's,
# unless a word of it is a shell's (:data:`_CHROME`).
SENTENCE_WORDS: Final = 2
# The words of a short shell that ends in a full stop ("Page not found.", "Sign in.",
# "Subscribe to continue.", "Story removed.", "Article unavailable."): the page names
# itself or tells its reader what to do, where a short story names its subject and deed
# ("Mayor resigns.", "Pier closed."). Review s43/4 S2 on 9182976, which stored them all.
# Shell phrases, not single words: "site", "log", "try", "no" and "not" open or name
# short stories too ("Site evacuated.", "No deal reached."; review s43h M1 on 71fdcbf).
_CHROME: Final = re.compile(
    r"\b(?:pages?|articles?|stor(?:y|ies)|content|video|link)\s+"
    r"(?:(?:is|was|has\s+been)\s+)?(?:not\s+found|unavailable|removed|blocked|deleted|expired)\b"
    r"|\bnot\s+found\b|\b(?:sign|log)\s*(?:in|on|up)\b|\bsubscri\w+|\bplease\b"
    r"|\bcomments?\s+(?:are\s+)?closed\b|\badvertisement\b|\bjavascript\b|\bcookies\b"
    r"|\bpaywall\b|\b(?:click|tap)\s+here\b|\b(?:refresh|reload)\b|\bcontinue\s+reading\b"
    r"|\bsubscribe\s+to\s+continue\b|\b(?:error\s+)?404\b"
    # a page's status or its advice (review s43i S6 on 07a2ad3: "Page not available.",
    # "Server error.", "Try again later.", "Site under maintenance." were stored)
    r"|\b(?:pages?|articles?|stor(?:y|ies)|content|video)\s+(?:is\s+)?not\s+available\b"
    r"|\b(?:server|page|loading)\s+error\b|\btry\s+again\b|\bunder\s+maintenance\b"
    r"|\bsomething\s+went\s+wrong\b|\baccess\s+restricted\b",
    re.IGNORECASE,
)
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
# A page's status ("Access denied"): a story may open with it as its label ("Access
# denied: <residents found the portal locked>"), so it alone leaves the story's prose.
_STATUS: Final = re.compile(r"\baccess\s+denied\b", re.IGNORECASE)
# What only a shell says, to its reader or of itself (enable JavaScript, accept cookies,
# checking your browser, verify you are human, loading the article, no permission): a
# block holding one is the page's, whatever else it says (review s43/2 S4: the sentence
# after "Please enable JavaScript" was a subscription offer, no story).
_SHELL_PHRASE: Final = re.compile(
    r"\b(?:enable|turn\s+on|activate|allow)\s+javascript\b"
    r"|\bjavascript\s+(?:is\s+)?(?:required|disabled|must\s+be\s+(?:enabled|turned\s+on))"
    r"|^\W*loading\b|\bloading\s+(?:the\s+)?(?:article|content|story|page)\b"
    r"|\b(?:enable|accept|allow)\s+cookies\b"
    r"|\bchecking\s+(?:if\s+the\s+site\s+connection\s+is\s+secure|your\s+browser)\b"
    r"|\bare\s+you\s+a\s+(?:robot|human)\b|\bverify\s+you\s+are\s+(?:a\s+)?human\b"
    r"|\bbrowser\s+will\s+redirect\b"
    r"|\b(?:do\s+not|don['\u2019]t)\s+have\s+permission\s+to\s+(?:access|view)\b"
    # "loading" in Chinese (simplified, traditional), Japanese and Korean: a 3-5 letter
    # placeholder that the word floor no longer refuses by its length alone.
    r"|\u52a0\u8f7d\u4e2d|\u8f09\u5165\u4e2d|\u8aad\u307f\u8fbc\u307f\u4e2d|\ub85c\ub529\s*\uc911",
    re.IGNORECASE,
)
_PLACEHOLDER: Final = re.compile(f"{_STATUS.pattern}|{_SHELL_PHRASE.pattern}", re.IGNORECASE)
PLACEHOLDER_MAX_WORDS: Final = 40
# Where a block's sentences part: after a full stop, mark or colon and a space (a colon
# too: "Access denied: <a sentence>" is a phrase, then the story's own words), or after
# the full-width marks of scripts without spaces.
_SENTENCE_END: Final = re.compile(r"(?<=[.!?:;])\s+|(?<=[\u3002\uff01\uff1f\uff1a])")
# A status phrase standing as its block's label: at the block's start, cut off by a colon
# or a full stop within :data:`LABEL_WORDS` words ("Access denied:", "Access denied.").
LABEL_WORDS: Final = 3
_LABEL: Final = re.compile(rf"^\W*((?:[^\s.:]+\s+){{0,{LABEL_WORDS - 1}}}[^\s.:]+)[.:]\s+")
# Words by which a page's chrome speaks to its reader, never a news story's narration.
# "us" in lowercase only: "US" is the country in a story's narration ("run by a US
# contractor"; review s43i S4 on 6f12198, which refused such a story).
_TO_THE_READER: Final = re.compile(
    r"\b(?:you|your|please|we|our)\b|\b(?-i:us)\b", re.IGNORECASE
)
# A quotation, and a clause reporting a third party's words ("<he|the mayor> said",
# "told them"): there "we", "you" and "our" are the story's speaker's, not the page's
# (review s43/4 S1 on 5d56f3b: '"We are fixing it," the mayor said' refused a brief).
_QUOTED: Final = re.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]")
_REPORTED: Final = re.compile(
    r"(?<!\bwe )(?<!\bI )(?<!\byou )\b(?:said|says|told|added)\b", re.IGNORECASE
)
# The page's own machinery as the reporting subject ("the site administrator says your
# address is blocked"): its "says" reports no third party, so the reader's words stay
# the page's (review s43h S3 on 71fdcbf, which kept such a shell).
# Only the page's own machinery: "the/this site, website, server, page" or a
# "site, web, network, system administrator"; never a "<ferry> service" or a "system"
# after a modifier, a story's third party (review s43i S5 on c32e0ef: "the ferry service
# told us ..." refused a story).
_PAGE_REPORTS: Final = re.compile(
    r"(?:\b(?:the|this)\s+(?:site|website|server|page)"
    r"|\b(?:site|web|network|system)\s+(?:administrator|admin))\s+"
    r"(?:said|says|told|added)\b",
    re.IGNORECASE,
)
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
    if words < MIN_WORDS and not _short_story(text, words):
        return f"the page's body is {_count(words)} ({_quoted(text)}): did it load?"
    if words <= PLACEHOLDER_MAX_WORDS and _only_placeholder(blocks):
        return f"the page's body is a placeholder ({_quoted(text)}): its article did not load"
    return None


def _short_story(text: str, words: int) -> bool:
    """Whether a body under the word floor is still a story's sentence: two words or
    more, ending in a sentence's mark, and no shell's word (:data:`_CHROME`)."""
    return (
        words >= SENTENCE_WORDS
        and bool(_ENDS_SENTENCE.search(text))
        and not _CHROME.search(text)
    )


def _only_placeholder(blocks: Sequence[str]) -> bool:
    """Some block holds a placeholder phrase and no block is the story's own prose."""
    held = [bool(_PLACEHOLDER.search(block)) for block in blocks]
    return any(held) and not any(
        _story_prose(block) if found else word_count(block) >= PROSE_WORDS
        for block, found in zip(blocks, held, strict=True)
    )


def _story_prose(block: str) -> bool:
    """Whether a block holding a placeholder phrase also holds a sentence of the story's
    own. A block with a shell's phrase (:data:`_SHELL_PHRASE`) never does. A status
    phrase standing as the block's label (:data:`_LABEL`) leaves the rest of the block
    to the story when that rest tells of something (:func:`_told`), whatever it tells
    of (a website, security checks: review s43/2 S4 on 68eb172, whose list of
    machinery words refused such stories). A status phrase inside a sentence leaves
    only the block's other sentences as prose."""
    if _SHELL_PHRASE.search(block):
        return False
    label = _LABEL.match(block)
    if label is not None and _STATUS.search(label.group(1)):
        block = block[label.end() :]
    sentences = _SENTENCE_END.split(block)
    # One sentence speaking to the reader is the page's voice, whatever its neighbours
    # tell (review s43h S2 on 71fdcbf: a neutral shell sentence beside "Please contact
    # your administrator" kept the page).
    if any(_speaks_to_reader(sentence) for sentence in sentences):
        return False
    return any(_told(sentence) for sentence in sentences)


def _told(text: str) -> bool:
    """Whether ``text`` tells of something: prose with no placeholder phrase, not
    speaking to the reader ("your browser failed our check") and not naming the page
    itself ("the article will appear on this page")."""
    return (
        word_count(text) >= PROSE_WORDS
        and not _PLACEHOLDER.search(text)
        and not _speaks_to_reader(text)
        and not _THE_PAGE_ITSELF.search(text)
    )


def _speaks_to_reader(text: str) -> bool:
    """Whether the page's own voice speaks to its reader in ``text``: a reader's word
    outside any quotation, in a sentence that reports no one's words."""
    if _REPORTED.search(text) and not _PAGE_REPORTS.search(text):
        return False
    return bool(_TO_THE_READER.search(_QUOTED.sub(" ", text)))


def _count(words: int) -> str:
    return "1 word" if words == 1 else f"{words} words"


def _quoted(text: str) -> str:
    shown = text if len(text) <= _SHOWN else text[: _SHOWN - 1].rstrip() + "\u2026"
    return f"\u201c{shown}\u201d"
