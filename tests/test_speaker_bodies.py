"""Speakers that speak for a body (issue 12, statement alignment): a spokesperson named
with the body, an unnamed spokesperson of a named body, a body written as an acronym.
Names and sentences are invented."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsprism.model import Analysis, Article, Statement, Story
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.roster import StoryNames
from newsprism.reconcile.similarity import LexicalSimilarity
from newsprism.reconcile.speaker_bodies import (
    acronym_body,
    body_by_head,
    body_of_mention,
    speaking_for,
    spokespeople,
)
from newsprism.reconcile.statement_speakers import body_tie, confirm_bodies
from newsprism.reconcile.statement_units import Unit, quote_units
from newsprism.reconcile.statements import align_statements
from tests.test_statement_speakers import Spec
from tests.test_statement_speakers import _article as _cast_article

CAST = {
    "Ilse Varga": "PERSON",
    "Tomas Holt": "PERSON",
    "Mara Rask": "PERSON",
    "Harbour Transit Authority": "ORG",
    "Lorvik Port Council": "ORG",
    "Dock Workers Union": "ORG",
    "Valdoria": "GPE",
}
ALIASES = {
    "varga": "Ilse Varga",
    "holt": "Tomas Holt",
    "rask": "Mara Rask",
    "harbour transit": "Harbour Transit Authority",
    "hta": "Harbour Transit Authority",
    "port council": "Lorvik Port Council",
    "valdorian": "Valdoria",
}
NAMES = StoryNames(
    {**{n.casefold(): n for n in CAST}, **ALIASES},
    CAST,
)


def _ties(*texts: str) -> dict[str, str]:
    return spokespeople(texts, NAMES)


def test_a_spokesperson_named_with_the_body_speaks_for_it() -> None:
    for text in (
        "Harbour Transit spokeswoman Ilse Varga said the ferries would run.",
        "Ilse Varga, a spokeswoman for the Harbour Transit Authority, said so.",
        "Ilse Varga, the Harbour Transit press secretary, declined to comment.",
        "Ilse Varga, Harbour Transit's spokeswoman, said the ferries would run.",
        "A spokeswoman for Harbour Transit, Ilse Varga, said so on Monday.",
        "Harbour Transit Authority (HTA) chief spokeswoman Ilse Varga said so.",
        "On Monday Ilse Varga, a representative for Harbour Transit, said so.",
        "HARBOUR TRANSIT SPOKESWOMAN ILSE VARGA SPEAKS - Harbour Transit Press Secretary "
        "Ilse Varga Speaks Out",
    ):
        assert _ties(text) == {"Ilse Varga": "Harbour Transit Authority"}, text


def test_a_member_or_a_persons_spokesman_is_not_the_body() -> None:
    for text in (
        # A person's spokesman speaks for someone who speaks in their own words too.
        "Rask spokesman Tomas Holt said the mayor was busy.",
        "Tomas Holt, Rask's spokesman, said the mayor was busy.",
        # Members and officials are not the body.
        "Lorvik Port Council member Tomas Holt said the vote was close.",
        "Harbour Transit official Tomas Holt said the ferries would run.",
        # Before a name, "Representative" is a lawmaker's title.
        "Valdoria Representative Tomas Holt said the ferries would run.",
        # A former spokesman no longer speaks for it.
        "Tomas Holt, a former spokesman for the Port Council, said so.",
    ):
        assert _ties(text) == {}, text


def test_a_former_spokesperson_speaks_for_no_one() -> None:
    # A word before the body's name puts the role in the past: the person may now
    # speak against the body.
    for text in (
        "Former Harbour Transit Authority spokeswoman Ilse Varga, now a critic of the "
        "authority, said so.",
        "The ferries were late, said ex-Harbour Transit spokeswoman Ilse Varga.",
        "In 2019, then-HTA spokeswoman Ilse Varga said so.",
        "One-time Harbour Transit spokeswoman Ilse Varga said so.",
        "Retired Harbour Transit press officer Ilse Varga said so.",
        "Ilse Varga, the Former Harbour Transit Press Secretary, said so.",
    ):
        assert _ties(text) == {}, text
    assert body_of_mention("Former Harbour Transit spokesman", "", NAMES) is None
    # A body whose own name opens with such a word is still that body.
    retired = StoryNames(
        {
            "retired teachers association": "Retired Teachers Association",
            "tomas holt": "Tomas Holt",
        },
        {"Retired Teachers Association": "ORG", "Tomas Holt": "PERSON"},
    )
    text = "Retired Teachers Association spokesman Tomas Holt said so."
    assert spokespeople([text], retired) == {"Tomas Holt": "Retired Teachers Association"}


def test_a_place_is_no_body_one_speaks_for() -> None:
    # A state speaks through a ministry or a government; its representative is a lawmaker.
    assert (
        _ties("Tomas Holt, a representative for Valdoria in the national parliament, said so.")
        == {}
    )
    assert _ties("Tomas Holt, a spokesman for Valdoria, said so.") == {}
    assert body_of_mention("A Valdoria representative", "", NAMES) is None
    assert body_of_mention("A Valdoria spokesman", "", NAMES) is None
    assert body_of_mention("a spokesman", " for Valdoria said", NAMES) is None
    # A representative speaks for a body only with "for" (before the role: a delegate).
    union = "Dock Workers Union"
    assert body_of_mention("a representative", " for the Dock Workers Union said", NAMES) == union
    assert body_of_mention("A Dock Workers Union representative", "", NAMES) is None


def test_a_name_after_an_opening_phrase_is_no_apposition() -> None:
    # The role phrase is governed by the opening phrase; the name opens the main clause.
    for text in (
        "According to a spokeswoman for the Harbour Transit Authority, Tomas Holt was never "
        "on its staff.",
        "In a letter to a spokesman for Harbour Transit, Tomas Holt asked for the timetables.",
    ):
        assert _ties(text) == {}, text
    # "As" gives the name's own role; a role phrase after a clause is an apposition.
    body = "Harbour Transit Authority"
    for text in (
        "As a spokesman for Harbour Transit, Tomas Holt has said so often.",
        "Asked about the pier, a spokesman for Harbour Transit, Tomas Holt, said so.",
    ):
        assert _ties(text) == {"Tomas Holt": body}, text


def test_two_spokespeople_in_one_sentence_are_two_ties() -> None:
    text = (
        "Harbour Transit spokeswoman Ilse Varga and Lorvik Port Council spokesman Tomas "
        "Holt said the pier would reopen."
    )
    assert _ties(text) == {
        "Ilse Varga": "Harbour Transit Authority",
        "Tomas Holt": "Lorvik Port Council",
    }


def test_a_long_page_in_capitals_is_read_around_its_role_words_only() -> None:
    # Every word a capitalised one: the patterns' runs would span the whole page.
    page = " ".join(["Harbour Transit Ferry Lorvik Pier Valdoria"] * 3000)
    text = f"{page} Harbour Transit Spokeswoman Ilse Varga Said {page}"
    # (Read around role words, the patterns cost milliseconds here; seconds belong in
    # benchmarks, so this asserts only the tie.)
    assert _ties(text) == {"Ilse Varga": "Harbour Transit Authority"}


def test_a_person_tied_to_two_bodies_is_tied_to_none() -> None:
    assert (
        _ties(
            "Harbour Transit spokesman Tomas Holt said so.",
            "Tomas Holt, a spokesman for the Lorvik Port Council, said so.",
        )
        == {}
    )
    # One body written two ways is one tie.
    assert _ties(
        "HTA spokesman Tomas Holt said so.", "Harbour Transit spokesman Tomas Holt said so."
    ) == {"Tomas Holt": "Harbour Transit Authority"}


def test_an_unnamed_spokesperson_speaks_as_the_body_named_with_them() -> None:
    body = "Harbour Transit Authority"
    assert body_of_mention("A Harbour Transit spokesman", "", NAMES) == body
    assert body_of_mention("a spokeswoman for the HTA", "", NAMES) == body
    assert body_of_mention("A Harbour Transit Authority (HTA) spokesman", "", NAMES) == body
    assert body_of_mention("a spokesman", " for the Harbour Transit Authority said", NAMES) == body
    assert body_of_mention("a spokesman", ", for the HTA, added", NAMES) == body


def test_an_unnamed_spokesperson_without_a_body_speaks_for_no_one() -> None:
    assert body_of_mention("a spokesman", " said on Monday", NAMES) is None
    assert body_of_mention("A Rask spokesman", "", NAMES) is None  # a person's
    assert body_of_mention("a port official", "", NAMES) is None
    assert body_of_mention("Harbour Transit", "", NAMES) is None  # the body itself
    assert body_of_mention("a Valdorian spokesman", "", NAMES) is None  # an adjective


def test_a_capitalised_word_that_only_modifies_the_body_names_none() -> None:
    # The body is the lower-case noun's: the government's office, the union's lawyer.
    assert (
        body_of_mention("a spokesman", " for the Valdorian government's port office", NAMES) is None
    )
    assert body_of_mention("a spokesman", " for Valdoria's transport ministry said", NAMES) is None
    assert body_of_mention("a spokesman", " for the Dock Workers Union lawyer said", NAMES) is None
    assert body_of_mention("a spokesman", " for the Dock Workers Union said", NAMES) == (
        "Dock Workers Union"
    )
    assert _ties("Tomas Holt, a spokesman for the Valdorian embassy, said so.") == {}


def test_an_acronym_is_the_one_body_with_its_initials() -> None:
    names = StoryNames(
        {"lorvik port council": "Lorvik Port Council", "tomas holt": "Tomas Holt"},
        {"Lorvik Port Council": "ORG", "Tomas Holt": "PERSON", "Lena Porter Cole": "PERSON"},
    )
    text = "Tomas Holt and Lena Porter Cole spoke to the Lorvik Port Council."
    assert acronym_body("LPC", names, text) == "Lorvik Port Council"
    assert acronym_body("L.P.C.", names, text) == "Lorvik Port Council"
    assert acronym_body("TH", names, text) is None  # a person's initials
    assert acronym_body("Lorvik", names, text) is None
    two = StoryNames({}, {"Lorvik Port Council": "ORG", "Lake Patrol Command": "ORG"})
    assert acronym_body("LPC", two, f"{text} The Lake Patrol Command came.") is None


def test_an_acronym_is_a_body_only_where_the_texts_spell_it_out() -> None:
    # "PA" may be the Press Association; the story's Port Authority is named elsewhere.
    port = StoryNames(
        {"port authority": "Port Authority", "tomas holt": "Tomas Holt"},
        {"Port Authority": "ORG", "Tomas Holt": "PERSON"},
    )
    credit = "PA spokesman Tomas Holt said the photographs were theirs."
    assert spokespeople(["The Port Authority closed the pier.", credit], port) == {}
    assert acronym_body("PA", port, credit) is None
    # The same article writes the name, or some article defines the letters.
    both = f"The Port Authority closed the pier. {credit}"
    assert spokespeople([both], port) == {"Tomas Holt": "Port Authority"}
    defined = "The Port Authority (PA) closed the pier."
    assert spokespeople([defined, credit], port) == {"Tomas Holt": "Port Authority"}
    assert acronym_body("PA", port, credit, f"{defined}\n\n{credit}") == "Port Authority"


def _unit(article: str, speaker: str | None, text: str, cospeaker: str | None = None) -> Unit:
    return Unit(article, 0, 0, len(text), False, text, speaker, speaker, (), (0, 0),
                cospeaker=cospeaker)  # fmt: skip


def _person(name: str) -> bool:
    return CAST.get(name) == "PERSON"


def _words(text: str) -> int:
    return len(text.split())


CLAIM = "the ferry service will resume on Monday after repairs to the pier"
OTHER = "the authority never publishes the timetables of its ferries"


def test_a_body_tie_is_kept_where_the_body_renders_the_same_claim() -> None:
    units = [
        _unit("a", "Ilse Varga", CLAIM, cospeaker="Harbour Transit Authority"),
        _unit("b", "Harbour Transit Authority", CLAIM),
        _unit("c", "Ilse Varga", OTHER, cospeaker="Harbour Transit Authority"),
    ]
    near = np.zeros((3, 3))
    near[0, 1] = near[1, 0] = 0.9
    same = np.eye(3, dtype=bool)
    kept = confirm_bodies(units, near, same, 0.7, person=_person, content_words=_words)
    assert [body_tie(u, _person) for u in kept] == ["Harbour Transit Authority", None, None]
    # At the threshold it stays; under it, or with the other side negated, it goes.
    for score, tie in ((0.7, "Harbour Transit Authority"), (0.69, None)):
        near[0, 1] = near[1, 0] = score
        low = confirm_bodies(units, near, same, 0.7, person=_person, content_words=_words)
        assert body_tie(low[0], _person) == tie
    negated = [units[0], _unit("b", "Harbour Transit Authority", "it will not resume"), units[2]]
    assert body_tie(confirm_bodies(negated, near, same, 0.7, person=_person,
                                   content_words=_words)[0], _person) is None  # fmt: skip


def test_a_co_speaker_who_is_a_person_is_no_body_tie() -> None:
    both = _unit("a", "Ilse Varga", CLAIM, cospeaker="Tomas Holt")
    assert body_tie(both, _person) is None
    kept = confirm_bodies([both], np.zeros((1, 1)), np.eye(1, dtype=bool), 0.7,
                          person=_person, content_words=_words)  # fmt: skip
    assert kept[0].cospeaker == "Tomas Holt"


# --- through align_statements -------------------------------------------------------------


def _article(outlet: str, text: str, quotes: Sequence[Spec]) -> tuple[Article, Analysis]:
    """An article whose quotes are substrings of ``text``; each name of :data:`CAST`
    it writes is an entity."""
    return _cast_article(outlet, text, quotes, CAST)


def _material(*pieces: tuple[Article, Analysis]) -> StoryMaterial:
    articles = [a for a, _ in pieces]
    return StoryMaterial(
        Story("s", None, tuple(a.id for a in articles)), articles, {a.id: n for a, n in pieces}
    )


def _story(*pieces: tuple[Article, Analysis]) -> list[Statement]:
    return align_statements(_material(*pieces), LexicalSimilarity())


def _outlets(statements: Sequence[Statement], words: str) -> set[str]:
    for statement in statements:
        if any(words in v.passage.text for v in statement.variants):
            return {v.passage.outlet for v in statement.variants if v.passage.outlet}
    raise AssertionError(f"{words!r} is in no statement")


BODY = "Harbour Transit Authority"
BY_BODY = f"The Harbour Transit Authority said in a statement that {CLAIM}."
BY_SPOKESWOMAN = f"Harbour Transit Authority spokeswoman Ilse Varga said {CLAIM}."


def _by_body(outlet: str) -> tuple[Article, Analysis]:
    return _article(outlet, BY_BODY, [(CLAIM, BODY, "The Harbour Transit Authority", 0)])


def test_the_body_and_its_spokeswoman_render_one_statement() -> None:
    # Two outlets credit the body: a speaker that is a body is no guess to correct
    # (statement_speakers.reattribute_speakers) when another outlet credits it too.
    statements = _story(
        _by_body("A"),
        _by_body("C"),
        _article("B", BY_SPOKESWOMAN, [(CLAIM, "Ilse Varga", "Ilse Varga", 0)]),
    )
    assert _outlets(statements, CLAIM) == {"A", "B", "C"}
    assert next(s.speaker for s in statements if len(s.variants) == 3) == BODY


def test_units_of_an_unnamed_spokesman_or_an_acronym_speak_as_the_body() -> None:
    unnamed = f"A spokesman for the Harbour Transit Authority (HTA) said on Sunday that {CLAIM}."
    short = f"The HTA said that {CLAIM}."
    pieces = [
        _article("A", unnamed, [(CLAIM, None, "A spokesman", 0)]),
        _article("B", short, [(CLAIM, "HTA", "The HTA", 0)]),
        _article("C", BY_SPOKESWOMAN, [(CLAIM, "Ilse Varga", "Ilse Varga", 0)]),
    ]
    material = _material(*pieces)
    names = StoryNames({"harbour transit authority": BODY, "ilse varga": "Ilse Varga"},
                       {BODY: "ORG", "Ilse Varga": "PERSON"})  # fmt: skip
    units = speaking_for(material, quote_units(material, names, pieces=False), names)
    assert [(u.speaker, u.cospeaker) for u in units] == [
        (BODY, None),
        (BODY, None),
        ("Ilse Varga", BODY),
    ]


def test_a_member_of_the_body_stays_apart_from_the_body() -> None:
    member = f"Harbour Transit Authority board member Tomas Holt said {CLAIM}."
    statements = _story(
        _by_body("A"),
        _by_body("C"),
        _article("B", member, [(CLAIM, "Tomas Holt", "Tomas Holt", 0)]),
    )
    assert _outlets(statements, CLAIM) == {"A", "C"}


def test_a_spokeswomans_other_claim_stays_apart_from_the_bodys() -> None:
    # Tied to the body, she still says something else: her words join the body's only
    # where they render the same claim.
    said = "the ferries were full all week and the harbour cafe stayed open late"
    other = f"Harbour Transit Authority spokeswoman Ilse Varga said {said}."
    statements = _story(
        _by_body("A"), _by_body("C"), _article("B", other, [(said, "Ilse Varga", "Ilse Varga", 0)])
    )
    assert _outlets(statements, CLAIM) == {"A", "C"}
    assert _outlets(statements, said) == {"B"}


def test_an_acronym_no_text_spells_out_stays_as_written() -> None:
    unnamed = f"A spokesman for the Harbour Transit Authority said on Sunday that {CLAIM}."
    pieces = [
        _article("A", unnamed, [(CLAIM, None, "A spokesman", 0)]),
        _article("B", f"The HTA said that {CLAIM}.", [(CLAIM, "HTA", "The HTA", 0)]),
    ]
    material = _material(*pieces)
    names = StoryNames({"harbour transit authority": BODY}, {BODY: "ORG"})
    units = speaking_for(material, quote_units(material, names, pieces=False), names)
    assert [u.speaker for u in units] == [BODY, "HTA"]


def test_people_who_do_not_speak_for_the_body_stay_apart_from_it() -> None:
    # A former spokeswoman, a name after an opening phrase: their words are their own.
    former = (
        f"Former Harbour Transit Authority spokeswoman Ilse Varga, now a critic of the "
        f"authority, said {CLAIM}."
    )
    according = (
        "According to a spokeswoman for the Harbour Transit Authority, Tomas Holt was never "
        f"on its staff. Holt, a dock worker, said {CLAIM}."
    )
    for text, speaker, mention in (
        (former, "Ilse Varga", "Ilse Varga"),
        (according, "Tomas Holt", "Holt,"),
    ):
        statements = _story(
            _by_body("A"), _by_body("C"), _article("B", text, [(CLAIM, speaker, mention, 0)])
        )
        assert _outlets(statements, CLAIM) == {"A", "C"}, text
    # A lawmaker for a state is not the state.
    by_state = f"Valdoria said in a statement that {CLAIM}."
    lawmaker = (
        f"Tomas Holt, a representative for Valdoria in the national parliament, said {CLAIM}."
    )
    statements = _story(
        _article("A", by_state, [(CLAIM, "Valdoria", "Valdoria", 0)]),
        _article("C", by_state, [(CLAIM, "Valdoria", "Valdoria", 0)]),
        _article("B", lawmaker, [(CLAIM, "Tomas Holt", "Tomas Holt", 0)]),
    )
    assert _outlets(statements, CLAIM) == {"A", "C"}


# --- rule 4: a bare head noun ("police") is the story's one body named for it ---------------

POLICE = StoryNames(
    {"harbour city police": "Harbour City Police", "dock workers union": "Dock Workers Union"},
    {"Harbour City Police": "ORG", "Dock Workers Union": "ORG", "Mara Rask": "PERSON"},
)


# The article of the mention names the force.
NAMED = "Harbour City Police closed the quay road on Sunday."


def test_police_alone_is_the_one_police_body_of_the_story() -> None:
    for mention in ("police", "the police", "The police", "Police"):
        assert body_by_head(mention, POLICE, text=NAMED) == "Harbour City Police", mention
    assert body_by_head("police", POLICE, text=NAMED, after=" at the quay said") is not None


def test_a_mention_of_more_than_the_noun_or_no_such_body_stays_unresolved() -> None:
    for mention in ("local police", "police officers", "POLICE", "a source", "officials", None):
        assert body_by_head(mention, POLICE, text=NAMED) is None, mention


def test_only_police_speak_as_the_one_body_named_for_the_noun() -> None:
    # Workers are not their union, witnesses not a church; "the company", "the group",
    # "the department" have their own antecedent in the article (review s37 H7).
    names = StoryNames(
        {},
        {
            "Dock Workers Union": "ORG",
            "Lorvik Ferry Company": "ORG",
            "Brisk Media Group": "ORG",
            "State Department": "ORG",
            "Elder Witnesses": "ORG",
            "Harbour Union": "ORG",
        },
    )
    text = (
        "The Dock Workers Union called a strike on Monday after Lorvik Ferry Company, Brisk"
        " Media Group, Elder Witnesses, Harbour Union and the State Department spoke."
    )
    for mention in ("Workers", "The company", "the group", "The department", "Witnesses"):
        assert body_by_head(mention, names, text=text) is None, mention


def test_police_of_another_place_or_an_article_without_the_force_stay_unresolved() -> None:
    # "Police in Lowmoor said": that town's force, not the story's Harbour City Police.
    assert body_by_head("Police", POLICE, text=NAMED, after=" in Lowmoor said") is None
    assert body_by_head("Police", POLICE, text=NAMED, after=" of the Lowmoor district") is None
    # An article that never names the force may speak of another town's police.
    other = "Riots spread to Lowmoor on Sunday. Police said the men were not armed."
    assert body_by_head("Police", POLICE, text=other) is None


def test_two_bodies_named_for_the_noun_leave_it_unresolved() -> None:
    two = StoryNames(
        {},
        {"Harbour City Police": "ORG", "Lowmoor Police Department": "ORG", "Mara Rask": "PERSON"},
    )
    assert body_by_head("police", two, text=NAMED) is None


def test_police_stay_unresolved_where_a_person_speaks_with_a_police_role() -> None:
    # "Police said" may render the chief's words: the body as speaker would forbid it.
    chief = ["Harbour City Police Chief Mara Rask", "Rask"]
    assert body_by_head("police", POLICE, chief, text=NAMED) is None
    leader = ["Dock Workers Union leader Mara Rask"]
    assert body_by_head("police", POLICE, leader, text=NAMED) is not None


def test_one_body_written_long_and_short_is_one_body() -> None:
    names = StoryNames(
        {},
        {
            "Harbour City Police": "ORG",
            "Greater Harbour City Police": "ORG",
            # A run across a paragraph break is no name of a body.
            "Ferry Crash\n\nPolice": "ORG",
            # A place or a person is no body.
            "Lowmoor Police": "GPE",
        },
    )
    assert body_by_head("police", names, text=NAMED) == "Harbour City Police"
    department = StoryNames(
        {}, {"Harbour City Police": "ORG", "Harbour City Police Department": "ORG"}
    )
    text = "Harbour City Police Department officers closed the road."
    assert body_by_head("police", department, text=text) == "Harbour City Police"


def test_units_credited_to_police_speak_as_the_police_body() -> None:
    police = "Harbour City Police"
    cast = {police: "ORG"}
    names = StoryNames({police.casefold(): police}, cast)
    pieces = [
        _cast_article(
            "A",
            f"{NAMED} Police said on Sunday that {CLAIM}.",
            [(CLAIM, None, "Police", 0)],
            cast,
        ),
        _cast_article(
            "B", f"The police said that {CLAIM}.", [(CLAIM, None, "The police", 0)], cast
        ),
        _cast_article(
            "C",
            f"Harbour City Police said that {CLAIM}.",
            [(CLAIM, police, "Harbour City Police", 0)],
            cast,
        ),
    ]
    material = _material(*pieces)
    units = speaking_for(material, quote_units(material, names, pieces=False), names)
    # B never names the force: its police may be another town's.
    assert [u.speaker for u in units] == [police, None, police]
