"""Entities: who and what one article names, each under one canonical name.

:func:`resolve_names` turns spaCy's named entities into :class:`~newsprism.model.Entity`
records (one per person, organisation or place, with every place the article names it)
and an :class:`EntityIndex`, which quote attribution asks who a written mention
("Velický", "the prime minister", "the LDU") is. Each step is one pass over the doc:

1. Candidates: spaCy's name entities less a leading "the" and a trailing possessive;
   people spaCy missed after a title ("Regional Governor Ilse Marrow", "Mr Velický") or
   before "said" or a title apposition ("Edvin Rask, chief executive of ..."), and, once
   grouped, their bare surnames ("Rask said"); uses of an abbreviation the article
   defines ("Lorvik Dockers' Union (LDU)").
2. Label slips, fixed from a cue beside the name: a dateline ("TRESNYAVETS, March 24")
   or a name before "river" or after "the island of" is a place; an apposition says what
   a name is ("Baltora Line, the largest carrier" ORG, "Veransk, the regional capital"
   GPE, "A regional prosecutor, Milan Oresh," PERSON); a two- or three-word name before
   "said" or ", who" is a person unless it has an organisation word; a PERSON after
   "in"/"near" is a place. Then one label per surface form (a cue beats spaCy, else the
   majority), and the surname of a person named in full is that person ("Velicky" GPE).
3. Grouping: people by surname, accents folded ("Velicky" = "Velický"), named by their
   fullest form; other names by the alias table's form or their own, abbreviations
   joined to the full name ("(LDU)", or initials of a full name in the article).
4. Descriptions: a title before a name ("Valdorian Prime Minister Anton Velický") or an
   apposition ("Mirela Kostanj, the union's leader," / "the union leader, Mirela
   Kostanj") ties a description to a person; "the prime minister", "the Valdorian
   leader", "the union chief" then resolve to the last person named who fits.
5. Gender, by vote: an honorific (Mr, Ms, Herr, Frau) is 3 votes; "he"/"she" as a
   subject, or "his"/"her" as a possessive, outside quotation marks, is 1 vote for the
   nearest person named before it outside quotes, if that mention is its sentence's
   subject or only person and the pronoun is in that sentence or (a subject) the next
   ("Holm told journalists ... . "...," she added."), unless an object pronoun of that
   gender stands between them ("Holt asked her if she ...": "she" is the one asked).
   Ties and silence give no gender.

Word lists, titles, descriptions, the query side of :class:`EntityIndex` and
:func:`harmonize_types` live in :mod:`newsprism.analyze.aliases` (they need no parse).
Not handled: coreference beyond these cues (pronouns are the quote extractor's, with
:meth:`EntityIndex.people_before` and :meth:`EntityIndex.gender`), a first name alone
when two people share it, nicknames, and label errors no cue in the article reveals
(:func:`harmonize_types` fixes those the rest of a story's articles contradict).
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from spacy.tokens import Doc, Token

from newsprism.analyze import aliases as lex
from newsprism.analyze.aliases import (
    AliasTable,
    DescribedPeople,
    Description,
    EntityIndex,
    NameUse,
    harmonize_types,
    retype,
)
from newsprism.analyze.entity_words import is_clitic, names_nothing
from newsprism.analyze.gender_listeners import listener_between
from newsprism.analyze.quote_marks import QuotedDoc
from newsprism.analyze.speakers import Gender

logger = logging.getLogger(__name__)

# AliasTable, EntityIndex (the query side, which needs no parse), harmonize_types and retype
# live in aliases and are re-exported, so that callers import the whole API from here.
__all__ = ["NAME_LABELS", "AliasTable", "EntityIndex", "harmonize_types", "resolve_names", "retype"]

# spaCy labels that name something (the rest are numbers, dates and times).
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}) | frozenset(
    {"PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
PERSON = "PERSON"

_NOT_NAMES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
_PRONOUNS: Mapping[str, Gender] = MappingProxyType(
    {"he": "male", "she": "female", "his": "male", "her": "female"}
)
_HONORIFIC_WEIGHT = 3  # an honorific outweighs a stray pronoun
_CUE_WEIGHT = 100  # a label backed by a cue in the text beats any count of bare labels
_NAME_CHARS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_MAX_MODS = 3  # modifiers before a title: "Valdorian", "port authority's", "TWC"
_MAX_NAME_TOKENS = 4
_INITIAL = re.compile(r"[A-Z]\.")  # a middle initial: "T." of "Linda T. Sanchez"


@dataclass(frozen=True, slots=True)
class _Title:
    """A title phrase right before a name, from token ``start``."""

    start: int
    desc: Description


@dataclass(slots=True)
class _Cand:
    """One candidate name span (tokens ``start:end``), its label and, once grouped, name."""

    start: int
    end: int
    label: str
    text: str
    key: str
    confident: bool = False
    title: _Title | None = None
    descs: list[Description] = field(default_factory=list)
    name: str = ""


@dataclass(frozen=True, slots=True)
class _Context:
    doc: Doc
    text: str  # doc.text, which spaCy rebuilds from the tokens on every access
    table: AliasTable
    titles: Mapping[int, tuple[int, str]]  # last token of a title -> (first token, title)


def _char_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last.text)


def _new_cand(ctx: _Context, start: int, end: int, label: str, confident: bool = False) -> _Cand:
    first, last = _char_span(ctx.doc, start, end)
    text = ctx.text[first:last]
    return _Cand(start, end, label, text, lex.fold_key(text), confident)


# --- 1. candidates -------------------------------------------------------------------


def _find_titles(doc: Doc, doc_text: str) -> dict[int, tuple[int, str]]:
    """Every title in the doc, longest first, keyed by its last token. Cost: O(tokens)."""
    found: dict[int, tuple[int, str]] = {}
    for tok in doc:
        if tok.lower_.rstrip(".") not in lex.TITLE_LAST_WORDS:
            continue
        for first in range(max(0, tok.i - lex.MAX_TITLE_WORDS + 1), tok.i + 1):
            text = doc_text[doc[first].idx : tok.idx + len(tok.text)]
            if text[:1].isalpha() and "\n" not in text and lex.normalize_title(text) in lex.TITLES:
                found[tok.i] = (first, lex.normalize_title(text))
                break
    return found


def _is_name_token(tok: Token) -> bool:
    text = tok.text
    return (
        text[:1].isupper()
        and not (tok.is_upper and len(text) > 1)
        and _NAME_CHARS.fullmatch(text) is not None
        and tok.pos_ in {"PROPN", "NOUN", "ADJ", "X"}
        and tok.ent_type_ not in _NOT_NAMES
        and lex.normalize_title(text) not in lex.TITLES
        and text.lower() not in lex.ORG_WORDS
        and text.lower() not in lex.PLACE_NOUNS
    )


def _past_initial(doc: Doc, end: int) -> int:
    """Where a name ending before token ``end`` really ends: past a middle initial and
    the surname after it ("Linda" + "T. Sanchez"). The name-word test refuses "T." (a
    period is no name character), so without this a title's name, or a person spaCy
    cut at the initial, stops at the first name."""
    if (
        end + 1 < len(doc)
        and _INITIAL.fullmatch(doc[end].text)
        and doc[end - 1].whitespace_
        and _is_name_token(doc[end + 1])
    ):
        return end + 2
    return end


def _mods(tokens: Iterable[Token]) -> frozenset[str]:
    return lex.modifiers(tok.text for tok in tokens if tok.tag_ != "POS" and not tok.is_punct)


def _is_np_word(tok: Token) -> bool:
    return (
        tok.pos_ in {"NOUN", "PROPN", "ADJ"}
        or tok.tag_ == "POS"
        or (tok.text == "-" and not tok.whitespace_)
    )


def _title_before(ctx: _Context, name_start: int) -> _Title | None:
    """The title phrase ending right before token ``name_start``, with up to
    :data:`_MAX_MODS` modifiers ("Valdorian", "TWC", "opposition") before it."""
    hit = ctx.titles.get(name_start - 1)
    if hit is None:
        return None
    start, head = hit
    doc = ctx.doc
    while (
        start > 0
        and hit[0] - start < _MAX_MODS
        and _is_np_word(doc[start - 1])
        and not doc[start].is_sent_start
    ):
        start -= 1
    return _Title(start, Description(head, _mods(doc[start : hit[0]])))


def _ner_candidates(ctx: _Context) -> Iterable[_Cand]:
    doc = ctx.doc
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        start, end = ent.start, ent.end
        while start < end and (
            doc[start].lower_ == "the" or doc[start].is_punct or _loose_clitic(doc[start])
        ):
            start += 1
        while end > start and (
            doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].is_space
        ):
            end -= 1
        if ent.label_ == PERSON:  # "President Dara Holm" tagged whole: keep the name
            start = max([start, *(i + 1 for i in range(start, end - 1) if i in ctx.titles)])
            end = _past_initial(doc, end)
        if start < end:
            yield _new_cand(ctx, start, end, ent.label_)


def _loose_clitic(token: Token) -> bool:
    """A clitic set off from the name by a space ("’s Harbour Act" after "the council"),
    so no part of it; one written onto the name's next part belongs to the name (a Dutch
    place name that opens with "’s-" keeps it)."""
    return is_clitic(token) and bool(token.whitespace_)


def _titled_people(ctx: _Context) -> Iterable[_Cand]:
    """People named right after a title, which spaCy often misses or mislabels."""
    doc = ctx.doc
    for last, (first, title) in ctx.titles.items():
        if doc[last].ent_type_ not in {"", PERSON}:  # "General Motors"
            continue
        capital = doc[first].text[:1].isupper() or title in lex.HONORIFICS
        end = last + 1
        while end < len(doc) and end - last <= _MAX_NAME_TOKENS and _is_name_token(doc[end]):
            end = _past_initial(doc, end + 1)
        if end - last > (1 if capital else 2):
            yield _new_cand(ctx, last + 1, end, PERSON, confident=True)


def _acronym_in_parentheses(doc: Doc, i: int) -> str | None:
    """The acronym at token ``i`` when it stands in parentheses: "(LDU)"."""
    if 0 < i < len(doc) - 1 and doc[i - 1].text == "(" and doc[i + 1].text == ")":
        return doc[i].text if lex.is_acronym(doc[i].text) else None
    return None


def _defined_acronyms(ctx: _Context) -> Iterable[_Cand]:
    """Uses of an abbreviation the article defines in parentheses, spaCy-tagged or not."""
    doc = ctx.doc
    defined = {_acronym_in_parentheses(doc, tok.i) for tok in doc} - {None}
    for tok in doc:
        if tok.text in defined:
            yield _new_cand(ctx, tok.i, tok.i + 1, "ORG", confident=True)


def _without_overlaps(cands: Iterable[_Cand], size: int) -> list[_Cand]:
    """Non-overlapping candidates, cue-backed and longer ones first; in text order."""
    taken = bytearray(size)
    kept = []
    for cand in sorted(cands, key=lambda c: (not c.confident, c.start - c.end, c.start)):
        if not any(taken[cand.start : cand.end]):
            taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def _untagged_people(ctx: _Context) -> Iterable[_Cand]:
    """Two- or three-word names spaCy left untagged, before "said" or ", who" or a title
    apposition ("Edvin Rask, chief executive of the port authority, said")."""
    doc, i = ctx.doc, 0
    while i < len(doc):
        end = i
        while end < len(doc) and end - i < 3 and _is_untagged_name(doc[end]):
            end += 1
        if end - i >= 2:
            cand = _new_cand(ctx, i, end, PERSON, confident=True)
            if _person_verb_after(ctx, cand) or (_apposition(ctx, cand) or ("",))[0] == PERSON:
                yield cand
        i = max(end, i + 1)


def _is_untagged_name(tok: Token) -> bool:
    return not tok.ent_type_ and tok.pos_ == "PROPN" and _is_name_token(tok)


def _candidates(ctx: _Context) -> list[_Cand]:
    found = [
        *_titled_people(ctx),
        *_defined_acronyms(ctx),
        *_ner_candidates(ctx),
        *_untagged_people(ctx),
    ]
    # A name of no letters ("¯", which NFKD folds to a space and a mark) keys to "":
    # no name, and every surname and first-name lookup needs a word.
    # Nor a clitic, punctuation or a pronoun the tagger took for one (entity_words).
    named = [c for c in found if c.key and not names_nothing(ctx.doc[c.start : c.end])]
    cands = _without_overlaps(named, len(ctx.doc))
    for cand in cands:
        cand.title = _title_before(ctx, cand.start)
    kept = []
    for cand, after in zip(cands, [*cands[1:], None], strict=False):
        if _inside_title(cand, after):
            if cand.label != PERSON:
                continue  # "Transport" in "Transport Minister Teodor Halvik": no name
            cand.label = "NORP"  # "Kelsan" in "Kelsan President Ida Moor": a nationality
        kept.append(cand)
    return kept


def _inside_title(cand: _Cand, after: _Cand | None) -> bool:
    """Whether a one-word name, not an acronym, NORP or GPE, is a modifier inside the
    title of the person named next."""
    if cand.end - cand.start > 1 or cand.label in {"NORP", "GPE"} or cand.text.isupper():
        return False
    return after is not None and after.title is not None and after.title.start <= cand.start


# --- 2. label slips --------------------------------------------------------------------


def _noun_phrase_after(ctx: _Context, i: int) -> tuple[int, int]:
    """Bounds of the determiner-less noun phrase starting at token ``i``."""
    doc, end = ctx.doc, i
    if i < len(doc) and doc[i].lower_ in lex.DETERMINERS:
        i = end = i + 1
    while end < len(doc) and end - i < _MAX_MODS + 3 and _is_np_word(doc[end]):
        end += 1
    return i, end


def _classify(ctx: _Context, start: int, end: int) -> tuple[str, Description | None] | None:
    """What the noun phrase ``start:end`` says a name is: a title (PERSON, with the
    description), an organisation or a place; None when it says neither."""
    hit = ctx.titles.get(end - 1)
    if hit is not None and hit[0] >= start:
        return PERSON, Description(hit[1], _mods(ctx.doc[start : hit[0]]))
    head = ctx.doc[end - 1].lower_
    if head in lex.ORG_WORDS:
        return "ORG", None
    place = lex.PLACE_NOUNS.get(head)
    return (place, None) if place else None


def _apposition(ctx: _Context, cand: _Cand) -> tuple[str, Description | None] | None:
    """What an apposition next to the name says it is ("X, the union's leader," /
    "the union leader, X"); for a title the apposition must be closed by punctuation."""
    doc = ctx.doc
    if (
        cand.end < len(doc) - 1
        and doc[cand.end].text == ","
        and (cand.start == 0 or doc[cand.start - 1].pos_ != "ADP")
    ):
        start, end = _noun_phrase_after(ctx, cand.end + 1)
        found = _classify(ctx, start, end) if end > start else None
        if found and found[1] and end < len(doc) and doc[end].lower_ == "of":
            # "X, chief executive of the Lorvik Port Authority, said": the "of" part narrows
            of_start, end = _noun_phrase_after(ctx, end + 1)
            found = PERSON, Description(found[1].head, found[1].mods | _mods(doc[of_start:end]))
        closed = end >= len(doc) or doc[end].text in {",", ".", ";", ")"}
        if found and (found[0] != PERSON or closed):
            return found
    if cand.start >= 2 and doc[cand.start - 1].text == ",":
        end = start = cand.start - 1
        while start > 0 and end - start < _MAX_MODS + 3 and _is_np_word(doc[start - 1]):
            start -= 1
        found = _classify(ctx, start, end) if start < end else None
        if found and found[0] == PERSON and _opens_apposition(doc, start):
            return found
    return None


def _opens_apposition(doc: Doc, start: int) -> bool:
    """Whether the noun phrase at ``start`` can be a description the next name follows
    ("The union chair, X," / "said the board chair, X"), not another name's apposition
    ("in Veransk, the regional capital, X said")."""
    if doc[start].is_sent_start:
        return True
    det = doc[start - 1]
    if det.lower_ in {"its", "their"}:
        return True
    return det.lower_ in lex.DETERMINERS and (det.is_sent_start or doc[det.i - 1].text != ",")


def _cue_label(ctx: _Context, cand: _Cand) -> str | None:
    """The label a cue next to the candidate gives it, or None (see the module doc)."""
    doc, start, end = ctx.doc, cand.start, cand.end
    after = doc[end] if end < len(doc) else None
    if (
        (start == 0 or "\n" in doc[start - 1].text_with_ws)
        and cand.text.isupper()
        and (after is not None and after.text == ",")
    ):
        return "GPE"  # a dateline
    if after is not None and after.lower_ in lex.LOC_AFTER:
        return "LOC"
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in lex.PLACE_NOUNS:
        return lex.PLACE_NOUNS[doc[start - 2].lower_]
    found = _apposition(ctx, cand)
    if found is not None:
        if found[1] is not None:
            cand.descs.append(found[1])
        return found[0]
    return PERSON if cand.title is not None or _person_verb_after(ctx, cand) else None


def _person_verb_after(ctx: _Context, cand: _Cand) -> bool:
    """A two- or three-word capitalised name, with no organisation or place word, before
    a reporting verb or ", who" ("Ines Varga said", spaCy's ORG), not after "in"."""
    doc, end = ctx.doc, cand.end
    words = cand.text.split()
    if (
        not 2 <= len(words) <= 3
        or any(w.lower() in lex.ORG_WORDS or w.lower() in lex.PLACE_NOUNS for w in words)
        or (not all(w[:1].isupper() for w in words) or ctx.table.canonical(cand.text))
    ):
        return False
    if _after_place_preposition(doc, cand, None):  # "officials in the X Republic said"
        return False
    if end < len(doc) and doc[end].lower_ in lex.PERSON_VERBS:
        return True
    return end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "who"


def _fix_labels(ctx: _Context, cands: Sequence[_Cand]) -> None:
    """Cue-backed labels, then one label per surface form, then surnames (module doc)."""
    for cand in cands:
        label = _cue_label(ctx, cand)
        if label is not None:
            cand.label, cand.confident = label, True
        if cand.label == PERSON and _the_one_word(ctx.doc, cand):
            cand.label, cand.confident = "ORG", True
        if cand.label == PERSON and _dateline_place(ctx.doc, cand):
            cand.label, cand.confident = "GPE", True
    cued_people = {w for c in cands if c.confident and c.label == PERSON for w in c.key.split()}
    for before, cand in zip([None, *cands], cands, strict=False):
        # "in Dolna Brava", "in Sennik and Dolna Brava", unless a cue made it a person's
        if (
            _may_be_place(ctx, cand)
            and _after_place_preposition(ctx.doc, cand, before)
            and cued_people.isdisjoint(cand.key.split())
        ):
            cand.label, cand.confident = "GPE", True
    _vote(cands)
    surnames = {c.key.rsplit(" ", 1)[-1] for c in cands if c.label == PERSON and " " in c.key}
    for cand in cands:
        if (
            cand.label != PERSON
            and cand.key in surnames
            and not (cand.confident or ctx.table.canonical(cand.text))
        ):
            cand.label = PERSON


def _the_one_word(doc: Doc, cand: _Cand) -> bool:
    """A single untitled word after "the" that modifies no noun after it: "documents
    seen by the Tribune", "the Tribune reported" name a paper or a body, not a person
    ("the Obama administration" is a modifier, left alone)."""
    start = cand.start
    if cand.end - start == 2 and doc[start].lower_ == "the":
        start += 1  # "The Hill" tagged with its article
    elif cand.start == 0 or doc[start - 1].lower_ != "the":
        return False
    if cand.end - start != 1 or cand.title is not None:
        return False
    token = doc[start]
    return not (token.dep_ in {"compound", "amod", "poss"} and token.head.i > token.i)


def _dateline_place(doc: Doc, cand: _Cand) -> bool:
    """A capitalised word opening the text before a dash or comma: the dateline's place
    ("WASHINGTON —"), not a person."""
    token = doc[cand.start]
    after = doc[cand.end] if cand.end < len(doc) else None
    return (
        cand.start == 0
        and token.text.isupper()
        and len(token.text) > 2
        and after is not None
        and after.text in {"—", "–", "-", "--", ","}
    )


def _may_be_place(ctx: _Context, cand: _Cand) -> bool:
    """A PERSON, or a one-word ORG that is no acronym or known name, without a cue."""
    if cand.confident or cand.start == 0:
        return False
    return cand.label == PERSON or (
        cand.label == "ORG"
        and cand.end - cand.start == 1
        and not lex.is_acronym(cand.text)
        and cand.text.lower() not in lex.ORG_WORDS
        and ctx.table.canonical(cand.text) is None
    )


def _after_place_preposition(doc: Doc, cand: _Cand, before: _Cand | None) -> bool:
    """Whether a place preposition governs the name: "in (the) X", "in Y and X"."""
    start = cand.start
    if before is not None and before.end == start - 1 and doc[start - 1].lower_ in {"and", "or"}:
        start = before.start
    while start > 0 and doc[start - 1].lower_ == "the":
        start -= 1
    return start > 0 and doc[start - 1].lower_ in lex.PLACE_PREPOSITIONS


def _vote(cands: Sequence[_Cand]) -> None:
    """One label per surface form: a cue-backed label outweighs any number of spaCy's."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for cand in cands:
        votes[cand.key][cand.label] += _CUE_WEIGHT if cand.confident else 1
    for cand in cands:
        cand.label = votes[cand.key].most_common(1)[0][0]
        cand.confident = cand.confident or votes[cand.key][cand.label] >= _CUE_WEIGHT


# --- 3. grouping -----------------------------------------------------------------------


def _fullness(cand: _Cand) -> tuple[int, int, int]:
    """Most words, then most diacritics ("Velický" over "Velicky"), then the first."""
    return len(cand.key.split()), sum(ord(ch) > 127 for ch in cand.text), -cand.start


def _same_person(group: Sequence[_Cand], words: Sequence[str]) -> bool:
    """Whether a full name (folded words) is one of the group's: the same first word, or
    one name's words all in the other's ("von der Leyen" in "Ursula von der Leyen")."""
    mine = (c.key.split() for c in group if " " in c.key)
    return any(w[0] == words[0] or set(w) <= set(words) or set(words) <= set(w) for w in mine)


def _name_people(ctx: _Context, people: Sequence[_Cand]) -> None:
    """Group person candidates and give each its person's fullest name: full names by
    surname (:func:`_same_person`); then a one-word name is the person with that surname
    named last before it, or the one person with that first name, or someone new."""
    groups: list[list[_Cand]] = []
    by_surname: dict[str, list[int]] = defaultdict(list)
    by_first: dict[str, list[int]] = defaultdict(list)
    for cand in sorted(people, key=lambda c: (" " not in c.key, c.start)):  # full names first
        words = cand.key.split()
        if len(words) > 1:
            options = [g for g in by_surname[words[-1]] if _same_person(groups[g], words)][:1]
        else:
            firsts = by_first.get(words[0], [])
            options = by_surname.get(words[0]) or (firsts if len(firsts) == 1 else [])
        positions = {g: sorted(c.start for c in groups[g]) for g in options}
        found = lex.most_recent(options, positions, cand.start)
        if found is None:
            found = len(groups)
            groups.append([])
            by_surname[words[-1]].append(found)
            by_first[words[0]].append(found)
        groups[found].append(cand)
    for group in groups:
        form = max(group, key=_fullness).text
        for cand in group:
            cand.name = ctx.table.canonical(form) or form


def _untagged_surnames(ctx: _Context, cands: Sequence[_Cand]) -> list[_Cand]:
    """Bare surnames spaCy left untagged ("Rask said") of people named in full, unless
    two people share the surname."""
    surnames: dict[str, set[str]] = defaultdict(set)
    for cand in cands:
        if cand.label == PERSON and " " in cand.key:
            surnames[cand.key.rsplit(" ", 1)[-1]].add(cand.name)
    covered, found = _covered(ctx.doc, cands), []
    for tok in ctx.doc:
        names = surnames.get(lex.fold_key(tok.text)) if _is_untagged_name(tok) else None
        if names and len(names) == 1 and not covered[tok.i]:
            found.append(_new_cand(ctx, tok.i, tok.i + 1, PERSON, confident=True))
            found[-1].name = next(iter(names))
    return found


def _group_key(ctx: _Context, cand: _Cand) -> str:
    known = ctx.table.canonical(cand.text)
    return lex.fold_key(known) if known else cand.key


def _abbreviations(ctx: _Context, others: Sequence[_Cand]) -> dict[str, str]:
    """Acronym key -> group key of the full name: defined in parentheses after it
    ("Lorvik Dockers' Union (LDU)"), else the one full name with those initials."""
    doc = ctx.doc
    found: dict[str, str] = {}
    by_initials: dict[str, set[str]] = defaultdict(set)
    for cand in others:
        acronym = _acronym_in_parentheses(doc, cand.end + 1)
        if acronym is not None:
            found.setdefault(lex.fold_key(acronym), _group_key(ctx, cand))
        initials = lex.initials(cand.text)
        if initials:
            by_initials[initials].add(_group_key(ctx, cand))
    for initials, keys in by_initials.items():
        if len(keys) == 1:
            found.setdefault(initials, next(iter(keys)))
    return found


def _name_others(ctx: _Context, others: Sequence[_Cand]) -> None:
    """Group places, organisations etc. by canonical form, abbreviations with full names."""
    abbreviations = _abbreviations(ctx, others)
    groups: dict[str, list[_Cand]] = defaultdict(list)
    for cand in others:
        key = _group_key(ctx, cand)
        if lex.is_acronym(cand.text):
            key = abbreviations.get(key, key)
        groups[key].append(cand)
    for members in groups.values():
        name = lex.preferred_form([c.text for c in members], ctx.table)
        for cand in members:
            cand.name = name


# --- 4. descriptions -------------------------------------------------------------------


def _description_mentions(
    ctx: _Context, covered: bytearray, directory: DescribedPeople
) -> Iterable[tuple[int, int, str]]:
    """Token spans of "the [modifiers] TITLE" that resolve to a person, with the name."""
    doc = ctx.doc
    for last, (first, head) in ctx.titles.items():
        after = doc[last + 1] if last + 1 < len(doc) else None
        if (
            covered[last]
            or head in lex.HONORIFICS
            or (
                after is not None
                and (after.lower_ == "of" or (_is_name_token(after) and after.pos_ == "PROPN"))
            )
        ):
            continue
        start = first
        while start > 0 and first - start < _MAX_MODS and _is_np_word(doc[start - 1]):
            start -= 1
        if start == 0 or doc[start - 1].lower_ != "the":
            continue
        name = directory.resolve(Description(head, _mods(doc[start:first])), doc[start - 1].idx)
        if name is not None:
            yield start - 1, last + 1, name


# --- 5. gender -------------------------------------------------------------------------


def _gender_votes(
    ctx: _Context, spans: Sequence[tuple[int, int, str]], honorifics: Iterable[tuple[str, Gender]]
) -> dict[str, Gender]:
    """Each person's gender by vote, as the module doc says. Cost: O(tokens)."""
    votes: dict[str, Counter[Gender]] = defaultdict(Counter)
    for name, gender in honorifics:
        votes[name][gender] += _HONORIFIC_WEIGHT
    quoted = QuotedDoc(ctx.doc)
    anchors = [s for s in spans if not quoted.quoted[s[0]]]
    names_in: dict[int, set[str]] = defaultdict(set)
    for start, _, name in anchors:
        names_in[quoted.sent_of[start]].add(name)
    for tok in ctx.doc:
        pronoun = _PRONOUNS.get(tok.lower_)
        if pronoun is not None and not quoted.quoted[tok.i]:
            person = _antecedent(ctx.doc, quoted.sent_of, anchors, names_in, tok)
            if person is not None:
                votes[person][pronoun] += 1
    ranked = {name: count.most_common(2) for name, count in votes.items()}
    return {n: r[0][0] for n, r in ranked.items() if len(r) == 1 or r[0][1] > r[1][1]}


def _antecedent(
    doc: Doc,
    sent_of: Sequence[int],
    anchors: Sequence[tuple[int, int, str]],
    names_in: Mapping[int, set[str]],
    pronoun: Token,
) -> str | None:
    """The person a subject or possessive pronoun is evidence for: the nearest one named
    before it, when that mention is its sentence's subject or its sentence's only person,
    and the pronoun is in that sentence or (a subject) the next."""
    if pronoun.dep_ not in {"nsubj", "nsubjpass", "poss"}:
        return None
    found = bisect_left(anchors, (pronoun.i,)) - 1
    if found < 0 or anchors[found][1] > pronoun.i:
        return None
    start, end, name = anchors[found]
    reach = 0 if pronoun.dep_ == "poss" else 1
    if sent_of[pronoun.i] - sent_of[start] > reach:
        return None
    if listener_between(doc, start, end, pronoun, _PRONOUNS[pronoun.lower_]):
        return None  # "Holt asked her whether she would reply": "she" is the one asked
    alone = names_in[sent_of[start]] == {name}
    return name if alone or doc[start:end].root.dep_ in {"nsubj", "nsubjpass"} else None


# --- the index -------------------------------------------------------------------------


def _covered(doc: Doc, cands: Sequence[_Cand]) -> bytearray:
    covered = bytearray(len(doc))
    for cand in cands:
        start = cand.title.start if cand.title else cand.start
        covered[start : cand.end] = b"\x01" * (cand.end - start)
    return covered


def _name_start(cand: _Cand) -> int:
    """Where a mention starts: a person's title is part of it ("Prime Minister X")."""
    return cand.title.start if cand.title and cand.label == PERSON else cand.start


def _described_people(ctx: _Context, people: Sequence[_Cand]) -> DescribedPeople:
    positions: dict[str, list[int]] = defaultdict(list)
    descs: dict[str, dict[Description, None]] = defaultdict(dict)
    for cand in people:
        positions[cand.name].append(ctx.doc[_name_start(cand)].idx)
        for desc in [*([cand.title.desc] if cand.title else []), *cand.descs]:
            if desc.head not in lex.HONORIFICS:
                descs[cand.name][desc] = None
    return DescribedPeople(
        MappingProxyType({name: tuple(found) for name, found in descs.items()}),
        MappingProxyType({name: tuple(sorted(at)) for name, at in positions.items()}),
        ctx.table,
    )


def _build_index(ctx: _Context, cands: Sequence[_Cand]) -> EntityIndex:
    doc = ctx.doc
    people = [c for c in cands if c.label == PERSON]
    described = _described_people(ctx, people)
    descriptions = list(_description_mentions(ctx, _covered(doc, cands), described))
    uses = [
        *(
            NameUse(c.name, c.label, *_char_span(doc, _name_start(c), c.end), c.key, weight)
            for c in cands
            for weight in [_CUE_WEIGHT if c.confident or c.label == PERSON else 1]
        ),
        *(NameUse(n, PERSON, *_char_span(doc, s, e), "", _CUE_WEIGHT) for s, e, n in descriptions),
    ]
    spans = sorted([*((_name_start(c), c.end, c.name) for c in people), *descriptions])
    honorifics = [
        (c.name, gender)
        for c in people
        if c.title and (gender := lex.HONORIFICS.get(c.title.desc.head)) is not None
    ]
    genders = _gender_votes(ctx, spans, honorifics)
    return EntityIndex.build(ctx.text, uses, described, MappingProxyType(genders))


# --- public API ------------------------------------------------------------------------


def resolve_names(doc: Doc, aliases: AliasTable | None = None) -> EntityIndex:
    """The entities a parsed article names, each under its canonical name.

    ``doc`` needs spaCy's ``ner`` and ``parser`` (dependency labels and sentences);
    ``aliases`` defaults to :meth:`AliasTable.default`. Guarantees: every mention's
    offsets index ``doc.text`` (``doc.text[m.start:m.end] == m.text``); a person's
    canonical name is their fullest name in the article, without "the" or a title;
    a place or organisation the alias table knows has the table's name.
    Cost: linear in the number of tokens (see the module doc).
    """
    text = doc.text
    ctx = _Context(doc, text, aliases or AliasTable.default(), _find_titles(doc, text))
    cands = _candidates(ctx)
    _fix_labels(ctx, cands)
    _name_people(ctx, [c for c in cands if c.label == PERSON])
    _name_others(ctx, [c for c in cands if c.label != PERSON])
    cands = sorted([*cands, *_untagged_surnames(ctx, cands)], key=lambda c: c.start)
    index = _build_index(ctx, cands)
    logger.debug("resolved %d names into %d entities", len(cands), len(index.entities))
    return index
