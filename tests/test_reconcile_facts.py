"""Facts: figure compatibility, grouping by measure, status, against invented stories and
the sample corpus's gold ``facts``.

Not recoverable from the samples: the German original's figures (``*.de.txt`` has an
empty English analysis). Known splits (the figure is found but lands in a fact of its
own, status ``single``, never a false ``differ``): The Ledger's "more than a thousand
people" on the fire lines (gold: firefighters deployed), Coastline Radio's quoted "go
back for four percent" and The Daily Meridian's "asking for 9 percent" (gold: pay rise
offered / demanded): their heads ("people", "go", "ask") and sentences share too
little with the other outlets' to merge safely (see FactOptions.merge_similarity).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Article, Fact, FactValue, Quantity, Story, article_id
from newsprism.reconcile.fact_items import _figure_limit
from newsprism.reconcile.facts import (
    compare_facts,
    compatible,
    interval,
    written_step,
)
from newsprism.reconcile.figures import FactOptions
from newsprism.reconcile.material import StoryMaterial

PUBLISHED = datetime(2026, 5, 14, 9, 0, tzinfo=UTC)

# (gold story, gold ref, value text): found, but apart from the rest of its gold fact.
KNOWN_SPLITS = {
    ("caldera-wildfire", "stories/ledger-blog/caldera-wildfire.txt", "more than a thousand people"),
    (
        "port-strike",
        "https://coastlineradio.example/news/lorvik-dock-strike-talks-resume",
        "four percent",
    ),
    ("port-strike", "stories/daily-meridian/port-strike.html", "9 percent"),
}


def q(
    value: float, approx: str | None = None, unit: str | None = "percent", text: str = "x"
) -> Quantity:
    return Quantity(value, unit, text, 0, len(text), approx, "share")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (q(29, "over"), q(30, "about"), True),  # "over 29%" / "about 30%"
        (q(100 / 3, "under"), q(30, "about"), True),  # "nearly a third" / "about 30%"
        (q(30, "under"), q(29, "over"), True),  # "nearly 30 percent" / "over 29%"
        (q(40), q(45), False),  # the river story's planted disagreement
        (q(20, "over", None), q(23, None, None), True),  # "more than 20 villages" / 23
        (q(24, "about", None), q(23, None, None), True),  # "two dozen" / 23
        (q(1000, "over", None), q(1200, None, None), True),  # "more than a thousand"
        (q(1000, "over", None), q(1450, None, None), False),
        (q(1200, None, None), q(1240, None, None), False),  # exact figures differ
        (q(13.986, None, "km2"), q(14, "about", "km2"), True),  # 5.4 sq mi / ~14 km2
        (q(4143.98, "about", "km2"), q(4200, None, "km2"), True),  # ~1,600 sq mi
        (q(3_000_000, "over", None), q(3_200_000, "about", None), True),
        (q(8000, None, None), q(12500, None, None), False),
    ],
)
def test_compatible_figures(a: Quantity, b: Quantity, expected: bool) -> None:
    assert compatible(a, b) is expected
    assert compatible(b, a) is expected


def figure(text: str, value: float, approx: str | None = None) -> Quantity:
    return Quantity(value, "USD", text, 0, len(text), approx, "sum")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # a rounding or truncation of the other figure agrees (the BASIL gold's rule)
        (figure("$29 million", 29e6), figure("$29,614,208", 29_614_208), True),
        (figure("$21 million", 21e6), figure("$20,962,350", 20_962_350), True),
        (figure("$11.7 million", 11.7e6), figure("$11,725,340", 11_725_340), True),
        (figure("1,200", 1200), figure("1,240", 1240), True),
        # neither is a reading of the other
        (figure("$131 million", 131e6), figure("$132,962,417", 132_962_417), False),
        (figure("1,200", 1200), figure("1,300", 1300), False),
        (figure("$2,140.60", 2140.60), figure("$2,240.60", 2240.60), False),
        (figure("20", 20), figure("19", 19), False),  # two digits: a count, not rounded
        (figure("40", 40), figure("45", 45), False),
    ],
)
def test_written_precision(a: Quantity, b: Quantity, expected: bool) -> None:
    assert compatible(a, b) is expected
    assert compatible(b, a) is expected


def test_written_step() -> None:
    assert written_step(figure("$43 million", 43e6)) == pytest.approx(1e6)
    assert written_step(figure("35.72", 35.72)) == pytest.approx(0.01)
    assert written_step(figure("1,240", 1240)) == pytest.approx(10)
    assert written_step(figure("20", 20)) == pytest.approx(1)
    assert written_step(figure("two-thirds", 66.7)) is None
    assert written_step(figure("1 in 3", 33.3)) is None


def test_interval_of_bounds() -> None:
    assert interval(q(1100, "over", None)) == pytest.approx((1100, 1210))  # last digit: 100
    assert interval(q(1000, "over", None)) == pytest.approx((1000, 1250))  # capped at 25%
    assert interval(q(30, "about")) == pytest.approx((28.5, 31.5))
    assert interval(q(4, "about")) == pytest.approx((3, 5))  # at least one point on percent
    # "nearly a third" in words: one third's step, capped at 25% like "nearly 20" (15-20)
    lo, hi = interval(q(100 / 3, "under", text="nearly a third"))
    assert (lo, hi) == pytest.approx((25, 100 / 3))
    # a percent in words is no fraction: a round figure's step (review s42/4 M1)
    lo, hi = interval(q(80, "over", text="more than eighty percent"))
    assert (lo, hi) == pytest.approx((80, 90))


# --- invented stories, analysed by the real pipeline ---------------------------------

FLOOD_A = (
    "Floods in the Tarvel valley have forced 800 people from their homes, the regional "
    "council said on Wednesday.\n\n"
    "The water has covered about 1,000 square miles of farmland.\n\n"
    "Fourteen barges were stranded on the river, and three barges sank near the Orsk weir.\n\n"
    "More than 900 rescuers were working along the river banks. At least 17 rescuers were "
    "treated for hypothermia."
)
FLOOD_B = (
    "The floods in the Tarvel valley have forced 1,300 people from their homes, according "
    "to the regional council.\n\n"
    "Water now covers 2,590 square kilometres of farmland.\n\n"
    "Officials said 14 barges were stranded on the river.\n\n"
    "About 950 rescuers were working along the river banks on Wednesday."
)
FLOOD_C = (
    "Three barges sank near the Orsk weir on Tuesday night, the river authority said.\n\n"
    "The council has opened the sports halls of Velmar to the families."
)
STRIKE_A = (
    "Some 1,200 dockworkers walked out at the port of Brenna on Monday.\n\n"
    "The two unions agreed on a twelve-point plan of demands. Twelve points may sound "
    "like a lot, a spokesman said.\n\n"
    "Thousands of containers are stuck on the quays."
)
STRIKE_B = (
    "About 1,200 workers joined the walkout at the port of Brenna, the union said.\n\n"
    "Their 12-point plan was handed to the port board.\n\n"
    "Thousands of containers are waiting on the quays."
)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def invented(
    analyzer: Analyzer, texts: list[tuple[str, str]], copies: tuple[tuple[int, int], ...] = ()
) -> StoryMaterial:
    """A story of invented articles (outlet, text), analysed; ``copies`` are index pairs
    of syndicated copies (one duplicate group each)."""
    articles = [
        Article(article_id(outlet, text), f"{outlet}.txt", text, outlet=outlet, published=PUBLISHED)
        for outlet, text in texts
    ]
    story = Story(
        "invented",
        None,
        tuple(a.id for a in articles),
        tuple((articles[i].id, articles[j].id) for i, j in copies),
    )
    return StoryMaterial(story, articles, {a.id: analyzer.analyze(a) for a in articles})


def texts_of(fact: Fact) -> list[tuple[str | None, str]]:
    return [(v.passage.outlet, v.passage.text) for v in fact.values]


@pytest.fixture(scope="module")
def flood(analyzer: Analyzer) -> StoryMaterial:
    copy = FLOOD_A.replace("Floods in", "Heavy floods in")
    return invented(
        analyzer,
        [
            ("Fjord Post", FLOOD_A),
            ("Valley Wire", copy),
            ("Tarvel Today", FLOOD_B),
            ("Orsk Radio", FLOOD_C),
        ],
        copies=((0, 1),),
    )


def test_invented_flood_facts(flood: StoryMaterial) -> None:
    facts = compare_facts(flood)
    assert [f.id for f in facts] == [f"f{n}" for n in range(1, len(facts) + 1)]
    by_text = {text: f for f in facts for _, text in texts_of(f)}
    # The numeric disagreement: similar sentences, incompatible figures.
    people = by_text["1,300 people"]
    assert people.status == "differ" and {t for _, t in texts_of(people)} == {
        "800 people",
        "1,300 people",
    }
    assert facts[0] is people  # "differ" comes first
    # Square miles against square kilometres, after conversion, with the "about" bound.
    # Outlets wrote different units: shown in km2, the unit they are compared in.
    area = by_text["2,590 square kilometres"]
    assert area.status == "agree" and area.unit == "km2"  # square miles and km2: compared unit
    assert "about 1,000 square miles" in {t for _, t in texts_of(area)}
    shown = {v.passage.text: v.value for v in area.values}
    assert abs(shown["about 1,000 square miles"] - 2590) < 1
    assert shown["2,590 square kilometres"] == 2590
    # One article with two figures for one head: two facts, each joined by its match.
    assert by_text["Fourteen barges"] is by_text["14 barges"]
    assert by_text["three barges"] is by_text["Three barges"]
    assert by_text["Fourteen barges"] is not by_text["three barges"]
    assert by_text["14 barges"].status == by_text["Three barges"].status == "agree"
    # "More than 900" and "About 950" agree; the 17 treated stay apart, and the
    # syndicated copy does not make them a second source.
    assert by_text["About 950 rescuers"] is by_text["More than 900 rescuers"]
    assert by_text["About 950 rescuers"].status == "agree"
    treated = by_text["At least 17 rescuers"]
    assert treated.status == "single" and len(treated.values) == 2
    assert not any(f.status == "differ" for f in facts if f is not people)


def test_invented_strike_facts(analyzer: Analyzer) -> None:
    material = invented(analyzer, [("Brenna Post", STRIKE_A), ("Harbour FM", STRIKE_B)])
    facts = compare_facts(material)
    by_text = {text: f for f in facts for _, text in texts_of(f)}
    # "dockworker" / "worker": one head by suffix.
    assert by_text["Some 1,200 dockworkers"] is by_text["About 1,200 workers"]
    # The same figure twice in one article stays in one fact.
    plan = by_text["12-point"]
    assert {t for _, t in texts_of(plan)} >= {"twelve-point", "Twelve points", "12-point"}
    assert plan.status == "agree"
    # Vague plurals and definite numerals are no figures.
    assert not any(t.casefold() == "thousands" or t == "two unions" for t in by_text)


RATES_A = (
    "Mr. Varga said his usual dock levy rate was 29 percent over three decades.\n\n"
    "Helen Orsk's filing showed that her 2019 dock levy rate was 28.72, and the "
    "overall rate was 39.6 percent."
)
RATES_B = (
    "Helen Orsk paid an effective dock levy rate of 28.7 percent in 2019.\n\n"
    "Varga paid an average levy rate of roughly 29 percent across those three decades."
)


def test_rates_of_different_people_and_a_share_without_sign(analyzer: Analyzer) -> None:
    """Two close rates of two people stay two facts (the names before each figure
    differ); "28.72" with no sign is a rate in percent beside "28.7 percent"."""
    material = invented(analyzer, [("Ardmoor Gazette", RATES_A), ("Tarvel Today", RATES_B)])
    by_text = {text: f for f in compare_facts(material) for _, text in texts_of(f)}
    varga, orsk = by_text["29 percent"], by_text["28.7 percent"]
    assert varga is by_text["roughly 29 percent"] and varga.status == "agree"
    assert orsk is by_text["28.72"] and orsk.status == "agree" and orsk.unit == "percent"
    assert varga is not orsk


def test_near_figures_in_similar_sentences_differ_across_heads(analyzer: Analyzer) -> None:
    """ "$127 million in net trading income" (about income) and "roughly $129
    million" beside "$128,604,112" (about earn): one measure that differs, since the
    precise figure is no reading of $127 million."""
    material = invented(
        analyzer,
        [
            ("Ardmoor Gazette", "The Rasks earned $127 million in net trading income "
             "from 2011 to 2018, the filings show."),
            ("Tarvel Today", "The Rasks earned roughly $129 million from 2011 to 2018, the "
             "filings show.\n\nThe filings show the Rasks earned $128,604,112 in all."),
        ],
    )  # fmt: skip
    by_text = {text: f for f in compare_facts(material) for _, text in texts_of(f)}
    income = by_text["$127 million"]
    assert income is by_text["$128,604,112"] and income.status == "differ"


def test_bounds_alone_do_not_merge_across_heads(analyzer: Analyzer) -> None:
    """A recommended term ("33 to 41 months") and a maximum ("up to four years"):
    ranges that overlap, in similar sentences, but nothing exact ties them to one
    measure, so they stay two facts. Bounds of one written value still merge ("more
    than $10,000" / "at least $10,000")."""
    material = invented(
        analyzer,
        [
            ("Ardmoor Gazette", "Prosecutors asked that Mr. Varga serve a term of "
             "33 to 41 months in prison.\n\nHe spent more than $10,000 of campaign money on "
             "furniture."),
            ("Tarvel Today", "Varga could get up to four years in jail on the fraud count.\n\n"
             "Varga spent at least $10,000 in campaign funds on furniture, prosecutors said."),
        ],
    )  # fmt: skip
    by_text = {text: f for f in compare_facts(material) for _, text in texts_of(f)}
    # the range is one figure, its two ends one value (s38)
    assert by_text["33 to 41 months"] is not by_text["up to four years"]
    assert by_text["up to four years"].status == "single"
    assert by_text["more than $10,000"] is by_text["at least $10,000"]


def test_a_figure_an_article_repeats_bridges_two_heads(analyzer: Analyzer) -> None:
    """ "a vote of 118 to 71" and "the 71 Democrats" in one article: the same exact
    figure under two heads is one measure, so "71 Democrats" joins the tally another
    outlet gives, though their sentences share little."""
    material = invented(
        analyzer,
        [
            ("Ardmoor Gazette", "Orsk beat her only rival for the chair by a vote of 118 to 71.\n\n"
             "Reporters later asked about the 71 Democrats; she said she was grateful "
             "for the warm backing of members from every region."),
            ("Tarvel Today", "Helen Orsk won the caucus ballot, 118 to 71, on Friday."),
        ],
    )  # fmt: skip
    by_text = {(o, text): f for f in compare_facts(material) for o, text in texts_of(f)}
    tally = by_text[("Tarvel Today", "71")]
    assert tally is by_text[("Ardmoor Gazette", "71 Democrats")]
    assert tally.status == "agree"


def test_a_repeated_figure_of_two_unlike_nouns_bridges_nothing(analyzer: Analyzer) -> None:
    """ "12 people" and "12 schools" in one article are two measures that happen to
    share a figure: no tally ties them, so another outlet's "12 people" does not pull the
    schools into the death toll."""
    material = invented(
        analyzer,
        [
            ("Ardmoor Gazette", "The storm killed 12 people in the valley on Monday.\n\n"
             "The county closed 12 schools until further notice."),
            ("Tarvel Today", "The storm killed 12 people, officials said."),
        ],
    )  # fmt: skip
    by_text = {(o, text): f for f in compare_facts(material) for o, text in texts_of(f)}
    toll = by_text[("Tarvel Today", "12 people")]
    assert toll is by_text[("Ardmoor Gazette", "12 people")] and toll.status == "agree"
    assert by_text[("Ardmoor Gazette", "12 schools")] is not toll


def test_the_same_written_figure_without_a_head_joins(analyzer: Analyzer) -> None:
    """ "$3.8 million" whose noun the parse did not find (a comparison: "outraising the
    schoolteacher $3.8 million to $150,000") joins another outlet's "$3.8 million" for the
    race: the same written exact figure of one unit."""
    material = invented(
        analyzer,
        [
            ("Ardmoor Gazette", "The harbour commissioner, who had collected $3.8 million for the "
             "race, flooded Sarnow with posters."),
            ("Tarvel Today", "Varga was tipped to win easily, outraising the "
             "schoolteacher $3.8 million to $150,000."),
        ],
    )  # fmt: skip
    by_text = {(o, text): f for f in compare_facts(material) for o, text in texts_of(f)}
    money = by_text[("Ardmoor Gazette", "$3.8 million")]
    assert money is by_text[("Tarvel Today", "$3.8 million")] and money.status == "agree"


def test_a_definite_numeral_joins_the_same_figure_elsewhere(analyzer: Analyzer) -> None:
    """ "the two geese" starts no fact (a reference to a known set), but joins another
    outlet's "spared two geese": the same count of the same thing."""
    material = invented(
        analyzer,
        [
            ("Ardmoor Gazette", "The mayor spared two geese named Pip and Pod on "
             "Friday."),
            ("Tarvel Today", "Before feeding Pip and Pod, the two geese, the mayor "
             "joked with reporters.\n\nThe two leaders met in the afternoon."),
        ],
    )  # fmt: skip
    by_text = {(o, text): f for f in compare_facts(material) for o, text in texts_of(f)}
    geese = by_text[("Ardmoor Gazette", "two geese")]
    assert geese is by_text[("Tarvel Today", "two geese")] and geese.status == "agree"
    assert not any(text == "two leaders" for _, text in by_text)


def test_one_definite_numeral_two_sources_give_is_a_fact(analyzer: Analyzer) -> None:
    """ "All three audits look at ..." quoted by two outlets: a count both report,
    though each is definite. "the two leaders" in alike sentences stays no fact, nor
    does a definite three in unlike ones."""
    material = invented(
        analyzer,
        [
            ("Ardmoor Gazette", "\"All three audits look at the sale of the harbour "
             "cranes,\" the lawyer said.\n\nThe two leaders are due to meet again next month."
             "\n\nThe three ferries were idle."),
            ("Tarvel Today", "\"All three audits look at the sale of the harbour "
             "cranes,\" said the lawyer.\n\nThe two leaders are due to meet again on May 7."
             "\n\nVoters in all three districts cast ballots early."),
        ],
    )  # fmt: skip
    by_text = {(o, text): f for f in compare_facts(material) for o, text in texts_of(f)}
    audits = by_text[("Ardmoor Gazette", "three audits")]
    assert audits is by_text[("Tarvel Today", "three audits")]
    assert audits.status == "agree"
    assert not any(text in ("two leaders", "three ferries") for _, text in by_text)


def test_a_vague_plural_joins_the_count_it_fits(analyzer: Analyzer) -> None:
    """ "scores of others wounded" joins another outlet's "47 wounded" (one measure under
    two words, and "scores" allows 40-200), and never makes a fact differ: "dozens of
    people" stays out of the 300 evacuated."""
    material = invented(
        analyzer,
        [
            ("Ardmoor Gazette", "The rockfall left 8 climbers trapped and 47 wounded.\n\n"
             "Police evacuated 300 residents from the nearby blocks."),
            ("Tarvel Today", "The rockfall left 8 climbers trapped and scores of others wounded."
             "\n\nPolice evacuated dozens of residents from the nearby blocks."),
        ],
    )  # fmt: skip
    by_text = {(o, text): f for f in compare_facts(material) for o, text in texts_of(f)}
    hurt = by_text[("Ardmoor Gazette", "47")]
    assert hurt is by_text[("Tarvel Today", "scores")] and hurt.status == "agree"
    assert ("Tarvel Today", "dozens") not in by_text
    assert by_text[("Ardmoor Gazette", "300 residents")].status == "single"


def test_protesters_and_demonstrators_are_one_head(analyzer: Analyzer) -> None:
    """Outlets count one crowd as protesters or demonstrators: the same figure in
    sentences that share little is one agreeing fact."""
    material = invented(
        analyzer,
        [
            ("Ardmoor Gazette", "Police said 1,240 protesters marched to the town hall on "
             "Sunday."),
            ("Tarvel Today", "Organisers counted 1,240 demonstrators, a record for Kelmar."),
        ],
    )  # fmt: skip
    by_text = {(o, text): f for f in compare_facts(material) for o, text in texts_of(f)}
    crowd = by_text[("Ardmoor Gazette", "1,240 protesters")]
    assert crowd is by_text[("Tarvel Today", "1,240 demonstrators")] and crowd.status == "agree"


def test_a_vague_plural_restating_its_own_count_stays_with_it(analyzer: Analyzer) -> None:
    """ "dozens of carts" in an outlet that counts "up to 50 carts" restates that count:
    it does not join another outlet's "as many as 120 carts", which would show the
    outlet agreeing with a figure its own count does not fit."""
    material = invented(
        analyzer,
        [
            ("Ardmoor Gazette", "KELMAR - A freak storm on Friday wrecked as many as 120 "
             "carts at the Kelmar market."),
            ("Tarvel Today", "Traders put the toll at up to 50 carts.\n\nBy noon dozens "
             "of carts lay in the gutter by the fish stalls."),
        ],
    )  # fmt: skip
    by_text = {(o, text): f for f in compare_facts(material) for o, text in texts_of(f)}
    assert ("Tarvel Today", "dozens") not in by_text or by_text[
        ("Tarvel Today", "dozens")
    ] is not by_text[("Ardmoor Gazette", "as many as 120 carts")]
    assert by_text[("Ardmoor Gazette", "as many as 120 carts")].status != "agree"


def test_a_vague_plural_below_its_own_count_is_a_part(analyzer: Analyzer) -> None:
    """ "a group of hundreds of protesters" in an outlet that counts "more than
    10,000 protesters" counts a part of the crowd: it does not join another outlet's
    "up to 700 protesters" as an agreeing reading."""
    material = invented(
        analyzer,
        [
            ("Ardmoor Gazette", "Up to 700 protesters gathered in the Kelmar square on "
             "Tuesday."),
            ("Tarvel Today", "Organisers said more than 10,000 protesters filled the "
             "avenues.\n\nRiot police faced a group of hundreds of protesters near the "
             "bridge."),
        ],
    )  # fmt: skip
    by_text = {(o, text): f for f in compare_facts(material) for o, text in texts_of(f)}
    crowd = by_text[("Ardmoor Gazette", "Up to 700 protesters")]
    assert ("Tarvel Today", "hundreds") not in by_text or by_text[
        ("Tarvel Today", "hundreds")
    ] is not crowd
    assert crowd.status != "agree"


def test_a_vague_part_joins_a_count_of_that_part_beside_the_whole(analyzer: Analyzer) -> None:
    """ "dozens of protesters" arrested, in an outlet counting "more than 10,000" who
    marched, counts a part; another outlet that gives the whole too ("12,000") and "60
    protesters were arrested" counts that part: the two agree (review s32 finding 13)."""
    material = invented(
        analyzer,
        [
            ("Ardmoor Gazette", "More than 10,000 protesters marched through Kelmar on "
             "Saturday.\n\nPolice arrested dozens of protesters near the bridge after "
             "scuffles."),
            ("Tarvel Today", "Organisers said 12,000 protesters marched through Kelmar."
             "\n\nPolice said 60 protesters were arrested near the bridge after scuffles "
             "with officers."),
        ],
    )  # fmt: skip
    by_text = {(o, text): f for f in compare_facts(material) for o, text in texts_of(f)}
    arrested = by_text[("Tarvel Today", "60 protesters")]
    assert by_text.get(("Ardmoor Gazette", "dozens")) is arrested
    assert arrested.status == "agree"


@pytest.mark.xfail(
    strict=True,
    reason="review s32 finding 13, half open: a part joins another outlet's count only "
    "where that outlet gives the whole too; a similarity test rejoined a dev2 whole to "
    "its part, so it was dropped",
)
def test_a_vague_part_joins_another_outlets_count_of_that_part(analyzer: Analyzer) -> None:
    """ "dozens of protesters" arrested, in an outlet counting "more than 10,000" who
    marched, counts a part; another outlet's "60 protesters were arrested" is that
    part's reading, so the two should agree (review s32 finding 13: a lost agreement,
    not a false one)."""
    material = invented(
        analyzer,
        [
            ("Ardmoor Gazette", "More than 10,000 protesters marched through Kelmar on "
             "Saturday.\n\nPolice arrested dozens of protesters near the bridge after "
             "scuffles."),
            ("Tarvel Today", "Police said 60 protesters were arrested near the bridge "
             "after scuffles with officers."),
        ],
    )  # fmt: skip
    by_text = {(o, text): f for f in compare_facts(material) for o, text in texts_of(f)}
    arrested = by_text[("Tarvel Today", "60 protesters")]
    assert by_text.get(("Ardmoor Gazette", "dozens")) is arrested
    assert arrested.status == "agree"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("The wildfire near Kelmar destroyed up to 50 homes on Friday, officials said.",
         "As many as 1,200 homes in the hills above Kelmar remain under evacuation "
         "orders."),
        ("Up to 40 flights were cancelled at Kelmar airport on Monday.",
         "The airline plans to add as many as 300 flights to its summer schedule."),
        # Each told beside a deed, two deeds: destroyed / evacuated.
        ("Up to 50 homes were destroyed near Kelmar on Friday.",
         "As many as 1,200 homes were evacuated in the hills above Kelmar."),
        # A reckoning is no deed: "estimated" on both sides.
        ("Up to 50 homes burned on Friday, fire officials estimated.",
         "The county estimated as many as 1,200 homes were under evacuation orders."),
        # Review s34 F2 (reverted bcb6486): a shared -ed/-ing word beside both
        # ceilings says nothing of which count. An event noun ("the flooding"):
        ("The flooding left up to 40 homes badly damaged along the Kelmar river.",
         "The flooding left as many as 900 homes without power on Friday night."),
        # A linking verb over two events:
        ("A blaze affecting up to 30 homes in Kelmar was contained by firefighters.",
         "Power cuts affecting as many as 2,000 homes across the county lasted into "
         "Saturday."),
        # One deed told over two scopes, a morning and a week:
        ("Up to 40 flights were cancelled at Kelmar airport on Monday morning.",
         "As many as 600 flights were cancelled across the region during the week-long "
         "strike."),
    ],
)  # fmt: skip
def test_two_outlets_ceilings_of_unlike_counts_do_not_differ(
    analyzer: Analyzer, first: str, second: str
) -> None:
    """Two outlets' first figures of one head, each a ceiling ("up to", "as many as"),
    may count different things (homes destroyed / homes under evacuation orders;
    flights cancelled / flights added): where their sentences share no more than the
    head, they are no one fact, so never a differing one (review s32 finding 11)."""
    material = invented(analyzer, [("Ardmoor Gazette", first), ("Tarvel Today", second)])
    assert not [f for f in compare_facts(material) if f.status == "differ"]


