"""Which way a text writes its figures: English ("1,200.5") or continental ("1.200,5").

A figure like "1.500" is 1.5 in English and 1500 in much of Europe; nothing in the
figure tells which. :func:`dot_groups` reads it by the convention the rest of the
text shows, and gives nothing where the text shows none or both (a wrong figure is
worse than a missed one: a fact-checker trusts a compared figure).

Evidence, each a figure no other convention writes that way:

* English: thousands grouped by commas ("4,200", "12,500,000"), or a decimal point
  with one or two decimals ("2.5", "10.75") that is no clock time ("at 10.30").
* Continental: thousands grouped by dots twice or more ("1.200.000"), or a decimal
  comma with one or two decimals ("4,5", "12,75"), not a list ("1,2,3") and not
  "4, 5" with a space.

:func:`phone_spans` finds the digit runs that are phone numbers, which are no figure
in any convention: a run after a word that names one ("call 555 123 456", "the
hotline, 800 555 123"), or one of three groups or more led by "+", whose first starts
with 0 or whose later groups hold four figures ("020 7946 0958", "212 555 0190"); grouped
thousands ("5 000 000") have neither.

Cost: four regex passes over the text, once per text.
"""

from __future__ import annotations

import re
from typing import Final, Literal

__all__ = ["Convention", "dot_groups", "phone_spans", "text_convention"]

Convention = Literal["english", "continental", "unknown"]

# Not inside a longer run of figures, dots and commas ("3.5.1", "1,2,3", "10.0.0.1").
_EDGE_BEFORE: Final = r"(?<![\d.,])"
_EDGE_AFTER: Final = r"(?![\d]|[.,]\d)"
_COMMA_GROUPS: Final = re.compile(rf"{_EDGE_BEFORE}\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?{_EDGE_AFTER}")
_DOT_DECIMAL: Final = re.compile(rf"{_EDGE_BEFORE}\d+\.\d{{1,2}}{_EDGE_AFTER}")
_DOT_GROUPS: Final = re.compile(
    rf"{_EDGE_BEFORE}\d{{1,3}}(?:\.\d{{3}}){{2,}}(?:,\d+)?{_EDGE_AFTER}"
)
_COMMA_DECIMAL: Final = re.compile(rf"{_EDGE_BEFORE}\d+,\d{{1,2}}{_EDGE_AFTER}")
# "1.200": one to three figures (no leading zero), a dot, three figures.
DOT_THOUSANDS: Final = re.compile(r"[1-9]\d{0,2}\.\d{3}")
# Kinds written with three decimals in English ("a rate of 1.875%"), never in thousands.
_FRACTIONAL_KINDS: Final = frozenset({"percent", "points"})


# A clock time written with a dot ("at 10.30", "9.15pm") is no decimal: British copy
# writes times so, and its "1.500 km" is not therefore English (s36 review LOW).
_CLOCK: Final = re.compile(r"(?:[01]?\d|2[0-3])\.[0-5]\d")
_CLOCK_BEFORE: Final = re.compile(r"\b(?:at|from|until|till|by|before|after|since)\s+$", re.I)
_CLOCK_AFTER: Final = re.compile(r"\s?(?:[ap]\.?m\b|hrs?\b|h\b|gmt\b|bst\b|cet\b)", re.I)


def _clock(m: re.Match[str]) -> bool:
    """Whether a dot decimal is a clock time by its shape and the words beside it."""
    if not _CLOCK.fullmatch(m.group()):
        return False
    before = _CLOCK_BEFORE.search(m.string, max(0, m.start() - 8), m.start())
    return before is not None or _CLOCK_AFTER.match(m.string, m.end()) is not None


def text_convention(text: str) -> Convention:
    """The convention ``text``'s unambiguous figures show, "unknown" for none or both."""
    decimal = any(not _clock(m) for m in _DOT_DECIMAL.finditer(text))
    english = bool(_COMMA_GROUPS.search(text) or decimal)
    continental = bool(_DOT_GROUPS.search(text) or _COMMA_DECIMAL.search(text))
    if english == continental:
        return "unknown"
    return "english" if english else "continental"


