"""Long articles: cut into paragraph-aligned chunks, analysed, offsets shifted back true.

The texts are invented here: a council hearing transcript with made-up speakers, quotes,
numbers and dates, long enough (1.2M characters) to pass spaCy's 1,000,000-character
limit in the slow test.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from copy import copy as shallow_copy
from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.analyze.analyzer import ANALYZER_VERSION, AnalyzeOptions, Analyzer
from newsprism.analyze.chunks import chunk_spans, merge_chunks
from newsprism.model import Analysis, Article, Entity, Mention, Quote, article_id
from tests.test_analyze import spans

SPEAKERS = (
    ("Mirela Kostanj", "the harbour commissioner"),
    ("Tomas Ovrell", "the ferry union's chair"),
    ("Ilona Varga", "the board chair"),
    ("Pieter Lunde", "the council treasurer"),
)
PLACES = ("Tessel", "Ridgemoor", "Lorvik", "the north quay")


def hearing_paragraph(rng: random.Random) -> str:
    """One invented paragraph of a council hearing: a quote, a number, a date."""
    name, role = rng.choice(SPEAKERS)
    place = rng.choice(PLACES)
    count = rng.randint(2, 900)
    share = rng.randint(5, 95)
    day = rng.choice(("Monday", "Tuesday", "last week", "March 3, 2026", "next Friday"))
    sentences = [
        f"\u201cWe cannot keep {place} open for {count} passengers a day,\u201d said {name}, "
        f"{role}.",
        f"About {share}% of the repair budget was spent by {day}, {name.split()[1]} told "
        "the hearing.",
        f"The board said that the pier at {place} would close for {rng.randint(2, 40)} weeks.",
    ]
    rng.shuffle(sentences)
    return " ".join(sentences[: rng.randint(1, 3)])


def hearing(chars: int, seed: int = 7) -> str:
    """An invented transcript of about ``chars`` characters, paragraphs apart."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    total = 0
    while total < chars:
        paragraphs.append(hearing_paragraph(rng))
        total += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs)


def _article(text: str) -> Article:
    return Article(id=article_id("hearing", text), source="hearing.txt", text=text, language="en")


def assert_true_spans(article: Article, analysis: Analysis) -> Iterator[str]:
    for kind, start, end, text in spans(analysis):
        assert article.text[start:end] == text, (kind, start, end)
        yield kind
    for start, end in analysis.sentences:
        assert 0 <= start < end <= len(article.text)


# --- where texts are cut ------------------------------------------------------------------