def test_one_count_under_the_words_news_uses_for_it(analyzer: Analyzer) -> None:
    """ "53 wounded" and "53 others were injured" in sentences that share little: one
    measure (wounded and injured are one head), so one fact."""
    material = invented(
        analyzer,
        [
            ("Ardmoor Gazette", "Fifty died and 53 wounded, the mayor told the council."),
            ("Tarvel Today", "At the hospital, doctors said 53 others were injured."),
        ],
    )  # fmt: skip
    by_text = {(o, text): f for f in compare_facts(material) for o, text in texts_of(f)}
    hurt = by_text[("Ardmoor Gazette", "53")]
    assert hurt is by_text[("Tarvel Today", "53 others")] and hurt.status == "agree"


def test_small_counts_of_two_things_need_alike_sentences(analyzer: Analyzer) -> None:
    """ "two touchdowns" and "two games" share a figure by chance: under ten, two named
    things merge only in sentences at least ``small_merge_similarity`` alike (the
    samples' "three container ships" / "3 vessels" diverted to other ports do)."""
    material = invented(
        analyzer,
        [
            ("Ardmoor Gazette", "Varga threw two touchdowns in the win on Sunday."),
            ("Tarvel Today", "Varga had missed two games with a knee injury before the win."),
        ],
    )  # fmt: skip
    by_text = {(o, text): f for f in compare_facts(material) for o, text in texts_of(f)}
    assert by_text[("Ardmoor Gazette", "two touchdowns")].status == "single"
    assert by_text[("Tarvel Today", "two games")].status == "single"


