"""Rival actors: two sources name different people as the one who did a thing that only
one can have done.

"Linda Ferrand defeated Ana Holt to become vice chair" against "Marta Ferrand won the
race, defeating Ana Holt": one contest has one winner, so the two cannot both be true.
Only predicates with a single agent per patient and occasion count
(:data:`ONE_AGENT`: defeating, beating, ousting someone, winning the contest, posting a
thing online first, taking an office one person holds: "became chair of the caucus",
"was elected speaker"); "X criticized Holt" and "Y criticized Holt" are both true. A
contest told both ways ("Holt beat Rask" / "Rask beat Holt") is one too. A pair is a
candidate when:

1. both sides assert the predicate (not negated, no modal, hedge, condition or
   question; a participle hanging on an asserted verb counts: "won the race,
   defeating Holt");
2. each agent is one person named in full (two words or more: a bare surname may be
   either of two relatives), and the story's roster does not fold the two names into
   one person; for posting (post, upload, publish: one deed), an account named by its
   handle ("posted by "HarbourCam22"", "under an account titled DockWatcher"), never a
   person or outlet, who may repost or share what another account posted;
3. the patients share a named participant (for "win": the same noun with "the", "won
   the race" / "won the race"; for posting: the same noun with "the", "the video"), or
   each side's doer is the other's patient; for an office, the same title of the same
   body where both name one, a singular title bare or with "the" and its body ("became
   a member" is no one office), and each article names only its own holder (an article
   naming both may tell of a predecessor);
4. no preposition both sides use takes different nouns ("in the primary" / "in the
   runoff").

The caller (:mod:`newsprism.reconcile.discrepancies`) adds the date guard (different
occasions are no contradiction) and the clause similarity.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from types import MappingProxyType
from typing import Final

from spacy.tokens import Token

from newsprism.analyze.aliases import TITLE_LAST_WORDS, fold_key
from newsprism.model import Passage
from newsprism.reconcile.actors import StateNames, actors_of
from newsprism.reconcile.clauses import Clause, Parsed, is_asserted, is_finite, is_negated
from newsprism.reconcile.forms import form_table, inflections
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.roster import StoryNames, story_names

__all__ = ["ONE_AGENT", "rival_pairs"]

logger = logging.getLogger(__name__)

ROLE: Final = "take office"
#: Predicates one agent at most does to a patient on one occasion, with their forms.
ONE_AGENT: Final = MappingProxyType(
    {
        "defeat": inflections("defeat"),
        "beat": inflections("beat", ("beaten",)),
        "oust": inflections("oust"),
        "unseat": inflections("unseat"),
        "assassinate": inflections("assassinate"),
        "win": inflections("win", ("won",)),
        # putting one thing online: one account first posted the video
        "post": inflections("post") + inflections("upload") + inflections("publish"),
        # taking an office one person holds: "became chair", "was elected speaker"
        ROLE: inflections("become", ("became",))
        + inflections("elect")
        + inflections("name")
        + inflections("appoint")
        + inflections("choose", ("chose", "chosen"))
        + inflections("select")
        + inflections("swear", ("swore", "sworn")),  # "was sworn in as mayor"
    }
)
_LEMMA_OF: Final = form_table(ONE_AGENT)
_WORDS = re.compile(r"[^\W\d_]+")
_NAMED_TYPES = frozenset({"PERSON", "ORG"})
_ACCOUNT_NOUNS = frozenset({"account", "channel", "handle", "username", "user", "page"})
_NAMING = frozenset({"title", "name", "call", "dub"})
# A handle: "@name", or one word with a capital inside ("KelmarDockCam") or a digit.
_HANDLE = re.compile(r"@\w+|\w*[a-z][A-Z]\w*|[A-Za-z]+\d\w*")
_QUOTES = frozenset("\"“”'‘’`")


def _lemma(token: Token) -> str | None:
    """The table's lemma of a verb token (by its form: the parser's lemma of a
    participle varies)."""
    return _LEMMA_OF.get(token.lower_) if token.pos_ in ("VERB", "AUX") else None


def _asserted_event(token: Token) -> bool:
    """Guard 1: finite and asserted, or a bare participle on such a verb."""
    if is_negated(token) or not is_asserted(token):
        return False
    if is_finite(token):
        return True
    head = token.head
    bare = not any(c.dep_ in ("mark", "aux") for c in token.children)
    if _lemma(token) == "post" and token.dep_ == "acl" and token.tag_ == "VBN":
        return bare  # "the video posted by @name": a reduced relative clause
    return token.dep_ == "advcl" and token.tag_ == "VBG" and bare and is_finite(head)


def _entities_in(
    token: Token, sentence: Passage, material: StoryMaterial, types: frozenset[str]
) -> list[str]:
    """Names of the article's entities of ``types`` mentioned inside the token's subtree."""
    analysis = material.analysis(sentence.article)
    if analysis is None:
        return []
    left = sentence.start + min(t.idx for t in token.subtree)
    right = sentence.start + max(t.idx + len(t) for t in token.subtree)
    return [
        e.name
        for e in analysis.entities
        if e.type in types and any(left <= m.start and m.end <= right for m in e.mentions)
    ]


def _agent(clause: Clause, material: StoryMaterial) -> str | None:
    """Guard 2 on one side: the one person named in full as the predicate's subject
    (the subject of the verb a participle hangs on; for taking an office, who takes it:
    the subject of "became", the passive subject of "was elected", the object of "the
    caucus elected Holt chair")."""
    token = clause.predicate
    if _lemma(token) == ROLE:
        if _role_of(token) is None:
            return None
        objects = [c for c in token.children if c.dep_ == "dobj"]
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        return _person(objects or subjects, clause, material)
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if not subjects and token.dep_ == "advcl":
        # The participle's doer is the subject of the clause it hangs on, active or
        # passive: "was elected chair, defeating Holt" tells who defeated Holt.
        subjects = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return _person(subjects, clause, material)


def _person(subjects: Sequence[Token], clause: Clause, material: StoryMaterial) -> str | None:
    """The one person named in full by the one subject token (or None)."""
    if len(subjects) != 1:
        return None
    people = _entities_in(subjects[0], clause.sentence, material, frozenset({"PERSON"}))
    written = _written_name(subjects[0])
    # The recogniser may miss or mislabel a name ("Marta" tagged a place in "Marta
    # Ferrand won"): the written name then says more. (A name cut at a middle initial
    # is whole since entity handling runs over the initial.)
    longer = written is not None and len(written.split()) > max(
        map(len, map(str.split, people)), default=0
    )
    if (
        written is not None
        and longer
        and len(people) <= 1
        and all(p.split()[-1] in written.split() for p in people)
    ):
        people = [written]
    full = {p for p in people if len(p.split()) >= 2}
    return full.pop() if len(full) == 1 and len(people) == len(set(people)) else None


def _account(clause: Clause) -> str | None:
    """For "post": the account named as the poster, by its handle ("posted by
    "KelmarDockCam"", "by @name") or after an account noun ("under an account titled
    HarbourWatcher"). People and organisations do not count: one thing is posted by
    one account, but reposted, shared and reported by many."""
    token = clause.predicate
    for child in token.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj" and _handle_like(obj):
                    return obj.text
    for word in token.subtree:
        if word.lemma_.casefold() not in _ACCOUNT_NOUNS or word.pos_ != "NOUN":
            continue
        for verb in word.children:
            if verb.dep_ == "acl" and verb.lemma_.casefold() in _NAMING:
                after = [t for t in verb.doc[verb.i + 1 : verb.i + 3] if t.text not in _QUOTES]
                if after and after[0].pos_ == "PROPN":
                    return after[0].text
    return None


def _handle_like(token: Token) -> bool:
    quoted = token.i > 0 and token.doc[token.i - 1].text in _QUOTES
    return token.pos_ == "PROPN" and (quoted or _HANDLE.fullmatch(token.text) is not None)


def _written_name(head: Token) -> str | None:
    """The proper name the subject spells when the entity recogniser missed it: the
    proper-noun head with its proper-noun compounds, titles left out ("Representative
    Linda T. Sanchez" -> "Linda T. Sanchez")."""
    if head.pos_ != "PROPN":
        return None
    parts = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    words = [t.text for t in sorted([*parts, head], key=lambda t: t.i)]
    while words and words[0].casefold().rstrip(".") in TITLE_LAST_WORDS:
        words.pop(0)
    return " ".join(words) or None


def _patients(clause: Clause, material: StoryMaterial) -> frozenset[str]:
    """Guard 3 on one side: the named participants of the object; for "win", the object
    noun when it is definite ("the race")."""
    found: set[str] = set()
    if _lemma(clause.predicate) == "post":
        return _posted_thing(clause.predicate)
    if _lemma(clause.predicate) == ROLE:
        role = _role_of(clause.predicate)
        return frozenset() if role is None else frozenset({role})
    for child in clause.predicate.children:
        if child.dep_ not in ("dobj", "nsubjpass"):
            continue
        names = _entities_in(child, clause.sentence, material, _NAMED_TYPES)
        found |= {n.casefold() for n in names}
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in child.children)
        if _lemma(clause.predicate) == "win" and definite:
            found.add(f"the {child.lemma_.casefold()}")
    return frozenset(found)


