"""Statement pairing: renderings that one outlet packs into one unit and another tells
apart (invented sentences)."""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.model import Analysis, Article, Entity, Mention, Quote, Statement, Story, article_id
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.similarity import LexicalSimilarity
from newsprism.reconcile.statements import (
    align_statements,
    pair_features,
    partial_units,
    quote_units,
)

Spec = tuple[str, bool, str | None, int]  # (quoted words, direct, speaker, group)

LEXICAL = LexicalSimilarity()
LIBRARY = "open the library on Sundays"
HARBOUR = "mend the harbour wall before winter"
CLAUSE = f"Mara Holt said the council should \u201c{LIBRARY}\u201d and \u201c{HARBOUR}.\u201d"
APART = (
    f"\u201c{LIBRARY.capitalize()},\u201d Mara Holt told the meeting. The vote is in May. "
    f"Later Mara Holt said: \u201cWe must {HARBOUR}.\u201d"
)


def _article(outlet: str, text: str, quotes: Sequence[Spec]) -> tuple[Article, Analysis]:
    """An article and an analysis whose quotes are the given substrings of ``text``."""
    article = Article(article_id(outlet, text), f"{outlet}.txt", text, outlet=outlet)
    records = []
    mentions: list[Mention] = []
    for words, direct, speaker, group in quotes:
        start = text.index(words)
        records.append(Quote(words, start, start + len(words), direct, speaker, group=group))
        if speaker and speaker in text:
            at = text.index(speaker)
            mentions.append(Mention(speaker, at, at + len(speaker)))
    people = (Entity("Mara Holt", "PERSON", tuple(mentions)),) if mentions else ()
    return article, Analysis(article.id, "test", ((0, len(text)),), people, tuple(records))


def _material(*pieces: tuple[Article, Analysis]) -> StoryMaterial:
    articles = [a for a, _ in pieces]
    story = Story("s", None, tuple(a.id for a in articles))
    return StoryMaterial(story, articles, {a.id: an for a, an in pieces})


def _clause(outlet: str = "A") -> tuple[Article, Analysis]:
    clause = f"the council should \u201c{LIBRARY}\u201d and \u201c{HARBOUR}.\u201d"
    return _article(
        outlet,
        CLAUSE,
        [(clause, False, "Mara Holt", 0), (LIBRARY, True, "Mara Holt", 0),
         (HARBOUR, True, "Mara Holt", 0)],
    )  # fmt: skip


def _apart() -> tuple[Article, Analysis]:
    return _article(
        "B",
        APART,
        [
            (LIBRARY.capitalize(), True, "Mara Holt", 0),
            (f"We must {HARBOUR}", True, "Mara Holt", 1),
        ],
    )


def _statement_of(statements: Sequence[Statement], outlet: str, words: str) -> str:
    for statement in statements:
        for variant in statement.variants:
            if variant.passage.outlet == outlet and words in variant.passage.text:
                return statement.id
    raise AssertionError(f"{words!r} of {outlet} is in no statement")


def test_a_clause_of_two_partial_quotes_pairs_with_each_quote_told_apart() -> None:
    material = _material(_clause(), _apart())
    statements = align_statements(material, LEXICAL)
    library, harbour = (_statement_of(statements, "A", w) for w in (LIBRARY, HARBOUR))
    assert library != harbour
    assert library == _statement_of(statements, "B", LIBRARY.capitalize())
    assert harbour == _statement_of(statements, "B", HARBOUR)
    for statement in statements:  # every variant is its article's own text
        for variant in statement.variants:
            p = variant.passage
            assert material.by_id[p.article].text[p.start : p.end] == p.text


def test_a_clause_stays_whole_where_no_outlet_tells_its_quotes_apart() -> None:
    material = _material(_clause("A"), _clause("C"))
    units = quote_units(material)
    assert len(partial_units(units)) == len(units)
    statements = align_statements(material, LEXICAL)
    assert len(statements) == 1
    assert {v.passage.outlet for v in statements[0].variants} == {"A", "C"}


def test_a_partial_quote_past_its_clause_by_a_full_stop_is_part_of_the_clause() -> None:
    # The analysis may end the clause before the full stop its last partial includes.
    text = f"Mara Holt said the council should \u201c{HARBOUR}.\u201d"
    clause_start = text.index("the council")
    partial_start = text.index(HARBOUR)
    quotes = (
        Quote("clause", clause_start, partial_start + len(HARBOUR), False, "Mara Holt", group=0),
        Quote(
            "partial", partial_start, partial_start + len(HARBOUR) + 1, True, "Mara Holt", group=0
        ),
    )
    article, analysis = _article("A", text, [])
    analysis = Analysis(article.id, "test", analysis.sentences, analysis.entities, quotes)
    (unit,) = quote_units(_material((article, analysis)))
    assert not unit.direct
    assert unit.text.endswith(f"{HARBOUR}.")
    assert unit.partials == ((partial_start, partial_start + len(HARBOUR) + 1),)


def test_a_one_word_partial_quote_gets_no_margin_over_rivals() -> None:
    """A one-word partial quote is far from every rival, so its margin over them says
    nothing about which claim it renders; a quote of a few words keeps its margin."""
    told = (
        "Mara Holt wrote: \u201cI can see how hurtful my words were.\u201d "
        "She added: \u201cI will take this to heart and grow.\u201d"
    )
    full = _article(
        "B",
        told,
        [("I can see how hurtful my words were.", True, "Mara Holt", 0),
         ("I will take this to heart and grow.", True, "Mara Holt", 1)],
    )  # fmt: skip
    for words, blind in (("hurtful", True), ("hurtful words", False)):
        text = f"Mara Holt apologised for her \u201c{words}\u201d on Friday."
        partial = _article("A", text, [(words, True, "Mara Holt", 0)])
        units = quote_units(_material(partial, full))
        evidence = pair_features(units, LEXICAL)
        one = next(k for k, u in enumerate(units) if u.text == words)
        hurt = next(k for k, u in enumerate(units) if "hurtful" in u.text and k != one)
        assert 0 < evidence.scores[one, hurt] < 1
        assert bool(evidence.margins[one, hurt] <= 0) == blind


def test_one_speaker_says_nothing_of_which_claim_a_lone_word_renders() -> None:
    """Both sides resolved to one person weigh as evidence for a unit of a few words, not
    for a one-word partial quote: the speaker's every claim holding the word would join
    it as well ("Senator Holt's office called it a 'prank'", read as Holt's words)."""
    told = (
        "Mara Holt wrote: \u201cI can see how hurtful my words were.\u201d "
        "She added: \u201cI will take this to heart and grow.\u201d"
    )
    full = _article(
        "B",
        told,
        [("I can see how hurtful my words were.", True, "Mara Holt", 0),
         ("I will take this to heart and grow.", True, "Mara Holt", 1)],
    )  # fmt: skip
    for words, counted in (("hurtful", False), ("hurtful words", True)):
        text = f"Mara Holt apologised for her \u201c{words}\u201d on Friday."
        partial = _article("A", text, [(words, True, "Mara Holt", 0)])
        units = quote_units(_material(partial, full))
        evidence = pair_features(units, LEXICAL)
        one = next(k for k, u in enumerate(units) if u.text == words)
        hurt = next(k for k, u in enumerate(units) if "hurtful" in u.text and k != one)
        assert bool(evidence.resolved[one, hurt]) == counted
        assert bool(evidence.resolved[hurt, one]) == counted