def test_a_part_and_its_total_never_differ(analyzer: Analyzer) -> None:
    """ "two of the five rounds" is a part of the total another outlet gives ("five
    rounds"): the five agree, the two is a fact of its own, nothing differs."""
    material = invented(
        analyzer,
        [
            ("Ardmoor Gazette", "The coroner found Varga was struck by two of the five "
             "rounds the guards fired."),
            ("Tarvel Today", "The coroner found the guards fired five rounds at Varga."),
        ],
    )  # fmt: skip
    facts = compare_facts(material)
    by_text = {(o, text): f for f in facts for o, text in texts_of(f)}
    five = by_text[("Tarvel Today", "five rounds")]
    assert five is by_text[("Ardmoor Gazette", "five rounds")] and five.status == "agree"
    assert by_text[("Ardmoor Gazette", "two")] is not five
    assert not any(f.status == "differ" for f in facts)


def test_an_age_is_no_duration(analyzer: Analyzer) -> None:
    """ "a 19-year-old man" and "11 years in prison" are both in years, but an age and
    a sentence are two measures: the sentences agree, the age differs from nothing."""
    material = invented(
        analyzer,
        [
            ("Ardmoor Gazette", "A judge sentenced a man who was 17 when arrested to 11 "
             "years in prison for smuggling."),
            ("Tarvel Today", "A 19-year-old man was given 11 years in prison for "
             "smuggling."),
        ],
    )  # fmt: skip
    facts = compare_facts(material)
    by_text = {(o, text): f for f in facts for o, text in texts_of(f)}
    prison = by_text[("Ardmoor Gazette", "11 years")]
    assert prison is by_text[("Tarvel Today", "11 years")] and prison.status == "agree"
    age = by_text[("Tarvel Today", "19-year-old")]
    assert age.status == "single" and age.unit == "years"


