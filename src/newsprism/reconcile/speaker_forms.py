"""A speaker as the outlets wrote it, for a quote whose speaker resolves to no person.

A body that speaks ("police", "prosecutors", "the harbour board") resolves to no person,
yet every outlet named who spoke. The statement views (``render/speakers.py``) and the
framing voices (``reconcile/framing.py``) both show such a speaker as written, marked
"(as written)", and "unattributed" only when no outlet names one: no mention, or only a
word that names nobody on its own (an unresolved pronoun, an article). Both read the
mentions here, so a statement's speaker and the voice its words count for agree.

Forms differing only in letter case or a leading "the" are one ("Police" at the start of
a sentence, "the police" in the middle of one); the form shown is the one written most
often, ties broken by the form itself (:func:`_shown`), so the label does not depend on
the order the articles or variants come in.
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Final

logger = logging.getLogger(__name__)

__all__ = ["form_key", "names_someone", "written_forms", "written_label"]

# Words that name nobody on their own: pronouns and relatives the analysis left
# unresolved, a stray possessive ending, an article (a mention cut to "the"). Written in
# capitals ("the WHO", "ONE") or with a capital after the mention's first word ("the
# Who"), such a word is a name: a pronoun is capitalised only to start a sentence
# (review s42/2 M8: the WHO's words were shown as unattributed).
_ENGLISH_NOBODY_WORDS: Final = (
    "i me we us you he him she her it they them one who whom which that this these those "
    "someone somebody anyone everyone nobody his hers its their theirs our ours s "
    "the a an"
)
# English subject pronouns name nobody even in capitals: a line set in capitals ("HE
# SAID", "THEY") writes them so, and no body's acronym in the news is spelt so ("WHO",
# "ONE" are; review s42/4 M4).
_ENGLISH_SUBJECTS: Final = frozenset(["he", "she", "we", "they", "you"])
# The subject pronouns of the languages ingest most often meets in quotes and bylines of
# otherwise English pages ("il a dit", "Er sagte"): nobody in lower case, as they stand
# inside such an English page's sentence, and capitalised as a mention's first word, as
# they stand opening their own sentence ("Il a déclaré", "Ele disse"; review s42/4 M4).
# Pronouns that are also common given names or surnames in English text ("Han", "Lei",
# "Ella", "Hon", "Ze") are left out: a speaker so named is someone.
_OTHER_NOBODY_WORDS: Final = (
    "er sie wir ihr il elle ils elles nous vous je tu él ellos ellas usted ustedes "
    "nosotros lui loro egli ele ela eles elas nós hij zij wij jij"
)
# Of those, the ones also a given name or surname ("Elle", "Ela", "Lui", "Tu", and the
# Italian surnames "Egli" and "Loro": review s43/2 LOW): capitalised, they are read as
# the names they also are.
_OTHER_ALSO_NAMES: Final = frozenset(["elle", "ela", "lui", "tu", "egli", "loro"])
_ENGLISH_NOBODY: Final = frozenset(_ENGLISH_NOBODY_WORDS.split())
_OTHER_NOBODY: Final = frozenset(_OTHER_NOBODY_WORDS.split()) - _ENGLISH_NOBODY
_WORD: Final = re.compile(r"[^\W_]+", re.UNICODE)
_THE: Final = re.compile(r"^the\s+", re.IGNORECASE)


def names_someone(mention: str | None) -> bool:
    """Whether a speaker mention names someone: a word other than those that name nobody
    on their own ("he", "They", "HE", "the", "il", "Il"); "WHO", "the Who" and "Elle"
    name someone."""
    words = _WORD.findall(mention or "")
    return any(_names(word, first=i == 0) for i, word in enumerate(words))


def _names(word: str, *, first: bool) -> bool:
    folded = word.casefold()
    if len(word) > 1 and word.isupper():
        return folded not in _ENGLISH_SUBJECTS  # an acronym: "WHO", "ONE"; not "HE"
    if folded in _ENGLISH_NOBODY:
        return not first and word[0].isupper()
    if folded in _OTHER_NOBODY:
        # capitalised opening the mention: the pronoun opening its sentence ("Il")
        return word != folded and (not first or folded in _OTHER_ALSO_NAMES)
    return True


def form_key(mention: str) -> str:
    """The key one speaker's forms share: case folded, without a leading "the"."""
    return _THE.sub("", " ".join(mention.split())).casefold()


def written_forms(mentions: Iterable[str | None]) -> list[tuple[str, str, int]]:
    """The speakers the mentions name, as (key, form shown, mentions): mentions that name
    nobody skipped, forms of one key counted together and shown as the one written most
    often; most mentioned first, then by the form shown."""
    written: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in mentions:
        text = " ".join((mention or "").split())
        if names_someone(text):
            written[form_key(text)][text] += 1
    forms = [(key, _shown(seen), sum(seen.values())) for key, seen in written.items()]
    return sorted(forms, key=lambda item: (-item[2], item[1], item[0]))


def written_label(forms: list[str]) -> str:
    """The label of forms shown as written: '“police” (as written)'."""
    return " / ".join(f"\u201c{form}\u201d" for form in forms) + " (as written)"


def _shown(seen: Counter[str]) -> str:
    """The form written most often; on a tie the one with fewest capitals (a capital at a
    sentence's start is no part of the name), then the shorter, then the first in order."""
    return min(
        seen, key=lambda form: (-seen[form], sum(c.isupper() for c in form), len(form), form)
    )
