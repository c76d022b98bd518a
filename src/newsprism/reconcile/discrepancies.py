"""Discrepancies: claims from different sources of one story that cannot all be true.

:func:`find_discrepancies` reports four kinds, each quoting every side with its outlet:

``number``
    Every fact that :func:`~newsprism.reconcile.facts.compare_facts` found to ``differ``;
    the claims are the sentences holding each figure (one per article and sentence).

``negation``
    One source denies what another asserts: "talks have not resumed so far" against
    "talks resumed on Wednesday"; "the two leaders did not sign anything" against "the
    two leaders signed a framework declaration". A false contradiction costs the user's
    trust, so a pair of sentences (from different sources: syndicated copies never
    contradict each other) is reported only when every guard holds:

    1. one sentence negates a predicate: ``not``/``n't``/``never`` on it, ``no``/
       ``nothing``/``nobody``/``none`` as its subject or object ("no agreement was
       reached"); "not only" is no negation, nor a none that leaves some out ("nobody
       but the driver was hurt", "no one else": :func:`~newsprism.reconcile.clauses.
       excepting`); a negative implicative denies its
       infinitive ("failed to reach an agreement": :func:`~newsprism.reconcile.clauses.
       implied_denials`);
    2. the other sentence has the same predicate lemma (or one of the same deed:
       "has not been published" / "was released", "did not resign" / "quit":
       :data:`~newsprism.reconcile.date_discrepancies.DEED_SYNONYMS`), not negated
       there, and nowhere negated in that sentence (negation on exactly one side); a
       reduced relative asserts as a finite verb does ("the bill, signed by the
       governor on Monday, ..." against "the governor has not signed the bill");
    3. neither predicate is a speech or cognition verb ("did not comment" / "said":
       whether someone spoke is not the claim), nor "be"/"have"/"do" alone: the word
       after a copula carries the claim, an adjective or a noun ("is not a trustee of
       the Sarnow museum" / "is a trustee of the Sarnow museum");
    4. neither side is hedged or unasserted: no modal ("may", "will", "would", ...), no
       hedge adverb ("reportedly", "possibly", ...), no "if"/"whether" clause, no
       question, not inside what someone denies ("denied that she had misled the
       auditors" asserts no misleading), no embedded question ("what took place") and
       no proposition a noun holds ("the idea that he served"), no purpose infinitive
       ("worked to ensure that the blaze did not reach the library"); a past "had to apologize" is
       asserted;
    5. the same actors: subject heads (lemmas, or entity names) and object heads must
       overlap where both sides name them, at least one of them must be shared, and a
       preposition both sides attach to the predicate must not take different nouns
       ("on wages" / "on pensions"); the denial names no participant the assertion
       leaves out ("has not apologized to the young men" denies nothing of "has
       apologized for his behaviour"); a relative pronoun is the noun it stands for
       ("a cable, which has not been made public"); a doer's own account of the deed
       ("he said he is certain he did not send it") against an outlet's narration of it
       is a dispute reported, not a contradiction (two accounts, or two narrations,
       still contradict); an article that both asserts and denies the predicate
       anywhere takes no side; an implied denial pairs only with an assertion
       qualified the same way ("failed to reach a deal in the first round" / "reached
       a deal after a second round": two attempts); a denial bounded by "since" or in
       the perfect ("has not been heard from since") does not deny the last time ("was
       last heard from at 9:32 p.m."): the two tell one thing; a contention the outlet
       keeps its distance from ("Olsen claimed the break-in did not happen") clashes
       with nothing; an object predicative must be the same on both sides ("was never
       made public" denies nothing of "the club made its bid"); a denial of telling
       why is none of telling that, "previously" sets another time, and a denial in
       the present perfect does not deny a deed dated on a day that may be later
       (:mod:`newsprism.reconcile.negation_guards`);
    6. no different occasions: when both predicates carry a resolved date, the dates
       overlap;
    7. the two clauses (the predicate's subtree) are similar: cosine at least
       ``DiscrepancyOptions.lexical`` or ``.dense`` by the similarity given.

    Antonym predicates count as a denial without a "not": "the ferry passed its last
    inspection" against "the ferry failed its last inspection" (confirmed/denied,
    accepted/rejected, rose/fell: :mod:`newsprism.reconcile.antonyms`), both sides
    asserted and un-negated (a reduced relative too: "the bill, vetoed by the governor
    on Tuesday", its noun the thing vetoed), under guards 4-7 (speech verbs allowed: confirming and
    denying one thing is the claim), and only about one thing: both take an object or
    a clause sharing a noun ("confirmed the meeting" / "denied there was a meeting"),
    or neither does ("the vote passed" / "the vote failed"); "she lost 43 votes" does
    not deny "she won". A state and its negative-prefixed opposite count as antonyms
    too ("the driver was armed" / "was unarmed", "legal" / "illegal": :func:`~newsprism.
    reconcile.antonyms.prefix_opposites`, predicate adjectives and stative participles
    only, with "in-"/"dis-" words that end like a participle left out). Opposed
    prepositions about one thing count too: "looking into the camera" / "looking over
    the camera", "voted for" / "against the levy"
    (:mod:`newsprism.reconcile.prepositions`: the same predicate and noun, both
    asserted, one actor, no article giving both), under guards 6-7.

    Actors are compared as the story names them (:mod:`newsprism.reconcile.actors`):
    a capital or seat of government stands for its state ("Kyiv", "the Kremlin"), a
    leader the story titles for the state ("Valdorian President Velicky"), and "he" or
    "she" for the person the article named last; a verb without its own subject takes
    the subject of the verb it hangs on ("the director had to apologize").

    Pairs linked by a shared sentence form one discrepancy (all who deny, all who
    assert). Two outlets' renderings of one direct quote that differ by a negation
    ("if they don't pass this bill ..." / "to pass this bill ...") are a ``negation``
    too, whatever the guards above say of conditionals and modals: which way the
    speaker put it is the claim (:mod:`newsprism.reconcile.renderings`). A plan ended for
    good by one source and only put off by another ("abandoned" / "put on hold") is a
    ``negation`` too (:mod:`newsprism.reconcile.outcomes`: one thing, the same agents).
    So is a count of none against a count of some for one deed of one occasion ("No one
    was injured in the warehouse fire" / "Two firefighters were injured in the
    warehouse fire": :mod:`newsprism.reconcile.zero_counts`).

``date``
    One event dated differently by two sources, one vote told in other words and
    dated differently, and one occasion named by a noun and dated on it ("the mayoral
    debate on Tuesday" / "Thursday's mayoral debate"), and one utterance quoted in the
    same words and said on different days ("'...,' Holt said Tuesday" / "Holt said
    Wednesday: '...'") (:mod:`newsprism.reconcile.date_discrepancies`). And, where the
    analysis could not resolve the days (an article with no publication date), one
    deed given two weekdays or two days of a month ("went missing Friday night" /
    "the disappearance last Saturday": :mod:`newsprism.reconcile.day_names`), and one
    deed given two times of day ("left at about 9:30 p.m." / "left at 11 p.m.":
    :mod:`newsprism.reconcile.clock_times`).

``actor``
    Different people named as the one who did a deed only one can do: "Linda Ferrand
    defeated Ana Holt" against "Marta Ferrand won, defeating Ana Holt" (who won, who
    defeated, ousted or beat whom; which account posted the video:
    :mod:`newsprism.reconcile.rivals`), on no different occasions (guard 6), clauses
    similar as in guard 7. And one person placed in different places: "Ana Holt, a
    student in Springfield" against "a Portland woman, later identified as Ana Holt"
    (:mod:`newsprism.reconcile.places`: the place tied to the name or a description of
    the person, origin kept apart, states and countries never compared with a town).
    And one event held in two towns: "misspoke at the Tresny event" / "misspoke at a
    2019 event in Varna" (:mod:`newsprism.reconcile.event_places`: the same deed, agent
    and event, a definite or dated event, no article naming both towns). And any one
    deed placed in two towns: "signed the bill at a rally in Tresny" / "signed the bill
    in Varna" (:func:`newsprism.reconcile.places.deed_places`: the same verb and
    agent, asserted, no speech verb, the place after "in"/"at"/"during" on the verb or
    down a chain of such phrases, the narrowest places, no article naming both; guard 6
    and the clause similarity of dated pairs). And one
    interview credited to two outlets: "Holt told a radio station in Kelmar" / "told
    Kelmar station KLMR-FM" (:mod:`newsprism.reconcile.addressees`: the same
    speaker, the same kind of outlet in the same place, no article naming both). And
    one person tied to one other by kinships that exclude each other: "Mira Olsen's
    husband, Ole Varga" / "her brother Ole Varga" (:mod:`newsprism.reconcile.kinship`).

Order: ``number`` discrepancies first (in the facts' order), then ``negation``,
``actor`` and ``date`` ones by the position of their first claim (story article order, offset).
Claims inside a discrepancy are in story article order, then offset.

Cost: spaCy parses only sentences with a negation cue, sentences that share a negated
predicate's stem, and sentences with a resolved date (the model is loaded once per
process), plus one similarity matrix over the surviving clauses.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import Final

from spacy.language import Language
from spacy.tokens import Token

from newsprism.model import Discrepancy, Fact, Passage
from newsprism.reconcile.actors import Actors, StateNames, actors_of, same_actors
from newsprism.reconcile.addressees import addressee_discrepancies
from newsprism.reconcile.antonym_frames import same_frame, two_times
from newsprism.reconcile.antonyms import (
    antonym_of,
    lemma_of_form,
    negated_stems,
    prefix_opposites,
    table_lemmas,
)
from newsprism.reconcile.clauses import (
    CUE,
    IMPLICATIVE_CUE,
    NEGATIVE_IMPLICATIVES,
    PREDICATE_POS,
    Clause,
    Parsed,
    english_parser,
    implied_denials,
    irregular_forms,
    is_asserted,
    is_finite,
    is_negated,
    is_predicate,
    is_reduced_relative,
    lemma_of,
    negated_predicates,
    reporting_verb,
    usable,
)
from newsprism.reconcile.clock_times import clock_discrepancies
from newsprism.reconcile.date_discrepancies import (
    DEED_SYNONYMS,
    date_discrepancies,
    deed_kin,
    event_date_discrepancies,
    one_deed,
    one_occasion,
    statement_date_discrepancies,
    vote_date_discrepancies,
)
from newsprism.reconcile.day_names import day_name_discrepancies
from newsprism.reconcile.discrepancy_groups import (
    WORDS,
    DiscrepancyOptions,
    DiscrepancyPass,
    claims_of,
    clause_actors,
    components,
    distinct_negations,
    in_order,
    prefixes,
    similar_pairs,
    threshold_for,
)
from newsprism.reconcile.event_places import event_place_discrepancies
from newsprism.reconcile.kinship import kin_discrepancies
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.negation_guards import (
    asked,
    earlier,
    narrower_thing,
    not_yet,
    other_occasion,
    other_particle,
    other_thing,
    raised_negation,
    under_denial,
)
from newsprism.reconcile.outcomes import outcome_discrepancies
from newsprism.reconcile.places import deed_places, placed_apart
from newsprism.reconcile.prepositions import opposed_pairs
from newsprism.reconcile.renderings import negation_renderings
from newsprism.reconcile.rivals import rival_pairs
from newsprism.reconcile.similarity import TextSimilarity
from newsprism.reconcile.zero_counts import zero_count_discrepancies

__all__ = ["PASSES", "DiscrepancyOptions", "find_discrepancies"]

logger = logging.getLogger(__name__)

_FILLERS = frozenset(
    {"been", "have", "that", "this", "with", "from", "they", "their", "were", "will",
     "would", "only", "just", "even", "more", "also", "such", "much", "many", "very",
     "longer", "until", "since", "least", "where", "when"}
)  # fmt: skip
_WILDCARDS = frozenset({"anything", "something", "everything", "nothing", "any", "one"})
# Infinitives after "failed to" that carry no claim of their own (guard 3 for the
# implicatives: usable() is checked on the implicative, not on them).
_NOT_CLAIMS = frozenset({"say", "tell", "comment", "mention", "be", "have", "do", "get"})


def _stem_prefix(lemma: str) -> str:
    return lemma[: max(4, len(lemma) - 2)]


def _number(material: StoryMaterial, facts: Iterable[Fact]) -> list[Discrepancy]:
    result = []
    for fact in facts:
        if fact.status != "differ":
            continue
        claims: dict[tuple[str, int], Passage] = {}
        for value in fact.values:
            sentence = material.sentence_at(value.passage.article, value.passage.start)
            pieces = [
                p
                for p in (material.pieces(sentence) if sentence else [])
                if p.start <= value.passage.start < p.end
            ]
            chosen = pieces[0] if pieces else value.passage
            claims.setdefault((chosen.article, chosen.start), chosen)
        result.append(Discrepancy(fact.about, "number", tuple(claims.values())))
    return result


def _content_prefixes(text: str) -> frozenset[str]:
    return frozenset(
        w[:4] for w in WORDS.findall(text.casefold()) if len(w) >= 4 and w not in _FILLERS
    )


def _cue_worth_parsing(sentence: Passage, others: Sequence[frozenset[str]]) -> bool:
    """Prefilter (parsing is the costly step): some sentence of another source holds a
    word right after a negation cue (where the negated predicate or its noun stands)
    and one more content word of this sentence."""
    mine = _content_prefixes(sentence.text)
    after: set[str] = set()
    for cue in [*CUE.finditer(sentence.text), *IMPLICATIVE_CUE.finditer(sentence.text)]:
        following = WORDS.findall(sentence.text[cue.end() :].casefold())
        after.update(w[:4] for w in following[:5] if len(w) >= 4 and w not in _FILLERS)
    # A deed's other verbs: "not been published" may deny "was released".
    after.update(k for w in list(after) for k in _KIN_PREFIXES.get(w, ()))
    return any(len(words & mine) >= 2 and words & after for words in others)


# The four-letter prefixes of the verbs of one deed, by the prefix of each of them.
_KIN_PREFIXES: Final[dict[str, frozenset[str]]] = {}
for _members in DEED_SYNONYMS:
    for _lemma in _members:
        _KIN_PREFIXES[_lemma[:4]] = _KIN_PREFIXES.get(_lemma[:4], frozenset()) | {
            k[:4] for k in _members
        }


def _of_others(
    words: Sequence[tuple[str, frozenset[str]]], material: StoryMaterial, sentence: Passage
) -> list[frozenset[str]]:
    """The word sets of other sources' sentences (the sentence's source read once, not
    once per sentence of the story)."""
    source = material.source_of(sentence.article)
    return [w for src, w in words if src != source]


def _denials(material: StoryMaterial, sentences: Sequence[Passage], parsed: Parsed) -> list[Clause]:
    """Guard 1 (with 3 and 4): negated, asserted, non-speech predicates."""
    words = [(material.source_of(s.article), _content_prefixes(s.text)) for s in sentences]
    cued = [
        s
        for s in sentences
        if (CUE.search(s.text) or IMPLICATIVE_CUE.search(s.text))
        and _cue_worth_parsing(s, _of_others(words, material, s))
    ]
    found = []
    for s, doc in zip(cued, parsed.docs(cued), strict=True):
        source = material.source_of(s.article)
        found += [Clause(s, source, p, True) for p in negated_predicates(doc) if usable(p)]
        # "failed to reach a deal": the implicative carries guards 3-4, the infinitive
        # is what is denied.
        found += [
            Clause(s, source, p, True)
            for p, implicative in implied_denials(doc)
            if usable(implicative) and lemma_of(p) not in _NOT_CLAIMS
        ]
    return found


def _might_assert(sentence: Passage, words: frozenset[str], denial: Clause, m: Actors) -> bool:
    """Prefilter: another source's sentence with the predicate's stem and a word of
    one of the denial's participants."""
    participants = {w[:4] for name in m.agents | m.patients for w in WORDS.findall(name)}
    if not words & participants:
        return False
    kin = deed_kin(denial.lemma)  # "has not been published" / "was released"
    stems = tuple(_stem_prefix(k) for k in kin)
    irregular = {f for k in kin for f in irregular_forms(k)}  # "paid" for "pay"
    return any(
        w.startswith(stems) or w in irregular for w in WORDS.findall(sentence.text.casefold())
    )


