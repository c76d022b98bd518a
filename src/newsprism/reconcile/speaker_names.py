"""Speaker names of quote units: the roster name of a quote group's speaker, and the
forms of one person's name folded to one (used by
:mod:`newsprism.reconcile.statements`)."""

from __future__ import annotations

import itertools
import logging
import re
from collections import defaultdict
from collections.abc import Callable, Iterable

from newsprism.analyze.aliases import NICKNAMES, ORG_WORDS, fold_key, strip_title
from newsprism.reconcile.roster import StoryNames

logger = logging.getLogger(__name__)

__all__ = [
    "SAME_GIVEN",
    "SAME_PERSON",
    "canonical_speakers",
    "name_kinship",
    "owner_of_words",
    "speaker_name",
    "words_of_another",
]

# Roster types that never speak when written in capitals (a dateline), and the longest
# capitalised mention still read as an acronym ("UN", "NATO" speak).
_PLACES = frozenset({"GPE", "LOC", "FAC"})
# Sentence-initial connectives a parser reads as a first name ("Plus Obama said").
_CONNECTIVES = frozenset({"plus", "also", "and", "but", "meanwhile", "still", "yet", "then"})
_ACRONYM = 4
# Generational suffixes after a surname ("Joseph R. Biden Jr.").
_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Fewest words of a name read as a person's given name and surname run on into a
# headline ("Wren Castell Wins Gold"): with one word after the surname the name is
# as likely a person's own ("John Paul Jones" beside "John Paul"; review finding 7).
_RUN_ON_WORDS = 4
# A photo credit or caption label a scraped page runs into the next words ("Image
# copyright PA Image caption Police said ..."): everything up to its last label, a
# label word after the word for the picture (a name such as "Copyright Office" is no
# label; review finding 14).
_PAGE_LABEL = re.compile(
    r"^.*\b(?:image|photo|picture|media|video)\s+(?:caption|copyright|credit)\s+",
    re.IGNORECASE,
)
# First words of a speaker written as a group or an unnamed member of one ("one
# Democrat", "several leading Republicans", "more than a half-dozen ... Democrats").
_GROUP_OPENERS = frozenset(
    {"a", "an", "one", "some", "several", "many", "other", "others", "more", "most", "few"}
)
# Openers that may be a name's first word when capitalised before a capitalised word:
# a given name ("An Nguyen") or an initial ("A J Rourke"; review finding 14).
_ARTICLES = frozenset({"a", "an"})
# A mention naming someone's own words or document: "<Name>'s (first) statement".
_OWN_WORDS = re.compile(
    r"^(?:[Tt]he\s+)?(?P<owner>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)['’]s\s+(?:[a-z-]+\s+)?"
    r"(?:statement|statements|apology|comments?|remarks?|letter|post|tweets?|testimony"
    r"|speech|words|message|announcement|response|reply|memo)$"
)
_OWNERS = frozenset({"PERSON", "ORG"})
# Content that opens with someone's words named by a noun ("Holt's warning that ...",
# "the mayor's claim that ...", "Holt's threat of a strike"): a document that passes
# them on ("Kellan's letter cited Holt's warning that ...") does not say them; the
# analysis gives the inner clause to the possessor (review 2, stop 39). The nouns are
# those of a mention of one's own words (above) and of speech acts; up to three words
# may stand before the possessive ("the union leader's", "Ana Holt's").
_CITED_WORDS = re.compile(
    r"^(?:[Tt]he\s+)?(?P<who>(?:[\w.’'-]+\s+){0,3}?[\w.’'-]+?)['’]s\s+(?:[a-z-]+\s+)?"
    r"(?:statements?|apolog(?:y|ies)|comments?|remarks?|letters?|posts?|tweets?|testimony"
    r"|speech|words|messages?|announcements?|responses?|repl(?:y|ies)|memos?|warnings?"
    r"|claims?|promises?|threats?|demands?|complaints?|allegations?|accusations?"
    r"|assurances?|pledges?|calls?|pleas?|denials?|assertions?|predictions?|vows?"
    r"|charges?|insistence|suggestions?|arguments?|account|advice|request)\b"
)


