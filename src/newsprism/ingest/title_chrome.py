"""A video player's words left in a scraped title: a page built around a clip gives its
``<title>`` or ``og:title`` the player's text ("Video Player is loading.", "Play Video")
and the clip's length ("Pier reopens 02:31"), and the media label the outlet puts before
or after a clip's headline ("Watch: ...", "... - video"). The stored title carried them
to every listing and to the story's title.

Cleaned in general form, only where the words can be no headline's:

* the fixed sentences of player controls (video.js, the most used web player, and its
  skins): "Video Player is loading.", "This is a modal window.", "Play Video",
  "Now Playing", "Loaded: 0%" and the like, where they stand apart from the headline's
  words (at an end, or between separators); "Play video games ..." stays;
* a media label ("Watch:", "VIDEO:", "Watch live:") before a headline, or after it
  behind a dash or a bar ("... – video");
* a clip length ("02:31", "1:02:31") ending the title, only where the title showed one
  of the above (a clock time ends headlines too: "Polls close at 20:00"), and never
  after a word that makes it a time of day ("at", "by", "until", "from").

A headline about a video keeps its words: "Police release video of the pier collapse",
"Video game sales rise", "Watchdog fines bank" have no label or player text.
"""

from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)

__all__ = ["without_player_chrome"]

# Fixed control texts of web video players, matched whole and case-sensitively (as the
# players write them); a trailing full stop or colon is part of the match.
_CONTROLS = (
    r"Video Player is loading\.?",
    r"This is a modal window\.?",
    r"Play Video",
    r"Play Video:",
    r"Now Playing:?",
    r"Up Next:?",
    r"Loaded: ?\d{1,3}(?:\.\d+)? ?%",
    r"Stream Type LIVE",
    r"Seek to live, currently (?:behind|playing) live",
    r"Current Time \d{1,2}:\d{2}(?::\d{2})?",
    r"Duration(?: Time)? \d{1,2}:\d{2}(?::\d{2})?",
    r"Remaining Time -?\d{1,2}:\d{2}(?::\d{2})?",
)
# A separator between a headline and what a page put beside it; a bare space parts a
# control from the headline only where the control ends in its own mark ("... loading.",
# "Loaded: 0%") or follows another control: "Play Video Games Tournament Opens" is a
# title-case headline.
_MARK = r"\s*[|•·:–—-]\s*"
_CONTROL = "|".join(_CONTROLS)
_ONLY = re.compile(rf"(?:{_CONTROL})(?:(?:{_MARK}|\s+)(?:{_CONTROL}))*")
_LEADING = re.compile(rf"^(?:{_CONTROL})(?:{_MARK}|(?<=[.:%\d])\s+)")
_LEADING_RUN = re.compile(rf"^(?:(?:{_CONTROL})(?:{_MARK}|\s+))*(?:{_CONTROL})(?:{_MARK}|\s+)")
# At the end, a bare space parts only the controls no headline ends on.
_SELF_PARTED = r"(?=Video Player|This is a modal|Loaded|Current Time)"
_TRAILING = re.compile(rf"(?:{_MARK}|\s+{_SELF_PARTED})(?:{_CONTROL})$")
_LABEL_WORDS = r"(?:WATCH(?: LIVE)?|Watch(?: [Ll]ive)?|VIDEO|Video|LIVE VIDEO|Live video)"
_LABEL_BEFORE = re.compile(rf"^{_LABEL_WORDS}\s*[:|]\s+(?=\S)")
_LABEL_AFTER = re.compile(rf"\s+[|–—-]\s*(?:{_LABEL_WORDS}|video)\s*$")
_LENGTH = re.compile(r"\s+\(?(?:\d{1,2}:)?\d{1,2}:\d{2}\)?$")
# Words after which a trailing "hh:mm" is a time of day, not a clip's length.
_CLOCK_WORDS = frozenset({"at", "by", "until", "till", "from", "before", "after", "to", "since"})


def without_player_chrome(title: str | None) -> str | None:
    """``title`` without a video player's words and a clip's media label and length;
    None when nothing else is left (the caller falls back to another title)."""
    if not title:
        return title
    if _ONLY.fullmatch(title):
        return None
    text = _strip_controls(title)
    seen = text != title
    for pattern in (_LABEL_BEFORE, _LABEL_AFTER):
        stripped = pattern.sub("", text)
        seen = seen or stripped != text
        text = stripped
    if not seen:
        return title
    text = _strip_controls(_without_length(text)).strip(" |•·:–—-")
    logger.debug("title %r read as %r (video player words)", title, text)
    return text or None


def _strip_controls(text: str) -> str:
    """``text`` without player controls at either end: a run of two or more at the start
    may be parted by bare spaces (the first sets the run apart from the headline)."""
    while True:
        run = _LEADING_RUN.match(text) if _LEADING.match(text) else None
        stripped = _TRAILING.sub("", text[run.end() :] if run else text)
        if stripped == text:
            return text
        text = stripped


def _without_length(text: str) -> str:
    found = _LENGTH.search(text)
    if found is None:
        return text
    before = text[: found.start()].split()
    if before and before[-1].lower() in _CLOCK_WORDS:
        return text
    return text[: found.start()]