def _negation_pairs(
    material: StoryMaterial, sentences: Sequence[Passage], parsed: Parsed
) -> list[tuple[Clause, Clause]]:
    """Guards 1-6 over every (denial, assertion) pair of sentences."""
    negatives = _denials(material, sentences, parsed)
    states = parsed.states
    actors = {id(n): clause_actors(n, material, states) for n in negatives}
    words = {(s.article, s.start): prefixes(s.text) for s in sentences}
    candidates = [
        s
        for s in sentences
        if any(
            n.source != material.source_of(s.article)
            and _might_assert(s, words[(s.article, s.start)], n, actors[id(n)])
            for n in negatives
        )
    ]
    lemmas = {k for c in negatives for k in deed_kin(c.lemma)}
    positives: list[Clause] = []
    for sentence, doc in zip(candidates, parsed.docs(candidates), strict=True):
        denied = {lemma_of(p) for p in negated_predicates(doc)}
        for token in doc:
            lemma = lemma_of(token)
            if (
                is_predicate(token)
                and lemma in lemmas
                and not deed_kin(lemma) & denied
                and not is_negated(token)
                and not under_denial(token)
                and usable(token, participles=True)
            ):
                positives.append(
                    Clause(sentence, material.source_of(sentence.article), token, False)
                )
    pairs = [
        (n, p)
        for n in negatives
        for p in positives
        if n.source != p.source
        and one_deed(n.lemma, p.lemma)
        and _compatible_actors(n, p, material, states)
        and not _narrower(n, p, material, states)
        and not _last_before_since(n, p)
        and not not_yet(n, p, material)
        and not other_occasion(n, p)
        and not other_particle(n, p)
        and not other_thing(n, p, material)
        and not narrower_thing(n, p)
        and _same_attempt(n, p)
        and _complement(n.predicate) == _complement(p.predicate)
        and asked(n.predicate) == asked(p.predicate)
        and earlier(n.predicate) == earlier(p.predicate)
        and _clashing_accounts(_account(n, material, states), _account(p, material, states))
    ]
    return _undisputed(pairs, [*negatives, *positives])