def speaker_name(speaker: str | None, mention: str | None, names: StoryNames) -> str | None:
    """The roster name of a quote group's speaker; None for a dateline read as the
    speaker ("WASHINGTON — ... denied that ...": a place written in capitals speaks for
    nobody). A name the roster does not know whose last word is the surname of exactly
    one person of the story is that person ("Plus Obama": a sentence adverb the parse
    took into the name). A name that opens with a page's photo caption or credit
    ("PA Image caption Police") is the roster name after it, or None (an unknown word
    after a caption label is no one the story names)."""
    if speaker is None:
        return None
    label = _PAGE_LABEL.match(speaker)
    if label is not None:
        logger.debug("caption label read into the speaker %r", speaker)
        return names.resolve(speaker[label.end() :])
    resolved = names.resolve(speaker)
    if resolved is None and len(speaker.split()) > 1:
        resolved = names.resolve(speaker.split()[-1])
        if resolved is not None and names.types.get(resolved) != "PERSON":
            resolved = None
    name = resolved or speaker
    if resolved is None and _group(speaker):
        logger.debug("speaker %r of the mention %r left unresolved", speaker, mention)
        return None
    dateline = mention is not None and mention.isupper() and len(mention) > _ACRONYM
    if dateline and names.types.get(name) in _PLACES:
        logger.debug("dateline %r read as a speaker: left unresolved", mention)
        return None
    return name


def owner_of_words(mention: str | None, names: StoryNames) -> str | None:
    """The person or body whose own words a possessive mention names ("Ana Holt's
    statement", "Mr. Rask's apology", "the Harbour Board's letter"), where the analysis
    found no speaker: the roster name before the possessive (a person or an
    organisation; not "Holt's office" or "Holt's campaign", others speaking for her,
    see :mod:`newsprism.reconcile.speaker_offices`). The caller checks that the mention
    is the reporting verb's own subject (statement_units)."""
    if mention is None:
        return None
    found = _OWN_WORDS.match(mention.strip())
    if found is None:
        return None
    owner = found.group("owner")
    name = names.resolve(strip_title(owner) or owner)
    if name is None or names.types.get(name) not in _OWNERS:
        return None
    return name


# Words whose "'s" is "is" or "has" ("there's no promise that ...", "it's a claim").
_CONTRACTED = frozenset({"it", "there", "here", "that", "what", "who", "he", "she", "where"})


def words_of_another(content: str, owner: str, names: StoryNames) -> bool:
    """Whether quoted content opens with the words of someone other than ``owner``
    ("Holt's warning that the dock would close", "the mayor's promise that ..."), so a
    document of ``owner``'s that carries it cites them rather than saying them. The
    owner's own words ("Kellan's earlier warning that ...") are no one else's."""
    found = _CITED_WORDS.match(content.strip())
    if found is None:
        return False
    who = found.group("who")
    if who.split()[-1].lower() in _CONTRACTED:
        return False
    return names.resolve(strip_title(who) or who) != owner


def _group(speaker: str) -> bool:
    """Whether a speaker the roster does not hold is written as a group or an unnamed
    member of one ("one Democrat", "other Republicans", "several leading
    Republicans"): no one person, so left unresolved. It may then render a named
    member's words (on the higher threshold for unresolved speakers) and never forbids
    them, as a written group name would."""
    written = speaker.split()
    words = [w.casefold() for w in written]
    if not words or words[0] not in _GROUP_OPENERS:
        return False
    # "An aide", "a Warden": an article; "An Nguyen" may be a person's name.
    return words[0] not in _ARTICLES or not all(w[:1].isupper() for w in written[:2])


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
    a title read as part of the name). Two more folds, each only where the name points
    to one person: a given name alone ("Torin", as a page calls someone it named in
    full before: "Torin Halbeck", or a short form of it) that is no speaker's
    surname joins the one full name with that given name; and a name that runs on by
    two words or more past a person's given name and surname ("Wren Castell Wins
    Gold": a headline the recogniser read as one name) joins that person. Each person gets
    the shortest name of two words or more of their chain."""
    words = {n: _name_words(n) for n in set(speakers)}
    parent = {name: name for name in words}

    def find(name: str) -> str:
        while parent[name] != name:
            name = parent[name]
        return name

    def join(name: str, other: str) -> None:
        parent[find(name)] = find(other)

    for name, own in words.items():
        family = sorted(
            (o for o, w in words.items() if _suffix(own, w)), key=lambda o: (len(words[o]), o)
        )
        if own and all(_suffix(words[a], words[b]) for a, b in itertools.pairwise(family)):
            for other in family:
                parent[find(other)] = find(name)
    for name, other in _given_name_links(words, find) + _run_on_links(words, find):
        join(name, other)
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


def _same_given(short: str, given: str) -> bool:
    """Whether two given names are one: equal, or one the short form of the other
    ("Dick" / "Richard"). Not two spellings a vowel apart: that tells many names
    apart, often a woman's from a man's ("Maria" / "Mario", "Karen" / "Karin"; review
    finding 7), though it loses "Jaden" / "Jadon"."""
    return NICKNAMES.get(short, short) == NICKNAMES.get(given, given)


def _given_name_links(
    words: dict[str, tuple[str, ...]], find: Callable[[str], str]
) -> list[tuple[str, str]]:
    """(a one-word name, the full name whose given name it is), where it is one person's
    given name and nobody's surname (see :func:`canonical_speakers`)."""
    full = {n: w for n, w in words.items() if len(w) > 1}
    surnames = {w[-1] for w in full.values()}
    links = []
    for name, own in words.items():
        if len(own) != 1 or own[0] in surnames:
            continue
        people = {find(n) for n, w in full.items() if _same_given(own[0], w[0])}
        if len(people) == 1:
            links.append((name, next(iter(people))))
    return links


