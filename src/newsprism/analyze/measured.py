"""What a quantity is about, read off the parse: the noun a count counts, the thing a
share, sum or measure is of, and the verb a stand-in noun points to.

Split out of :mod:`newsprism.analyze.quantities` (whose module docstring states the
decisions, under "About"); this module only consults the spaCy parse.
"""

from __future__ import annotations

import re
from typing import Final

from spacy.tokens import Doc, Span, Token

from newsprism.analyze.calendar_words import RELATIVE_DAYS, WEEKDAYS
from newsprism.analyze.non_quantities import word_set

__all__ = [
    "NOUNS",
    "STAND_INS",
    "hyphened_word",
    "last_noun_of_run",
    "lemma_of",
    "measure_of",
    "of_complement",
    "stand_in_for",
]

_SUBJECTS: Final = frozenset({"nsubj", "nsubjpass"})
NOUNS: Final = word_set("NOUN PROPN")
# Verbs whose subject is what a measure measures: "turnout was 40%", "the fund totals".
_MEASURE_VERBS: Final = word_set(
    "be become remain stay stand reach total exceed top hit rise fall grow drop increase "
    "decrease decline climb jump double triple halve cost last take cover span measure "
    "weigh number amount account represent put estimate value set sit hover average"
)
# Verbs that measure their passive subject only: "the area is put at", not "they put".
_PASSIVE_MEASURE_VERBS: Final = word_set("put estimate value set")
#: The most capitals of a model's designation before its hyphen ("AK", "MH"; four may be
#: a dateline's city, as numbers.py reads it).
_MOST_CAPITALS: Final = 3
#: A designation the tokenizer keeps whole: capitals (a MiG's small letter too), a hyphen,
#: figures and perhaps a variant letter ("AK-47", "F-35", "MiG-29", "B-52H").
_DESIGNATION: Final = re.compile(r"[A-Z][A-Za-z]{0,2}-\d{1,4}[A-Za-z]?")
# Counted nouns that only stand in for a noun said before: "27 others were hurt".
STAND_INS: Final = word_set("other others")


# --- what a measure measures -------------------------------------------------------------


def measure_of(span: Span) -> Token | None:
    """What a share, sum or measure is of (the order: :mod:`newsprism.analyze.quantities`,
    "About")."""
    of = of_complement(span)
    if of is not None and of.pos_ == "PRON":
        of = None  # "18 of them": what "them" stands for is not here; the verb says more
    if of is not None and of.lower_ in STAND_INS:
        return stand_in_for(of, span.root)  # "dozens of others were hurt" -> hurt
    return _counted_by(of or _modified_noun(span.root) or _governed_by(span.root))


# Nouns that only count what their "of" complement names: "the number of strikers at 212".
_COUNT_NOUNS: Final = word_set("number total")