def _role_of(verb: Token) -> str | None:
    """The office a verb of taking office gives, when only one person holds it: a
    singular noun as the predicate's complement ("became chair", "was named chief
    executive", "was appointed as chair"), bare or definite with the one body it belongs to
    ("the chairman of the party"); "became a member" or "the target of criticism" (no
    one body) is no one office. Keyed by its words and its body's head noun."""
    nouns = [c for c in verb.children if c.dep_ in ("attr", "oprd")]
    nouns += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "as" for o in p.children
              if o.dep_ == "pobj"]  # fmt: skip
    if len(nouns) != 1 or nouns[0].pos_ != "NOUN" or nouns[0].tag_ != "NN":
        return None
    noun = nouns[0]
    dets = [c.lower_ for c in noun.children if c.dep_ in ("det", "poss", "nummod")]
    bodies = [
        o
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    if dets and (dets != ["the"] or not any(map(_definite, bodies))):
        return None
    words = [t.lemma_.casefold() for t in noun.children if t.dep_ == "compound"]
    body = "".join(f" of {b.lemma_.casefold()}" for b in bodies[:1])
    return " ".join([*words, noun.lemma_.casefold()]) + body


def _definite(noun: Token) -> bool:
    """A body named as one thing: a proper noun or a noun with "the" ("of the party";
    "of criticism" names none)."""
    return noun.pos_ == "PROPN" or any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def _same_office(a: str, b: str) -> bool:
    """One office: the same title, the same body where both name one ("chair" / "chair
    of the caucus")."""
    title_a, _, body_a = a.partition(" of ")
    title_b, _, body_b = b.partition(" of ")
    return title_a == title_b and (not body_a or not body_b or body_a == body_b)


def _posted_thing(token: Token) -> frozenset[str]:
    """What was posted, when definite ("the video"): the object, the passive subject,
    or the noun a relative or reduced clause hangs on ("the video, which was posted")."""
    things = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if token.dep_ in ("relcl", "acl") and all(c.tag_ in ("WDT", "WP") for c in things):
        things = [token.head]
    return frozenset(
        f"the {t.lemma_.casefold()}"
        for t in things
        if t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
    )


def _one_name(a: str, b: str, names: StoryNames) -> bool:
    """Whether two names may be one: the roster folds them, or the words of one are
    all words of the other ("Linda Ferrand" / "Councillor Linda T. Ferrand"); "Linda
    Ferrand" and "Marta Ferrand" are two."""
    if names.key(a) == names.key(b):
        return True
    left, right = set(fold_key(a).split()), set(fold_key(b).split())
    return left <= right or right <= left


def _candidates(material: StoryMaterial, sentences: Sequence[Passage]) -> list[Passage]:
    """Prefilter: sentences with a form of the table that a sentence of another source
    uses too."""
    marked = [
        (s, {lemma for w in _WORDS.findall(s.text.casefold()) if (lemma := _LEMMA_OF.get(w))})
        for s in sentences
    ]
    marked = [(s, lemmas) for s, lemmas in marked if lemmas]
    keep: list[Passage] = []
    for s, lemmas in marked:
        source = material.source_of(s.article)
        if any(lemmas & o for t, o in marked if material.source_of(t.article) != source):
            keep.append(s)
    return keep


def _rivals(
    a: Clause, b: Clause, material: StoryMaterial, names: StoryNames, states: StateNames
) -> bool:
    """Guards 2-4 on a pair of clauses of one predicate."""
    if _lemma(a.predicate) == "post":
        agent_a, agent_b = _account(a), _account(b)
    else:
        agent_a, agent_b = _agent(a, material), _agent(b, material)
    if agent_a is None or agent_b is None or _one_name(agent_a, agent_b, names):
        return False
    patients_a, patients_b = _patients(a, material), _patients(b, material)
    if _lemma(a.predicate) == ROLE:
        return (
            any(_same_office(x, y) for x in patients_a for y in patients_b)
            and _one_side(a, agent_b, material, names)
            and _one_side(b, agent_a, material, names)
        )
    shared = any(_one_name(x, y, names) for x in patients_a for y in patients_b)
    # "Holt beat Rask" / "Rask beat Holt": each names the other's doer as the one done
    # to; one contest cannot have gone both ways.
    swapped = any(_one_name(agent_a, y, names) for y in patients_b) and any(
        _one_name(agent_b, x, names) for x in patients_a
    )
    if not (shared or swapped):
        return False
    preps_a = actors_of(a.predicate, a.sentence, material, states).preps
    preps_b = actors_of(b.predicate, b.sentence, material, states).preps
    return all(preps_a[p] & preps_b[p] for p in preps_a.keys() & preps_b.keys())


def _one_side(clause: Clause, other: str, material: StoryMaterial, names: StoryNames) -> bool:
    """Whether the clause's article never names the other side's person: an article
    that names both may tell of a predecessor and a successor in one office."""
    analysis = material.analysis(clause.sentence.article)
    people = [e.name for e in (analysis.entities if analysis else ()) if e.type == "PERSON"]
    return not any(_one_name(other, p, names) for p in people)


def rival_pairs(
    material: StoryMaterial, sentences: Sequence[Passage], parsed: Parsed
) -> list[tuple[Clause, Clause]]:
    """Pairs of clauses of different sources naming rival agents (the module's guards
    1-4), each pair once."""
    candidates = _candidates(material, sentences)
    clauses: list[tuple[str, Clause]] = []
    for sentence, doc in zip(candidates, parsed.docs(candidates), strict=True):
        for token in doc:
            lemma = _lemma(token)
            if lemma is not None and _asserted_event(token):
                source = material.source_of(sentence.article)
                clauses.append((lemma, Clause(sentence, source, token, False)))
    if len(clauses) < 2:
        return []
    names = story_names(material)
    return [
        (a, b)
        for i, (a_lemma, a) in enumerate(clauses)
        for b_lemma, b in clauses[i + 1 :]
        if a.source != b.source
        and a_lemma == b_lemma
        and _rivals(a, b, material, names, parsed.states)
    ]