def _complement(predicate: Token) -> frozenset[str]:
    """The predicate's object predicative, which carries the claim as the word after a
    copula does (guard 3): "the bid was never made public" denies nothing of "the club
    made its bid", "was not found guilty" still denies "was found guilty"."""
    return frozenset(lemma_of(c) for c in predicate.children if c.dep_ == "oprd")


def _implied(clause: Clause) -> bool:
    """Whether the clause is denied by a negative implicative ("failed to reach")."""
    head = clause.predicate.head
    return clause.predicate.dep_ == "xcomp" and lemma_of(head) in NEGATIVE_IMPLICATIVES


def _qualifiers(predicate: Token) -> frozenset[tuple[str, str]]:
    """The predicate's prepositional phrases (preposition, noun) and adverbial
    modifiers ("in the first round", "after a second round", "eventually", "last
    year")."""
    found = set()
    for child in predicate.children:
        if child.dep_ == "prep":
            found |= {(lemma_of(child), lemma_of(o)) for o in child.children if o.dep_ == "pobj"}
        elif child.dep_ in ("npadvmod", "advmod") and not _negator(child):
            found.add((child.dep_, lemma_of(child)))
    return frozenset(found)


def _negator(token: Token) -> bool:
    return token.dep_ == "neg" or token.lower_ in ("not", "never", "n't")