_PIECES = st.sampled_from(
    ["word ", "Word. ", "end.\u201d ", "\n", "\n\n", "x" * 40, " ", "?! ", "\u00e9t\u00e9 "]
)


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(_PIECES, max_size=200), limit=st.integers(2, 120))
def test_chunks_tile_the_text_within_the_limit(pieces: list[str], limit: int) -> None:
    text = "".join(pieces)
    found = chunk_spans(text, limit)
    assert found[0][0] == 0 and found[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(found))
    assert all(0 < end - start <= limit for start, end in found) or text == ""
    # Never shorter than half the limit, so the number of parses stays linear.
    assert all(end - start >= limit // 2 for start, end in found[:-1])


def test_cuts_fall_at_paragraph_breaks_when_there_are_any() -> None:
    text = hearing(20_000)
    for start, end in chunk_spans(text, 3_000)[:-1]:
        assert text[end - 2 : end] == "\n\n"
        assert end - start <= 3_000


def test_a_giant_paragraph_is_cut_at_sentence_ends_then_spaces_then_anywhere() -> None:
    sentences = "The pier closes. " * 400
    assert all(sentences[e - 2 : e] == ". " for _, e in chunk_spans(sentences, 500)[:-1])
    words = "pier " * 400
    assert all(words[e - 1] == " " for _, e in chunk_spans(words, 500)[:-1])
    run = "x" * 1_234
    assert chunk_spans(run, 500) == [(0, 500), (500, 1000), (1000, 1234)]


def test_merging_shifts_every_offset_and_keeps_names_and_groups_apart() -> None:
    first = Analysis(
        "a",
        ANALYZER_VERSION,
        sentences=((0, 5),),
        entities=(Entity("Mirela Kostanj", "PERSON", (Mention("Mirela Kostanj", 0, 14),)),),
        quotes=(Quote("hi", 1, 3, True, speaker="Mirela Kostanj", group=0),),
    )
    second = Analysis(
        "a",
        ANALYZER_VERSION,
        sentences=((0, 4),),
        entities=(Entity("Kostanj", "PERSON", (Mention("Kostanj", 2, 9),)),),
        quotes=(
            Quote("yes", 0, 3, True, speaker="Kostanj", speaker_start=2, speaker_end=9, group=0),
        ),
    )
    merged = merge_chunks("a", ANALYZER_VERSION, [(0, first), (100, second)])
    assert merged.sentences == ((0, 5), (100, 104))
    assert [(e.name, [m.start for m in e.mentions]) for e in merged.entities] == [
        ("Mirela Kostanj", [0, 102])
    ]
    later = merged.quotes[1]
    assert (later.start, later.speaker_start, later.group, later.speaker) == (
        100,
        102,
        1,
        "Mirela Kostanj",
    )


# --- analysis in chunks --------------------------------------------------------------------


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(AnalyzeOptions(errors="raise"))


def chunking(analyzer: Analyzer, chunk_chars: int) -> Analyzer:
    """The same loaded pipeline, cutting texts longer than ``chunk_chars``."""
    copy = shallow_copy(analyzer)
    copy.options = AnalyzeOptions(errors="raise", chunk_chars=chunk_chars)
    return copy


def test_chunked_analysis_finds_what_the_whole_analysis_finds(analyzer: Analyzer) -> None:
    article = _article(hearing(24_000))
    whole = analyzer.analyze(article)
    pieces = chunking(analyzer, 3_000).analyze(article)
    cuts = chunk_spans(article.text, 3_000)
    assert len(cuts) >= 8
    assert set(assert_true_spans(article, pieces)) >= {"quote", "quantity", "date", "entity"}
    # Paragraphs parse alike alone or together, so nearly every item is found both ways.
    for kind in ("quantities", "dates", "quotes"):
        a = {(x.start, x.end) for x in getattr(whole, kind)}
        b = {(x.start, x.end) for x in getattr(pieces, kind)}
        assert len(a & b) >= 0.95 * len(a), kind
    # A quote group never spans two chunks (groups are renumbered per chunk).
    chunk_of: dict[int | None, set[int]] = {}
    for quote in pieces.quotes:
        where = next(n for n, (s, e) in enumerate(cuts) if s <= quote.start < e)
        chunk_of.setdefault(quote.group, set()).add(where)
    assert all(len(found) == 1 for found in chunk_of.values())
    names = {e.name for e in pieces.entities if e.type == "PERSON"}
    assert {name for name, _ in SPEAKERS} <= names
    assert not {n.split()[1] for n, _ in SPEAKERS} & names  # surnames folded into full names


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seed=st.integers(0, 10**6), chars=st.integers(200, 4_000), limit=st.integers(60, 900))
def test_offsets_stay_true_wherever_the_cuts_fall(
    analyzer: Analyzer, seed: int, chars: int, limit: int
) -> None:
    rng = random.Random(seed)
    # Some paragraph breaks removed, so cuts also fall inside paragraphs.
    text = "".join(p + rng.choice(("\n\n", " ", "\n")) for p in hearing(chars, seed).split("\n\n"))
    article = _article(text)
    list(assert_true_spans(article, chunking(analyzer, limit).analyze(article)))


def test_an_article_over_spacys_limit_is_analysed_with_true_offsets(
    analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # spaCy's limit lowered from 1,000,000 to 60,000 characters, so the case that used to
    # end the whole run (E088) costs seconds here; bench/long_article.py runs the real
    # 1.2M-character transcript (time and peak memory).
    monkeypatch.setattr(analyzer.nlp, "max_length", 60_000)
    article = _article(hearing(150_000))
    with pytest.raises(ValueError, match="E088"):
        analyzer.nlp(article.text)
    analysis = chunking(analyzer, 20_000).analyze(article)
    kinds = list(assert_true_spans(article, analysis))
    assert kinds.count("quote") > 500 and kinds.count("quantity") > 500
    assert analysis.sentences[-1][1] <= len(article.text)
    assert analysis.sentences[-1][0] > len(article.text) - 1_000
