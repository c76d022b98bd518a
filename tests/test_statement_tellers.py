"""Units without a resolved speaker whose tellers are described alike (invented
sentences, after misses on the BASIL and Multi-News golds, issue 12): "ministry
officials" and "the ministry", a person's office and the person, weighed as two
resolved speakers by the statement pair model."""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.reconcile.similarity import LexicalSimilarity
from newsprism.reconcile.statement_speakers import described_alike, teller_key
from newsprism.reconcile.statement_units import Unit
from newsprism.reconcile.statements import pair_features

CLAIMS = (
    "the new levy on harbour fuel would drive the ferry lines out of Norlan by spring",
    "the harbour fuel levy would push every ferry line out of Norlan before the spring",
)


def _units(tellers: Sequence[tuple[str | None, str | None]], text: str = CLAIMS[0]) -> list[Unit]:
    """One unit per (resolved speaker, mention), each in its own article."""
    return [
        Unit(f"a{k}", 0, 0, len(text), False, text, speaker, mention, (), (k, 0))
        for k, (speaker, mention) in enumerate(tellers)
    ]


def test_the_teller_key_is_the_last_word_that_names_a_teller() -> None:
    assert teller_key("ministry officials") == "ministry"
    assert teller_key("The Ministry") == "ministry"
    assert teller_key("a Norlan Lines ferry captain") == "captain"
    assert teller_key("Kell's office") == "kell"


def test_pronouns_and_generic_tellers_have_no_key() -> None:
    for mention in ("he", "They", "a spokesman", "officials", "A source", "several people", None):
        assert teller_key(mention) is None, mention


def test_unresolved_tellers_described_alike_pair() -> None:
    alike = described_alike(_units([(None, "ministry officials"), (None, "the ministry")]))
    assert alike[0, 1] and alike[1, 0] and not alike[0, 0]


def test_different_or_generic_tellers_do_not() -> None:
    units = _units([(None, "ministry officials"), (None, "the port authority"),
                    (None, "a spokesman"), (None, "a spokesman")])  # fmt: skip
    assert not described_alike(units).any()


def test_a_persons_office_is_described_alike_with_the_person() -> None:
    units = _units([(None, "Kell's office"), ("Rask Kell", "Kell"), ("Mara Holt", "Holt")])
    alike = described_alike(units)
    assert alike[0, 1] and not alike[0, 2] and not alike[1, 2]


def test_two_resolved_speakers_are_left_to_the_roster() -> None:
    units = _units([("Rask Kell", "Kell"), ("Rask Kell", "the minister")])
    assert not described_alike(units).any()


def _pair(second_teller: str) -> list[Unit]:
    """Two renderings of one claim in two articles, neither speaker resolved."""
    return [
        Unit("a0", 0, 0, len(CLAIMS[0]), False, CLAIMS[0], None, "ministry officials", (), (0, 0)),
        Unit("a1", 0, 0, len(CLAIMS[1]), False, CLAIMS[1], None, second_teller, (), (1, 0)),
    ]


def test_the_pair_model_weighs_tellers_described_alike_as_resolved() -> None:
    assert pair_features(_pair("the ministry"), LexicalSimilarity()).resolved[0, 1]
    assert not pair_features(_pair("dock workers"), LexicalSimilarity()).resolved[0, 1]


def test_a_one_word_unit_gains_nothing_from_its_teller() -> None:
    units = [
        Unit("a0", 0, 0, 5, True, "farce", None, "Kell's office", (" farce ",), (0, 0)),
        Unit("a1", 0, 0, len(CLAIMS[0]), False, CLAIMS[0], "Rask Kell", "Kell", (), (1, 0)),
    ]
    assert not pair_features(units, LexicalSimilarity()).resolved[0, 1]


def test_tellers_told_apart_by_a_word_before_the_institution_do_not_pair() -> None:
    """Opposing sides' bodies share the institution word ("ministry", "police", "army");
    the words before it tell them apart, so they are no one teller (review s32
    finding 14). A bare "the ministry" is neither: it names the kind of body only, and
    may be a third (review s37: an unnamed "Police" of another town)."""
    for first, second in [
        ("the Norlan Defence Ministry", "Varesia's defence ministry"),
        ("Norlani police", "Varesian police"),
        ("the Norlani army", "the Varesian army"),
        ("Harbour Party senators", "Dock Party senators"),
    ]:
        assert not described_alike(_units([(None, first), (None, second)])).any(), first
    alike = described_alike(
        _units([(None, "the ministry"), (None, "the Norlan Defence Ministry"),
                (None, "Varesia's defence ministry")])
    )  # fmt: skip
    assert not alike.any()


def test_an_office_pairs_with_its_person_only_where_all_its_words_are_theirs() -> None:
    units = _units([(None, "Kell's office"), ("Rask Kell", "Kell"), (None, "Varesian Kell aides")])
    alike = described_alike(units)
    assert alike[0, 1] and not alike[2, 1]


def test_a_kind_of_body_alone_is_not_the_body_named_in_full() -> None:
    # Review s37 (pre-existing): "Police said" in another town's report was grouped
    # under the named force; a surname keeps matching its person.
    units = _units([("Dunmore Harbour Police", "Dunmore Harbour Police"), (None, "Police"),
                    (None, "the police"), (None, "Dunmore Harbour Police"),
                    (None, "Kell"), ("Rask Kell", "Rask Kell")])  # fmt: skip
    alike = described_alike(units)
    assert not alike[1, 0] and not alike[1, 3] and not alike[2, 0]
    assert alike[1, 2]  # two unnamed "police" mentions, as before
    assert alike[4, 5]


def test_workers_are_not_their_union() -> None:
    units = _units([("United Dock Workers", "The union"), (None, "Workers")])
    assert not described_alike(units).any()
