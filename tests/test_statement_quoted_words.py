"""Statements: an indirect clause that quotes one word of its speaker ('he "bitterly"
regretted the scuffle') renders the direct quote of that speaker in another article
that holds the word ("I bitterly regret losing my temper"), where that article quotes
the word in one quote group only (invented sentences). Not where the word is in two of
its quotes, not for a lone quoted word, not across two speakers."""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.model import Analysis, Article, Entity, Mention, Quote, Story, article_id
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.similarity import LexicalSimilarity
from newsprism.reconcile.statement_evidence import quoted_words
from newsprism.reconcile.statement_units import quote_units
from newsprism.reconcile.statements import align_statements

LEXICAL = LexicalSimilarity()
# (words, direct, speaker, group)
Spec = tuple[str, bool, str, int]
REGRET = "I bitterly regret losing my temper with the harbour pilots"
HARBOUR = "We must rebuild trust along the whole waterfront"
CLAUSE = "he \u201cbitterly\u201d regretted the scuffle at the quay on Tuesday"


def _article(outlet: str, text: str, quotes: Sequence[Spec]) -> tuple[Article, Analysis]:
    """An article whose quotes are the given substrings of ``text``."""
    article = Article(article_id(outlet, text), f"{outlet}.txt", text, outlet=outlet)
    records, entities = [], {}
    for words, direct, speaker, group in quotes:
        start = text.index(words)
        records.append(Quote(words, start, start + len(words), direct, speaker, group=group))
        surname = speaker.rsplit(maxsplit=1)[-1]
        at = text.index(surname)
        mention = Mention(speaker, at, at + len(surname))
        entities.setdefault(speaker, Entity(speaker, "PERSON", (mention,)))
    spans = ((0, len(text)),)
    return article, Analysis(article.id, "test", spans, tuple(entities.values()), tuple(records))


def _material(*pieces: tuple[Article, Analysis]) -> StoryMaterial:
    articles = [a for a, _ in pieces]
    story = Story("s", None, tuple(a.id for a in articles))
    return StoryMaterial(story, articles, {a.id: an for a, an in pieces})


def _quoted(second: str = HARBOUR, speaker: str = "Orrin Dask") -> tuple[Article, Analysis]:
    surname = speaker.rsplit(maxsplit=1)[-1]
    text = f"\u201c{REGRET},\u201d {surname} said. \u201c{second},\u201d he added."
    return _article("Quay Times", text, [(REGRET, True, speaker, 0), (second, True, speaker, 1)])


def _clause(words: str = CLAUSE, speaker: str = "Orrin Dask") -> tuple[Article, Analysis]:
    text = f"Dask said {words}."
    partial = "bitterly"
    return _article("Pier Herald", text, [(words, False, speaker, 0), (partial, True, speaker, 0)])


def _together(material: StoryMaterial, first: str, second: str) -> bool:
    """Whether one statement holds a variant with ``first`` and one with ``second``."""
    for statement in align_statements(material, LEXICAL):
        texts = [v.passage.text for v in statement.variants]
        if any(first in t for t in texts) and any(second in t for t in texts):
            return True
    return False


def test_a_quoted_word_lines_up_the_clause_with_the_quote_it_comes_from() -> None:
    material = _material(_quoted(), _clause())
    assert _together(material, "bitterly regret", "scuffle at the quay")


def test_a_word_two_quotes_hold_says_nothing() -> None:
    other = "I bitterly oppose the new berth fees"
    material = _material(_quoted(second=other), _clause())
    units = quote_units(material)
    scores = quoted_words(units, LEXICAL.matrix([u.text for u in units], [u.text for u in units]))
    clause = next(k for k, u in enumerate(units) if "scuffle" in u.text)
    assert all(scores[clause, k] < 0.5 for k in range(len(units)) if k != clause)
    assert not _together(material, "bitterly regret", "scuffle at the quay")


def test_another_speakers_quote_or_a_lone_word_is_not_raised() -> None:
    for material in (
        _material(_quoted(speaker="Lina Varr"), _clause()),
        _material(_quoted(), _clause(words="he \u201cbitterly\u201d regretted it")),
    ):
        units = quote_units(material)
        texts = [u.text for u in units]
        raw = LEXICAL.matrix(texts, texts)
        assert (quoted_words(units, raw) == raw).all()


def test_a_term_the_clause_also_writes_unquoted_is_not_raised() -> None:
    words = (
        "the charter shields a member\u2019s right to dissent, "
        "with \u201cmember\u201d meaning any tenant"
    )
    text = f"Dask said {words}."
    clause = _article(
        "Pier Herald",
        text,
        [(words, False, "Orrin Dask", 0), ("member", True, "Orrin Dask", 0)],
    )
    quote = "Every member of this cooperative deserves a vote on the rent"
    said = f"\u201c{quote},\u201d Dask said."
    material = _material(_article("Quay Times", said, [(quote, True, "Orrin Dask", 0)]), clause)
    units = quote_units(material)
    texts = [u.text for u in units]
    raw = LEXICAL.matrix(texts, texts)
    assert (quoted_words(units, raw) == raw).all()
