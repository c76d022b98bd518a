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
  where the words before it ask for it: a preposition, an article, "of", a form of
  "be" ("... at 20:00", "... wins the marathon in 2:08:31", "... a record of 1:52:07":
  a time of day or a race time is the headline's own figure).

"Now Playing" and "Up Next" also name a listings column ("Weekend cinema: Now
Playing"): at a title's end they are a player's only where the title shows another
control or a media label.

A headline about a video keeps its words: "Police release video of the pier collapse",
"Video game sales rise", "Watchdog fines bank" have no label or player text.
"""

from __future__ import annotations

import logging
import re

from newsprism.analyze.text_lines import ends_no_sentence

logger = logging.getLogger(__name__)

__all__ = ["without_player_chrome"]

# Fixed control texts of web video players, matched whole and case-sensitively (as the
# players write them); a trailing full stop or colon is part of the match.
_CONTROLS = (
    r"Video Player is loading\.?",
    r"This is a modal window\.?",
    r"Play Video",
    r"Play Video:",
    r"Loaded: ?\d{1,3}(?:\.\d+)? ?%",
    r"Stream Type LIVE",
    r"Seek to live, currently (?:behind|playing) live",
    r"Current Time \d{1,2}:\d{2}(?::\d{2})?",
    r"Duration(?: Time)? \d{1,2}:\d{2}(?::\d{2})?",
    r"Remaining Time -?\d{1,2}:\d{2}(?::\d{2})?",
)
# Controls that are also the name of a listings column or a section ("Weekend cinema: Now
# Playing"): at a title's end, a player's only beside another sign of one.
_COLUMN_NAMES = (r"Now Playing:?", r"Up Next:?")
# A separator between a headline and what a page put beside it; a bare space parts a
# control from the headline only where the control ends in its own mark ("... loading.",
# "Loaded: 0%") or follows another control: "Play Video Games Tournament Opens" is a
# title-case headline.
_MARK = r"\s*[|•·:–—-]\s*"
_SURE_CONTROL = "|".join(_CONTROLS)
_CONTROL = "|".join(_CONTROLS + _COLUMN_NAMES)
_ONLY = re.compile(rf"(?:{_CONTROL})(?:(?:{_MARK}|\s+)(?:{_CONTROL}))*")
_LEADING = re.compile(rf"^(?:{_CONTROL})(?:{_MARK}|(?<=[.:%\d])\s+)")
_LEADING_RUN = re.compile(rf"^(?:(?:{_CONTROL})(?:{_MARK}|\s+))*(?:{_CONTROL})(?:{_MARK}|\s+)")
# At the end, a bare space parts only the controls no headline ends on.
_SELF_PARTED = r"(?=Video Player|This is a modal|Loaded|Current Time)"
_TRAILING = re.compile(rf"(?:{_MARK}|\s+{_SELF_PARTED})(?:{_CONTROL})$")
_TRAILING_SURE = re.compile(rf"(?:{_MARK}|\s+{_SELF_PARTED})(?:{_SURE_CONTROL})$")
_LABEL_WORDS = r"(?:WATCH(?: LIVE)?|Watch(?: [Ll]ive)?|VIDEO|Video|LIVE VIDEO|Live video)"
_LABEL_BEFORE = re.compile(rf"^{_LABEL_WORDS}\s*[:|]\s+(?=\S)")
_LABEL_AFTER = re.compile(rf"\s+[|–—-]\s*(?:{_LABEL_WORDS}|video)\s*$")
_LENGTH = re.compile(r"\s+\(?(?:\d{1,2}:)?\d{1,2}:\d{2}\)?$")
# Prepositions after which a trailing "hh:mm" or "h:mm:ss" is the headline's own figure (a
# time of day, a race time), not a clip's length. analyze.text_lines.ends_no_sentence
# gives the other such words ("of", "by", "to", an article, a form of "be") but leaves
# most prepositions out (a heading ends on them before a figure paragraph); in a title
# the figure stands on the same line, so the preposition asks for it.
_PREPOSITIONS = frozenset(
    {
        *("at", "until", "till", "from", "before", "after", "since", "in", "on", "for"),
        *("with", "within", "under", "over", "around", "inside", "past", "near", "into"),
        *("between", "below", "above"),
    }
)


def without_player_chrome(title: str | None) -> str | None:
    """``title`` without a video player's words and a clip's media label and length;
    None when nothing else is left (the caller falls back to another title)."""
    if not title:
        return title
    if _ONLY.fullmatch(title):
        return None
    sure = _strip_controls(title, _TRAILING_SURE)
    every = _strip_controls(sure, _TRAILING)
    text = _LABEL_AFTER.sub("", _LABEL_BEFORE.sub("", every))
    if sure == title and text == every:  # no player's sign but a column's name: a headline
        return title
    text = _strip_controls(_without_length(text), _TRAILING).strip(" |•·:–—-")
    logger.debug("title %r read as %r (video player words)", title, text)
    return text or None


def _strip_controls(text: str, trailing: re.Pattern[str]) -> str:
    """``text`` without player controls at either end (at the end, those ``trailing``
    finds): a run of two or more at the start may be parted by bare spaces (the first sets
    the run apart from the headline)."""
    while True:
        run = _LEADING_RUN.match(text) if _LEADING.match(text) else None
        stripped = trailing.sub("", text[run.end() :] if run else text)
        if stripped == text:
            return text
        text = stripped


def _without_length(text: str) -> str:
    found = _LENGTH.search(text)
    if found is None:
        return text
    before = text[: found.start()].split()
    last = before[-1].lower() if before else ""
    if last in _PREPOSITIONS or ends_no_sentence(last, next_is_figure=True):
        return text
    return text[: found.start()]
