"""Bylines and credits of scraped news text: recognising them, and reading from them.

A news page names who wrote the story and where it came from in a few set forms: a
"By NAME[, Publication]" line, a wire credit "(Reporting by X; Editing by Y)", a foot
byline crediting agencies ("Minh Tam (Theo Reuters)"), a foot author note ("Jane Doe is
a reporter at X"), a syndication note ("This story first appeared in X") and a wire
dateline opening the lede ("LORVIK, March 3 (CPA) - "). The cleaning rules
(:mod:`newsprism.ingest.rules`) remove such lines; the ``find_*`` functions here read the
writers, their publication, the credit and the publication time from the removed lines.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime, tzinfo

from newsprism.ingest.timestamps import MONTH, line_parts, parse_stamp, stamp_match
from newsprism.model import Removed

__all__ = [
    "AGENCY_BYLINE",
    "AUTHOR_NOTE",
    "CLOSERS",
    "NAME",
    "SYNDICATION",
    "UP",
    "find_affiliation",
    "find_byline",
    "find_credit",
    "find_published",
    "is_byline",
    "is_wire_credit",
    "wire_dateline",
]

logger = logging.getLogger(__name__)

# --- names ---------------------------------------------------------------------------------

UP = "A-ZÀ-ÖØ-ÞŁŚŠŽČĆ"  # capitals that start a name (Latin scripts)
_PARTICLE = r"(?:van|von|de|der|den|da|di|du|del|la|le|al|el|bin|ter|ten)"
NAME = rf"[{UP}][\w'’.-]*(?:\s+(?:{_PARTICLE}\s+)*[{UP}][\w'’.-]*){{0,3}}"
_NAMES = rf"{NAME}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*){NAME})*"
_NAME_RE = re.compile(NAME)
_NAME_SEP = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
_NAME_PLACE = re.compile(r"\s+in\s+\S.*$")
# Words that make a "name" a role or an outlet ("By Jane Doe, Staff Writer").
_ROLE_WORD = re.compile(
    r"\b(?:staff|writer|reporter|correspondent|editor|agency|news|press|media|bureau|desk"
    r"|service|team|newsroom|contributor)\b",
    re.IGNORECASE,
)
CLOSERS = "\"'”’»)]"
# The place's optional second part ("LORVIK, Kessia, March 3") is never the date itself:
# it read "March 3" of "LORVIK, March 3 - " as a state's name, leaving no date, so a
# dateline without an agency was no dateline.
_DATE_AHEAD = rf"(?:{MONTH}\s+\d|\d{{1,2}}\s+{MONTH})"
_WIRE_DATELINE = re.compile(
    rf"[{UP}][{UP}'’.-]+(?:[ -][{UP}][{UP}'’.-]+)*(?:,\s+(?!{_DATE_AHEAD})[\w. ]{{2,30}}?)?,?\s+"
    rf"(?P<date>{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH})?\s*"
    r"(?:\((?P<agency>[^()]{1,40})\))?\s*[-–—]{1,2}\s"
)


def wire_dateline(text: str) -> re.Match[str] | None:
    """The wire dateline opening a paragraph ("LORVIK, March 3 (CPA) - "), if any."""
    match = _WIRE_DATELINE.match(text)
    return match if match and (match["date"] or match["agency"]) else None


# Words that make a byline's trailing part a publication ("Ardmoor Gazette", "Reuters
# News"), unless a job word makes it a role ("Staff Writer", "News Editor").
_OUTLET_WORD = re.compile(
    r"\b(?:gazette|times|post|herald|tribune|journal|chronicle|courier|news|daily|weekly"
    r"|radio|tv|television|network|wire|observer|guardian|review|today|express|mail|record"
    r"|standard|star|sun|telegraph|independent|monitor|register|dispatch|bulletin|ledger"
    r"|examiner|inquirer|magazine|online|press|agency|media|broadcasting|channel|zeitung"
    r"|rundschau|nachrichten|presse|kurier|blatt|agence|agencia|diario|noticias|corriere)\b",
    re.IGNORECASE,
)
_JOB_WORD = re.compile(
    r"\b(?:staff|writer|reporter|correspondent|editor|contributor|columnist|desk|team"
    r"|newsroom|bureau|intern|photographer|producer)s?\b",
    re.IGNORECASE,
)
_BYLINE_SEGMENT = re.compile(r"\s*,\s*|\s+[–—-]\s+")


def _is_publication(text: str) -> bool:
    """A byline's trailing part that names a publication, not a role or a person."""
    one_word = len(text.split()) == 1 and text[:1].isupper()
    return not _JOB_WORD.search(text) and bool(_OUTLET_WORD.search(text) or one_word)


