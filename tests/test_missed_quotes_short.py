"""Short quotations every outlet quotes alike, and quotations in reversed marks, as
units of :mod:`newsprism.reconcile.missed_quotes` (invented text)."""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.model import Analysis, Article, Story, article_id
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.missed_quotes import missed_quote_units
from newsprism.reconcile.similarity import LexicalSimilarity
from newsprism.reconcile.statement_units import Unit
from newsprism.reconcile.statements import align_statements


def _material(texts: Sequence[str]) -> StoryMaterial:
    articles = [
        Article(article_id(f"O{k}", text), f"O{k}.txt", text, outlet=f"O{k}")
        for k, text in enumerate(texts)
    ]
    analyses = {a.id: Analysis(a.id, "test", ((0, len(a.text)),), (), ()) for a in articles}
    return StoryMaterial(Story("s", None, tuple(a.id for a in articles)), articles, analyses)


def _texts(units: Sequence[Unit]) -> list[str]:
    return [u.text for u in units]


def test_short_quotation_another_source_quotes_alike_is_a_unit() -> None:
    material = _material([
        'Hundreds marched on the quay, chanting "Down with the toll" until dusk.',
        'At the harbour the crowd shouted "Down with the toll," witnesses said.',
    ])  # fmt: skip
    assert _texts(missed_quote_units(material)) == ["Down with the toll"] * 2


def test_short_quotation_one_source_prints_is_no_unit() -> None:
    material = _material([
        'Hundreds marched on the quay, chanting "Down with the toll" until dusk.',
        'The mayor called the plan a "fair harbour deal" on Monday.',
    ])  # fmt: skip
    assert missed_quote_units(material) == []


def test_two_word_quotation_is_no_unit_even_when_quoted_alike() -> None:
    material = _material([
        'The era they call the "lean years" ended with the new dock.',
        'Old sailors still speak of the "lean years" at the quay.',
    ])  # fmt: skip
    assert missed_quote_units(material) == []


def test_short_quotations_alike_join_one_statement() -> None:
    material = _material([
        'Hundreds marched on the quay, chanting "Down with the toll" until dusk.',
        'At the harbour the crowd shouted "Down with the toll," witnesses said.',
    ])  # fmt: skip
    statements = align_statements(material, LexicalSimilarity())
    assert [len(s.variants) for s in statements] == [2]


def test_quotation_in_reversed_marks_is_read() -> None:
    text = (
        "Lind spoke at the quay.\n\n"
        "\u201dThis ferry will be judged by history as the turning point for the harbour.\u201c"
        "\n\nThe meeting ended at noon."
    )
    (unit,) = missed_quote_units(_material([text]))
    assert unit.text == "This ferry will be judged by history as the turning point for the harbour."
    assert text[unit.start : unit.end] == unit.text


def test_narration_between_reversed_quotations_is_no_quotation() -> None:
    text = (
        "\u201dWe will keep every ferry running through the long winter,\u201c "
        "the harbour chief Edvin Rask told the crowd on Monday morning. "
        "\u201dNo crew will be laid off before the spring season begins.\u201c"
    )
    assert _texts(missed_quote_units(_material([text]))) == [
        "We will keep every ferry running through the long winter",
        "No crew will be laid off before the spring season begins.",
    ]


def test_right_way_quotation_is_not_read_as_reversed() -> None:
    text = "\u201cWe will keep every ferry running,\u201d Rask said. \u201cNo crew will go.\u201d"
    assert _texts(missed_quote_units(_material([text]))) == ["We will keep every ferry running"]


def test_label_two_outlets_print_alike_is_no_unit() -> None:
    # A name for the plan in one outlet, a scare quote in another: nobody said it.
    material = _material([
        'The governor called the levy a "fair tide bargain" on Friday.',
        'Opponents mocked the "fair tide bargain" in an open letter.',
    ])  # fmt: skip
    assert missed_quote_units(material) == []
    assert align_statements(material, LexicalSimilarity()) == []


def test_short_quotation_said_in_one_outlet_only_is_no_unit() -> None:
    material = _material([
        'Dock workers shouted "fair tide bargain" at the gates.',
        'Opponents mocked the "fair tide bargain" in an open letter.',
    ])  # fmt: skip
    assert missed_quote_units(material) == []


def test_short_quotation_said_after_it_or_after_a_colon_is_a_unit() -> None:
    material = _material([
        '"No toll on the quay," the dockers chanted as the gates closed.',
        'Their banner read: "No toll on the quay" in red letters.',
    ])  # fmt: skip
    assert _texts(missed_quote_units(material)) == ["No toll on the quay"] * 2


def test_narration_between_spaced_right_way_quotations_is_no_quotation() -> None:
    text = (
        "\u201c We will keep the gates shut until the levy is scrapped \u201d the dockers' "
        "spokeswoman Ilse Varn told reporters on Friday, \u201c the cranes stay idle until "
        "the board pays \u201d."
    )
    assert _texts(missed_quote_units(_material([text]))) == [
        "We will keep the gates shut until the levy is scrapped",
        "the cranes stay idle until the board pays",
    ]


def test_reversed_quotation_read_beside_right_way_quotations_elsewhere() -> None:
    text = (
        "Varn spoke at the gates, calling it \u201ca long night\u201d for the port.\n\n"
        "\u201dThis levy will be remembered as the day the harbour lost its trade.\u201c"
    )
    assert _texts(missed_quote_units(_material([text]))) == [
        "This levy will be remembered as the day the harbour lost its trade."
    ]
