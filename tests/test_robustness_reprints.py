"""Reprinted passages (printed_quotes._reprints) on awkward invented stories: a passage
the named outlet prints more than once, an outlet's name inside a longer word."""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.model import Analysis, Article, Story, article_id
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.printed_quotes import printed_quote_units
from newsprism.reconcile.statement_units import Unit

# Fourteen words, over REPRINT_WORDS: long enough to count as a reprint.
RUN = "the harbour board met at dawn to weigh the closure of the old ferry pier"


def _material(*pieces: tuple[str, str]) -> StoryMaterial:
    articles = [Article(article_id(o, t), f"{o}.txt", t, outlet=o) for o, t in pieces]
    analyses = {a.id: Analysis(a.id, "test", ((0, len(a.text)),)) for a in articles}
    return StoryMaterial(Story("s", None, tuple(a.id for a in articles)), articles, analyses)


def _overlapping(units: Sequence[Unit]) -> list[tuple[Unit, Unit]]:
    return [
        (a, b)
        for i, a in enumerate(units)
        for b in units[i + 1 :]
        if a.article == b.article and a.start < b.end and b.start < a.end
    ]


def test_reprint_spans_are_the_articles_text() -> None:
    herald = f"Kelmar Herald story.\n\n{RUN}.\n\nThe end."
    times = f"Here is an excerpt from the Kelmar Herald report:\n\n{RUN}.\n\nMore later."
    material = _material(("Kelmar Herald", herald), ("Valley Times", times))
    units = printed_quote_units(material, [])
    assert len(units) == 2
    texts = {a.id: a.text for a in material.articles}
    assert all(texts[u.article][u.start : u.end] == u.text for u in units)


def test_passage_printed_thrice_by_its_outlet_is_one_unit_where_reprinted_once() -> None:
    # A scraped page repeats a paragraph (a pull quote, a repeated block); the other
    # outlet prints it once. Its one passage must be one unit, not one per repeat.
    herald = f"Kelmar Herald story.\n\n{RUN}.\n\n{RUN}.\n\n{RUN}.\n\nThe end."
    times = f"Here is an excerpt from the Kelmar Herald report:\n\n{RUN}.\n\nMore later."
    material = _material(("Kelmar Herald", herald), ("Valley Times", times))
    units = printed_quote_units(material, [])
    assert units  # the reprint is found
    assert _overlapping(units) == []


def test_outlet_name_inside_a_longer_word_names_no_outlet() -> None:
    ap = f"Long day at the port. {RUN}."
    times = f"The APEC summit opened. {RUN}."
    assert printed_quote_units(_material(("AP", ap), ("Valley Times", times)), []) == []
