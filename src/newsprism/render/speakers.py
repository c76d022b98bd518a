"""Who a statement is shown as said by, in the briefs people read (terminal, Markdown,
HTML report, web page).

A statement's ``speaker`` is the canonical person its quotes resolve to; a body that
speaks ("police", "prosecutors", "the council", "the county fire service") resolves to
no person, and the views showed such a statement as "(unattributed)", though every outlet
named who said it. A reader (a researcher counting voices, a journalist checking who
said what) took that for an anonymous claim. The views now show the speaker as the
outlets wrote it, marked as written, and "(unattributed)" only when no outlet names one
(no mention, or only a pronoun the analysis could not resolve: "he", "they", "it").
The JSON report is unchanged: ``speaker`` stays null and each variant keeps its
``speaker_mention``.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from typing import Final

from newsprism.model import Statement

logger = logging.getLogger(__name__)

__all__ = ["UNATTRIBUTED", "speaker_label"]

UNATTRIBUTED: Final = "(unattributed)"
# Mentions of two forms at most are named ("“prosecutors” / “the prosecution”"): a
# header line, not a list.
MAX_FORMS: Final = 2
# Words that name nobody on their own: pronouns and relatives the analysis left
# unresolved, and a stray possessive ending.
_NOBODY_WORDS: Final = (
    "i me we us you he him she her it they them one who whom which that this these those "
    "someone somebody anyone everyone nobody his hers its their theirs our ours s"
)
_NOBODY: Final = frozenset(_NOBODY_WORDS.split())
_WORD: Final = re.compile(r"[^\W_]+", re.UNICODE)


def _names_someone(mention: str) -> bool:
    words = [w.casefold() for w in _WORD.findall(mention)]
    return bool(words) and not all(w in _NOBODY for w in words)


def speaker_label(statement: Statement) -> str:
    """The statement's speaker; else the speaker as its outlets wrote it, most frequent
    form first ("“police” (as written)"); else ``UNATTRIBUTED``. Forms differing only in
    letter case or a leading "the" count as one."""
    if statement.speaker:
        return statement.speaker
    forms: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for variant in statement.variants:
        mention = (variant.speaker_mention or "").strip()
        if not _names_someone(mention):
            continue
        key = re.sub(r"^the\s+", "", mention.casefold())
        shown.setdefault(key, mention)
        forms[key] += 1
    if not forms:
        return UNATTRIBUTED
    named = [shown[key] for key, _ in forms.most_common(MAX_FORMS)]
    return " / ".join(f"\u201c{name}\u201d" for name in named) + " (as written)"
