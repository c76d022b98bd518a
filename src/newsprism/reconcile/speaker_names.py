"""Speaker names of quote units: the roster name of a quote group's speaker, and the
forms of one person's name folded to one (used by
:mod:`newsprism.reconcile.statements`)."""

from __future__ import annotations

import itertools
import logging
from collections import defaultdict
from collections.abc import Iterable

from newsprism.analyze.aliases import NICKNAMES, fold_key
from newsprism.reconcile.roster import StoryNames

logger = logging.getLogger(__name__)

__all__ = ["canonical_speakers", "speaker_name"]

# Roster types that never speak when written in capitals (a dateline), and the longest
# capitalised mention still read as an acronym ("UN", "NATO" speak).
_PLACES = frozenset({"GPE", "LOC", "FAC"})
# Sentence-initial connectives a parser reads as a first name ("Plus Obama said").
_CONNECTIVES = frozenset({"plus", "also", "and", "but", "meanwhile", "still", "yet", "then"})
_ACRONYM = 4
# Generational suffixes after a surname ("Joseph R. Biden Jr.").
_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})


def speaker_name(speaker: str | None, mention: str | None, names: StoryNames) -> str | None:
    """The roster name of a quote group's speaker; None for a dateline read as the
    speaker ("WASHINGTON — ... denied that ...": a place written in capitals speaks for
    nobody). A name the roster does not know whose last word is the surname of exactly
    one person of the story is that person ("Plus Obama": a sentence adverb the parse
    took into the name)."""
    if speaker is None:
        return None
    resolved = names.resolve(speaker)
    if resolved is None and len(speaker.split()) > 1:
        resolved = names.resolve(speaker.split()[-1])
        if resolved is not None and names.types.get(resolved) != "PERSON":
            resolved = None
    name = resolved or speaker
    dateline = mention is not None and mention.isupper() and len(mention) > _ACRONYM
    if dateline and names.types.get(name) in _PLACES:
        logger.debug("dateline %r read as a speaker: left unresolved", mention)
        return None
    return name


def _suffix(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return len(short) <= len(long) and long[len(long) - len(short) :] == short


def _name_words(name: str) -> tuple[str, ...]:
    """A name's folded words less middle initials ("John A. Boehner" -> john boehner),
    a generational suffix ("Jr."), and a sentence connective the parse took into the
    name ("Plus Obama" -> obama); a short form of the given name made formal ("Dick
    Durbin" -> richard durbin)."""
    words = fold_key(name).split()
    if len(words) > 1 and words[0] in _CONNECTIVES:
        words = words[1:]
    while len(words) > 2 and words[-1].rstrip(".") in _GENERATIONS:
        words = words[:-1]
    kept = [w for w in words if len(w) > 1] or words
    if len(kept) > 1:
        # A short form of the given name is the formal one ("Dick Durbin" ->
        # richard durbin); only the word before the surname is a given name here.
        kept[-2] = NICKNAMES.get(kept[-2], kept[-2])
    return tuple(kept)


def canonical_speakers(speakers: Iterable[str]) -> dict[str, str]:
    """Each speaker name -> the name of its person, one person's names folded to one:
    a name whose words (accents folded) end another's ("Sallo" / "Joakim Sallo", "Siri Ostby" /
    "Campaigner Siri Ostby", "Brezina" / "Březina"; initials and "Jr." left out: "John A.
    Boehner" / "John Boehner"; a short given name read as the formal one: "Dick Ames" /
    "Richard Ames") is that person when every longer
    name ending with it is one chain ("Ostby" with "Siri Ostby" and "Anna Ostby" stays
    apart). Quoted speakers are people; this catches what the roster leaves split (a
    surname the entity recogniser typed as a place or an organisation in one article,
    a title read as part of the name). Each person gets the shortest name of two words
    or more of their chain."""
    words = {n: _name_words(n) for n in set(speakers)}
    parent = {name: name for name in words}

    def find(name: str) -> str:
        while parent[name] != name:
            name = parent[name]
        return name

    for name, own in words.items():
        family = sorted(
            (o for o, w in words.items() if _suffix(own, w)), key=lambda o: (len(words[o]), o)
        )
        if own and all(_suffix(words[a], words[b]) for a, b in itertools.pairwise(family)):
            for other in family:
                parent[find(other)] = find(name)
    members: dict[str, list[str]] = defaultdict(list)
    for name in words:
        members[find(name)].append(name)
    canonical: dict[str, str] = {}
    for group in members.values():
        full = sorted((n for n in group if len(words[n]) > 1), key=lambda n: (len(words[n]), n))
        for name in group:
            canonical[name] = full[0] if full else name
    if any(canonical[n] != n for n in canonical):
        logger.debug("speakers folded: %s", {n: c for n, c in canonical.items() if n != c})
    return canonical