def count(text: str, value: float, approx: str | None = None) -> Quantity:
    return Quantity(value, None, text, 0, len(text), approx, "bill")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # a bound's own tolerance is all its slack: 15's rounding reaching 16 is not enough
        (count("some 16 bills", 16, "about"), count("15 bills", 15), False),
        (count("some 16 bills", 16, "about"), count("16 bills", 16), True),
        (count("nearly 30 bills", 30, "under"), count("30 bills", 30), True),  # "up to 30"
        (count("more than 1,210 bills", 1210, "over"), count("1,200 bills", 1200), True),
        (count("more than 50 bills", 50, "over"), count("48 bills", 48), False),
    ],
)
def test_a_bound_against_an_exact_figure(a: Quantity, b: Quantity, expected: bool) -> None:
    assert compatible(a, b) is expected
    assert compatible(b, a) is expected


def test_a_bound_near_an_exact_figure_is_one_fact_that_differs(analyzer: Analyzer) -> None:
    """ "some 16 motions" and "15 motions": one count (their intervals meet), but "some 16"
    allows 15.2-16.8, so the fact differs."""
    material = invented(
        analyzer,
        [
            ("Ardmoor Gazette", "Unity members said the council ought to hear some 16 motions "
             "passed by the assembly."),
            ("Tarvel Today", "Unity members said the council has shelved 15 motions passed by "
             "the assembly."),
        ],
    )  # fmt: skip
    by_text = {text: f for f in compare_facts(material) for _, text in texts_of(f)}
    motions = by_text["some 16 motions"]
    assert motions is by_text["15 motions"] and motions.status == "differ"


