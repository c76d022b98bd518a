"""Clauses of one sentence, parsed: the predicates a contradiction is built from.

The grammar shared by the passes of :mod:`newsprism.reconcile.discrepancies`: which
predicates a sentence negates ("not", "never", "no agreement was reached"), whether a
predicate is finite and asserted (no modal, hedge, condition, question, nor inside
what someone denies), and the core clause of a predicate (its subject, objects,
auxiliaries and prepositional phrases, without subordinate or coordinated clauses).
Sentences are parsed with spaCy's English pipeline, each once per call
(:class:`Parsed`).
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Token

from newsprism.analyze.nlp import load_english
from newsprism.model import Passage
from newsprism.reconcile.actors import StateNames, setting_verb

__all__ = [
    "CUE",
    "IMPLICATIVE_CUE",
    "NEGATIVE_IMPLICATIVES",
    "PREDICATE_POS",
    "Clause",
    "Parsed",
    "content_word",
    "english_parser",
    "excepting",
    "implied_denials",
    "irregular_forms",
    "is_announced",
    "is_asserted",
    "is_finite",
    "is_negated",
    "is_nominal_copula",
    "is_predicate",
    "is_presupposed_gerund",
    "is_reduced_relative",
    "lemma_of",
    "negated_predicates",
    "reporting_verb",
    "usable",
]

logger = logging.getLogger(__name__)

CUE = re.compile(r"\b(?:not|never|no|nothing|nobody|none|neither|nor)\b|n['’]t\b", re.I)
_NEGATORS = frozenset({"no", "nothing", "nobody", "none", "neither", "noone"})
_CORE = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd"})
PREDICATE_POS = frozenset({"VERB", "AUX", "ADJ"})
_MODALS = frozenset({"will", "would", "may", "might", "could", "should", "can", "must", "shall"})
_HEDGES = frozenset(
    {"reportedly", "allegedly", "possibly", "probably", "perhaps", "apparently", "likely",
     "maybe", "supposedly", "seemingly", "unlikely"}
)  # fmt: skip
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# Dependents that open another clause; the core clause of a predicate leaves them out.
_CLAUSAL = frozenset(
    {"advcl", "relcl", "ccomp", "xcomp", "conj", "cc", "parataxis", "punct", "mark",
     "npadvmod", "appos", "acl", "dep", "csubj", "preconj"}
)  # fmt: skip
_CONDITIONS = frozenset({"if", "whether", "unless"})
# Whether someone spoke, thought or knew is not the claim itself.
_SPEECH = frozenset(
    {"say", "tell", "comment", "confirm", "deny", "announce", "report", "state", "speak",
     "respond", "reply", "add", "explain", "claim", "insist", "suggest", "know", "believe",
     "think", "expect", "want", "hope", "fear", "doubt", "see", "appear", "seem", "mean",
     "ask", "answer", "be", "have", "do"}
)  # fmt: skip
# Verbs whose clausal complement is what someone says is untrue: "denied that she had
# ever misled the auditors" asserts nothing about misleading.
_DENIALS = frozenset({"deny", "dispute", "refute", "contest"})


@dataclass(frozen=True)
class Clause:
    """One predicate of one sentence, parsed."""

    sentence: Passage
    source: str
    predicate: Token
    negated: bool

    @property
    def lemma(self) -> str:
        return lemma_of(self.predicate)

    @property
    def text(self) -> str:
        """The core clause: the predicate with its subject, objects, auxiliaries and
        prepositional phrases, without subordinate or coordinated clauses."""
        tokens = _core(self.predicate)
        head = self.predicate.head
        if self.predicate.dep_ in ("acomp", "attr") and head.i != self.predicate.i:
            # A copula's complement takes the copula's subject: "the captain is alive"
            # / "is dead" share the captain, not the one word each.
            tokens += _core(head)
        if is_reduced_relative(self.predicate):
            tokens += _reduced_core(self.predicate.head)
        kept = sorted(set(tokens), key=lambda t: t.i)
        parts = []
        for n, token in enumerate(kept):
            gap = n + 1 < len(kept) and kept[n + 1].i != token.i + 1
            parts.append(token.text + (" " if gap or token.whitespace_ else ""))
        return "".join(parts).strip()


def _reduced_core(noun: Token) -> list[Token]:
    """What a reduced relative's core clause adds: the noun it modifies ("an interview
    published Sunday") and the telling the noun is the setting of, with its subject and
    object ("Holt told the Courier in an interview published Sunday": the actors of
    :func:`newsprism.reconcile.actors.actors_of`)."""
    tokens = _core(noun)
    verb = setting_verb(noun)
    if verb is not None:
        tokens += [verb, noun.head]
        for child in verb.children:
            if child.dep_ in ("nsubj", "dobj"):
                tokens += _core(child)
    return tokens


def _core(token: Token) -> list[Token]:
    tokens = [token]
    for child in token.children:
        if child.dep_ not in _CLAUSAL:
            tokens.extend(_core(child))
    return tokens


def is_finite(token: Token) -> bool:
    """Whether the predicate is a finite verb (or a copula's complement): "to keep pace"
    and "leaving the venue" assert nothing on their own."""
    verb = token.head if token.dep_ in ("acomp", "attr") else token
    if _had_to(verb):
        return True
    if any(c.tag_ == "TO" for c in verb.children if c.dep_ in ("aux", "auxpass")):
        return False
    if verb.tag_ in _FINITE_TAGS:
        return True
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ in _FINITE_TAGS or c.tag_ == "MD" for c in auxiliaries):
        return True
    # A past participle with a subject and no auxiliary is a mis-tagged past tense.
    return verb.tag_ == "VBN" and not auxiliaries and any(c.dep_ == "nsubj" for c in verb.children)


def is_reduced_relative(token: Token) -> bool:
    """Whether the predicate is a past participle that modifies a noun: "an interview
    published Sunday", "tax returns released Friday" (a relative clause with its "which
    was" left out). It tells of a past event as the finite verb would ("the interview
    was published Sunday"), the noun its patient."""
    return token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in ("NOUN", "PROPN")


def _had_to(verb: Token) -> bool:
    """ "had to apologize": an obligation in the past tense reports that it was done
    (unlike "has to", "will have to"); "had yet to regain consciousness" says it was
    not done yet (seen on ECB+: it paired as an assertion with "had not yet regained")."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and lemma_of(head) == "have"
        and head.tag_ == "VBD"
        and not any(c.dep_ == "aux" for c in head.children)
        and not any(c.lower_ == "yet" for c in (*head.children, *verb.children))
    )


@functools.cache
def english_parser() -> Language:
    """The English pipeline without NER, loaded once per process."""
    return load_english(disable=("ner",))


@functools.cache
def _irregular_table() -> dict[str, frozenset[str]]:
    """Lemma -> the forms the English model's lemmatizer lists as exceptions ("paid",
    "won", "met"): the forms a stem prefix misses."""
    lemmatizer = english_parser().get_pipe("lemmatizer")
    if not isinstance(lemmatizer, Lemmatizer):
        return {}
    table = lemmatizer.lookups.get_table("lemma_exc")
    forms: dict[str, set[str]] = {}
    for form, lemmas in dict(table["verb"]).items():
        for lemma in lemmas:
            forms.setdefault(lemma, set()).add(form)
    return {lemma: frozenset(f) for lemma, f in forms.items()}


def irregular_forms(lemma: str) -> frozenset[str]:
    """The irregular forms of a verb lemma ("pay" -> "paid"), empty when it has none."""
    return _irregular_table().get(lemma, frozenset())


def lemma_of(token: Token) -> str:
    return token.lemma_.casefold()


def content_word(predicate: Token) -> Token:
    """The word that carries a copular predicate: "is not a member" -> member."""
    if lemma_of(predicate) == "be":
        for child in predicate.children:
            if child.dep_ in ("attr", "acomp"):
                return child
    return predicate


def is_nominal_copula(token: Token) -> bool:
    """Whether the token is a noun after "is" that carries the claim: "she is not a
    trustee of the Sarnow museum" / "she is a trustee of the Sarnow museum" (the
    noun's phrases and the copula's subject are its actors:
    :mod:`newsprism.reconcile.actors`)."""
    head = token.head
    return (
        token.pos_ == "NOUN"
        and token.dep_ == "attr"
        and head.i != token.i
        and lemma_of(head) == "be"
    )


def is_predicate(token: Token) -> bool:
    """A word a negation claim is built on: a verb, an adjective, or a noun after a
    copula (:func:`is_nominal_copula`)."""
    return token.pos_ in PREDICATE_POS or is_nominal_copula(token)


def negated_predicates(doc: Doc) -> list[Token]:
    """Predicates the sentence negates (guard 1)."""
    found: list[Token] = []
    for token in doc:
        lower = token.lower_
        if token.dep_ == "neg":
            nxt = token.nbor(1) if token.i + 1 < len(doc) else None
            if nxt is not None and nxt.lower_ in ("only", "just"):
                continue
            found.append(content_word(token.head))
        elif lower in _NEGATORS and token.dep_ in _CORE and not excepting(token):
            found.append(content_word(token.head))
        elif (
            lower == "no"
            and token.dep_ == "det"
            and token.head.dep_ in _CORE
            and not excepting(token.head)
        ):
            found.append(content_word(token.head.head))
    return [t for t in found if is_predicate(t)]


#: Verbs whose past, asserted, tells that their infinitive did not happen: "failed to
#: reach an agreement" denies "reached an agreement" as "did not reach" does (negative
#: implicatives; "refused to sign" is left out: a refusal may be followed by signing a
#: revised text, as in a hard negative of the BASIL contradictions development file).
NEGATIVE_IMPLICATIVES: Final = frozenset({"fail", "neglect"})
IMPLICATIVE_CUE = re.compile(r"\b(?:fail|neglect)(?:s|ed|ing)?\s+to\b", re.I)


def implied_denials(doc: Doc) -> list[tuple[Token, Token]]:
    """(predicate, implicative) pairs: an infinitive whose happening an asserted,
    un-negated, finite negative implicative denies ("the union failed to reach a deal"
    -> "reach"); "did not fail to" asserts, "may fail to" forecasts."""
    return [
        (token, token.head)
        for token in doc
        if token.dep_ == "xcomp"
        and token.pos_ == "VERB"
        and lemma_of(token.head) in NEGATIVE_IMPLICATIVES
        and any(c.tag_ == "TO" for c in token.children if c.dep_ == "aux")
        and is_finite(token.head)
        and not is_negated(token.head)
        and is_asserted(token.head)
    ]


# Verbs and adjectives whose clausal complement is someone's account ("said he did
# not send", "is certain he did not send").
_REPORTING = frozenset(
    {"say", "tell", "claim", "insist", "maintain", "contend", "assert", "argue", "write",
     "tweet", "testify", "state", "add", "explain", "believe", "think", "certain", "sure",
     "confident", "adamant", "acknowledge"}
)  # fmt: skip


def reporting_verb(token: Token) -> Token | None:
    """The nearest word whose clausal complement holds the predicate and that reports
    someone's account of it ("said", "is certain"), or None when it is narrated."""
    node = token
    while node.head.i != node.i:
        if node.dep_ == "ccomp" and lemma_of(node.head) in _REPORTING:
            return node.head
        node = node.head
    return None


