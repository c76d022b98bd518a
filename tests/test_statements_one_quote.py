"""Statements: one quote printed word for word in two articles under two names of one
person (names that share a word) is one statement (invented sentences). Two people
whose names share nothing stay apart whatever they say
(tests/test_reconcile_statements.py)."""

from __future__ import annotations

from newsprism.model import Analysis, Article, Entity, Mention, Quote, Story, article_id
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.similarity import LexicalSimilarity
from newsprism.reconcile.statements import align_statements

LEXICAL = LexicalSimilarity()
QUOTE = "Nobody told us the footbridge would stay shut for a whole month"


def _article(outlet: str, text: str, quoted: str, speaker: str) -> tuple[Article, Analysis]:
    """An article whose one direct quote is ``quoted``, said by ``speaker`` (named in it)."""
    article = Article(article_id(outlet, text), f"{outlet}.txt", text, outlet=outlet)
    start = text.index(quoted)
    at = text.index(speaker)
    person = Entity(speaker, "PERSON", (Mention(speaker, at, at + len(speaker)),))
    quote = Quote(quoted, start, start + len(quoted), True, speaker, group=0)
    return article, Analysis(article.id, "test", ((0, len(text)),), (person,), (quote,))


def _statements(first: tuple[Article, Analysis], second: tuple[Article, Analysis]) -> list[int]:
    """Variants per statement of the story of the two articles."""
    articles = [first[0], second[0]]
    story = Story("s", None, tuple(a.id for a in articles))
    material = StoryMaterial(story, articles, {a.id: an for a, an in (first, second)})
    return sorted(len(s.variants) for s in align_statements(material, LEXICAL))


def test_one_quote_word_for_word_under_two_names_is_one_statement() -> None:
    first = _article(
        "Harbour Post",
        f"\u201c{QUOTE},\u201d said Dara Quist, a ferry worker.",
        QUOTE,
        "Dara Quist",
    )
    second = _article(
        "Valley Wire",
        f"Dara Quistberg, who posts as a ferry worker, wrote: \u201c{QUOTE}.\u201d",
        QUOTE,
        "Dara Quistberg",
    )
    assert _statements(first, second) == [2]


def test_a_run_inside_a_longer_quote_counts_too() -> None:
    longer = f"{QUOTE}, and the buses are full by seven"
    first = _article("Harbour Post", f"\u201c{QUOTE},\u201d said Dara Quist.", QUOTE, "Dara Quist")
    second = _article(
        "Valley Wire", f"\u201c{longer},\u201d Dara Lindqvist said.", longer, "Dara Lindqvist"
    )
    assert _statements(first, second) == [2]


def test_a_short_stock_phrase_of_two_people_stays_apart() -> None:
    short = "We will appeal the ruling"
    first = _article("Harbour Post", f"\u201c{short},\u201d said Dara Quist.", short, "Dara Quist")
    second = _article(
        "Valley Wire", f"\u201c{short},\u201d Dara Lindqvist said.", short, "Dara Lindqvist"
    )
    assert _statements(first, second) == [1, 1]


def test_two_names_sharing_a_word_on_different_words_stay_apart() -> None:
    other = "The ferry timetable will change again before the summer season"
    first = _article("Harbour Post", f"\u201c{QUOTE},\u201d said Dara Quist.", QUOTE, "Dara Quist")
    second = _article(
        "Valley Wire", f"\u201c{other},\u201d Dara Lindqvist said.", other, "Dara Lindqvist"
    )
    assert _statements(first, second) == [1, 1]