# --- the sample corpus ----------------------------------------------------------------


def occurrences(text: str, needle: str) -> Iterator[tuple[int, int]]:
    start = text.find(needle)
    while start >= 0:
        yield start, start + len(needle)
        start = text.find(needle, start + 1)


def gold_values(sample: Any) -> Iterator[tuple[int, dict[str, Any], dict[str, Any], str]]:
    """(gold fact index, gold fact, gold value, article id) of every recoverable value."""
    english = {a.id for a in sample.material.english()}
    for index, fact in enumerate(sample.gold["facts"]):
        for value in fact["values"]:
            article = sample.id_of[value["ref"]]
            if article in english:
                yield index, fact, value, article


def match(facts: list[Fact], sample: Any, article: str, text: str) -> tuple[Fact, FactValue]:
    body = sample.material.by_id[article].text
    spans = list(occurrences(body, text))
    assert spans, text
    for fact in facts:
        for value in fact.values:
            p = value.passage
            if p.article == article and any(p.start < e and s < p.end for s, e in spans):
                return fact, value
    raise AssertionError(f"gold value {text!r} of {sample.ref_of[article]} not found")


def test_every_recoverable_gold_value_is_found(sample_stories: dict[str, Any]) -> None:
    for name, sample in sample_stories.items():
        facts = compare_facts(sample.material)
        for _, _, value, article in gold_values(sample):
            _, found = match(facts, sample, article, value["text"])
            assert found.value == pytest.approx(value["value"], rel=0.01, abs=0.05), (name, value)
            assert found.approx == value["bound"], (name, value)