#: Words right after a none that leave someone out: "nobody but the driver was hurt"
#: says the driver was; "no one else" denies only beyond those told.
_EXCEPTING_AFTER: Final = frozenset({"but", "except", "besides", "else"})
#: Modifiers of the none's own noun that do the same: "no other passenger", "no further
#: arrests", "no additional troops". Only the none's noun's: "no agreement on additional
#: funding" still denies the agreement (review s38/2).
_EXCEPTING_MODIFIERS: Final = frozenset({"else", "other", "further", "more", "additional"})


def excepting(none: Token) -> bool:
    """Whether a none ("nobody", "no one", "no passengers", "none of the passengers")
    leaves some out: :data:`_EXCEPTING_AFTER` right after it, or
    :data:`_EXCEPTING_MODIFIERS` among the direct modifiers of its noun. Such a none
    denies nothing of the predicate."""
    doc = none.doc
    if any(t.lower_ in _EXCEPTING_AFTER for t in doc[none.i + 1 : none.i + 2]):
        return True
    nouns = [none]
    if none.lower_ == "none":  # "none of the other passengers"
        nouns += [o for p in none.children if p.lower_ == "of" for o in p.children]
    return any(
        c.lower_ in _EXCEPTING_MODIFIERS and c.dep_ != "prep" for n in nouns for c in n.children
    )


