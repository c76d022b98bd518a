"""Calendar days as join evidence: the days an article's text gives (the analyser's dates
resolved to one day), kept per story like the numbers, measured as a Jaccard, saved with
the state (format 4) and read from a format 3 state without them."""

from __future__ import annotations

import io
import json
from dataclasses import replace

import numpy as np
import pytest

from newsprism.cluster.join import FEATURES, Evidence, JoinModel, with_lead
from newsprism.cluster.signals import ArticleSignals, calendar_days, signals_of
from newsprism.cluster.state import STATE_FORMAT
from newsprism.cluster.stories import ClusterOptions, StoryClusterer
from newsprism.model import Analysis, Article, DateMention
from tests.test_cluster_split import ARRIVAL, HASTY

SPLITTING = ClusterOptions(embeddings="off", model=HASTY)


def _mention(date: str | None, anchor: str = "absolute", ambiguous: bool = False) -> DateMention:
    return DateMention("a date", 0, 6, date, anchor, ambiguous)  # type: ignore[arg-type]


def _analysis(*dates: DateMention) -> Analysis:
    return Analysis("a1", "test", dates=dates)


def test_calendar_days_are_the_dates_resolved_to_one_day() -> None:
    found = calendar_days(
        _analysis(
            _mention("2026-03-02"),  # "March 2, 2026"
            _mention("2026-03-04", "published"),  # "on Wednesday" in a dated article
        )
    )
    assert found == frozenset({"2026-03-02", "2026-03-04"})


@pytest.mark.parametrize(
    "mention",
    [
        _mention("2026-03-02/2026-03-08"),  # a week
        _mention("2026-03-01/2026-03-31"),  # "in March"
        _mention("2026"),  # a year
        _mention(None, "deferred"),  # "on Tuesday" in an undated article
        _mention("2026-04-03", ambiguous=True),  # "3/4/2026": either order may be wrong
    ],
)
def test_ranges_undecided_and_unresolved_dates_give_no_day(mention: DateMention) -> None:
    assert calendar_days(_analysis(mention)) == frozenset()


def test_signals_carry_the_days_and_none_without_an_analysis() -> None:
    article = Article(id="a1", source="x", text="The dam opened on March 2, 2026.")
    assert signals_of(article, _analysis(_mention("2026-03-02"))).days == {"2026-03-02"}
    assert signals_of(article, None).days == frozenset()


def test_days_count_only_where_the_model_weighs_them_and_keep_the_old_features() -> None:
    plain = Evidence(0.3, 0.4, 0.5, 0.2, None, None, 0.35)
    values = dict(zip(FEATURES, replace(plain, days=0.5).features(), strict=True))
    assert values["days"] == 0.5
    assert dict(zip(FEATURES, plain.features(), strict=True))["days"] == 0.0  # absent: 0
    assert with_lead(replace(plain, days=0.5), 0.07).days == 0.5  # carried with the lead
    old = JoinModel.from_dict({"intercept": -1.0, "weights": {"text_mean": 4.0}})
    assert old.logit(replace(plain, days=1.0)) == old.logit(plain)  # a file without days


def _report(aid: str, day: str | None) -> ArticleSignals:
    text = (
        "The river ferry capsized near the harbour mouth and rescuers pulled eleven "
        "passengers from the water while divers searched the hull for others."
    )
    days = frozenset({day}) if day else frozenset()
    return ArticleSignals(aid, None, "Ferry capsizes near harbour", text, days=days)


def _clusterer(days_weight: float) -> StoryClusterer:
    weights = tuple(
        {"text_mean": 6.0, "no_cohesion": 0.0, "days": days_weight}.get(n, 0.0) for n in FEATURES
    )
    c = StoryClusterer(ClusterOptions(embeddings="off", model=JoinModel(-4.0, weights)))
    c.vectorizer.observe([_report(str(n), None).text for n in range(3)])  # type: ignore[attr-defined]
    return c


def test_a_shared_day_raises_the_odds_and_a_missing_or_other_day_does_not_lower_them() -> None:
    c = _clusterer(3.0)
    same = c.probability(_report("a", "2026-03-02"), _report("b", "2026-03-02"))
    undated = c.probability(_report("a", "2026-03-02"), _report("b", None))
    other = c.probability(_report("a", "2026-03-02"), _report("b", "2026-03-05"))
    neither = c.probability(_report("a", None), _report("b", None))
    assert same > undated
    assert undated == other == neither  # only a shared day is evidence


def _meta(state: bytes) -> dict[str, object]:
    meta: dict[str, object] = json.loads(np.load(io.BytesIO(state))["meta"].tobytes())
    return meta


def _with_days(signals: ArticleSignals, day: str) -> ArticleSignals:
    return replace(signals, days=frozenset({day}))


