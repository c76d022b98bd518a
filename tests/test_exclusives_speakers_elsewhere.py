"""Exclusives and the speakers other outlets report: a sentence giving a person's words
names that person, by a pronoun or not at all (the statement stage's speaker counts as a
name it carries); a speaker's words spread over several sentences of another outlet are
printed there when half their content words stand in them.

Invented stories (two outlets), analysed with the English pipeline; statements are built
by hand. Lexical similarity only.
"""

from __future__ import annotations

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Article, Passage, Statement, Variant
from newsprism.reconcile import exclusive_told
from newsprism.reconcile.exclusive_details import StoryDetails
from newsprism.reconcile.exclusive_told import SaidElsewhere
from newsprism.reconcile.exclusives import ExclusiveOptions
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


# --- a speaker's words over several sentences of another outlet ---------------------------

TOLLS_A = (
    "The harbour board met in Velmar on Tuesday.\n\n"
    "\u201cTrawlers face twice the old tolls at the harbour from next spring onwards,\u201d "
    "Ansel Roos said.\n\n"
    "\u201cThe new pier opens in autumn,\u201d Ansel Roos added."
)
TOLLS_B = (
    "The harbour board met in Velmar on Tuesday.\n\n"
    "\u201cThe harbour tolls must rise,\u201d the harbourmaster Ansel Roos told the board. "
    "\u201cEach trawler will pay double, starting in spring.\u201d\n\n"
    "\u201cDredging of the eastern channel was delayed by storms and by a quarrel with "
    "the contractor over the price,\u201d Roos said.\n\n"
    "\u201cWe asked the ministry for a grant to rebuild the breakwater before the winter "
    "gales arrive,\u201d Roos added.\n\n"
    "\u201cThe lighthouse keepers have not been paid since October and several have "
    "already left for jobs on the mainland,\u201d he said."
)


def _told(analyzer: Analyzer) -> list[bool]:
    material = story(analyzer, ("Harbour Post", TOLLS_A), ("Velmar Wire", TOLLS_B))
    first, second = material.articles
    tolls = variant(
        material,
        first,
        "Trawlers face twice the old tolls at the harbour from next spring onwards",
        True,
    )
    pier = variant(material, first, "The new pier opens in autumn", True)
    statements = [
        Statement("st1", "Ansel Roos", (tolls,)),
        Statement("st2", "Ansel Roos", (pier,)),
        Statement(
            "st3",
            "Ansel Roos",
            (
                variant(material, second, "The harbour tolls must rise", True),
                variant(material, second, "Each trawler will pay double", True),
                variant(material, second, "Dredging of the eastern channel", True),
                variant(material, second, "We asked the ministry", True),
                variant(material, second, "The lighthouse keepers", True),
            ),
        ),
    ]
    sentences = material.story_pieces()
    details = StoryDetails(material, sentences, story_names(material), statements)
    told = SaidElsewhere(material, sentences, statements, details, ExclusiveOptions())
    return told.told([tolls.passage, pier.passage])


def test_a_speakers_words_printed_over_two_sentences_are_told(analyzer: Analyzer) -> None:
    """Half or more of the quote's content words ("trawlers", "tolls", "harbour",
    "spring" of eight) stand in the sentences the other outlet gives Ansel Roos (among
    others of his on other things): told elsewhere. The pier quote shares none of its
    words with them: still his alone."""
    assert _told(analyzer) == [True, False]


def test_the_printed_words_decide_not_the_cosine(
    analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the printed-words test off, the lexical cosine alone leaves the tolls quote
    untold (its wording differs too much): the test is what tells it."""
    monkeypatch.setattr(exclusive_told, "_words_printed", lambda text, theirs: False)
    assert _told(analyzer) == [False, False]
