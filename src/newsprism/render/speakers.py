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
from typing import Final

from newsprism.model import Statement
from newsprism.reconcile.speaker_forms import written_forms, written_label

logger = logging.getLogger(__name__)

__all__ = ["UNATTRIBUTED", "speaker_label"]

UNATTRIBUTED: Final = "(unattributed)"
# Mentions of two forms at most are named ("“prosecutors” / “the prosecution”"): a
# header line, not a list; the forms left out are counted ("and 2 other forms"), so a
# reader knows the outlets named the speaker in more ways than shown.
MAX_FORMS: Final = 2


def speaker_label(statement: Statement) -> str:
    """The statement's speaker; else the speaker as its outlets wrote it, most frequent
    form first ("“police” (as written)"; see :mod:`newsprism.reconcile.speaker_forms`:
    forms differing only in letter case or a leading "the" count as one, the order does
    not depend on the variants'); else ``UNATTRIBUTED``."""
    if statement.speaker:
        return statement.speaker
    forms = written_forms(variant.speaker_mention for variant in statement.variants)
    if not forms:
        return UNATTRIBUTED
    label = written_label([shown for _, shown, _ in forms[:MAX_FORMS]])
    more = len(forms) - MAX_FORMS
    if more > 0:
        other = "other form" if more == 1 else "other forms"
        label = label.replace(" (as written)", f" and {more} {other} (as written)")
    return label
