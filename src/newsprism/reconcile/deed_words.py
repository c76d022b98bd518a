"""Words news uses for one deed, or for one kind of counted people: shared tables.

Outlets tell one deed in other words ("three were injured" / "no one was hurt", "two
workers were killed" / "nobody died" / "no fatalities") and count one kind of people
under other nouns ("53 wounded" / "53 people injured", "protesters" / "demonstrators").
Two readers need the same groups: facts key a count by its measure's head
(:mod:`newsprism.reconcile.fact_items`), and a denial disputes a deed told in another
word (:mod:`newsprism.reconcile.negation_scope`). Kept here once so the two cannot drift
apart (s41: the injury and death groups were written twice, and one copy lacked
"fatality").

Each group holds the words of one deed as the parser's lemmas ("injure", "injury") and
as the bare participles a count's ``about`` is written with ("53 wounded", "12 killed":
the analyser does not lemmatise ``about``). The first word of a group names it.
"""

from __future__ import annotations

import logging
from types import MappingProxyType
from typing import Final

__all__ = ["DEEDS", "HEADS", "PARTICIPLES"]

logger = logging.getLogger(__name__)

#: People hurt: "injured", "wounded", "hurt", "injuries".
INJURY: Final = ("injure", "injury", "hurt", "wound")
#: People killed: "killed", "dead", "died", "deaths", "fatalities".
DEATH: Final = ("kill", "die", "dead", "death", "fatality")
#: A measure or motion carried: "approved the levy" / "passed the levy" / "adopted it".
APPROVAL: Final = ("approve", "pass", "adopt")

#: The bare participles a count names its people with ("53 wounded", "12 killed"),
#: each with the lemma of its deed. Participles only: a parse lemmatises them, ``about``
#: does not.
PARTICIPLES: Final = MappingProxyType({"injured": "injure", "wounded": "wound", "killed": "kill"})

#: Deeds told in other words, each a tuple of lemmas (its first word names it).
DEEDS: Final = (INJURY, DEATH, APPROVAL)

#: Counted people under other nouns: each word and the noun it is counted as.
_SAME_PEOPLE: Final = {"person": "people", "demonstrator": "protester", "protestor": "protester"}


def _heads() -> dict[str, str]:
    """:data:`HEADS`, built once: the deeds' words and participles, then the nouns."""
    counted = (INJURY, DEATH)
    heads = {word: group[0] for group in counted for word in group[1:]}
    for participle, lemma in PARTICIPLES.items():
        heads[participle] = next(g[0] for g in counted if lemma in g)
    return heads | _SAME_PEOPLE


#: A count's measure head for each other word of it: the words and participles of the
#: deeds a count is of (injury, death; not approval: a count is never "of" an approval
#: as it is of the dead) map to the deed's first word, the nouns of :data:`_SAME_PEOPLE`
#: to theirs.
HEADS: Final = MappingProxyType(_heads())