def _same_attempt(denial: Clause, assertion: Clause) -> bool:
    """Guard 5d: "failed to reach a deal in the first round" denies only that round's
    deal, not "reached a deal after a second round": an implied denial pairs only with
    an assertion qualified the same way (the implicative's phrases count as the
    infinitive's: the parser hangs them on either)."""
    if not _implied(denial):
        return True
    mine = _qualifiers(denial.predicate) | _qualifiers(denial.predicate.head)
    return mine == _qualifiers(assertion.predicate)


def _last_before_since(denial: Clause, assertion: Clause) -> bool:
    """Guard 5e: a denial bounded by "since" or told in the perfect ("has not been
    heard from since", "has not been seen") and an assertion of the last time ("had
    last been heard from at 9:32 p.m.") tell one thing: the last time, and nothing
    after it."""
    since = any(
        c.lower_ == "since" or (c.dep_ in ("aux", "auxpass") and lemma_of(c) == "have")
        for c in denial.predicate.children
    )
    last = any(
        t.lower_ == "last" and t.dep_ in ("advmod", "amod", "npadvmod")
        for t in assertion.predicate.children
    )
    return since and last


def _account(clause: Clause, material: StoryMaterial, states: StateNames) -> str:
    """Whose words the clause is: ``narrated`` (the outlet's own), ``own`` (its doer's
    account of the deed: "Holt said she had not sent the photo", "is certain he did
    not send it"), ``contended`` (anyone's, told with a distancing verb: "claimed",
    "contended") or ``reported`` (someone else's account)."""
    reporter = reporting_verb(clause.predicate)
    if reporter is None:
        return "narrated"
    if lemma_of(reporter) in _CONTENDING:
        return "contended"
    speaker = actors_of(reporter, clause.sentence, material, states).agents
    return "own" if speaker & clause_actors(clause, material, states).agents else "reported"


