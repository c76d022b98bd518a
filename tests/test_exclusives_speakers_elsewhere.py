"""Exclusives and the speakers other outlets report: a sentence giving a person's words
names that person, by a pronoun or not at all (the statement stage's speaker counts as a
name it carries); a speaker's words spread over several sentences of another outlet are
not printed there for half their content words standing in them pooled.

Invented stories (two outlets), analysed with the English pipeline; statements are built
by hand. Lexical similarity only.
"""

from __future__ import annotations

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Article, Passage, Statement, Variant
from newsprism.reconcile.exclusive_details import StoryDetails
from newsprism.reconcile.exclusive_told import SaidElsewhere
from newsprism.reconcile.exclusives import ExclusiveOptions, find_exclusives
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.roster import story_names
from tests.test_exclusives_details import story


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def variant(material: StoryMaterial, article: Article, words: str, direct: bool) -> Variant:
    start = article.text.index(words)
    return Variant(material.passage(article.id, start, start + len(words)), direct)


def index_of(material: StoryMaterial, words: str) -> int:
    return next(n for n, s in enumerate(material.story_pieces()) if words in s.text)


def sentence_with(material: StoryMaterial, words: str) -> Passage:
    return material.story_pieces()[index_of(material, words)]


# --- the speaker a sentence names without a name -------------------------------------------

FERRY_A = "Ansel Roos said the ferry line to Skarholm will close for the winter."
FERRY_B = (
    "The harbourmaster spoke to reporters on the quay.\n\n"
    "The ferry line to Skarholm will close for the winter, he said."
)


def test_a_sentence_carries_the_speaker_of_the_words_it_reports(analyzer: Analyzer) -> None:
    """ "..., he said." with Ansel Roos read as its speaker carries the name "Ansel Roos";
    without the statement it carries the place only."""
    material = story(analyzer, ("Harbour Post", FERRY_A), ("Velmar Wire", FERRY_B))
    second = material.articles[1]
    said = Statement(
        "st1", "Ansel Roos", (variant(material, second, "The ferry line to Skarholm", False),)
    )
    names = story_names(material)
    mine = sentence_with(material, "Ansel Roos said")
    theirs = index_of(material, "he said")
    plain = StoryDetails(material, material.story_pieces(), names)
    with_speaker = StoryDetails(material, material.story_pieces(), names, [said])
    assert plain.carried_share(mine, theirs) == pytest.approx(0.5)
    assert with_speaker.carried_share(mine, theirs) == pytest.approx(1.0)
    # Another speaker's words carry no Ansel Roos.
    other = Statement("st1", "Brita Holm", said.variants)
    elsewhere = StoryDetails(material, material.story_pieces(), names, [other])
    assert elsewhere.carried_share(mine, theirs) == pytest.approx(0.5)


# --- a new quote whose words stand scattered over the speaker's other quotes --------------

HARBOUR_A = "The harbour board met in Velmar on Tuesday.\n\n\u201c{quote},\u201d Ansel Roos said."
# Three quotes of his on three other things, each its own paragraph.
HARBOUR_B = (
    "The harbour board met in Velmar on Tuesday.\n\n"
    "\u201cDredging of the eastern channel was delayed by storms and by a quarrel with "
    "the contractor over the price,\u201d Roos said.\n\n"
    "\u201cWe asked the ministry for a grant to rebuild the breakwater before the winter "
    "gales arrive,\u201d Roos added.\n\n"
    "\u201cThe lighthouse keepers have not been paid since October and several have "
    "already left for jobs on the mainland,\u201d he said."
)
THEIRS = ("Dredging of the eastern channel", "We asked the ministry", "The lighthouse keepers")


def _statements(material: StoryMaterial, quote: str) -> tuple[Variant, list[Statement]]:
    first, second = material.articles
    mine = variant(material, first, quote, True)
    theirs = tuple(variant(material, second, words, True) for words in THEIRS)
    return mine, [Statement("st1", "Ansel Roos", (mine,)), Statement("st2", "Ansel Roos", theirs)]


# The cosine paths off (no pair of texts reaches a cosine of 1.01): words alone.
WORDS_ONLY = ExclusiveOptions(lexical=1.01, lexical_alone=1.01)


def _told_one(analyzer: Analyzer, quote: str, options: ExclusiveOptions | None = None) -> bool:
    material = story(
        analyzer, ("Harbour Post", HARBOUR_A.format(quote=quote)), ("Velmar Wire", HARBOUR_B)
    )
    mine, statements = _statements(material, quote)
    sentences = material.story_pieces()
    details = StoryDetails(material, sentences, story_names(material), statements)
    told = SaidElsewhere(material, sentences, statements, details, options or ExclusiveOptions())
    return told.told([mine.passage])[0]


def test_words_scattered_over_other_quotes_are_not_printed(analyzer: Analyzer) -> None:
    """Half a quote's content words standing somewhere in all the speaker's sentences
    elsewhere, pooled, do not make it told there ("winter", "gales" in the breakwater
    quote, "eastern", "channel" in the dredging one, each its own paragraph: four of five
    words). With a figure no sentence of the other outlet gives, the quote stays his at the
    calibrated cosines too."""
    assert not _told_one(analyzer, "Winter gales flooded the eastern channel", WORDS_ONLY)
    assert not _told_one(analyzer, "Winter gales sank two trawlers in the eastern channel")


def test_a_new_quote_on_words_of_his_other_quotes_is_an_exclusive(analyzer: Analyzer) -> None:
    """The trawlers quote (four of its six content words in his other quotes elsewhere, at
    most two in one quote; a figure they do not give) is listed as the first outlet's."""
    quote = "Winter gales sank two trawlers in the eastern channel"
    material = story(
        analyzer, ("Harbour Post", HARBOUR_A.format(quote=quote)), ("Velmar Wire", HARBOUR_B)
    )
    _, statements = _statements(material, quote)
    found = find_exclusives(material, statements, [])
    assert quote in [e.passage.text for e in found if e.passage.outlet == "Harbour Post"]
