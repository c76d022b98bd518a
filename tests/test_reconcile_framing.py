"""Framing: headlines side by side, the coverage matrix and the voices each outlet quotes.

Statements and facts are built by hand here (another module finds the real ones)."""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone
from typing import Any

from newsprism.model import (
    Analysis,
    Article,
    Fact,
    FactValue,
    Passage,
    Quote,
    Statement,
    Story,
    Variant,
    article_id,
)
from newsprism.reconcile.framing import UNATTRIBUTED, UNKNOWN_OUTLET, frame, quoted_words
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.timeline import publication_order
from newsprism.render.speakers import speaker_label

CET = timezone(timedelta(hours=1))


def _article(outlet: str | None, text: str, title: str, hour: int | None) -> Article:
    published = datetime(2026, 5, 6, hour, tzinfo=CET) if hour is not None else None
    return Article(article_id(outlet, text), "x.txt", text, outlet=outlet, title=title,
                   published=published, language="en")  # fmt: skip


def _quote(text: str, part: str, speaker: str | None, *, direct: bool) -> Quote:
    start = text.index(part)
    return Quote(part, start, start + len(part), direct, speaker)


# Invented texts; quote spans are found by hand below.
COURIER = (
    'Oskar Vell said the board had "waited long enough for this decision" and that the '
    "work would start in June. Ferry captains said the channel was too shallow at low tide."
)
BRISK = '"We will be watching the costs," said Mara Lind of the ratepayers\' group.'
WIRE = "The Tessel harbour board approved a dredging contract on Wednesday."


def _material() -> StoryMaterial:
    courier = _article("Tessel Courier", COURIER, "Board backs dredging", 15)
    brisk = _article("Brisk Daily", BRISK, "Dredging gets the nod", 9)
    brisk_two = _article("brisk daily", WIRE + " Costs are a worry.", "Costs worry", 18)
    wire = _article(None, WIRE, "Harbour board approves dredging", None)
    analyses = {
        courier.id: Analysis(courier.id, "t", quotes=(
            _quote(COURIER, 'the board had "waited long enough for this decision" and that the '
                   "work would start in June", "Oskar Vell", direct=False),
            _quote(COURIER, "waited long enough for this decision", "Oskar Vell", direct=True),
            _quote(COURIER, "the channel was too shallow at low tide", None, direct=False),
        )),
        brisk.id: Analysis(brisk.id, "t", quotes=(
            _quote(BRISK, "We will be watching the costs,", "Mara Lind", direct=True),
        )),
        brisk_two.id: Analysis(brisk_two.id, "t"),
    }  # fmt: skip
    articles = [courier, brisk, brisk_two, wire]
    story = Story("s", "dredging", tuple(a.id for a in articles))
    return StoryMaterial(story, articles, analyses)


def _passage(material: StoryMaterial, article: Article, part: str) -> Any:
    start = article.text.index(part)
    return material.passage(article.id, start, start + len(part))


def test_coverage_matrix_voices_and_order() -> None:
    material = _material()
    courier, brisk, brisk_two, wire = material.articles
    vell = Variant(_passage(material, courier, "waited long"), direct=True)
    lind = Variant(_passage(material, brisk, "We will be"), direct=True)
    statements = [Statement("st1", "Oskar Vell", (vell,)), Statement("st2", "Mara Lind", (lind,))]
    facts = [
        Fact("f1", "day", None, "agree", (
            FactValue(_passage(material, wire, "Wednesday"), 1.0),
            FactValue(_passage(material, brisk_two, "Wednesday"), 1.0),
        )),
    ]  # fmt: skip
    framing = frame(material, statements, facts)
    # headlines: one per article, in story order (dated first by day, then undated)
    assert [h.article for h in framing.headlines] == [brisk.id, courier.id, brisk_two.id, wire.id]
    assert framing.headlines[0].title == "Dredging gets the nod"
    assert framing.headlines[3].outlet is None
    # outlets by name, variants of one name ("Brisk Daily" / "brisk daily") folded into
    # one outlet; the undated, outlet-less wire is its own outlet
    names = [o.outlet for o in framing.outlets]
    assert names == ["Brisk Daily", "Tessel Courier", UNKNOWN_OUTLET]
    by_name = {o.outlet: o for o in framing.outlets}
    assert by_name["Brisk Daily"].articles == (brisk.id, brisk_two.id)
    assert by_name["Tessel Courier"].statements == ("st1",)
    assert by_name["Brisk Daily"].statements == ("st2",)
    assert by_name["Brisk Daily"].facts == ("f1",)
    assert by_name[UNKNOWN_OUTLET].facts == ("f1",)
    assert by_name["Tessel Courier"].facts == ()
    # voices: 17 words of Vell's indirect quote (its 6 direct words counted once), 8 of
    # the unresolved captains; Brisk quotes only Lind; the rest quote nobody
    said, captains = 17, 8
    assert by_name["Tessel Courier"].voices == (
        ("Oskar Vell", said / (said + captains)),
        (UNATTRIBUTED, captains / (said + captains)),
    )
    assert by_name["Brisk Daily"].voices == (("Mara Lind", 1.0),)
    assert by_name[UNKNOWN_OUTLET].voices == ()


