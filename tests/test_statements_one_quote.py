"""Statements: one quote printed word for word in two articles under two names of one
person ("Dara Quist" / "Dara Quistberg"; one given name and two surnames only for two
such quotes or more) is one statement (invented sentences). Two people whose names
share nothing, relatives who share a surname, two organisations and two people one
article names apart stay apart whatever they say (tests/test_reconcile_statements.py,
review s30/1 F5)."""

from __future__ import annotations

from newsprism.model import Analysis, Article, Entity, Mention, Quote, Story, article_id
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.similarity import LexicalSimilarity
from newsprism.reconcile.speaker_names import SAME_GIVEN, SAME_PERSON, name_kinship
from newsprism.reconcile.statements import align_statements

LEXICAL = LexicalSimilarity()
QUOTE = "Nobody told us the footbridge would stay shut for a whole month"


def _article(
    outlet: str, text: str, quoted: str, speaker: str, label: str = "PERSON"
) -> tuple[Article, Analysis]:
    """An article whose one direct quote is ``quoted``, said by ``speaker`` (named in it)."""
    return _quoting(outlet, text, [(quoted, speaker)], label)


def _quoting(
    outlet: str, text: str, said: list[tuple[str, str]], label: str = "PERSON"
) -> tuple[Article, Analysis]:
    """An article whose direct quotes are ``said`` (quoted words, speaker named in it),
    one quote group each."""
    article = Article(article_id(outlet, text), f"{outlet}.txt", text, outlet=outlet)
    entities: dict[str, Entity] = {}
    quotes = []
    for group, (quoted, speaker) in enumerate(said):
        start, at = text.index(quoted), text.index(speaker)
        mention = Mention(speaker, at, at + len(speaker))
        entities.setdefault(speaker, Entity(speaker, label, (mention,)))
        end = start + len(quoted)
        quotes.append(Quote(quoted, start, end, True, speaker, speaker, group=group))
    spans = ((0, len(text)),)
    return article, Analysis(article.id, "test", spans, tuple(entities.values()), tuple(quotes))


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
        "Valley Wire", f"\u201c{longer},\u201d Dara Quistberg said.", longer, "Dara Quistberg"
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


STOCK = "He was the best father anyone could ask for"
LATER = "We will keep his workshop open for the neighbours every Saturday"


def test_one_given_name_and_two_surnames_take_two_shared_quotes() -> None:
    # A profile name beside a legal name: two sentences word for word are one person's.
    said = f"\u201c{STOCK},\u201d said Ana Veldt. \u201c{LATER},\u201d Ana Veldt added."
    first = _quoting("Harbour Post", said, [(STOCK, "Ana Veldt"), (LATER, "Ana Veldt")])
    wrote = f"Ana Morrow wrote: \u201c{STOCK}.\u201d Then: \u201c{LATER}.\u201d"
    second = _quoting("Valley Wire", wrote, [(STOCK, "Ana Morrow"), (LATER, "Ana Morrow")])
    assert _statements(first, second) == [2, 2]


def test_one_stock_sentence_under_one_given_name_and_two_surnames_stays_apart() -> None:
    first = _article("Harbour Post", f"\u201c{STOCK},\u201d said Ana Veldt.", STOCK, "Ana Veldt")
    second = _article("Valley Wire", f"\u201c{STOCK},\u201d Ana Morrow said.", STOCK, "Ana Morrow")
    assert _statements(first, second) == [1, 1]


def test_relatives_sharing_a_surname_stay_apart() -> None:
    first = _article(
        "Harbour Post", f"\u201c{STOCK},\u201d said Mira Kessling.", STOCK, "Mira Kessling"
    )
    second = _article(
        "Valley Wire", f"\u201c{STOCK},\u201d Tove Kessling said.", STOCK, "Tove Kessling"
    )
    assert _statements(first, second) == [1, 1]


def test_two_organisations_sharing_name_words_stay_apart() -> None:
    line = "We are cooperating fully with the investigation"
    first = _article(
        "Harbour Post",
        f"\u201c{line},\u201d the Harbour Police Department said.",
        line,
        "Harbour Police Department",
        "ORG",
    )
    second = _article(
        "Valley Wire",
        f"\u201c{line},\u201d the Valley Police Department said.",
        line,
        "Valley Police Department",
        "ORG",
    )
    assert _statements(first, second) == [1, 1]


def test_two_people_one_article_names_apart_stay_apart() -> None:
    # The first article quotes Dara Quist and Dara Quistberg: two people, whatever
    # the second credits to one of them.
    said = f"\u201c{QUOTE},\u201d said Dara Quist. \u201c{LATER},\u201d said Dara Quistberg."
    first = _quoting("Harbour Post", said, [(QUOTE, "Dara Quist"), (LATER, "Dara Quistberg")])
    second = _article(
        "Valley Wire", f"\u201c{QUOTE},\u201d Dara Quistberg said.", QUOTE, "Dara Quistberg"
    )
    assert _statements(first, second) == [1, 1, 1]


def test_name_kinship() -> None:
    assert name_kinship("Dara Quist", "Dara Quistberg") == SAME_PERSON
    assert name_kinship("Ana Veldt", "Ana Velt") == SAME_PERSON
    assert name_kinship("A. Veldt", "Ana Veldt") == SAME_PERSON
    assert name_kinship("Tom Kessling", "Thomas Kessling") == SAME_PERSON
    assert name_kinship("Ana Veldt", "Ana Morrow") == SAME_GIVEN
    assert name_kinship("Mira Kessling", "Tove Kessling") == 0
    assert name_kinship("Acme Corp", "Acme Corporation") == 0
    assert name_kinship("Veldt", "Ana Veldt") == 0


def test_short_surnames_a_letter_apart_are_two_families() -> None:
    # "Li" / "Lu" and "Kim" / "Kimball" are other families, not one name spelled two
    # ways: one shared quote does not make them one speaker.
    assert name_kinship("John Li", "John Lu") == SAME_GIVEN
    assert name_kinship("Ed Kim", "Ed Kimball") == SAME_GIVEN
    assert name_kinship("Ann Lee", "Ann Leeds") == SAME_GIVEN
    assert name_kinship("Jo Li", "Jo Li") == SAME_PERSON


def test_a_speaker_given_to_a_pronoun_names_nobody_in_the_article() -> None:
    # "..., he said" may carry a speaker inferred from the other article, under the
    # other name of the same person: no sign of two people.
    from newsprism.reconcile.statement_evidence import _rosters
    from newsprism.reconcile.statement_units import Unit

    def unit(speaker: str, mention: str) -> Unit:
        return Unit("a", 0, 0, 9, True, STOCK, speaker, mention, (), (0, 0))

    rosters = _rosters([unit("Ana Veldt", "he"), unit("Ana Morrow", "Morrow")])
    assert rosters["a"] == {"Ana Morrow"}
