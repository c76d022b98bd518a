"""An unnamed lawyer or spokesperson of a named person is the one person the story names
in that role (issue 12, statement speakers). Names and sentences are invented."""

from __future__ import annotations

from newsprism.model import Story
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.roster import StoryNames
from newsprism.reconcile.speaker_bodies import speaking_for
from newsprism.reconcile.speaker_roles import role_holder, role_holders
from newsprism.reconcile.statement_units import quote_units
from tests.test_statement_speakers import _article

CAST = {"Mara Rask": "PERSON", "Tomas Holt": "PERSON", "Ilse Varga": "PERSON",
        "Harbour Transit Authority": "ORG"}  # fmt: skip
NAMES = StoryNames(
    {**{n.casefold(): n for n in CAST}, "rask": "Mara Rask", "holt": "Tomas Holt",
     "varga": "Ilse Varga", "harbour transit": "Harbour Transit Authority"},
    CAST,
)  # fmt: skip
LAWYER = ("Mara Rask", "lawyer")


def test_appositions_name_a_persons_lawyer() -> None:
    for text in (
        "Rask's lawyer, Tomas Holt, said in a statement that she would appeal.",
        "A lawyer for Ms. Rask, Tomas Holt, confirmed the date of the hearing.",
        "Tomas Holt, Rask's attorney, declined to comment on Monday.",
        "Tomas Holt, an attorney for Mara Rask, said the charges were unfounded.",
    ):
        assert role_holders([text], NAMES) == {LAWYER: "Tomas Holt"}, text


def test_no_holder_where_two_people_hold_the_role_or_one_is_no_person() -> None:
    two = ["Rask's lawyer, Tomas Holt, spoke first.", "Ilse Varga, Rask's attorney, spoke next."]
    assert role_holders(two, NAMES) == {}
    body = "Tomas Holt, a spokesman for Harbour Transit, said the ferries would run."
    assert role_holders([body], NAMES) == {}


def test_an_unnamed_holder_is_the_one_person_so_named() -> None:
    holders = {LAWYER: "Tomas Holt"}
    for mention in (
        "Rask's attorney",
        "Rival Party Rep. Mara Rask's lawyer",
        "a lawyer for Ms. Rask",
    ):
        assert role_holder(mention, holders, NAMES) == "Tomas Holt", mention
    for mention in ("Rask's spokesman", "Varga's lawyer", "a lawyer", "Rask", None):
        assert role_holder(mention, holders, NAMES) is None, mention


def test_units_of_an_unnamed_lawyer_speak_as_the_lawyer() -> None:
    claim = "prosecutors plan to file charges against her next week"
    pieces = [
        _article(
            "A",
            f"Rask's attorney confirmed that {claim}.",
            [(claim, None, "Rask's attorney", 0)],
            CAST,
        ),
        _article(
            "B",
            f"Rask's lawyer, Tomas Holt, said in a statement that {claim}.",
            [(claim, "Tomas Holt", "Tomas Holt", 0)],
            CAST,
        ),
    ]
    articles = [a for a, _ in pieces]
    material = StoryMaterial(
        Story("s", None, tuple(a.id for a in articles)), articles, {a.id: n for a, n in pieces}
    )
    units = speaking_for(material, quote_units(material, NAMES, pieces=False), NAMES)
    assert [u.speaker for u in units] == ["Tomas Holt", "Tomas Holt"]


def test_a_fronted_phrase_ending_in_a_name_or_a_role_is_no_apposition() -> None:
    # "After meeting <Name>, Rask's attorney said": the name is not the attorney, nor is
    # the subject after "Asked about Rask's lawyer," the lawyer (review s37 H11).
    for text in (
        "After meeting Ilse Varga, Rask's attorney said his client would plead not guilty.",
        "In a letter to Ilse Varga, Rask's lawyer said the charges were false.",
        "Asked about Rask's lawyer, Ilse Varga said she had never met him.",
        "In a complaint filed by a lawyer for Rask, Ilse Varga, the mayor, was named.",
        "Unlike Ilse Varga, a spokesman for Rask said nothing.",
        "After Ilse Varga, Rask's attorney spoke.",
    ):
        assert role_holders([text], NAMES) == {}, text
    # The true apposition after the fronted phrase is still read.
    text = "In a letter to Ilse Varga, Rask's lawyer, Tomas Holt, said the charges were false."
    assert role_holders([text], NAMES) == {LAWYER: "Tomas Holt"}
    said = "The charges were false, said Tomas Holt, Rask's attorney."
    assert role_holders([said], NAMES) == {LAWYER: "Tomas Holt"}


def test_a_long_page_in_capitals_is_read_around_its_role_words() -> None:
    # A page of capitalised words without a comma is one run the patterns would rescan
    # from every word (review s37 H13); read around role words, it asserts only the tie.
    page = " ".join(["Lorvik Harbour Ferry Pier"] * 1500)
    text = f"{page}. Rask's lawyer, Tomas Holt, said so. {page}"
    assert role_holders([text], NAMES) == {LAWYER: "Tomas Holt"}