def test_quoted_words_counts_each_word_once() -> None:
    quotes = [
        _quote(COURIER, "waited long enough for this decision", "Oskar Vell", direct=True),
        _quote(COURIER, 'the board had "waited long enough', "Somebody Else", direct=False),
    ]
    counts = quoted_words(COURIER, quotes)
    assert counts == {"Oskar Vell": 6, "Somebody Else": 3}  # the direct speaker wins overlap


def test_samples_every_article_once_shares_sum_to_one(sample_stories: dict[str, Any]) -> None:
    for story in sample_stories.values():
        material = story.material
        framing = frame(material, [], [])
        order = publication_order(material)
        assert [h.article for h in framing.headlines] == sorted(
            material.story.articles, key=lambda a: order[a]
        )
        seen = [a for outlet in framing.outlets for a in outlet.articles]
        assert sorted(seen) == sorted(material.story.articles)
        names = [o.outlet for o in framing.outlets]
        assert names == sorted(names, key=lambda n: (n.casefold(), n))
        quoting = 0
        for outlet in framing.outlets:
            assert outlet.statements == () and outlet.facts == ()
            shares = [share for _, share in outlet.voices]
            assert shares == sorted(shares, reverse=True)
            if shares:
                quoting += 1
                assert math.isclose(sum(shares), 1.0)
                assert all(0 < share <= 1 for share in shares)
        assert quoting >= 5  # every English outlet quotes someone


# Two reports of one outlet quoting the harbour police, a body the analysis resolves to
# no person; the second also quotes someone it names only by a pronoun.
POLICE_ONE = "Police said the ramp was closed after a van rolled into the water."
POLICE_TWO = 'The police said the van was empty. "It slipped," he said.'


def _body_quote(text: str, part: str, mention: str | None) -> Quote:
    start = text.index(part)
    return Quote(part, start, start + len(part), False, None, speaker_mention=mention)


def test_a_body_quoted_is_a_voice_as_written_as_the_statement_views_show_it() -> None:
    one = _article("Tessel Courier", POLICE_ONE, "Ramp closed", 8)
    two = _article("Tessel Courier", POLICE_TWO, "Van was empty", 9)
    analyses = {
        one.id: Analysis(one.id, "t", quotes=(
            _body_quote(POLICE_ONE, "the ramp was closed after a van rolled into the water",
                        "Police"),
        )),
        two.id: Analysis(two.id, "t", quotes=(
            _body_quote(POLICE_TWO, "the van was empty", "The police"),
            _body_quote(POLICE_TWO, "It slipped,", "he"),
        )),
    }  # fmt: skip
    material = StoryMaterial(Story("s", "ramp", (one.id, two.id)), [one, two], analyses)
    (courier,) = frame(material, [], []).outlets
    # "Police" and "The police" are one voice (case and a leading "the"), shown as the
    # statement views label it; the pronoun's words alone stay unattributed
    police, unattributed = 11 + 4, 2
    assert courier.voices == (
        ("\u201cPolice\u201d (as written)", police / (police + unattributed)),
        (UNATTRIBUTED, unattributed / (police + unattributed)),
    )


def test_the_voice_of_a_body_agrees_with_the_statements_speaker_label() -> None:
    counts = quoted_words(POLICE_TWO, [_body_quote(POLICE_TWO, "the van was empty", "the police")])
    variant = Variant(Passage("a", None, POLICE_TWO, 0, 4), False, "the police")
    assert list(counts) == [speaker_label(Statement("st", None, (variant,)))]