#: Guard 5c: a doer's own account of a deed against an outlet's narration of it ("the
#: photo was sent from Holt's account") reports a dispute, not a contradiction between
#: outlets. Two accounts still contradict ("the president said the country had
#: received the text" / "an aide said the capital had not").
_DISPUTE: Final = frozenset({"own", "narrated"})
#: Verbs by which an outlet keeps its distance from what it reports ("Olsen claimed the
#: break-in did not happen"): a contention is a dispute the outlet reports, as "the
#: claim that ..." is no assertion (``clauses._PROPOSITION_NOUNS``), so it clashes with
#: no other outlet's account or narration.
#: Not "insist": officials insist as often as they say (review s35 r1 F7).
_CONTENDING: Final = frozenset({"claim", "contend", "allege"})


def _clashing_accounts(a: str, b: str) -> bool:
    """Guard 5c: whether two clauses' accounts (:func:`_account`) can contradict."""
    return "contended" not in (a, b) and {a, b} != _DISPUTE


def _antonym_lemma(token: Token) -> str | None:
    lemma = lemma_of(token)
    return lemma if antonym_of(lemma) else lemma_of_form(token.text)


def _antonym_candidates(material: StoryMaterial, sentences: Sequence[Passage]) -> list[Passage]:
    """Prefilter: sentences with a predicate of the antonym table whose antonym a
    sentence of another source uses, the two sharing two content words."""
    marked = [(s, table_lemmas(s.text), _content_prefixes(s.text)) for s in sentences]
    marked = [m for m in marked if m[1]]
    keep: set[tuple[str, int]] = set()
    for i, (a, a_lemmas, a_words) in enumerate(marked):
        opposite = {x for lemma in a_lemmas for x in antonym_of(lemma)}
        for b, b_lemmas, b_words in marked[i + 1 :]:
            if material.source_of(a.article) == material.source_of(b.article):
                continue
            if opposite & b_lemmas and len(a_words & b_words) >= 2:
                keep.update({(a.article, a.start), (b.article, b.start)})
    keep |= _prefixed_candidates(material, sentences)
    return [s for s in sentences if (s.article, s.start) in keep]


