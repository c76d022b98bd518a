"""Lower-case names of the weekdays and months, shared by the stages that test a word.

Several stages ask "is this word a day or month name?" (a sentence does not end after
"6 p.m." when "Monday" follows; "voted 5 on Tuesday" is no vote count; "found dead at 41
Sunday" is an age). They share these sets so a spelling added here reaches them all.
``analyze/dates.py`` keeps its own capitalised tuples: it builds regular expressions that
must match the capital letter.
"""

from __future__ import annotations

from typing import Final

WEEKDAYS: Final = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
#: Days named from the day of writing ("two men yesterday", "hundreds tomorrow"): a
#: news sentence dates a deed by them as by a weekday's name, and never counts them.
RELATIVE_DAYS: Final = frozenset({"yesterday", "today", "tomorrow", "tonight"})
# "may" is here: a caller for which the verb "may" is common removes it (see NO_MAY).
MONTHS: Final = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"}
)  # fmt: skip
MONTHS_NO_MAY: Final = MONTHS - {"may"}
MONTH_ABBREVIATIONS: Final = frozenset(
    {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)