def _counted_by(found: Token | None) -> Token | None:
    """What a counting noun counts ("the number of strikers at 212" -> strikers, as "212
    strikers" says), else ``found`` itself."""
    if found is None or found.lemma_.lower() not in _COUNT_NOUNS:
        return found
    of = next((c for c in found.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    return counted if counted is not None and counted.pos_ in NOUNS else found


def of_complement(span: Span) -> Token | None:
    """The "of" complement: "30% of capacity" -> capacity; "two days of talks" -> talks."""
    if span.end >= len(span.doc) or span.doc[span.end].lower_ != "of":
        return None
    of = span.doc[span.end]
    found = next((c for c in of.children if c.dep_ == "pobj"), None)
    return found if found is not None else last_noun_of_run(span.doc, of.i + 1)


def _modified_noun(root: Token) -> Token | None:
    """The noun the quantity modifies: "a 4% pay rise" -> rise; "a 12-year-old boy" -> boy.
    A day's name is none: in "killed 12 today" (or "12 Monday") the parser hangs the bare
    count on the day that dates the deed, as :func:`last_noun_of_run` stops at it."""
    modifier = root.dep_ in {"amod", "compound", "nummod", "nmod", "quantmod", "npadvmod"}
    head = root.head
    if head.lower_ in RELATIVE_DAYS or head.lower_ in WEEKDAYS:
        return None
    return head if modifier and head.i > root.i and head.pos_ in NOUNS else None


def _governed_by(root: Token) -> Token | None:
    """The noun a preposition ties the quantity to, else the measuring verb's subject,
    else the verb: "a fund of EUR 2.3bn" -> fund; "turnout was 40%" -> turnout."""
    token = root
    if token.dep_ == "pobj" and token.head.pos_ == "ADP":
        token = token.head
        if token.head.pos_ in NOUNS:
            return token.head
    verb = token.head
    if verb.pos_ == "ADJ" and verb is not token:
        token, verb = verb, verb.head  # "the road is 12 miles long": measure of "long"
    if verb is token or verb.pos_ not in {"VERB", "AUX"}:
        return None
    if root.dep_ in {"nsubj", "nsubjpass"} or verb.lemma_ not in _MEASURE_VERBS:
        return verb
    roles = {"nsubjpass"} if verb.lemma_ in _PASSIVE_MEASURE_VERBS else {"nsubj", "nsubjpass"}
    subject = next((c for c in verb.children if c.dep_ in roles), None)
    if subject is None and verb.dep_ in {"acl", "relcl"} and verb.head.pos_ in NOUNS:
        return verb.head  # "an island covering 5.4 square miles"
    if subject is None and verb.dep_ == "xcomp":
        # "repairs are expected to take 6 weeks": the subject of the governing verb
        subject = next((c for c in verb.head.children if c.dep_ in _SUBJECTS), None)
    if subject is not None and subject.pos_ == "PRON":
        return verb  # "you take 18 of them": the verb says more than "you"
    return subject


def stand_in_for(noun: Token, acting: Token | None = None) -> Token | None:
    """What a count is about when its noun only stands in ("at least 41 others were
    hurt"): the participle it carries, else the verb of which it (or ``acting``, the
    count whose "of" complement it is: "scores of others injured") is the passive or
    participle's subject or the object, the object's participle complement first ("left
    12 others injured" -> injure): "hurt", as "41 hurt" says. Else nothing; any other
    noun is itself."""
    if noun.lower_ not in STAND_INS:
        return noun
    participle = next(
        (c for c in noun.children if c.dep_ in {"acl", "amod"} and c.tag_ == "VBN"), None
    )
    if participle is not None:
        return participle
    for token in (noun, acting):
        verb = token.head if token is not None else None
        if token is None or verb is None or verb.pos_ != "VERB":
            continue
        if token.dep_ == "dobj":
            result = (c for c in verb.children if c.dep_ == "oprd" and c.tag_ == "VBN")
            return next(result, verb)
        if token.dep_ == "nsubjpass" or (token.dep_ == "nsubj" and verb.tag_ == "VBN"):
            return verb
    return None


def lemma_of(token: Token | None) -> str | None:
    """What a quantity is about, as a lowercased lemma; None for pronouns ("it")."""
    if token is None or token.pos_ == "PRON" or not token.text.isalpha():
        return None
    lemma, word = token.lemma_.lower(), token.lower_
    if word.endswith("xes") and lemma.endswith("xis"):
        # The lemmatizer's exception table reads "taxes" as the plural of "taxis" (and
        # "axes" of "axis"); in news a "-xes" noun is nearly always a "-x" plural.
        return word[:-2]
    return lemma


def last_noun_of_run(doc: Doc, i: int) -> Token | None:
    """The head noun of the phrase starting at token ``i``: adjectives, nouns, hyphens.

    A day's name ends the phrase: "police arrested two men Monday" counts men, not a
    Monday (news dates a deed by the bare day name, which the tagger reads as a noun);
    a day named from today ends it wherever it stands ("hundreds tomorrow" counts no
    tomorrows). A figure hyphenated to a noun is a model's designation, part of the
    noun ("five AK-47 rifles", "three F - 16 jets": rifles and jets)."""
    noun: Token | None = None
    for token in doc[i : i + 6]:
        if token.lower_ in RELATIVE_DAYS or (noun is not None and token.lower_ in WEEKDAYS):
            break
        if _designation(token):
            continue
        if token.pos_ in NOUNS or (token.tag_ in {"VBG", "VBN"} and _after_hyphen(token)):
            noun = token if token.pos_ in NOUNS else noun
        elif token.tag_ == "HYPH" or (token.pos_ == "ADJ" and noun is None):
            continue
        else:
            break
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if noun is not None and (nxt is None or (nxt.pos_ not in NOUNS and nxt.tag_ != "HYPH")):
            break
    return noun


def hyphened_word(token: Token | None, pos: int) -> Token | None:
    """The word a hyphen at ``token`` joins to a figure ending at ``pos``: glued ("a
    12-point plan" -> "point"), or spaced on both sides as tokenised text writes it ("three
    90 - catch seasons" -> "catch") when that word modifies a noun after it (a spaced
    hyphen is also a dash: "killed 12 - police said" joins nothing); None otherwise."""
    if token is None or token.text != "-" or token.i + 1 >= len(doc := token.doc):
        return None
    after = doc[token.i + 1]
    if token.idx == pos:
        return after if after.idx == pos + 1 else None
    spaced = token.idx == pos + 1 and after.idx == pos + 3 and doc.text[pos] == " "
    if not spaced or after.i + 1 >= len(doc) or after.tag_ not in {"NN", "NNP"}:
        return None
    return after if doc[after.i + 1].pos_ in NOUNS else None


def _designation(token: Token) -> bool:
    """Whether ``token`` is a model's designation ("AK-47", one token) or its figure
    hyphenated to a word in capitals ("F - 16"), not to a lower-case noun ("20 points -
    12 rebounds")."""
    if _DESIGNATION.fullmatch(token.text):
        return True
    if not token.like_num or not _after_hyphen(token) or token.i < 2:
        return False
    letters = token.doc[token.i - 2].text
    return letters.isalpha() and letters.isupper() and len(letters) <= _MOST_CAPITALS


def _after_hyphen(token: Token) -> bool:
    return token.i > 0 and token.doc[token.i - 1].tag_ == "HYPH"