def grouping(sample: Any) -> tuple[list[Fact], dict[int, list[tuple[Fact, str, str]]]]:
    facts = compare_facts(sample.material)
    found: dict[int, list[tuple[Fact, str, str]]] = {}
    for index, _, value, article in gold_values(sample):
        fact, _ = match(facts, sample, article, value["text"])
        found.setdefault(index, []).append((fact, sample.ref_of[article], value["text"]))
    return facts, found


def test_gold_fact_groups_and_status(sample_stories: dict[str, Any]) -> None:
    for name, sample in sample_stories.items():
        _, found = grouping(sample)
        for index, members in found.items():
            gold = sample.gold["facts"][index]
            main = max(
                {id(f): f for f, _, _ in members}.values(),
                key=lambda f: sum(m[0] is f for m in members),
            )
            assert main.status == gold["status"], (name, gold["about"])
            for fact, ref, text in members:
                if fact is not main:
                    assert (name, ref, text) in KNOWN_SPLITS, (name, gold["about"], text)
                    assert fact.status == "single"


def test_gold_grouping_precision_and_recall(sample_stories: dict[str, Any]) -> None:
    """Pairwise over recoverable gold values: two values in one predicted fact must be
    in one gold fact (precision 1.0); recall 210 / 227 = 0.93 when written (the
    three known splits)."""
    same_gold = same_both = same_predicted = 0
    for sample in sample_stories.values():
        _, found = grouping(sample)
        flat = [(index, fact) for index, members in found.items() for fact, _, _ in members]
        for (g1, f1), (g2, f2) in itertools.combinations(flat, 2):
            same_gold += g1 == g2
            same_predicted += f1 is f2
            same_both += g1 == g2 and f1 is f2
    assert same_both == same_predicted  # precision 1.0
    assert same_both / same_gold >= 0.9


