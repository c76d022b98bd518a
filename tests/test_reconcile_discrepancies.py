"""Discrepancies: differing facts, contradictions by negation, events dated differently;
against the sample corpus's gold ``discrepancies`` and invented pairs (positives, and
hard negatives that are similar but not contradictory and must yield nothing).

Not recovered from the samples, by design: the German original's claim (no English
analysis), and The Daily Meridian's "no document was signed" against "the two leaders
signed a framework declaration": the negated object ("document") and the asserted one
("declaration") are different nouns, and guard 5 does not take two different nouns for
one thing ("no agreement was signed" / "they signed a letter of intent" must not
contradict). The discrepancy itself is found through Nordische Rundschau's "the two
leaders did not sign anything".
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Article, Discrepancy, Passage, Story, article_id
from newsprism.reconcile.actors import Actors, compatible_roles, same_actors
from newsprism.reconcile.discrepancies import find_discrepancies
from newsprism.reconcile.facts import compare_facts
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.similarity import LexicalSimilarity, TextSimilarity

PUBLISHED = datetime(2026, 5, 14, 9, 0, tzinfo=UTC)  # a Thursday
KNOWN_MISSES = {("river-accord", "no document was signed, officials on both sides confirmed")}


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def invented(
    analyzer: Analyzer, texts: list[str], copies: tuple[tuple[int, int], ...] = ()
) -> StoryMaterial:
    """One article per text, each from its own outlet, published on PUBLISHED."""
    articles = [
        Article(article_id(f"o{n}", t), f"o{n}.txt", t, outlet=f"Outlet {n}", published=PUBLISHED)
        for n, t in enumerate(texts)
    ]
    story = Story(
        "invented",
        None,
        tuple(a.id for a in articles),
        tuple((articles[i].id, articles[j].id) for i, j in copies),
    )
    return StoryMaterial(story, articles, {a.id: analyzer.analyze(a) for a in articles})


def assert_provenance(material: StoryMaterial, found: list[Discrepancy]) -> None:
    for discrepancy in found:
        assert material.sources(c.article for c in discrepancy.claims) >= 2
        for claim in discrepancy.claims:
            text = material.by_id[claim.article].text
            assert text[claim.start : claim.end] == claim.text
            assert claim.text == claim.text.strip() and claim.text


# --- invented pairs -------------------------------------------------------------------

CONTRADICTIONS = [
    (
        "Negotiators for the ferry crews said talks have not resumed.",
        "Talks between the ferry crews and the operator resumed on Tuesday.",
    ),
    (
        "No agreement was reached at the meeting in Sarnow.",
        "The two delegations reached an agreement at the meeting in Sarnow.",
    ),
    (
        "The Kelmar bridge has not reopened to traffic.",
        "The Kelmar bridge reopened to traffic on Monday.",
    ),
    # antonym predicates: a denial without "not"
    (
        "The Sarnow ferry passed its last safety inspection in March.",
        "The Sarnow ferry failed its last safety inspection in March.",
    ),
    (
        "The harbour council accepted the dredging offer from Van Aller.",
        "The harbour council rejected the dredging offer from Van Aller.",
    ),
    (
        "Ferry fares on the Sarnow line rose in April.",
        "Ferry fares on the Sarnow line fell in April.",
    ),
    (
        "The council vote on the Kelmar ferry levy passed.",
        "The council vote on the Kelmar ferry levy failed.",
    ),
    # an object on one side, the clause that holds it on the other
    (
        "The harbour authority confirmed the meeting with the dockers.",
        "The harbour authority denied there was a meeting with the dockers.",
    ),
]

HARD_NEGATIVES = {
    "no comment is not a statement": (
        "The mayor of Sarnow did not comment on the ferry strike.",
        "The mayor of Sarnow said the ferry strike would end soon.",
    ),
    "different subjects": (
        "The ferry union did not sign the agreement.",
        "The port operator signed the agreement on Tuesday.",
    ),
    "modal hedge": (
        "Talks between the ferry crews and the operator may resume next week.",
        "Talks between the ferry crews and the operator have not resumed.",
    ),
    "future": (
        "Talks between the crews and the operator will not resume before Friday.",
        "Talks between the crews and the operator resumed on Tuesday.",
    ),
    "different days": (
        "Talks between the crews and the operator did not resume on Monday.",
        "Talks between the crews and the operator resumed on Wednesday.",
    ),
    "different topic": (
        "No agreement was reached on wages.",
        "An agreement was reached on pensions.",
    ),
    "different objects": (
        "The council did not approve the harbour budget.",
        "The council approved the school budget.",
    ),
    "question": (
        "Have talks between the crews and the operator resumed?",
        "Talks between the crews and the operator have not resumed.",
    ),
    "whether clause": (
        "Nobody knows whether talks between the crews and the operator resumed.",
        "Talks between the crews and the operator have not resumed.",
    ),
    "not only": (
        "The storm not only closed the Kelmar bridge but also flooded the quay.",
        "The storm closed the Kelmar bridge.",
    ),
    "failed to is an agreement": (
        "The offer failed to keep pace with prices, the union said.",
        "The offer does not keep pace with prices.",
    ),
    "reportedly": (
        "Talks between the crews and the operator reportedly resumed.",
        "Talks between the crews and the operator have not resumed.",
    ),
    "condition": (
        "If talks resume, the crews will return.",
        "Talks have not resumed.",
    ),
    "unresolved pronoun": (
        "They did not sign the agreement.",
        "The port operator signed the agreement on Tuesday.",
    ),
    "antonyms, different subjects": (
        "The Sarnow ferry passed its last safety inspection in March.",
        "The Kelmar bus failed its last safety inspection in March.",
    ),
    "antonyms, one side negated": (
        "The Sarnow ferry did not pass its last safety inspection.",
        "The Sarnow ferry failed its last safety inspection.",
    ),
    "antonyms, different months": (
        "Ferry fares on the Sarnow line rose in April.",
        "Ferry fares on the Sarnow line fell in June.",
    ),
    "same polarity": (
        "The Kelmar bridge has not reopened to traffic.",
        "The Kelmar bridge has still not reopened to traffic, officials said.",
    ),
    "what someone denies is not asserted": (
        "The harbour official denied that she had provided false figures to the council.",
        "The harbour official has not provided false figures to the council.",
    ),
    "denying a narrower claim": (
        "The Sarnow mayor has not apologized to the ferry crews.",
        "The Sarnow mayor has apologized for the delays in a statement.",
    ),
    "an unnamed object": (
        "The Sarnow mayor has not shown it to the harbour council.",
        "The Sarnow mayor has shown the dredging plan to the harbour council.",
    ),
    "both outlets report the dispute": (
        "Records show Piet Varga never served on the Kelmar ferry board. "
        "In 2019 Piet Varga said that he served on the Kelmar ferry board.",
        "Piet Varga told voters that he served on the Kelmar ferry board. "
        "Piet Varga never served on the Kelmar ferry board, records show.",
    ),
    "antonyms, an object on one side only": (
        "In the harbour ward the Sarnow mayor lost just 40 votes.",
        "The Sarnow mayor won despite the ferry strike.",
    ),
    "antonyms, an infinitive on one side only": (
        "The Sarnow ferry failed to reach the harbour on Monday.",
        "The Sarnow ferry passed the harbour on Monday.",
    ),
}


@pytest.mark.parametrize(("denial", "assertion"), CONTRADICTIONS)
def test_invented_contradictions(
    analyzer: Analyzer, similarity: TextSimilarity, denial: str, assertion: str
) -> None:
    material = invented(analyzer, [denial, assertion])
    found = find_discrepancies(material, [], similarity)
    assert [d.kind for d in found] == ["negation"]
    assert {c.text for c in found[0].claims} == {denial, assertion}
    assert_provenance(material, found)


@pytest.mark.parametrize("name", sorted(HARD_NEGATIVES))
def test_hard_negatives_yield_nothing(
    analyzer: Analyzer, similarity: TextSimilarity, name: str
) -> None:
    material = invented(analyzer, list(HARD_NEGATIVES[name]))
    assert find_discrepancies(material, [], similarity) == []


def test_syndicated_copies_never_contradict(analyzer: Analyzer) -> None:
    material = invented(
        analyzer,
        [
            "The Kelmar bridge has not reopened to traffic.",
            "The Kelmar bridge reopened to traffic.",
        ],
        copies=((0, 1),),
    )
    assert find_discrepancies(material, [], LexicalSimilarity()) == []


def test_one_event_dated_differently(analyzer: Analyzer, similarity: TextSimilarity) -> None:
    monday = "The Kelmar bridge reopened to traffic on Monday after repairs."
    tuesday = "The Kelmar bridge reopened to traffic on Tuesday after repairs."
    material = invented(analyzer, [monday, tuesday])
    found = find_discrepancies(material, [], similarity)
    assert [(d.kind, {c.text for c in d.claims}) for d in found] == [("date", {monday, tuesday})]
    assert_provenance(material, found)


FERRY_STRIKE = "The Kelmar ferry strike began on Monday after talks failed."


@pytest.mark.parametrize(
    ("other", "clash"),
    [
        ("The Kelmar ferry strike began on Tuesday after talks failed.", True),
        # No common-noun compound on one side: it may be the same strike.
        ("The Kelmar strike began on Tuesday after talks failed.", True),
        # One name shared, the common-noun compounds apart: two strikes.
        ("The Kelmar bus strike began on Tuesday after talks failed.", False),
    ],
)
def test_heads_named_apart_by_common_compounds(analyzer: Analyzer, other: str, clash: bool) -> None:
    material = invented(analyzer, [FERRY_STRIKE, other])
    found = find_discrepancies(material, [], LexicalSimilarity())
    assert [(d.kind, {c.text for c in d.claims}) for d in found] == (
        [("date", {FERRY_STRIKE, other})] if clash else []
    )


@pytest.mark.parametrize(
    ("first", "other"),
    [
        # Review s33, finding 6: synonym compounds name one strike.
        (
            "The Brannock dock strike began on Monday after talks failed.",
            "The Brannock port strike began on Tuesday after talks failed.",
        ),
        (
            "The Brannock rail strike began on Monday after talks failed.",
            "The Brannock train strike began on Tuesday after talks failed.",
        ),
    ],
)
def test_synonym_compounds_are_one_thing(analyzer: Analyzer, first: str, other: str) -> None:
    material = invented(analyzer, [first, other])
    found = find_discrepancies(material, [], LexicalSimilarity())
    assert [(d.kind, {c.text for c in d.claims}) for d in found] == [("date", {first, other})]


def test_compound_kinds_guard_only_when_asked() -> None:
    """Review s33, finding 6: the compounds guard is the date pass's (``kinds=True``);
    statement pairing, antonyms and copulas keep the roles test they were measured with."""
    ferry = Actors(frozenset({"brannock"}), frozenset(), {"strike": frozenset({"brannock"})},
                   False, {}, kinds={"strike": frozenset({"ferry"})})  # fmt: skip
    bus = Actors(frozenset({"brannock"}), frozenset(), {"strike": frozenset({"brannock"})},
                 False, {}, kinds={"strike": frozenset({"bus"})})  # fmt: skip
    assert compatible_roles(ferry, bus) and same_actors(ferry, bus)
    assert not compatible_roles(ferry, bus, kinds=True)
    assert not same_actors(ferry, bus, kinds=True)


@pytest.mark.parametrize(
    ("other", "clash"),
    [
        # The start of one act told by either verb.
        ("The Kelmar ferry strike started on Tuesday after talks failed.", True),
        ("Ferry workers in Kelmar started their strike on Tuesday.", True),
        # Two things begun, one name shared: two events.
        ("The Kelmar ferry talks began on Tuesday after the strike failed.", False),
        ("The Kelmar ferry talks started on Tuesday after the strike failed.", False),
    ],
)
def test_one_start_told_by_either_verb(analyzer: Analyzer, other: str, clash: bool) -> None:
    mine = (
        "Ferry workers in Kelmar began their strike on Monday."
        if other.startswith("Ferry")
        else FERRY_STRIKE
    )
    material = invented(analyzer, [mine, other])
    found = find_discrepancies(material, [], LexicalSimilarity())
    assert [(d.kind, {c.text for c in d.claims}) for d in found] == (
        [("date", {mine, other})] if clash else []
    )


def test_an_obligation_in_the_past_dated_differently(analyzer: Analyzer) -> None:
    """ "had to apologize" reports the apology; the verb takes the subject of "had"
    (lexical: the dense date threshold is not re-measured for outlets' own wording)."""
    saturday = "The harbour director had to apologize on Saturday for a post about the crews."
    friday = "The harbour director apologized on Friday for a post about the crews."
    material = invented(analyzer, [saturday, friday])
    found = find_discrepancies(material, [], LexicalSimilarity())
    assert [(d.kind, {c.text for c in d.claims}) for d in found] == [("date", {saturday, friday})]


RIVALS = (
    "Councillor Linda Ferrand defeated Councillor Ana Holt to become vice chair of the "
    "Sarnow council.",
    "Marta Ferrand won the vote for vice chair of the Sarnow council, defeating Ana Holt.",
)


def test_rival_winners_contradict(analyzer: Analyzer, similarity: TextSimilarity) -> None:
    """Two people named as the one who defeated Ana Holt (the second by a participle
    hanging on "won")."""
    material = invented(analyzer, list(RIVALS))
    found = find_discrepancies(material, [], similarity)
    assert [(d.kind, {c.text for c in d.claims}) for d in found] == [("actor", set(RIVALS))]
    assert_provenance(material, found)


@pytest.mark.parametrize(
    "texts",
    [
        # a bare surname may be either Ferrand
        ["Ferrand defeated Ana Holt in the council vote.", RIVALS[1]],
        # criticizing is no deed of one agent
        [
            "Linda Ferrand criticized Ana Holt in the council debate.",
            "Marta Ferrand criticized Ana Holt in the council debate.",
        ],
        # different contests
        [
            "Linda Ferrand defeated Ana Holt in the spring primary.",
            "Marta Ferrand defeated Ana Holt in the autumn runoff.",
        ],
        # one side denies it
        [
            "Linda Ferrand did not defeat Ana Holt in the council vote.",
            "Marta Ferrand defeated Ana Holt in the council vote.",
        ],
    ],
)
def test_rivals_that_do_not_clash(analyzer: Analyzer, texts: list[str]) -> None:
    material = invented(analyzer, texts)
    assert find_discrepancies(material, [], LexicalSimilarity()) == []


@pytest.mark.parametrize(
    "texts",
    [
        # The same day, written two ways (May 11 is the Monday before publication).
        ["The Kelmar bridge reopened on Monday after repairs.", "The bridge reopened on May 11."],
        # A second event, not a second date for one event.
        [
            "The Kelmar bridge reopened to traffic on Monday after repairs.",
            "The Kelmar bridge reopened to traffic again on Tuesday after repairs.",
        ],
        # Different events of one actor.
        [
            "The Kelmar bridge reopened to traffic on Monday.",
            "The Kelmar bridge closed to traffic on Tuesday.",
        ],
        # One outlet itself gives both days: the event recurs.
        [
            "The ferry sailed on Monday. The ferry sailed on Tuesday.",
            "The ferry sailed on Wednesday.",
        ],
    ],
)
def test_dates_that_do_not_clash(analyzer: Analyzer, texts: list[str]) -> None:
    material = invented(analyzer, texts)
    assert find_discrepancies(material, [], LexicalSimilarity()) == []


# --- the sample corpus ----------------------------------------------------------------


def gold_passages(sample: Any, claims: list[dict[str, str]]) -> list[Passage]:
    english = {a.id for a in sample.material.english()}
    found = []
    for claim in claims:
        article = sample.id_of[claim["ref"]]
        if article not in english or (sample.name, claim["text"]) in KNOWN_MISSES:
            continue
        start = sample.material.by_id[article].text.index(claim["text"])
        found.append(sample.material.passage(article, start, start + len(claim["text"])))
    return found


def covers(discrepancy: Discrepancy, passage: Passage) -> bool:
    return any(
        c.article == passage.article and c.start <= passage.start and passage.end <= c.end
        for c in discrepancy.claims
    )


def test_sample_discrepancies(sample_stories: dict[str, Any], similarity: TextSimilarity) -> None:
    for name, sample in sample_stories.items():
        material = sample.material
        facts = compare_facts(material)
        found = find_discrepancies(material, facts, similarity)
        assert_provenance(material, found)
        numbers = [d for d in found if d.kind == "number"]
        negations = [d for d in found if d.kind == "negation"]
        # One planted contradiction and one planted numeric disagreement per story.
        assert len(numbers) == sum(f.status == "differ" for f in facts) == 1, name
        assert len(negations) == 1, (name, [d.about for d in negations])
        assert not [d for d in found if d.kind == "date"], name
        assert found[0].kind == "number"  # numbers first, in the facts' order
        for gold in sample.gold["discrepancies"]:
            passages = gold_passages(sample, gold["claims"])
            hits = [d for d in found if all(covers(d, p) for p in passages)]
            assert hits, (name, gold["about"])


def test_sample_number_claims_quote_each_side(sample_stories: dict[str, Any]) -> None:
    sample = sample_stories["river-accord"]
    facts = compare_facts(sample.material)
    (number,) = [
        d
        for d in find_discrepancies(sample.material, facts, LexicalSimilarity())
        if d.kind == "number"
    ]
    texts = " | ".join(c.text for c in number.claims)
    assert "40%" in texts and "45%" in texts and "45 percent" in texts and "40 per cent" in texts
    assert {c.outlet for c in number.claims} >= {"cpa-wire", "nordische-rundschau"}


ACTOR_STORY = [
    "Ostrenian President Ivo Dravek spoke in Velgrad on Tuesday.\n\n"
    "Dravek said Ostrenia had received the revised text of the accord from Lorvik.\n\n"
    "The Kremlin confirmed the meeting with the Ostrenian delegation.",
    "Velgrad, the Ostrenian capital, was quiet on Tuesday.\n\n"
    "Velgrad has not yet received the official text of the accord, an aide said.\n\n"
    "Moscow denied the meeting with the Ostrenian delegation.",
    "Ostrenian President Ivo Dravek spoke in Velgrad on Tuesday.\n\n"
    "He had not yet received the official text of the accord, he told reporters.",
]


def test_actors_named_differently_still_contradict(
    analyzer: Analyzer, similarity: TextSimilarity
) -> None:
    """The country, its capital (stated by the story), its titled leader, "he" for the
    leader named before, and a seat of government ("the Kremlin" / "Moscow")."""
    material = invented(analyzer, ACTOR_STORY)
    found = find_discrepancies(material, [], similarity)
    texts = [{c.text for c in d.claims} for d in found]
    received = next(t for t in texts if any("received" in x for x in t))
    assert len(received) == 3  # Ostrenia / Velgrad / "he" (Dravek)
    assert any(any("Kremlin" in x for x in t) and any("Moscow" in x for x in t) for t in texts)
    assert_provenance(material, found)


def test_a_capital_of_another_state_is_another_actor(analyzer: Analyzer) -> None:
    material = invented(
        analyzer,
        [
            "Velgrad, the Ostrenian capital, has received the revised text of the accord.",
            "Lorvik, the Valdorian capital, has not received the revised text of the accord.",
        ],
    )
    assert find_discrepancies(material, [], LexicalSimilarity()) == []
