"""Words that name a day or a month, in an article's language, for the undated-page
guard of article versions (:func:`newsprism.store_versions.fold`): another issue of an
undated daily page says "Tuesday" where the stored one said "Monday", and that change
alone keeps the two texts apart (:func:`names_another_day`; a name only removed or put in
without a figure is not enough, many names being common words too).

The analysis reads English only and keeps no calendar words of other languages
(``analyze/calendar_words.py``), so the names of other languages come from the tables
of dateparser (installed with htmldate, which ingest reads dates with): the month and
weekday names with their abbreviations, and the one-word names of today, yesterday and
tomorrow. A German page reissued says "Dienstag" where it said "Montag"; with English
words only, that change read as a mended word and the next day's issue was folded into
the stored one as an edit. Words of more than one word ("am Montag" as one name) and
scripts written without spaces are not found: such a change is then judged by the other
rules (few words changed, not only figures).
"""

from __future__ import annotations

import importlib
import logging
import re
from functools import lru_cache
from typing import Any

from wordfreq import available_languages, zipf_frequency

logger = logging.getLogger(__name__)

__all__ = ["ENGLISH_DAY_WORDS", "day_words", "names_another_day"]

ENGLISH_DAY_WORDS = frozenset(
    (
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
        "yesterday", "tomorrow", "tonight", "january", "february", "march", "april", "june",
        "july", "august", "september", "october", "november", "december", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues",
        "wed", "thu", "thur", "thurs", "fri",
    )
)  # fmt: skip

# dateparser's keys for the names of months and weekdays, and the relative days named
# by one word (today, yesterday, tomorrow, the day before and after).
_NAME_KEYS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday",
)  # fmt: skip
_RELATIVE_DAYS = ("0 day ago", "1 day ago", "in 1 day", "2 day ago", "in 2 day")
# A stored language code as langid gives it ("de", "pt"); nothing else is imported.
_CODE = re.compile(r"[a-z]{2,3}")
# The tables' abbreviations include common words of their language (German "die" and
# "mit" for Tuesday and Wednesday, French "je" and "sa", Spanish "mi"): a word at least
# this frequent in the language (wordfreq's Zipf scale) is left out, or any edit of an
# undated page changing one would be taken for another day's issue. Over the tables of
# de, fr, es, pt, it, nl, ru and sv the most frequent name of a day or month is 5.9
# ("heute", "hoje", "idag") and the least frequent such function word 6.0 (French "ma").
_COMMON_ZIPF = 6.0
# A short abbreviation that is also a common word of its language (French "mer", the sea
# and Wednesday's "mer."; "jeu", a game; Portuguese "dez", ten; Spanish "vi", saw) stays a
# day name: :func:`names_another_day` counts it only where another day's name REPLACES
# it, and an undated bulletin's next issue does just that ("mar." -> "mer."); left out
# (9db2a01), that issue was folded into the stored one as an edit (review s42/2 S5).


@lru_cache(maxsize=64)
def day_words(language: str | None) -> frozenset[str]:
    """The lower-case words naming a day or a month in ``language`` (a stored language
    code), with the English ones (a page's dateline may be English): the English ones
    alone for English, an unknown language, or one dateparser has no table of."""
    if not language or language == "en" or not _CODE.fullmatch(language):
        return ENGLISH_DAY_WORDS
    info = _table(language)
    if info is None:
        return ENGLISH_DAY_WORDS
    words = _words(w for key in _NAME_KEYS for w in info.get(key, ()))
    relative = info.get("relative-type", {})
    words |= _words(w for key in _RELATIVE_DAYS for w in relative.get(key, ()))
    return ENGLISH_DAY_WORDS | frozenset(w for w in words if not _common(w, language))


def _words(names: Any) -> set[str]:
    """The one-word names of a table entry, lower case, without an abbreviation's dot."""
    words = {w.lower().rstrip(".") for w in names if isinstance(w, str) and " " not in w}
    return {w for w in words if w}


def names_another_day(gone: list[str], put: list[str], days: frozenset[str]) -> bool:
    """Whether an undated page's changed words (``gone`` from the stored text, ``put`` in
    the new one, as :func:`newsprism.store_text_share.changed_words` gives them) show
    another day's issue: a name of a day or a month REPLACED by another one ("Monday" ->
    "Tuesday"), or a date put in (a name beside a figure: "4 May", "dem 4. Mai").

    A name only removed, or only put in without a figure, is no issue's sign: many names
    are common words of their language too (French "mer" is the sea and Wednesday's
    abbreviation, German and Dutch "morgen" is the morning and tomorrow, Portuguese
    "segunda" is second and Monday), and an edit rewording "la mer" as "le large" or
    "am Morgen" as "am Vormittag" was kept as another issue, a second article."""
    before = {_name(w) for w in gone} & days
    after = {_name(w) for w in put} & days
    return bool(before and after - before) or _puts_a_date(put, days)


def _puts_a_date(put: list[str], days: frozenset[str]) -> bool:
    for i, word in enumerate(put):
        if _name(word) in days and any(_figure(w) for w in put[max(i - 1, 0) : i + 2]):
            return True
    return False


def _name(word: str) -> str:
    return word.strip(".,;:!?()\"'«»„“”").lower()


def _figure(word: str) -> bool:
    return any(ch.isdigit() for ch in word)


def _common(word: str, language: str) -> bool:
    """Whether ``word`` is at least :data:`_COMMON_ZIPF` frequent in ``language``. A
    language wordfreq has no list of (it would score Swahili by its "nearest match",
    English), or one whose tokenizer is not installed (Chinese needs jieba: the fold
    crashed with ModuleNotFoundError), keeps every name."""
    if language not in available_languages():
        return False
    try:
        return zipf_frequency(word, language) >= _COMMON_ZIPF
    except ImportError:
        return False


def _table(language: str) -> dict[str, Any] | None:
    try:
        module = importlib.import_module(f"dateparser.data.date_translation_data.{language}")
    except ImportError:
        logger.info("no calendar words for language %r: the English ones used", language)
        return None
    info = getattr(module, "info", None)
    return info if isinstance(info, dict) else None