def test_planted_disagreements_and_conversions(sample_stories: dict[str, Any]) -> None:
    differ_about = {"caldera-wildfire": "people", "port-strike": "member", "river-accord": "flow"}
    for name, sample in sample_stories.items():
        facts, found = grouping(sample)
        differing = [f for f in facts if f.status == "differ"]
        assert [f.about for f in differing] == [differ_about[name]]
        gold_index = next(i for i, f in enumerate(sample.gold["facts"]) if f["status"] == "differ")
        assert {id(f) for f, _, _ in found[gold_index]} == {id(differing[0])}
    # Square miles against square kilometres agree once converted.
    for name, about in (("caldera-wildfire", "area burned"), ("river-accord", "area of the")):
        sample = sample_stories[name]
        _, found = grouping(sample)
        index = next(i for i, f in enumerate(sample.gold["facts"]) if f["about"].startswith(about))
        facts = {id(f): f for f, _, _ in found[index]}
        assert len(facts) == 1
        (fact,) = facts.values()
        assert fact.status == "agree" and fact.unit == "km2"
        assert any("square miles" in v.passage.text for v in fact.values)


def test_facts_provenance_and_order(sample_stories: dict[str, Any]) -> None:
    rank = {"differ": 0, "agree": 1, "single": 2}
    for sample in sample_stories.values():
        material = sample.material
        facts = compare_facts(material)
        assert [f.id for f in facts] == [f"f{n}" for n in range(1, len(facts) + 1)]
        assert [rank[f.status] for f in facts] == sorted(rank[f.status] for f in facts)
        for fact in facts:
            for value in fact.values:
                p = value.passage
                assert material.by_id[p.article].text[p.start : p.end] == p.text
                assert p.outlet == material.outlet(p.article)
            figures = {}
            for value in fact.values:  # never two different figures of one article
                figures.setdefault(value.passage.article, set()).add(value.value)
            assert all(len(v) == 1 for v in figures.values()), fact
            sources = material.sources(v.passage.article for v in fact.values)
            assert (fact.status == "single") == (sources == 1)
        assert compare_facts(material) == facts  # deterministic