def _prefixed_candidates(
    material: StoryMaterial, sentences: Sequence[Passage]
) -> set[tuple[str, int]]:
    """Prefilter for negative-prefixed opposites ("unarmed" / "armed"): a sentence with a
    prefixed word whose stem a sentence of another source holds, the two sharing two
    content words besides."""
    words = [frozenset(w.casefold() for w in WORDS.findall(s.text)) for s in sentences]
    holding: dict[str, list[int]] = {}
    for n, found in enumerate(words):
        for word in found:
            holding.setdefault(word, []).append(n)
    content = [_content_prefixes(s.text) for s in sentences]
    keep: set[tuple[str, int]] = set()
    for n, sentence in enumerate(sentences):
        source = material.source_of(sentence.article)
        stems = {stem for w in words[n] for stem in negated_stems(w)}
        for m in (m for stem in stems for m in holding.get(stem, ())):
            other = sentences[m]
            if material.source_of(other.article) != source and len(content[n] & content[m]) >= 3:
                keep.update({(sentence.article, sentence.start), (other.article, other.start)})
    return keep


def _state_word(token: Token) -> str | None:
    """A predicate adjective, or a participle told as a state ("was armed"), as a word
    a negative prefix may oppose (:func:`~newsprism.reconcile.antonyms.
    prefix_opposites`); None for any other token."""
    if token.pos_ == "ADJ" and token.dep_ in ("acomp", "attr", "ROOT", "conj", "oprd"):
        return token.lower_
    if token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in token.children):
        return token.lower_
    return None


def _antonym_pairs(
    material: StoryMaterial, sentences: Sequence[Passage], parsed: Parsed
) -> list[tuple[Clause, Clause]]:
    """Guards 2-6 for antonym predicates ("passed" / "failed its inspection"): both
    asserted and un-negated, finite, from different sources, the same actors. Speech
    verbs are allowed here: "confirmed" / "denied" the same thing is the claim."""
    candidates = _antonym_candidates(material, sentences)
    clauses: list[tuple[str, Clause]] = []
    for sentence, doc in zip(candidates, parsed.docs(candidates), strict=True):
        for token in doc:
            lemma = _antonym_lemma(token) or _state_word(token)
            if (
                lemma is not None
                and token.pos_ in PREDICATE_POS
                and not is_negated(token)
                and (is_finite(token) or is_reduced_relative(token))
                and is_asserted(token)
            ):
                source = material.source_of(sentence.article)
                clauses.append((lemma, Clause(sentence, source, token, False)))
    return [
        (a, b)
        for i, (a_lemma, a) in enumerate(clauses)
        for b_lemma, b in clauses[i + 1 :]
        if a.source != b.source
        and (
            b_lemma in antonym_of(a_lemma)
            or (prefix_opposites(a_lemma, b_lemma) and not two_times(a, b))
        )
        and same_frame(a.predicate, b.predicate)
        and _compatible_actors(a, b, material, parsed.states)
    ]