def _run_on_links(
    words: dict[str, tuple[str, ...]], find: Callable[[str], str]
) -> list[tuple[str, str]]:
    """(a name that runs on, the person whose given name and surname open it): two
    words or more after a full name that are not part of it ("Wren Castell Wins
    Gold" and "Wren Maeve Castell"; see :func:`canonical_speakers`)."""
    links = []
    for name, own in words.items():
        if len(own) < _RUN_ON_WORDS:
            continue
        people = {
            find(n)
            for n, w in words.items()
            if n != name and len(w) > 1 and (w[0], w[-1]) == own[:2] and not set(own[2:]) & set(w)
        }
        if len(people) == 1:
            links.append((name, next(iter(people))))
    return links


# How closely two person names may name one person (:func:`name_kinship`).
SAME_PERSON = 2  # a spelling or a form of one name ("Ana Veldt" / "Ana Velt", "A. Veldt")
SAME_GIVEN = 1  # one given name, another surname ("Ana Veldt" / "Ana Morrow")
# Last words of a company's name that ORG_WORDS lacks ("Acme Corporation", "Vale Motors").
_COMPANY_ENDINGS = frozenset(
    {"corporation", "incorporated", "limited", "llc", "plc", "gmbh", "co", "partners"}
    | {"industries", "motors", "technologies", "logistics", "freight", "foods"}
)


def name_kinship(one: str, other: str) -> int:
    """How closely two people's names may name one person: :data:`SAME_PERSON` for one
    given name (or a short form, or an initial) with a surname a letter apart or
    running on ("Quist" / "Quistberg", "Veldt" / "Veldt-Morrow"), or one surname with
    one initial ("M. Smith" / "Mary Smith"); :data:`SAME_GIVEN` for one given name and
    another surname (a profile name, a maiden name); 0 otherwise, and for a name of one
    word or an organisation's ("Boston Police Department", "Acme Corp"). "Mary Smith"
    and "Tom Smith" (relatives) are 0."""
    first, second = _person_words(one), _person_words(other)
    if first is None or second is None:
        return 0
    (given, surname), (given2, surname2) = first, second
    same_initial = given[0] == given2[0] and min(len(given), len(given2)) == 1
    if _same_given(given, given2):
        return SAME_PERSON if _close_surnames(surname, surname2) else SAME_GIVEN
    return SAME_PERSON if same_initial and surname == surname2 else 0


def _person_words(name: str) -> tuple[str, str] | None:
    """(given name, surname) of a person's name, title and generational suffix off;
    None for one word or a name with a word of an organisation's."""
    words = fold_key(strip_title(name) or name).split()
    while len(words) > 2 and words[-1] in _GENERATIONS:
        words = words[:-1]
    if len(words) < 2 or any(w in ORG_WORDS or w in _COMPANY_ENDINGS for w in words):
        return None
    return words[0], words[-1]


# A surname shorter than this is another family's when one letter differs or when it
# opens a longer one ("Li" / "Lu", "Kim" / "Kimball", "Lee" / "Leeds": review s30/3).
_CLOSE_SURNAME_MIN = 4


def _close_surnames(one: str, other: str) -> bool:
    """One surname two ways: equal, one letter apart ("Veldt" / "Velt"), one opening the
    other ("Quist" / "Quistberg"), or sharing a part of a double name; the spelling and
    opening rules only from :data:`_CLOSE_SURNAME_MIN` letters."""
    short, long = sorted((one, other), key=len)
    if one == other or set(one.split("-")) & set(other.split("-")):
        return True
    if len(short) < _CLOSE_SURNAME_MIN:
        return False
    return long.startswith(short) or one_edit(short, long)


def one_edit(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with at most one letter changed, added or dropped."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    for n, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            rest = n + 1 if len(a) == len(b) else n
            return a[rest:] == b[n + 1 :]
    return True