def dot_groups(digits: str, convention: Convention, kind: str) -> float | None:
    """The value of a figure written "1.200" (``digits`` matching
    :data:`DOT_THOUSANDS`) of ``kind`` in a text of ``convention``: 1200 in a
    continental text, 1.2 in an English one; None where the convention is unknown.
    Readings that make no sense are never given: 1.2 of a count ("1.200 residents"),
    1200 of a share. A share with three decimals is English where the text shows no
    other convention ("a rate of 1.875%": no share is 1875 percent)."""
    if kind == "count":
        return float(digits.replace(".", "")) if convention == "continental" else None
    if kind in _FRACTIONAL_KINDS:
        return None if convention == "continental" else float(digits)
    if convention == "unknown":
        return None
    return float(digits.replace(".", "")) if convention == "continental" else float(digits)


# A run of digit groups: figures, then groups after a space, hyphen, dot or parenthesis.
_RUN = r"\+?\(?\d[\d)]*(?:[ \u00a0\-.()]{1,2}\d+\)?)+"
# A word that names a phone number, then a run of seven figures or more.
_CUED_PHONE: Final = re.compile(
    r"\b(?:call(?:ing)?|phone|telephone|tel|hotline|helpline|fax|dial|text|sms|whatsapp)"
    rf"\b[.:,]?(?:[ \u00a0]+(?:on|at|is|number|no\.?))*[ \u00a0]*(?P<run>{_RUN})",
    re.IGNORECASE,
)
_GROUPED_RUN: Final = re.compile(rf"(?<![\w.,])(?P<run>{_RUN})(?![\w])")
# The fewest figures of a phone number (a local number without its area code).
_PHONE_FIGURES: Final = 7


# A count grouped in thousands by spaces ("1 200 000"): a first group of one to three
# figures not starting with 0, every later group of three.
_THOUSANDS: Final = re.compile(r"[1-9]\d{0,2}(?:[ \u00a0]\d{3})+")
# A cue that is a verb right before its run ("text 1 200 000 residents", "call 3 500
# reservists") may take a count: such a run followed by a word other than a linking one
# ("Call 555 123 456 for tickets", "... now") is the count of that word.
_VERB_CUE: Final = re.compile(r"(?:call(?:ing)?|dial|text|sms|whatsapp)[ \u00a0]*", re.IGNORECASE)
_COUNTED_AFTER: Final = re.compile(
    r"[ \u00a0]+(?!(?:for|to|or|and|on|at|from|between|if|now|today|free|anytime|during|"
    r"before|after|until|with|in|toll|ext|by|any)\b)[a-z]"
)
# Two years joined by a dash open a range, not a phone number ("2010-2020 4500 homes").
_YEAR_RANGE: Final = re.compile(r"(?:19|20)\d\d[-\u2013](?:19|20)\d\d\b")


def phone_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every phone number in ``text``, in text order."""
    found = [m.span("run") for m in _CUED_PHONE.finditer(text) if _cued_phone(m)]
    found += [m.span("run") for m in _GROUPED_RUN.finditer(text) if _phone_shaped(m["run"])]
    return sorted(set(found))


def _cued_phone(m: re.Match[str]) -> bool:
    """Whether a run after a phone cue is a phone number: seven figures or more, and not
    a thousands-grouped count right after a verb and before its counted word (s36
    review: "will text 1 200 000 residents" lost its count)."""
    run = m["run"]
    if _figures(run) < _PHONE_FIGURES:
        return False
    cue = m.string[m.start() : m.start("run")]
    counted = _COUNTED_AFTER.match(m.string, m.end("run")) is not None
    return not (counted and _THOUSANDS.fullmatch(run) and _VERB_CUE.fullmatch(cue))


def _figures(run: str) -> int:
    return sum(c.isdigit() for c in run)


def _phone_shaped(run: str) -> bool:
    """Three digit groups or more, seven figures or more, with a leading "+" ("+33 1 23
    45 67 89"), the first group starting with 0 or a later group of four figures ("020
    7946 0958", "212 555 0190")."""
    groups = re.findall(r"\d+", run)
    if len(groups) < 3 or _figures(run) < _PHONE_FIGURES or _YEAR_RANGE.match(run):
        return False
    international = run.startswith("+")
    return international or groups[0].startswith("0") or any(len(g) == 4 for g in groups[1:])
