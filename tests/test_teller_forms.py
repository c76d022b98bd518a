"""One body named in other words, and a kind-only mention joining the story's one
qualified teller of that kind (invented mentions; issue 12, unnamed bodies as speakers:
"the Norlani military" / "the army's statement" left unresolved on both sides)."""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.reconcile.statement_speakers import described_alike, teller_key
from newsprism.reconcile.statement_units import Unit
from newsprism.reconcile.teller_forms import canonical_words, short_qualifiers

TEXT = "the patrol came under fire near the northern fence on Tuesday morning"


def _units(tellers: Sequence[tuple[str | None, str | None]]) -> list[Unit]:
    """One unit per (resolved speaker, mention), each in its own article."""
    return [
        Unit(f"a{k}", 0, 0, len(TEXT), False, TEXT, speaker, mention, (), (k, 0))
        for k, (speaker, mention) in enumerate(tellers)
    ]


def _alike(*mentions: str) -> list[tuple[int, int]]:
    alike = described_alike(_units([(None, m) for m in mentions]))
    return [(i, j) for i in range(len(mentions)) for j in range(i + 1, len(mentions))
            if alike[i, j]]  # fmt: skip


def test_an_institutions_other_names_take_one_form() -> None:
    assert canonical_words(["norlani", "military"]) == ["norlani", "army"]
    assert canonical_words(["armed", "forces"]) == ["army"]
    assert canonical_words(["defence", "forces", "spokesman"]) == ["army", "spokesman"]
    assert canonical_words(["white", "house", "officials"]) == ["white", "house", "officials"]
    assert canonical_words(["police", "department"]) == ["police"]
    assert teller_key("the army's statement") == "army"


def test_people_who_watch_a_body_are_not_the_body() -> None:
    # A name takes its form only where the body's own voice follows it.
    assert canonical_words(["military", "analysts"]) == ["military", "analysts"]
    assert canonical_words(["white", "house", "reporters"]) == ["white", "house", "reporters"]
    assert canonical_words(["fire", "department"]) == ["fire", "department"]
    assert _alike("military analysts", "the army") == []
    assert _alike("military experts", "the Norlani army") == []


def test_two_letter_initials_qualify_a_body() -> None:
    assert short_qualifiers("U.S. military officials") == ["us"]
    assert short_qualifiers("UK police") == ["uk"]
    assert short_qualifiers("He said") == []
    assert teller_key("US officials") is None  # generic words only: no teller, as before
    # Other initials tell no country (review s43c): no second army beside the Norlani one.
    assert short_qualifiers("the army's PR office") == []
    assert _alike("the army's PR office", "the Norlani army", "the army") == [
        (0, 1), (0, 2), (1, 2)]  # fmt: skip
    # Any other two capitals before a body word name a place (review s43h S1): two
    # places' police are two tellers.
    assert short_qualifiers("HK police") == ["hk"]
    assert _alike("HK police", "UK police") == []
    assert _alike("DC police", "Maryland police") == []
    assert _alike("NZ police", "Australian police") == []
    assert short_qualifiers("the TV crew") == []


def test_one_institution_under_its_forms_is_one_teller() -> None:
    assert _alike("the Norlani military", "the Norlani army") == [(0, 1)]
    assert _alike("a police spokesman", "the police department") == [(0, 1)]


def test_a_kind_alone_joins_the_one_qualified_teller_of_its_kind() -> None:
    assert _alike("the Norlani military", "the army's statement") == [(0, 1)]
    assert _alike("Lowmoor police", "Police", "the police") == [(0, 1), (0, 2), (1, 2)]
    # one teller named longer and shorter is still one
    assert _alike("Norlani army officials", "the Norlani army", "the military") == [
        (0, 1), (0, 2), (1, 2)]  # fmt: skip


def test_a_kind_alone_joins_no_side_where_the_story_names_two() -> None:
    # Hard negatives: two countries' armies, two towns' police, one country's
    # initials against another's name.
    assert _alike("the Norlani army", "the Varesian military", "the army") == []
    assert _alike("Lowmoor police", "Velmar police", "police") == []
    assert _alike("U.S. military officials", "the Norlani army") == []
    assert _alike("U.S. military officials", "the army", "the Norlani army") == []


def test_a_kind_alone_is_no_body_named_with_the_kind_word() -> None:
    # Review s43c S1: a name built with the kind word is another body, "White House" is
    # no kind word, and a second force named in other words is a second teller.
    assert _alike("White House officials", "Harbour Safety Administration officials") == []
    assert _alike("the administration", "the Harbour Safety Administration") == []
    assert _alike("White House officials", "the Varesian administration") == []
    assert _alike("White House officials", "the administration") == []
    assert _alike("military officials", "a Pilgrim Relief Army spokesman") == []
    assert _alike("the council", "the Regional Trade Council") == []
    assert _alike("the army", "the Norlani army", "the army of Varesia") == []
    assert _alike("the army", "the Norlani army", "Varesian troops") == []
    # look-alike kept: one country's force named by a people word
    assert _alike("the council", "the Orvik council") == [(0, 1)]


def test_different_bodies_of_one_country_stay_apart() -> None:
    assert _alike("the Norlani military", "the Norlani foreign ministry") == []
    assert _alike("the army", "the foreign ministry") == []
    assert _alike("the Norlani army", "the ministry") == []
    assert _alike("a Harbour Transit spokesman", "a Ferry Union spokesman") == []


def test_a_kind_alone_stays_apart_from_a_resolved_body_of_that_kind() -> None:
    # "Police" may be another force than the named one (review s37); with that force
    # resolved in the story, the kind-only mention joins no qualified mention either.
    units = _units([("Dunmore Harbour Police", "Dunmore Harbour Police"),
                    (None, "Police"), (None, "Lowmoor police")])  # fmt: skip
    alike = described_alike(units)
    assert not alike[1, 0] and not alike[1, 2]


def test_unnamed_sources_gain_no_teller() -> None:
    # Sources, even a body's, pair on their words only: "a court source" and "court
    # sources" may be two people on two sides of a case.
    for mention in ("a source", "people familiar with the talks", "a police source",
                    "Court sources", "party insiders", "a source close to Kell",
                    "an official not authorized to speak", "Sources"):  # fmt: skip
        assert teller_key(mention) is None, mention
    assert _alike("military sources", "the army") == []
    assert _alike("a police source", "police sources", "the police") == []
    assert _alike("people familiar with the talks", "people familiar with the talks") == []


def test_a_body_named_with_a_source_word_keeps_its_teller() -> None:
    assert teller_key("the Open Source Initiative") == "initiative"
    assert teller_key("the Harbour Watch Source Desk") == "desk"
    # Review s43c: a name opening with the word, and an outlet citing sources.
    assert teller_key("Source Energy officials") == "energy"
    assert teller_key("the Tessel Times, citing sources") is not None
    assert teller_key("Sources close to the talks") is None


def test_a_body_as_written_still_joins_its_resolved_name() -> None:
    # "White House officials" in one form is the kind word "administration" alone; as
    # written, its words are all the resolved body's.
    units = _units([("White House", "the White House"), (None, "White House officials"),
                    (None, "the administration")])  # fmt: skip
    alike = described_alike(units)
    assert alike[0, 1] and not alike[0, 2]
    norlani = _units([("Norlani Armed Forces", "the Norlani Armed Forces"),
                      (None, "the Norlani military"), (None, "the Varesian military")])
    alike = described_alike(norlani)
    assert alike[0, 1] and not alike[0, 2]