def _split_byline(text: str) -> tuple[list[str], str | None]:
    """Writers and publication of "Lena Hart, Ardmoor Gazette" or "A and B - Reuters"."""
    segments = _BYLINE_SEGMENT.split(text.strip().rstrip("."))
    names: list[str] = []
    for k, segment in enumerate(segments):
        found = _split_names(segment) if not (k and _is_publication(segment)) else []
        if not found:
            rest = ", ".join(segments[k:])
            return names, rest if names and _is_publication(rest) else None
        names.extend(found)
    return names, None


def _split_names(text: str) -> list[str]:
    """Person names in "Jane Doe and John Roe in Lorvik"; [] if a piece is not a name.

    A piece made of role words ("Staff Writer", "News Agency") ends the list of names.
    """
    names: list[str] = []
    for piece in _NAME_SEP.split(text.strip().rstrip(".")):
        name = _NAME_PLACE.sub("", piece)
        if _ROLE_WORD.search(name):
            break  # "Jane Doe, Staff Writer": the rest is an affiliation
        if not _NAME_RE.fullmatch(name):
            return []
        names.append(name)
    return names


# --- byline and credit lines -------------------------------------------------------------

# "By NAMES[, Affiliation]", also "Posted DATE by NAMES" and "Posted by NAMES on DATE"
# (the dates are checked to be stamps); "Von"/"Par"/"Por"/"Door" for translated outlets.
_BYLINE = re.compile(
    r"(?i:(?:written|reported|posted|words|story|text)\s+)?(?:(?P<before>[^|•·]{6,60}?)\s+)?"
    rf"(?i:by|von|par|por|door)\s+(?P<names>{_NAMES})(?P<affil>(?:\s*,|\s+[–—-])\s*[^.!?|•·]{{1,60}}?)?"
    r"(?:\s+(?i:on)\s+(?P<after>[^|•·]{6,60}))?\.?"
)
_AFFILIATION = re.compile(r"[^.!?]{1,60}")
_WIRE_CREDIT = re.compile(
    r"\(?\s*(?i:(?:additional\s+)?reporting\s+by)\s+(?P<names>[^;()]{1,120}?)"
    r"(?:\s*;\s*(?i:[a-z ]{3,30})\s+by\s+[^;()]{1,80})*\s*\)?\.?"
)
# A full name (two to four words) that is not a noun phrase like "The mayor".
_FULL_NAME = rf"(?!(?:The|A|An|This|That|Our|His|Her|Their)\b)[{UP}]\w+(?:\s+{NAME})"
AUTHOR_NOTE = re.compile(
    rf"(?P<names>{_FULL_NAME}(?:\s+and\s+{_FULL_NAME})?)\s+(?:is|are|was)\s+(?:a|an|the|our)\b"
    r"[^.!?]{0,120}\b(?i:reporters?|correspondents?|writers?|editors?|journalists?|"
    r"columnists?|contributors?|producers?|analysts?|freelancers?|photographers?|authors?)"
    r"\b[^.!?]{0,80}\.?"
)
# An outlet name: capitalised words (digits allowed after the first: "Channel 4 News").
_OUTLET = rf"[{UP}][\w&'’.-]*(?:\s+(?:(?:of|the|and|for|&|de|la)\s+)?[{UP}0-9][\w&'’.-]*){{0,7}}"
SYNDICATION = re.compile(
    r"(?i:(?:(?:this|the) (?:story|article|report|piece|post|content) (?:was|is|has been) )?"
    r"(?:originally |first )?(?:published|appeared|distributed|syndicated|provided|"
    r"republished|reprinted|supplied)(?: with permission)?\s+(?:by|in|on|from|via|at))"
    rf"\s+(?P<outlet>{_OUTLET})(?:,?\s+(?i:and|under|with)\b[^.]{{0,80}})?\.?"
)
# A foot byline crediting agencies, as translated outlets print it: "Nguyen Van An
# (According to Reuters, AFP)", "Minh Tam (Theo Reuters)", "(Source: AP)".
AGENCY_BYLINE = re.compile(
    rf"(?P<names>{NAME})?\s*\((?i:according to|sources?:?|via|theo|nach|laut|selon|segun|según)"
    r"\s+(?P<agencies>[^()]{2,80})\)\.?"
)
_AGENCY_SEP = re.compile(r"\s*(?:,|;|&|\band\b)\s*")