UNITS_A = (
    "The landslide buried the road below Jelvar under a wall of mud 40 m wide on Monday.\n\n"
    "Repairs to the road are expected to take 6 weeks, the district office said.\n\n"
    "Support for the plan stands at more than 39% in the latest poll."
)
UNITS_B = (
    "On Monday a landslide covered the road below Jelvar with a band of mud 60 metres wide.\n\n"
    "The district office said repairs to the road would take three months.\n\n"
    "Approximately 40% of voters back the plan, the latest poll shows."
)
UNITS_C = "Two-fifths of voters support the plan, according to the latest poll."


def test_units_of_one_dimension_compare_and_show_as_written(analyzer: Analyzer) -> None:
    material = invented(
        analyzer, [("Brenna Post", UNITS_A), ("Harbour FM", UNITS_B), ("Jelvar Radio", UNITS_C)]
    )
    by_text = {text: f for f in compare_facts(material) for _, text in texts_of(f)}
    # metres are labelled metres, not km; 40 m and 60 metres are one measure that differs
    width = by_text["40 m"]
    assert width is by_text["60 metres"] and width.status == "differ" and width.unit == "m"
    assert sorted(v.value for v in width.values) == [40.0, 60.0]
    # weeks against months: compared and shown in days (no outlet's figure restated in
    # another outlet's unit; each value keeps its own words)
    repairs = by_text["6 weeks"]
    assert repairs is by_text["three months"] and repairs.status == "differ"
    assert repairs.unit == "days"
    # compatible readings of one share sit in one agreeing row
    share = by_text["more than 39%"]
    assert share is by_text["Approximately 40%"] is by_text["Two-fifths"]
    assert share.status == "agree"


def test_an_article_of_many_figures_has_its_first_ones_compared(
    analyzer: Analyzer, caplog: pytest.LogCaptureFixture
) -> None:
    """The pair checks are quadratic, so a table-like article's figures past the limit
    are left out, with a warning naming the article; under the limit all are compared."""
    table = " ".join(f"Dock {k} handled {k * 100 + 7} crates on Monday." for k in range(1, 36))
    other = "Dock 35 handled 3507 crates on Monday, the port said."
    material = invented(analyzer, [("Fjord Post", table), ("Valley Wire", other)])

    def shared(options: FactOptions) -> bool:
        """Whether the table's 3507 crates is a value of some fact."""
        return any(
            (v.passage.outlet, v.passage.text) == ("Fjord Post", "3507 crates")
            for f in compare_facts(material, options)
            for v in f.values
        )

    assert shared(FactOptions())
    with caplog.at_level("WARNING", logger="newsprism.reconcile.facts"):
        assert not shared(FactOptions(max_story_figures=31))  # 30 and 1
    assert "35 figures, the first 30 compared" in caplog.text


def test_the_largest_articles_lose_figures_first() -> None:
    """An ordinary article keeps every figure beside a big one; only when the story's
    total is over its budget are the largest cut, never under 30 an article."""
    assert _figure_limit([71] + [5] * 49, FactOptions()) == 300
    assert _figure_limit([5000, 5], FactOptions()) == 300
    assert _figure_limit([400] * 20, FactOptions()) == 142  # 20 x 142 <= 3,000
    assert _figure_limit([5000] * 200, FactOptions()) == 30
