"""Quote extraction: each hard case of issue 3 on invented text, with gold in the test.

The spaCy model is loaded once for the module. Speaker names are resolved through
:class:`FakeNames`, a small test double of the :class:`NameResolver` protocol (the
project's entity resolver is tested on its own).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from newsprism.analyze.nlp import load_english
from newsprism.analyze.quote_marks import find_quote_spans
from newsprism.analyze.quotes import extract_quotes
from newsprism.analyze.speakers import Gender
from newsprism.ingest import read_inputs
from newsprism.model import Article, Quote
from tests.conftest import SAMPLES

PEOPLE: dict[str, Gender | None] = {
    "Mirela Kostanj": "female",
    "Edvin Rask": "male",
    "Teodor Halvik": "male",
    "Ana Marrow": "female",
    "Jonas Vell": None,
}
DESCRIPTIONS = {
    "the union leader": "Mirela Kostanj",
    "the minister": "Teodor Halvik",
    "the transport minister": "Teodor Halvik",
    "the prime minister": "Ana Marrow",
}


class FakeNames:
    """A :class:`NameResolver` over a fixed cast: full names, surnames, descriptions."""

    def __init__(self, text: str) -> None:
        self.text = text

    def canonical(self, mention: str, start: int | None = None) -> str | None:
        bare = re.sub(r"[’']s$", "", mention.strip())
        if bare.lower() in DESCRIPTIONS:
            return DESCRIPTIONS[bare.lower()]
        for name in PEOPLE:
            if bare == name or bare.split()[-1] == name.split()[-1]:
                return name
        return None

    def people_before(self, offset: int) -> Sequence[tuple[str, int]]:
        found = [
            (name, m.start())
            for name in PEOPLE
            for m in re.finditer(
                rf"\b(?:{re.escape(name)}|{re.escape(name.split()[-1])})\b", self.text
            )
            if m.start() < offset
        ]
        return sorted(set(found), key=lambda item: item[1])

    def gender(self, name: str) -> Gender | None:
        return PEOPLE.get(name)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_english()


def quotes_of(nlp: Language, text: str) -> list[Quote]:
    return extract_quotes(nlp(text), FakeNames(text))


def direct(quotes: Sequence[Quote]) -> list[Quote]:
    return [q for q in quotes if q.direct]


def indirect(quotes: Sequence[Quote]) -> list[Quote]:
    return [q for q in quotes if not q.direct]


def find(quotes: Sequence[Quote], fragment: str) -> Quote:
    matches = [q for q in quotes if fragment in q.text]
    assert matches, f"no quote holds {fragment!r}: {[q.text for q in quotes]}"
    return matches[0]


def assert_offsets(text: str, quotes: Sequence[Quote]) -> None:
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    for q in quotes:
        assert text[q.start : q.end] == q.text
        if q.speaker_start is not None:
            assert q.speaker_end is not None
            assert text[q.speaker_start : q.speaker_end] == q.speaker_mention
        if q.cue_start is not None:
            assert q.cue_end is not None
            assert text[q.cue_start : q.cue_end] == q.cue


# --- quote marks ---------------------------------------------------------------------------

MARK_CASES = [
    ("\u201cWe will not move,\u201d Kostanj said.", "We will not move"),
    ('"We will not move," Kostanj said.', "We will not move"),
    ("\u00abWe will not move,\u00bb Kostanj said.", "We will not move"),
    ("\u00bbWe will not move\u00ab, Kostanj said.", "We will not move"),
    ("\u201eWe will not move\u201c, Kostanj said.", "We will not move"),
    ("\u2018We will not move,\u2019 Kostanj said.", "We will not move"),
    ("''We will not move,'' Kostanj said.", "We will not move"),
]


@pytest.mark.parametrize(("text", "said"), MARK_CASES, ids=[c[0][:2] for c in MARK_CASES])
def test_every_kind_of_quote_mark(nlp: Language, text: str, said: str) -> None:
    [quote] = quotes_of(nlp, text)
    assert (quote.text, quote.direct, quote.speaker) == (said, True, "Mirela Kostanj")
    assert_offsets(text, [quote])


def test_apostrophes_are_not_quote_marks() -> None:
    text = "The dockers\u2019 union won\u2019t budge, and the \u201990s deal is gone."
    assert find_quote_spans(text) == []


def test_single_quotes_inside_an_apostrophe_text() -> None:
    text = "\u2018The dockers\u2019 union won\u2019t budge,\u2019 Kostanj said."
    [span] = find_quote_spans(text)
    assert text[span.start : span.end] == "The dockers\u2019 union won\u2019t budge,"


def test_mixed_marks_in_one_text(nlp: Language) -> None:
    text = (
        "\u201cThe offer is poor,\u201d Kostanj said on Monday.\n\n"
        '"It is fair," Rask told reporters.\n\n'
        "\u00abWe are ready to talk,\u00bb the minister said.\n\n"
        "\u2018Nobody wins a long strike,\u2019 Vell said."
    )
    quotes = direct(quotes_of(nlp, text))
    assert [(q.text, q.speaker) for q in quotes] == [
        ("The offer is poor", "Mirela Kostanj"),
        ("It is fair", "Edvin Rask"),
        ("We are ready to talk", "Teodor Halvik"),
        ("Nobody wins a long strike", "Jonas Vell"),
    ]
    assert_offsets(text, quotes)


# --- split, continued, ahead and behind ----------------------------------------------------


def test_split_quote_is_two_records_in_one_group(nlp: Language) -> None:
    text = (
        "Rask spoke first. \u201cThe offer stands,\u201d Kostanj said. "
        "\u201cWe will not accept it.\u201d"
    )
    quotes = direct(quotes_of(nlp, text))
    assert [q.text for q in quotes] == ["The offer stands", "We will not accept it."]
    assert {q.group for q in quotes} == {quotes[0].group}
    assert {q.speaker for q in quotes} == {"Mirela Kostanj"}


def test_split_quote_with_a_comma(nlp: Language) -> None:
    text = '"The offer stands," she said, "and we will not accept it." Kostanj left.'
    first, second = direct(quotes_of(nlp, text))
    assert first.group == second.group
    assert second.text == "and we will not accept it."


def test_quote_continued_over_paragraphs(nlp: Language) -> None:
    text = (
        "Mirela Kostanj spoke at the gate.\n\n"
        "\u201cWe gave them every chance,\u201d she said. \u201cFor two years we worked "
        "extra shifts.\n\n"
        "\u201cNow they call this generous. We will not return.\u201d\n\n"
        "Rask did not reply."
    )
    quotes = direct(quotes_of(nlp, text))
    assert [q.text for q in quotes] == [
        "We gave them every chance",
        "For two years we worked extra shifts.",
        "Now they call this generous. We will not return.",
    ]
    assert len({q.group for q in quotes}) == 1
    assert {q.speaker for q in quotes} == {"Mirela Kostanj"}
    assert_offsets(text, quotes)


def test_quote_ahead_of_and_behind_the_attribution(nlp: Language) -> None:
    text = (
        "\u201cThe cranes stand still,\u201d said Edvin Rask.\n\n"
        "Kostanj said, \u201cThe cranes will move when the offer moves.\u201d"
    )
    quotes = direct(quotes_of(nlp, text))
    assert [(q.speaker, q.speaker_mention) for q in quotes] == [
        ("Edvin Rask", "Edvin Rask"),
        ("Mirela Kostanj", "Kostanj"),
    ]


CUE_CASES = [
    ("\u201cThe talks failed,\u201d Rask said.", "said"),
    ("\u201cThe talks failed,\u201d Rask says.", "says"),
    ("\u201cThe talks failed,\u201d Rask told journalists.", "told journalists"),
    ("\u201cThe talks failed,\u201d Rask told reporters on Monday.", "told reporters"),
    ("\u201cThe talks failed,\u201d according to Rask.", "according to"),
    ("Rask stated: \u201cThe talks failed.\u201d", "stated"),
    ("\u201cThe talks failed,\u201d Rask insisted.", "insisted"),
    ("Rask warned: \u201cThe talks failed.\u201d", "warned"),
    ("\u201cThe talks failed,\u201d Rask added.", "added"),
    ("\u201cThe talks failed,\u201d Rask argued.", "argued"),
    ("\u201cThe talks failed,\u201d Rask explained.", "explained"),
    ("\u201cThe talks failed,\u201d Rask wrote in a letter.", "wrote"),
    ("\u201cDid the talks fail?\u201d Rask asked.", "asked"),
    ("Rask: \u201cThe talks failed.\u201d", ":"),
]


@pytest.mark.parametrize(("text", "cue"), CUE_CASES, ids=[c[1] for c in CUE_CASES])
def test_attribution_cues(nlp: Language, text: str, cue: str) -> None:
    quote = direct(quotes_of(nlp, text))[0]
    assert (quote.cue, quote.speaker, quote.speaker_mention) == (cue, "Edvin Rask", "Rask")
    assert_offsets(text, [quote])


def test_colon_after_a_description(nlp: Language) -> None:
    text = "Ana Marrow spoke late. The prime minister warned: \u201cWe will not pay.\u201d"
    [quote] = direct(quotes_of(nlp, text))
    assert (quote.text, quote.cue) == ("We will not pay.", "warned")
    assert (quote.speaker_mention, quote.speaker) == ("The prime minister", "Ana Marrow")


def test_dash_after_a_vox_pop(nlp: Language) -> None:
    text = "\u201cThe port is our livelihood.\u201d \u2015 Jonas Vell\n\nThe strike went on."
    [quote] = quotes_of(nlp, text)
    assert (quote.cue, quote.speaker_mention, quote.speaker) == (
        "\u2015",
        "Jonas Vell",
        "Jonas Vell",
    )


# --- partial quotes, scare quotes and titles -----------------------------------------------


def test_partial_quote_in_reported_speech(nlp: Language) -> None:
    text = "Kostanj called the offer a \u201cnon-starter\u201d and left the talks."
    [quote] = quotes_of(nlp, text)
    assert (quote.text, quote.direct, quote.speaker, quote.cue) == (
        "non-starter",
        True,
        "Mirela Kostanj",
        "called",
    )


def test_partial_quote_inside_indirect_speech_shares_its_group(nlp: Language) -> None:
    text = "Rask said the offer was \u201cfair and affordable\u201d and urged a return to talks."
    quotes = quotes_of(nlp, text)
    partial = find(direct(quotes), "fair and affordable")
    clause = next(q for q in quotes if not q.direct)
    assert clause.text.startswith("the offer was")
    assert partial.group == clause.group
    assert partial.speaker == clause.speaker == "Edvin Rask"


def test_scare_quotes_and_titles_are_skipped(nlp: Language) -> None:
    text = (
        "The so-called \u201creform\u201d passed on Monday.\n\n"
        "Kostanj, who wrote \u201cThe Quays Of Lorvik\u201d in 2010, left early.\n\n"
        "The film \u201cHarbour Lights\u201d opens next week."
    )
    assert direct(quotes_of(nlp, text)) == []


# --- indirect speech -----------------------------------------------------------------------

INDIRECT_CASES = [
    ("Rask said that the talks would resume on Monday.", "the talks would resume on Monday"),
    ("Rask added that nothing had been agreed.", "nothing had been agreed"),
    ("Rask said the talks would resume.", "the talks would resume"),
    ("According to Rask, the talks will resume on Monday.", "the talks will resume on Monday"),
    ("The talks will resume on Monday, according to Rask.", "The talks will resume on Monday"),
]


@pytest.mark.parametrize(
    ("text", "clause"), INDIRECT_CASES, ids=[c[0][:20] for c in INDIRECT_CASES]
)
def test_indirect_speech(nlp: Language, text: str, clause: str) -> None:
    [quote] = quotes_of(nlp, text)
    assert (quote.text, quote.direct, quote.speaker) == (clause, False, "Edvin Rask")
    assert_offsets(text, [quote])


def test_direct_quote_is_not_also_indirect(nlp: Language) -> None:
    text = "Rask said: \u201cThe talks will resume.\u201d"
    assert [q.direct for q in quotes_of(nlp, text)] == [True]


# --- speakers as pronouns and descriptions -------------------------------------------------


def test_pronoun_takes_the_nearest_compatible_speaker(nlp: Language) -> None:
    text = (
        "\u201cThe offer is poor,\u201d Mirela Kostanj said.\n\n"
        "Edvin Rask, the port chief, spent the day at the terminal.\n\n"
        "\u201cWe will stay out,\u201d she said."
    )
    last = direct(quotes_of(nlp, text))[-1]
    assert (last.speaker_mention, last.speaker) == ("she", "Mirela Kostanj")


def test_pronoun_prefers_the_previous_speaker_over_a_nearer_name(nlp: Language) -> None:
    text = (
        "\u201cThe offer is fair,\u201d Edvin Rask said after meeting Teodor Halvik's staff.\n\n"
        "\u201cWe cannot pay more,\u201d he said."
    )
    last = direct(quotes_of(nlp, text))[-1]
    assert last.speaker == "Edvin Rask"


def test_pronoun_skips_names_inside_quotes(nlp: Language) -> None:
    text = "Teodor Halvik arrived at noon.\n\n\u201cRask has not called us,\u201d he said."
    [quote] = direct(quotes_of(nlp, text))
    assert quote.speaker == "Teodor Halvik"


DESCRIPTION_CASES = [
    ("the minister", "Teodor Halvik"),
    ("the prime minister", "Ana Marrow"),
    ("the union leader", "Mirela Kostanj"),
]


@pytest.mark.parametrize(("mention", "name"), DESCRIPTION_CASES)
def test_description_resolves_through_the_resolver(nlp: Language, mention: str, name: str) -> None:
    text = f"\u201cWe need a deal this week,\u201d {mention} said."
    [quote] = quotes_of(nlp, text)
    assert (quote.speaker_mention, quote.speaker) == (mention, name)


# --- unbalanced marks ----------------------------------------------------------------------


def test_unclosed_mark_does_not_spoil_the_rest(nlp: Language) -> None:
    text = (
        "Kostanj said the offer was \u201cpoor and the talks went on.\n\n"
        "\u201cWe will stay out,\u201d Kostanj said.\n\n"
        '"The cranes will move," Rask said.'
    )
    quotes = direct(quotes_of(nlp, text))
    assert [q.text for q in quotes][-2:] == ["We will stay out", "The cranes will move"]
    assert_offsets(text, quotes)


def test_stray_opening_mark_before_a_pair_is_skipped() -> None:
    text = 'He said "a b and then "c d," she said.'
    assert [text[s.start : s.end] for s in find_quote_spans(text)] == ["c d,"]


# --- properties ----------------------------------------------------------------------------


def sample_articles() -> Iterator[Article]:
    for item in read_inputs([str(Path(SAMPLES) / "stories")]):
        assert isinstance(item, Article)
        yield item


def test_offsets_are_exact_on_every_sample_article(nlp: Language) -> None:
    articles = list(sample_articles())
    found = 0
    for article in articles:
        quotes = extract_quotes(nlp(article.text), FakeNames(article.text))
        assert_offsets(article.text, quotes)
        found += len(quotes)
    assert found > len(articles)


def test_sample_statements_are_found(nlp: Language) -> None:
    text = next(a.text for a in sample_articles() if "non-starter, and the port" in a.text)
    quotes = extract_quotes(nlp(text), FakeNames(text))
    kept = find(direct(quotes), "We will not return to the quays")
    assert kept.speaker == "Mirela Kostanj"
    assert find(direct(quotes), "This offer is a non-starter").cue == "told reporters"


MARKS = "\"\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019'`"
WORDS = st.sampled_from(["Rask", "said", "she", "the", "offer", "\n\n", " ", ",", ".", ":"])


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.one_of(WORDS, st.sampled_from(list(MARKS)), st.text(max_size=4)), max_size=40))
def test_never_raises_on_random_quote_marks(nlp: Language, parts: list[str]) -> None:
    text = " ".join(parts)
    assert_offsets(text, extract_quotes(nlp(text), FakeNames(text)))