def _negated_here(token: Token) -> bool:
    for child in token.children:
        if child.dep_ == "neg" and not (
            child.i + 1 < len(child.doc) and child.doc[child.i + 1].lower_ in ("only", "just")
        ):
            return True
        if (
            child.dep_ in _CORE
            and (
                child.lower_ in _NEGATORS
                or any(g.lower_ == "no" and g.dep_ == "det" for g in child.children)
            )
            and not excepting(child)
        ):
            return True
    return False


def is_negated(token: Token) -> bool:
    """Whether the predicate (or the copula that carries it) is negated."""
    head = token.head
    copula = token.dep_ in ("acomp", "attr") and lemma_of(head) == "be" and head.i != token.i
    return _negated_here(token) or (copula and _negated_here(head))


def _denied(token: Token) -> bool:
    """Whether the predicate stands inside the clausal complement of a denial."""
    while token.head.i != token.i:
        if token.dep_ == "ccomp" and lemma_of(token.head) in _DENIALS:
            return True
        token = token.head
    return False


def is_asserted(token: Token) -> bool:
    """Guard 4: no modal, hedge, condition or question on the predicate, and not what
    someone denies."""
    if _denied(token) or _embedded_question(token) or _proposition(token) or _aimed(token):
        return False
    if token.doc.text.rstrip().endswith("?"):
        return False
    scope = [token, *([token.head] if token.dep_ in ("acomp", "attr") else [])]
    for word in scope:
        for child in word.children:
            lower = child.lower_
            if child.dep_ == "aux" and lower in _MODALS:
                return False
            if lower in _HEDGES or (child.dep_ == "mark" and lower in _CONDITIONS):
                return False
    return not any(
        c.dep_ == "mark" and c.lower_ in _CONDITIONS for a in token.ancestors for c in a.children
    )