def is_byline(text: str) -> bool:
    """ "By Jane Doe", optionally "| Outlet Staff" or "| March 3, 2026" parts after it."""
    first, *rest = line_parts(text)
    # The name need not be a person ("By Newsfeedr Staff" is removed, gives no byline).
    match = _BYLINE.fullmatch(first)
    if match is None or any(s and not stamp_match(s) for s in match.group("before", "after")):
        return False
    return all(stamp_match(p) or _AFFILIATION.fullmatch(p) for p in rest)


def is_wire_credit(text: str) -> bool:
    match = _WIRE_CREDIT.fullmatch(text)
    return bool(match and _split_names(match["names"]))


# --- metadata from removed lines ----------------------------------------------------------


def _stamp_parts(item: Removed) -> list[str]:
    """The pieces of a removed stamp or byline line that may be timestamps."""
    if item.reason not in ("timestamp", "byline"):
        return []
    parts = line_parts(item.line)
    match = _BYLINE.fullmatch(parts[0]) if item.reason == "byline" else None
    return parts + [g for g in match.group("before", "after") if g] if match else parts


def find_published(removed: tuple[Removed, ...], default_tz: tzinfo) -> datetime | None:
    """First publication time in a stamp or byline line; "Updated" stamps only as fallback."""
    updates: list[datetime] = []
    for item in removed:
        for part in _stamp_parts(item):
            parsed = parse_stamp(part, default_tz)
            if parsed is None:
                continue
            if re.match(r"(?i)(?:last )?(?:updated|modified|edited)", part):
                updates.append(parsed)
            else:
                return parsed
    return updates[0] if updates else None


_NAME_SOURCES = {
    "byline": _BYLINE,
    "wire_credit": _WIRE_CREDIT,
    "agency_byline": AGENCY_BYLINE,
    "author_note": AUTHOR_NOTE,
}


def _byline_match(item: Removed) -> re.Match[str] | None:
    return _NAME_SOURCES[item.reason].fullmatch(line_parts(item.line)[0])


def _byline_names(item: Removed) -> list[str]:
    match = _byline_match(item)
    if match is None:
        return []
    if item.reason == "byline":
        return _split_byline(_byline_tail(match))[0]
    # An agency foot byline may name no writer at all: "(Source: AP)".
    return _split_names(match["names"]) if match["names"] else []


def _byline_tail(match: re.Match[str]) -> str:
    """A "By" line from its names to the end of its affiliation (before "on DATE")."""
    return match.string[match.start("names") : match.end("affil" if match["affil"] else "names")]


def find_byline(removed: tuple[Removed, ...]) -> str | None:
    """Writer names: a "By" line first, then a wire credit, an agency foot byline, then a
    foot author note."""
    for reason in ("byline", "wire_credit", "agency_byline", "author_note"):
        for item in removed:
            if item.reason == reason and (names := _byline_names(item)):
                return " and ".join(names)
    return None


def find_affiliation(removed: tuple[Removed, ...]) -> str | None:
    """The publication the first "By" line names after its writers, if any."""
    for item in removed:
        if item.reason == "byline" and (match := _byline_match(item)):
            names, publication = _split_byline(_byline_tail(match))
            parts = line_parts(item.line)[1:]  # "By Jane Doe | Ardmoor Gazette"
            others = [p for p in parts if not stamp_match(p) and _is_publication(p)]
            if names:
                return publication or (others[0] if others else None)
    return None


def find_credit(removed: tuple[Removed, ...], body: list[str]) -> str | None:
    """Origin outlet of a syndication line, else the agency of the lede's wire dateline."""
    for item in removed:
        if item.reason == "syndication" and (match := SYNDICATION.fullmatch(item.line)):
            return match["outlet"].rstrip(".")
    for item in removed:
        if item.reason == "agency_byline" and (match := AGENCY_BYLINE.fullmatch(item.line)):
            return ", ".join(_AGENCY_SEP.split(match["agencies"].strip()))
    dateline = wire_dateline(body[0]) if body else None
    return dateline["agency"].strip() if dateline and dateline["agency"] else None