def _narrower(
    denial: Clause, assertion: Clause, material: StoryMaterial, states: StateNames
) -> bool:
    """Guard 5b: the denial names a participant the assertion leaves out. "He has not
    apologized to the young men" is no denial of "he has apologized for his behaviour":
    denying a narrower claim leaves the broader one standing (the converse, "has not
    apologized" against "apologized to the young men", still contradicts). A phrase
    the assertion holds elsewhere ("reached an agreement at the meeting", attached to
    the noun) is not left out."""
    mine, theirs = (
        clause_actors(denial, material, states),
        clause_actors(assertion, material, states),
    )
    if (mine.patients and not theirs.patients) or _pronoun_object(denial.predicate):
        return True
    words = {lemma_of(t) for t in assertion.predicate.subtree}
    text = assertion.sentence.text.casefold()
    return any(
        not any(n in words or (" " in n and n in text) for n in mine.preps[prep])
        for prep in mine.preps.keys() - theirs.preps.keys()
    )


def _compatible_actors(a: Clause, b: Clause, material: StoryMaterial, states: StateNames) -> bool:
    """Guards 5 and 6."""
    if not same_actors(clause_actors(a, material, states), clause_actors(b, material, states)):
        return False
    return one_occasion(a, b, material)


def _pronoun_object(predicate: Token) -> bool:
    """Whether the object is a pronoun that leaves the thing unnamed ("he hasn't shown
    it"): what is denied cannot be matched to what another outlet asserts."""
    return any(
        c.dep_ in ("dobj", "nsubjpass") and c.lower_ in _THING_PRONOUNS for c in predicate.children
    )


_THING_PRONOUNS = frozenset({"it", "this", "that", "these", "those", "them"})


def _undisputed(
    pairs: list[tuple[Clause, Clause]], clauses: Sequence[Clause]
) -> list[tuple[Clause, Clause]]:
    """Pairs whose articles each take one side: an article that itself both asserts and
    denies the predicate reports a dispute ("he said he sailed with the Ardmoor fleet" ...
    "he had never sailed with the fleet"), it does not contradict another outlet. Sides
    are read from every usable clause found (``clauses``), paired or not: a side another
    guard left unpaired is still told by its article."""
    sides: dict[tuple[str, str], set[bool]] = {}
    for clause in clauses:
        # A deed told by synonyms is one deed: "released" and "has not been published"
        # in one article take both sides.
        for kin in deed_kin(clause.lemma):
            sides.setdefault((clause.sentence.article, kin), set()).add(clause.negated)
    return [
        (n, p)
        for n, p in pairs
        if len(sides[(n.sentence.article, n.lemma)]) == 1
        and len(sides[(p.sentence.article, p.lemma)]) == 1
    ]


def _negations(
    material: StoryMaterial,
    sentences: Sequence[Passage],
    parsed: Parsed,
    similarity: TextSimilarity,
    opts: DiscrepancyOptions,
) -> list[Discrepancy]:
    pairs = (
        _negation_pairs(material, sentences, parsed)
        + _antonym_pairs(material, sentences, parsed)
        + [
            (a, b)
            for a, b in opposed_pairs(material, sentences, parsed)
            if one_occasion(a, b, material)
        ]
    )
    kept = similar_pairs(pairs, similarity, threshold_for(similarity, opts.lexical, opts.dense))
    result = []
    for group in components(kept):
        denials = [c for c in group if c.negated]
        about = min((c.text for c in denials), key=len) if denials else group[0].text
        result.append(Discrepancy(about, "negation", claims_of(material, group)))
    return result + _renderings(material, result)