def _aimed(token: Token) -> bool:
    """Whether the predicate is, or stands inside, a purpose infinitive: "crews worked to
    ensure that the blaze did not reach the library", "so as to ...", "in order to ..."
    tell an aim, not what happened. A relative clause inside one still tells ("to meet
    the man who had not paid"), and so does an infinitive under any other verb: "returned
    to Kelmar to find that the barrier had not been closed" tells what was found (review
    s35 r1 F7), so only the aim verbs of :data:`_AIM_VERBS` or a "so as"/"in order" mark
    make one."""
    for word in (token, *token.ancestors):
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in word.children):
            if word.dep_ == "advcl" and (
                lemma_of(word.head) in _AIM_VERBS
                or any(c.dep_ == "mark" and c.lower_ == "so" for c in word.children)
            ):
                return True
            if word.dep_ == "acl" and word.head.lower_ == "order" and word.head.head.lower_ == "in":
                return True
        if word.dep_ in ("relcl", "acl", "ROOT"):
            return False
    return False


#: Verbs whose "to" infinitive is the aim striven for, not a result ("worked to ensure",
#: "tried to stop"). Chosen by hand, kept to verbs of effort: a verb of motion
#: ("returned ... to find") takes result infinitives as often as aims.
_AIM_VERBS: Final = frozenset(
    {
        "work",
        "strive",
        "struggle",
        "seek",
        "try",
        "aim",
        "labour",
        "labor",
        "scramble",
        "battle",
        "fight",
        "act",
        "intervene",
        "campaign",
        "lobby",
    }
)


_WH_TAGS = frozenset({"WP", "WDT", "WRB", "WP$"})


def _embedded_question(token: Token) -> bool:
    """Whether the predicate stands in a clause that opens with a wh-word and is no
    relative or adverbial clause: "intrigue has surrounded what conversations took
    place", "nobody knows who signed it" ask, they do not tell (the "whether" clause's
    kin). "The man who signed it" (a relative clause) and "when she signed it" (an
    adverbial one) still tell."""
    for word in (token, *token.ancestors):
        if word.dep_ in ("relcl", "advcl", "acl", "ROOT"):
            return False
        first = min(word.subtree, key=lambda t: t.i)
        if first.tag_ in _WH_TAGS and first.lower_ != "that":
            return True
    return False


# Nouns whose "that" clause is a proposition someone holds, not a fact the outlet tells:
# "the idea that he served in Vietnam", "reports that the mayor resigned".
_PROPOSITION_NOUNS = frozenset(
    {"idea", "claim", "notion", "report", "belief", "allegation", "suggestion",
     "assertion", "rumor", "rumour", "theory", "impression", "perception", "myth",
     "speculation", "assumption", "accusation", "charge", "contention", "insinuation"}
)  # fmt: skip


def _proposition(token: Token) -> bool:
    """Whether the predicate is the "that" clause of a noun naming a proposition
    (:data:`_PROPOSITION_NOUNS`). The small parser reads "the idea that he served" as a
    relative clause too ("that" its object), so both shapes count."""
    for word in (token, *token.ancestors):
        if word.dep_ in ("acl", "relcl"):
            opens = min(word.subtree, key=lambda t: t.i)
            return lemma_of(word.head) in _PROPOSITION_NOUNS and opens.lower_ == "that"
    return False


