"""What every brief view (terminal, Markdown, HTML) says about a story's articles the
analysis did not read (:attr:`~newsprism.model.Brief.unanalysed`: a language it does
not read).

Such an article may tell what the analysed ones tell, so the views say it was not
read: a note under the story's heading naming the outlets and languages, "among
analysed sources" on the exclusives' heading, and "not analysed" in the framing row of
an outlet none of whose articles was read (an empty row read as "carries nothing,
quotes no one"). A story whose articles were all read renders as before.
"""

from __future__ import annotations

from newsprism.model import Brief, OutletFraming
from newsprism.render.lists import names
from newsprism.render.terminal import counted

__all__ = [
    "EXCLUSIVES_HEADING",
    "NOT_ANALYSED",
    "exclusives_heading",
    "framing_gap",
    "lone_analysed_source",
    "unread_note",
]

EXCLUSIVES_HEADING = "Only one source reports"
NOT_ANALYSED = "not analysed"


def unread_note(brief: Brief) -> str | None:
    """The brief-level note naming the articles not analysed; None when all were."""
    if not brief.unanalysed:
        return None
    outlets = names(f"{u.outlet or u.article[:10]} ({u.language})" for u in brief.unanalysed)
    return (
        f"Not analysed: {counted(len(brief.unanalysed), 'article')} in a language the "
        f"analysis does not read ({outlets}); their quotes, numbers and dates are not "
        "compared, and they may tell what only one source reports here."
    )


def exclusives_heading(brief: Brief) -> str:
    """ "Only one source reports", "(among analysed sources)" where some were not."""
    if not brief.unanalysed:
        return EXCLUSIVES_HEADING
    return f"{EXCLUSIVES_HEADING} (among analysed sources)"


def lone_analysed_source(brief: Brief) -> bool:
    """Whether the analysed articles are one source (one article or one copy group)
    beside articles not analysed: nothing was compared."""
    if not brief.unanalysed:
        return False
    unread = {u.article for u in brief.unanalysed}
    leader = {m: group[0] for group in brief.story.duplicates for m in group}
    read = {leader.get(a, a) for a in brief.story.articles if a not in unread}
    return len(read) < 2


def framing_gap(brief: Brief, outlet: OutletFraming) -> str | None:
    """ "not analysed" for an outlet none of whose articles was read, "1 of 2 articles
    not analysed" for one some of whose were; None when all were read."""
    unread = {u.article for u in brief.unanalysed}
    missing = sum(a in unread for a in outlet.articles)
    if not missing:
        return None
    if missing == len(outlet.articles):
        return NOT_ANALYSED
    return f"{missing} of {counted(len(outlet.articles), 'article')} {NOT_ANALYSED}"