DATED = [_with_days(a, "2026-03-02" if "flood" in a.article_id else "2026-03-09") for a in ARRIVAL]


def test_a_state_keeps_each_storys_days_and_each_kept_members() -> None:
    built = StoryClusterer(SPLITTING)
    built.add_many(DATED)
    restored = StoryClusterer.from_state(built.state(), SPLITTING)
    assert _meta(built.state())["format"] == STATE_FORMAT == 4
    before = {s.id: s for s in built._stories.values()}
    for after in restored._stories.values():
        assert after.days == before[after.id].days and after.days
        assert after.kept is not None
        assert {k.days for k in after.kept.values()} <= {
            frozenset({"2026-03-02"}),
            frozenset({"2026-03-09"}),
        }


def as_format_3(data: bytes) -> bytes:
    """A current state rewritten as format 3 wrote it: no days with the stories, kept
    member rows of 11 fields."""
    with np.load(io.BytesIO(data), allow_pickle=False) as saved:
        arrays = {name: saved[name] for name in saved.files}
    meta = json.loads(arrays["meta"].tobytes().decode())
    meta["format"] = 3
    for entry in meta["stories"]:
        entry.pop("days", None)
        entry.get("rest", {}).pop("days", None)
    for entry in meta["kept"]:
        for row in entry["members"] or []:
            row.pop()
    arrays["meta"] = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    return buffer.getvalue()


def test_a_format_3_state_is_read_without_days_and_saved_as_format_4() -> None:
    built = StoryClusterer(SPLITTING)
    built.add_many(DATED[:4])
    old = StoryClusterer.from_state(as_format_3(built.state()), SPLITTING)
    assert [len(s.days) for s in old._stories.values()] == [0] * len(old._stories)
    assert [s.articles for s in old.stories()] == [s.articles for s in built.stories()]
    old.add_many(DATED[4:])  # the members that come now bring their days
    assert any(s.days for s in old._stories.values())
    assert _meta(old.state())["format"] == 4
    again = StoryClusterer.from_state(old.state(), SPLITTING)
    assert [s.articles for s in again.stories()] == [s.articles for s in old.stories()]


# Review s43/g S1 on 273fc28: a weekday resolved against the publication time gives every
# article of one news day the same date, so a shared day alone must not join two reports
# with nothing else in common (invented reports of one Tuesday in two invented towns).
FIRE = (
    "Fire crews fought a blaze at a timber warehouse by the docks on Tuesday. The brigade "
    "said the roof collapsed before dawn while nobody was inside the building."
)
CRASH = (
    "A bus carrying workers to a factory crashed on Tuesday. Police said nine people were "
    "taken to hospital with minor injuries after the driver swerved to avoid a deer."
)
BACKGROUND = (
    "The council approved its budget for the coming year after a debate about school repairs.",
    "Shipping firms complained about new harbour tolls that will pay for dredging the channel.",
    "A new poll shows the governing party losing ground ahead of the regional election.",
)
TUESDAY = frozenset({"2026-03-03"})


def test_the_shipped_model_does_not_join_unrelated_reports_for_sharing_a_day() -> None:
    c = StoryClusterer(ClusterOptions(embeddings="off"))
    c.vectorizer.observe([FIRE, CRASH, *BACKGROUND])  # type: ignore[attr-defined]
    fire = ArticleSignals("fire", None, "Warehouse fire", FIRE, days=TUESDAY)
    crash = ArticleSignals("crash", None, "Bus crash", CRASH, days=TUESDAY)
    undated = replace(crash, days=frozenset())
    assert c.probability(fire, crash) == pytest.approx(c.probability(fire, undated))
    assert c.probability(fire, crash) < 0.5


def test_unrelated_reports_of_one_news_day_stay_apart_end_to_end() -> None:
    """With the analyser: both say 'on Tuesday' and were published the next morning."""
    from datetime import UTC, datetime, timedelta

    from newsprism.analyze.analyzer import Analyzer

    published = datetime(2026, 3, 4, 8, tzinfo=UTC)  # a Wednesday
    texts = {"fire": FIRE, "crash": CRASH} | {f"bg{n}": t for n, t in enumerate(BACKGROUND)}
    articles = [
        Article(
            aid,
            f"{aid}.txt",
            text,
            outlet=f"Outlet {n}",
            title=aid.title(),
            published=published + timedelta(minutes=n),
            language="en",
        )
        for n, (aid, text) in enumerate(texts.items())
    ]
    signals = [
        signals_of(a, x) for a, x in zip(articles, Analyzer().analyze_many(articles), strict=True)
    ]
    assert signals[0].days == signals[1].days == TUESDAY  # the day is found on both
    c = StoryClusterer(ClusterOptions(embeddings="off"))
    c.add_many(signals)
    assert ("fire",) in [s.articles for s in c.stories()]