def is_announced(token: Token) -> bool:
    """Asserted, or a decision its maker announced: "said his company would abandon the
    deal" reports the decision in reported speech ("will" put in the past), not a
    forecast. Only "will"/"would" under a past speech verb, the clause's subject the
    speaker's own ("it", "his company": a pronoun or owned by one; "analysts said the
    company would ..." is a forecast), no condition or hedge on the way up."""
    if is_asserted(token):
        return True
    modals = [c for c in token.children if c.dep_ == "aux" and c.lower_ in _MODALS]
    if [m.lower_ for m in modals] not in (["would"], ["will"]) or token.dep_ != "ccomp":
        return False
    if token.doc.text.rstrip().endswith("?") or not _own_subject(token):
        return False
    speech = token.head
    if lemma_of(speech) not in _ANNOUNCING or speech.tag_ != "VBD" or _negated_here(speech):
        return False
    return not _denied(token) and not any(
        c.lower_ in _HEDGES or _conditional(c)
        for w in (token, *token.ancestors)
        for c in w.children
    )


def _own_subject(token: Token) -> bool:
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(
        s.pos_ == "PRON" or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in s.children)
        for s in subjects
    )


def _conditional(child: Token) -> bool:
    """A condition marker, or a clause that opens with one ("... if the levy passes")."""
    if child.dep_ == "mark" and child.lower_ in _CONDITIONS:
        return True
    return child.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in child.children
    )


# Speech verbs whose "would" clause reports a decision ("said it would close the plant").
_ANNOUNCING = frozenset({"say", "announce", "tell", "confirm", "state", "declare"})


class Parsed:
    """Sentences parsed on demand, each once per call, and each text once: syndicated
    copies and wire text repeat sentences word for word, and one parse serves them all
    (a Doc holds no offsets into its article; the callers add the sentence's start)."""

    def __init__(self, nlp: Language, states: StateNames) -> None:
        self._nlp = nlp
        self._docs: dict[tuple[str, int], Doc] = {}
        self._by_text: dict[str, Doc] = {}
        self.states = states  # the story's names for states, learned once per call

    def docs(self, sentences: Sequence[Passage]) -> list[Doc]:
        todo = [s for s in sentences if (s.article, s.start) not in self._docs]
        texts = [t for t in dict.fromkeys(s.text for s in todo) if t not in self._by_text]
        for text, doc in zip(texts, self._nlp.pipe(texts), strict=True):
            self._by_text[text] = doc
        for sentence in todo:
            self._docs[(sentence.article, sentence.start)] = self._by_text[sentence.text]
        return [self._docs[(s.article, s.start)] for s in sentences]


def is_presupposed_gerund(token: Token) -> bool:
    """Whether the predicate is a gerund after a preposition that takes its event as
    done: "after meeting the mayor on Monday", "since taking office in 2019" (not
    "without signing", "instead of voting"; nor "slams the law for cutting the
    subsidy": after a verb of blame, "for" gives the critic's charge, which a source's
    "we will not cut one cent of the subsidy" does not contradict). The verb the
    preposition hangs on must itself be asserted and finite: "plans to sign the bill
    after meeting the mayor" tells a meeting still to come."""
    head = token.head
    return (
        token.tag_ == "VBG"
        and token.dep_ == "pcomp"
        and head.pos_ == "ADP"
        and head.lower_ in _PRESUPPOSING
        and not any(c.dep_ in ("aux", "auxpass") for c in token.children)
        and _asserted_anchor(head.head)
    )


def _asserted_anchor(verb: Token) -> bool:
    """Whether the word a presupposing preposition hangs on tells a past or present
    fact: a finite, asserted verb that is no complement of another ("plans to sign",
    "is expected to sign", "wants to visit")."""
    return (
        verb.pos_ in ("VERB", "AUX")
        and verb.dep_ not in ("xcomp", "ccomp", "advcl")
        and is_finite(verb)
        and is_asserted(verb)
    )


_PRESUPPOSING = frozenset({"after", "since", "upon", "following"})


def usable(token: Token, *, participles: bool = False) -> bool:
    """Guards 3 and 4 on one predicate; ``participles`` lets a reduced relative clause
    or a presupposed gerund count as finite (:func:`is_reduced_relative`,
    :func:`is_presupposed_gerund`: "published Sunday" dates an event as "was published
    Sunday" does, "after passing a resolution Tuesday" as "passed" does)."""
    finite = is_finite(token) or (
        participles and (is_reduced_relative(token) or is_presupposed_gerund(token))
    )
    return lemma_of(token) not in _SPEECH and finite and is_asserted(token)