def _renderings(material: StoryMaterial, found: Sequence[Discrepancy]) -> list[Discrepancy]:
    """``negation`` between two outlets' renderings of one quote
    (:mod:`newsprism.reconcile.renderings`), unless a claim pair already holds them."""
    seen = [{(c.article, c.start) for c in d.claims} for d in found]
    result = []
    for denial, assertion in negation_renderings(material):
        if raised_negation(denial.text, assertion.text):
            continue
        keys = {(denial.article, denial.start), (assertion.article, assertion.start)}
        if not any(keys <= claims for claims in seen):
            seen.append(keys)
            claims = in_order(material, (denial, assertion))
            result.append(Discrepancy(denial.text, "negation", claims))
    return result


def _rival_actors(
    material: StoryMaterial,
    sentences: Sequence[Passage],
    parsed: Parsed,
    similarity: TextSimilarity,
    opts: DiscrepancyOptions,
) -> list[Discrepancy]:
    """``actor``: different people named as the one who did a one-agent deed
    (:mod:`newsprism.reconcile.rivals`), on no different occasions, clauses similar."""
    pairs = [
        (a, b) for a, b in rival_pairs(material, sentences, parsed) if one_occasion(a, b, material)
    ]
    kept = similar_pairs(pairs, similarity, threshold_for(similarity, opts.lexical, opts.dense))
    return [
        Discrepancy(min((c.text for c in group), key=len), "actor", claims_of(material, group))
        for group in components(kept)
    ]


def _places(
    material: StoryMaterial,
    sentences: Sequence[Passage],
    parsed: Parsed,
    similarity: TextSimilarity,
    opts: DiscrepancyOptions,
) -> list[Discrepancy]:
    """``actor`` for who someone is: one person placed in different places by two
    sources (:mod:`newsprism.reconcile.places`; no similarity guard: the sentences
    differ, the person and the tie to the place are the guard)."""
    return [
        Discrepancy(about, "actor", in_order(material, claims))
        for about, claims in placed_apart(material, sentences, parsed)
    ]


def _deed_places(
    material: StoryMaterial,
    sentences: Sequence[Passage],
    parsed: Parsed,
    similarity: TextSimilarity,
    opts: DiscrepancyOptions,
) -> list[Discrepancy]:
    """``actor`` for where: one deed placed in different places by two sources
    (:func:`newsprism.reconcile.places.deed_places`), on no different occasions, the
    clauses similar as dated pairs must be (no negation anchors the pair either)."""
    pairs = [
        (a, b) for a, b in deed_places(material, sentences, parsed) if one_occasion(a, b, material)
    ]
    kept = similar_pairs(
        pairs, similarity, threshold_for(similarity, opts.date_lexical, opts.date_dense)
    )
    return [
        Discrepancy(min((c.text for c in group), key=len), "actor", claims_of(material, group))
        for group in components(kept)
    ]


#: The passes after ``number``, in the order they run (the result is sorted after).
PASSES: Final[tuple[DiscrepancyPass, ...]] = (
    _negations,
    outcome_discrepancies,
    zero_count_discrepancies,
    _rival_actors,
    _places,
    _deed_places,
    event_place_discrepancies,
    addressee_discrepancies,
    kin_discrepancies,
    date_discrepancies,
    vote_date_discrepancies,
    event_date_discrepancies,
    statement_date_discrepancies,
    day_name_discrepancies,
    clock_discrepancies,
)


def find_discrepancies(
    material: StoryMaterial,
    facts: Sequence[Fact],
    similarity: TextSimilarity,
    options: DiscrepancyOptions | None = None,
    *,
    nlp: Language | None = None,
) -> list[Discrepancy]:
    """The story's discrepancies (rules, guards and order in the module docstring).

    Guarantee: every claim is a sentence of its article (``article.text[start:end]``),
    claims of one discrepancy come from at least two sources. ``nlp`` is the spaCy
    pipeline to parse with (default: the English one, loaded once per process).
    """
    opts = options or DiscrepancyOptions()
    result = _number(material, facts)
    sentences = material.story_pieces()
    if not sentences:
        return result
    parsed = Parsed(nlp or english_parser(), StateNames(material))
    position = {a.id: n for n, a in enumerate(material.articles)}
    found = distinct_negations(
        [d for kind in PASSES for d in kind(material, sentences, parsed, similarity, opts)]
    )
    found.sort(key=lambda d: (position[d.claims[0].article], d.claims[0].start, d.kind))
    logger.debug("%d discrepancies", len(result) + len(found))
    return result + found
